import type { BeatStep } from '@/lib/present/steps';
import { Spans } from '../Spans';
import { Tape } from '../Tape';
import styles from './StepText.module.css';

/**
 * The words of one step, as the presentation sets them. `mark` puts the
 * `data-paragraph` marks on, which the audience's copy carries and a preview (the
 * presenter's "next") does not, so each paragraph of the story is marked once a page.
 */
export function StepText({ step, mark = true }: { step: BeatStep; mark?: boolean }) {
  return (
    <div className={styles.text}>
      {step.beat.paragraphs.map((p, i) =>
        p.kind === 'voicemail' ? (
          <Tape key={i} paragraph={p} mark={mark} size="step" />
        ) : (
          <p
            key={i}
            className={styles.para}
            data-kind={step.kind === 'coda' ? 'coda' : p.kind}
            data-anim="line"
            data-paragraph={mark ? p.kind : undefined}
          >
            <Spans spans={p.spans} />
          </p>
        ),
      )}
    </div>
  );
}
