import { isBeatStep, type BeatStep, type Step } from '@/lib/present/steps';
import { stepHash } from '@/lib/present/hash';
import type { Story } from '@/scenes/types';
import { ClosingCard } from '../ClosingCard';
import { StepLight } from './StepLight';
import { StepText } from './StepText';
import styles from './Step.module.css';

/** The title slide: what a room sees before the story starts. */
function TitleSlide({ story }: { story: Story }) {
  return (
    <div className={styles.titleSlide}>
      <p className={styles.label}>A short story</p>
      <h2 className={styles.title} data-anim="line">
        {story.title}
      </h2>
      {story.author && (
        <p className={styles.author} data-anim="line">
          by {story.author}
        </p>
      )}
      <p className={styles.label}>{story.minutes}-minute read</p>
    </div>
  );
}

function BeatSection({ step }: { step: BeatStep }) {
  return (
    <>
      {/* The closing card's one line is its own title: a heading would say "Fin" twice. */}
      {step.opensScene && step.scene.kind !== 'coda' && (
        <h2 className={styles.scene} data-anim="scene">
          {step.scene.name}
        </h2>
      )}
      <StepLight step={step} />
      <StepText step={step} />
    </>
  );
}

/**
 * Every step of the story, in order, as plain markup: the server renders it once, at build
 * time, to the HTML string `StepList` adopts (components/staticMarkup.ts). So the HTML is the
 * whole story, a browser without JavaScript shows it as one long page, and hydration walks
 * none of the story's words.
 */
export function StepSections({ story, steps }: { story: Story; steps: Step[] }) {
  return steps.map((step) => (
    <section
      key={step.anchor || step.kind}
      id={stepHash(step.index).slice(1)}
      className={styles.step}
      data-step={step.index}
      data-kind={step.kind}
      data-size={step.size}
      data-hold={isBeatStep(step) && step.beat.hold ? '' : undefined}
    >
      {isBeatStep(step) ? (
        <BeatSection step={step} />
      ) : step.kind === 'title' ? (
        <TitleSlide story={story} />
      ) : (
        <ClosingCard story={story} on="present" headingId="closing-step-title" />
      )}
    </section>
  ));
}
