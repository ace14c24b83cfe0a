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
 * The voicemail as a tape. The sentence is set once, as one run of text in the soft ink:
 * that is what a screen reader reads as one phrase, what touch exploration finds and what
 * a selection copies. Over it lies a copy split into words, each of which lights up in
 * the full ink as the tape plays; the copy is decoration only, hidden from assistive
 * technology and from selection, and laid out exactly over the text it covers.
 */
export function Tape({ paragraph, prefix, paragraphClass, mark = true }: Props) {
  const words = paragraph.text.split(/(?<=\s)/);
  return (
    <figure className={prefix} aria-label="Voicemail">
      <div className={`${prefix}__reels`} aria-hidden="true">
        <span className={`${prefix}__reel`} data-anim="reel" />
        <span className={`${prefix}__reel`} data-anim="reel" />
      </div>
      <p className={`${paragraphClass} tape-text`}>
        <span className="tape-text__words" data-paragraph={mark ? 'voicemail' : undefined}>
          {paragraph.text}
        </span>
        <span className="tape-text__lit" aria-hidden="true">
          {words.map((word, i) => (
            <span key={i} className={`${prefix}__word`} data-anim="tape-word">
              {word}
            </span>
          ))}
        </span>
      </p>
    </figure>
  );
}
