import { useWindowTitle } from '@/lib/drivers/useWindowTitle';
import { isBeatStep, type Step } from '@/lib/present/steps';
import { windowTitle } from '@/lib/present/windowTitle';
import type { Story } from '@/scenes/types';
import { LightNote, peakPlace, StoryParagraph } from '../StoryParagraph';
import styles from './Handouts.module.css';

/**
 * The presentation as handouts (`/present?print`): every step on a page of its own, headed
 * by its scene and number, as reveal.js prints slides. Printing it gives one sheet a step.
 *
 * Plain paper, not the light: a sheet a step in the room's dark colours would spend a
 * cartridge of toner on a story of 68 steps, and on paper the gradient is only a blur of
 * one colour. The light is told instead, in the words a screen reader hears with the
 * step, set as the quiet aside /read uses.
 */
export function Handouts({ story, steps }: { story: Story; steps: Step[] }) {
  useWindowTitle(windowTitle('handouts', story.title));
  // The story's steps: the title is the sheet's own heading, and the closing card is for the screen.
  const sheets = steps.filter(isBeatStep);
  return (
    <main className={styles.handouts} data-handouts="" aria-labelledby="handouts-title">
      <header className={styles.intro}>
        <h1 id="handouts-title" className={styles.title}>
          {story.title}
        </h1>
        <p>
          Handouts of the presentation: the story’s {sheets.length} steps, one a page, each with its scene and its
          number. Print them, or save them as a PDF, with the browser’s Print command.
        </p>
        <p className={styles.actions}>
          <button type="button" className={styles.button} onClick={() => window.print()}>
            Print
          </button>
          {/* A full load: the presentation reads its options from the address once, as it opens. */}
          <a href="/present" className={styles.button}>
            Back to the presentation
          </a>
        </p>
      </header>
      {sheets.map((step) => (
        <section
          key={step.beat.id}
          className={styles.handout}
          data-handout=""
          data-size={step.size}
          aria-labelledby={`handout-${step.index + 1}`}
        >
          <h2 id={`handout-${step.index + 1}`} className={styles.where}>
            <span>{step.scene.name}</span>
            <span aria-hidden="true"> · </span>
            <span className="sr-only">, </span>
            <span>
              step {step.index + 1} of {steps.length}
            </span>
          </h2>
          {/* The light as the presentation tells it with the step: the scene's as it opens, then the change. */}
          <div className={styles.body}>
            {step.opensScene && <LightNote light={step.scene.light} />}
            {step.beat.light && <LightNote light={step.beat.light} />}
            {step.beat.paragraphs.map((p, i) => (
              <StoryParagraph
                key={i}
                paragraph={p}
                coda={step.kind === 'coda'}
                peak={peakPlace(step.beat.hold, i, step.beat.paragraphs.length)}
              />
            ))}
          </div>
        </section>
      ))}
    </main>
  );
}
