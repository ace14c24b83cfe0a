import type { Step } from '@/lib/present/steps';
import { stepHash } from '@/lib/present/hash';
import { StepLight } from './StepLight';
import { StepText } from './StepText';
import styles from './Step.module.css';

/**
 * Every step of the story, in order, as plain markup: the server renders it once, at build
 * time, to the HTML string `StepList` adopts (components/staticMarkup.ts). So the HTML is the
 * whole story, a browser without JavaScript shows it as one long page, and hydration walks
 * none of the story's words.
 */
export function StepSections({ steps }: { steps: Step[] }) {
  return steps.map((step) => (
    <section
      key={step.beat.id}
      id={stepHash(step.index).slice(1)}
      className={styles.step}
      data-step={step.index}
      data-kind={step.kind}
      data-size={step.size}
    >
      {/* The closing card's one line is its own title: a heading would say "Fin" twice. */}
      {step.opensScene && step.scene.kind !== 'coda' && (
        <h2 className={styles.scene} data-anim="scene">
          {step.scene.name}
        </h2>
      )}
      <StepLight step={step} />
      <StepText step={step} />
    </section>
  ));
}
