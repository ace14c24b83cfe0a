import type { Paragraph } from '@/scenes/types';
import type { Step } from '@/lib/present/steps';
import { Spans } from '../Spans';

/**
 * The voicemail as a tape: the words are separate for the playback effect and hidden
 * from assistive technology, which reads the sentence whole from a visually hidden copy.
 */
function Tape({ paragraph, mark }: { paragraph: Paragraph; mark: boolean }) {
  const words = paragraph.text.split(/(?<=\s)/);
  return (
    <figure className="present-tape">
      <div className="present-tape__reels" aria-hidden="true">
        <span className="present-tape__reel" />
        <span className="present-tape__reel" />
      </div>
      <p className="present-para present-para--voicemail">
        <span className="sr-only" data-paragraph={mark ? 'voicemail' : undefined}>
          {paragraph.text}
        </span>
        <span aria-hidden="true">
          {words.map((word, i) => (
            <span key={i} className="present-tape__word">
              {word}
            </span>
          ))}
        </span>
      </p>
    </figure>
  );
}

/**
 * The words of one step, as the presentation sets them. `mark` puts the
 * `data-paragraph` marks on, which the audience's copy carries and a preview (the
 * presenter's "next") does not, so each paragraph of the story is marked once a page.
 */
export function StepText({ step, mark = true }: { step: Step; mark?: boolean }) {
  return (
    <div className="present-text">
      {step.beat.paragraphs.map((p, i) =>
        p.kind === 'voicemail' ? (
          <Tape key={i} paragraph={p} mark={mark} />
        ) : (
          <p
            key={i}
            className={`present-para present-para--${step.kind === 'coda' ? 'fin' : p.kind}`}
            data-paragraph={mark ? p.kind : undefined}
          >
            <Spans spans={p.spans} />
          </p>
        ),
      )}
    </div>
  );
}
