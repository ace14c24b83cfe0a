import type { Step } from '@/lib/present/steps';
import { place } from '../ui/place';
import styles from './Where.module.css';

/** Where the presentation is: the scene's name and the step's number, as "The call · step 21 of 68". */
export function Where({ steps, step }: { steps: Step[]; step: number }) {
  return (
    <p className={`${place} ${styles.where}`} data-where="" data-needs-js="" data-testid="where">
      <span>{steps[step].label}</span>
      <span aria-hidden="true"> · </span>
      <span className="sr-only">, </span>
      <span className="tabular-nums">
        step {step + 1} of {steps.length}
      </span>
    </p>
  );
}
