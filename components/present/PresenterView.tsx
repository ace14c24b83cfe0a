'use client';

import { useState, type RefObject } from 'react';
import { runMs } from '@/lib/present/autoplay';
import type { Step } from '@/lib/present/steps';
import type { Notice } from '@/lib/drivers/useNotice';
import { formatElapsed, useClock } from '@/lib/drivers/useClock';
import type { Controls } from '@/lib/present/controls';
import { useReadingColumn } from '../Stage';
import { ControlsRow } from './ControlsRow';
import { PresentNotice } from './PresentNotice';
import { StepLight } from './StepLight';
import { StepText } from './StepText';
import { Where } from './Where';

interface Props {
  steps: Step[];
  controls: Controls;
  notice: Notice | null;
  digits: string;
  mainRef: RefObject<HTMLElement | null>;
}

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * The presenter's window (`?view=presenter`, opened with S): the step the room sees, the
 * one after it, the time taken and the time of day, and the controls. It drives the
 * same presentation as the audience's window, kept in step through the channel.
 */
export function PresenterView({ steps, controls, notice, digits, mainRef }: Props) {
  const { step, total, blackout, wpm } = controls;
  const column = useReadingColumn(mainRef);
  const now = useClock();
  const [start, setStart] = useState<number | null>(null);
  // The timer starts at the first tick this window sees: the moment it opened.
  if (start === null && now > 0) setStart(now);
  const elapsed = start === null ? 0 : now - start;
  const current = steps[step];
  const next = steps[step + 1];
  // What autoplay would take from here, to the minute: a guide for pacing a reading.
  const left = `${Math.round(
    runMs(
      steps.slice(step).map((s) => s.beat.words),
      wpm,
    ) / 60_000,
  )} min`;

  return (
    <div className="presenter">
      <header className="presenter__header">
        <h1 className="presenter__title">Presenter view</h1>
        <Where steps={steps} step={step} />
        <div className="present__progress presenter__progress" aria-hidden="true">
          <div className="present__bar" style={{ transform: `scaleX(${(step + 1) / total})` }} />
        </div>
      </header>

      <main ref={column} className="presenter__now" tabIndex={-1} aria-labelledby="presenter-now">
        <h2 id="presenter-now" className="presenter__label">
          Now{blackout && <span className="presenter__badge"> · the screen is blacked out</span>}
        </h2>
        <div className="present__live" aria-live="polite">
          <section className="present-step presenter__step" data-step={step} data-kind={current.kind} key={step}>
            {current.opensScene && current.scene.kind !== 'coda' && (
              <h3 className="present-step__scene">{current.scene.name}</h3>
            )}
            <StepLight step={current} />
            <StepText step={current} />
            <p className="sr-only">{`Step ${step + 1} of ${total}.`}</p>
          </section>
          <PresentNotice notice={notice} digits={digits} />
        </div>
      </main>

      <section className="presenter__next" aria-labelledby="presenter-next">
        <h2 id="presenter-next" className="presenter__label">
          Next
        </h2>
        {next ? (
          <div className="presenter__preview" data-step={step + 1}>
            {next.opensScene && next.scene.kind !== 'coda' && <p className="present-step__scene">{next.scene.name}</p>}
            <StepText step={next} mark={false} />
          </div>
        ) : (
          <p className="presenter__end">The end of the story.</p>
        )}
      </section>

      <section className="presenter__times" aria-label="Time">
        <dl>
          <div>
            <dt>Elapsed</dt>
            <dd data-testid="elapsed">{formatElapsed(elapsed)}</dd>
          </div>
          <div>
            <dt>Clock</dt>
            <dd data-testid="clock">{now ? timeOfDay.format(now * 1000) : '–'}</dd>
          </div>
          <div>
            <dt>Pace</dt>
            <dd>
              {wpm} <abbr title="words a minute">wpm</abbr>
            </dd>
          </div>
          <div>
            <dt>To the end</dt>
            <dd>{left}</dd>
          </div>
        </dl>
        <button type="button" className="present-button" onClick={() => setStart(now)}>
          Restart the timer
        </button>
      </section>

      <ControlsRow controls={controls} view="presenter" />
    </div>
  );
}
