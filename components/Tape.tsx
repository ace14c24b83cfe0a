import type { Paragraph } from '@/scenes/types';

interface Props {
  paragraph: Paragraph;
  /** Class prefix: each view styles and animates its own tape (`tape`, `present-tape`). */
  prefix: string;
  /** Classes of the paragraph itself, in the view's own paragraph style. */
  paragraphClass: string;
  /** Whether this copy carries the `data-paragraph` mark (once per page for each paragraph). */
  mark?: boolean;
}

/**
 * The voicemail as a tape: the words are separate for the playback effect and hidden
 * from assistive technology, which reads the sentence whole from a visually hidden copy.
 */
export function Tape({ paragraph, prefix, paragraphClass, mark = true }: Props) {
  const words = paragraph.text.split(/(?<=\s)/);
  return (
    <figure className={prefix}>
      <div className={`${prefix}__reels`} aria-hidden="true">
        <span className={`${prefix}__reel`} />
        <span className={`${prefix}__reel`} />
      </div>
      <p className={paragraphClass}>
        <span className="sr-only" data-paragraph={mark ? 'voicemail' : undefined}>
          {paragraph.text}
        </span>
        <span aria-hidden="true">
          {words.map((word, i) => (
            <span key={i} className={`${prefix}__word`}>
              {word}
            </span>
          ))}
        </span>
      </p>
    </figure>
  );
}
