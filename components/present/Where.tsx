import type { Step } from '@/lib/present/steps';

/** Where the presentation is: the scene's name and the step's number, as "The call · step 21 of 68". */
export function Where({ steps, step }: { steps: Step[]; step: number }) {
  return (
    <p className="present-where" data-needs-js="" data-testid="where">
      <span className="present-where__scene">{steps[step].scene.name}</span>
      <span aria-hidden="true"> · </span>
      <span className="sr-only">, </span>
      <span className="present-where__count">
        step {step + 1} of {steps.length}
      </span>
    </p>
  );
}
