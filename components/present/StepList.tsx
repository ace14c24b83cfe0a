import { memo, type Ref } from 'react';
import type { Step } from '@/lib/present/steps';
import { stepHash } from '@/lib/present/hash';
import { StepLight } from './StepLight';
import { StepText } from './StepText';
import styles from './Step.module.css';

interface Props {
  steps: Step[];
  /** The step on screen, or null before the page knows it (server HTML, hydration). */
  current: number | null;
  ref?: Ref<HTMLDivElement>;
}

/**
 * Every step of the story, in order. The server renders them all, so the HTML is the
 * whole story and a browser without JavaScript shows it as one long page; once the
 * presentation knows where it is, every step but the current one is hidden and inert.
 */
export function StepList({ steps, current, ref }: Props) {
  return (
    <div ref={ref} className={styles.steps} data-steps="" data-ready={current === null ? undefined : ''}>
      {steps.map((step) => (
        <StepSection
          key={step.beat.id}
          step={step}
          away={current !== null && step.index !== current}
          count={current === step.index ? steps.length : null}
        />
      ))}
    </div>
  );
}

/**
 * One step. Memoised: turning a page re-renders the step that goes and the one that comes,
 * not the words of all the others (the whole story) on every press.
 */
const StepSection = memo(function StepSection({
  step,
  away,
  count,
}: {
  step: Step;
  away: boolean;
  /** The number of steps, for the step on screen only. */
  count: number | null;
}) {
  const { scene } = step;
  return (
    <section
      id={stepHash(step.index).slice(1)}
      className={styles.step}
      data-step={step.index}
      data-kind={step.kind}
      data-size={step.size}
      hidden={away}
      inert={away}
    >
      {/* The closing card's one line is its own title: a heading would say "Fin" twice. */}
      {step.opensScene && scene.kind !== 'coda' && (
        <h2 className={styles.scene} data-anim="scene">
          {scene.name}
        </h2>
      )}
      <StepLight step={step} />
      <StepText step={step} />
      {/* Said briefly after the step's words, for the step on screen only. */}
      {count !== null && <p className="sr-only">{`Step ${step.index + 1} of ${count}.`}</p>}
    </section>
  );
});
