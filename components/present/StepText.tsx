import type { Step } from '@/lib/present/steps';
import { Spans } from '../Spans';
import { Tape } from '../Tape';

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
          <Tape
            key={i}
            paragraph={p}
            mark={mark}
            prefix="present-tape"
            paragraphClass="present-para present-para--voicemail"
          />
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
