'use client';

import type { RefObject } from 'react';
import { runMs } from '@/lib/present/autoplay';
import { bookendSummary, isBeatStep, type Step } from '@/lib/present/steps';
import type { Notice } from '@/lib/drivers/useNotice';
import type { Announcement } from '@/lib/drivers/useStepAnnouncement';
import { formatElapsed, useClock, useElapsed } from '@/lib/drivers/useClock';
import type { Controls } from '@/lib/present/controls';
import { useReadingColumn } from '../Stage';
import { ControlsRow } from './ControlsRow';
import { LiveRegion } from './LiveRegion';
import { StepLight } from './StepLight';
import { StepText } from './StepText';
import { Where } from './Where';
import { ProgressBar } from '../ui/ProgressBar';
import button from '../ui/Button.module.css';
import stepStyles from './Step.module.css';
import styles from './PresenterView.module.css';

interface Props {
  steps: Step[];
  controls: Controls;
  announcement: Announcement | null;
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
export function PresenterView({ steps, controls, announcement, notice, digits, mainRef }: Props) {
  const { step, total, blackout, wpm } = controls;
  const column = useReadingColumn(mainRef);
  const now = useClock();
  const [elapsed, restartTimer] = useElapsed();
  const current = steps[step];
  const next = steps[step + 1];
  // What autoplay would take from here, to the minute: a guide for pacing a reading.
  const left = `${Math.round(
    runMs(
      steps.slice(step).map((s) => s.words),
      wpm,
    ) / 60_000,
  )} min`;

  return (
    <div className={styles.presenter}>
      <header className={styles.header}>
        <h1 className={styles.title}>Presenter view</h1>
        <Where steps={steps} step={step} />
        <ProgressBar fraction={(step + 1) / total} className={styles.progress} eased />
      </header>

      <main ref={column} className={styles.now} tabIndex={-1} aria-labelledby="presenter-now">
        <h2 id="presenter-now" className={styles.label}>
          Now{blackout && <span className={styles.badge}> · the screen is blacked out</span>}
        </h2>
        <div className={styles.live}>
          <section className={stepStyles.step} data-step={step} data-kind={current.kind} key={step}>
            {isBeatStep(current) ? (
              <>
                {current.opensScene && current.scene.kind !== 'coda' && (
                  <h3 className={stepStyles.scene}>{current.scene.name}</h3>
                )}
                <StepLight step={current} />
                <StepText step={current} />
              </>
            ) : (
              <p>
                {bookendSummary(current)}: <cite>{current.label}</cite>
              </p>
            )}
          </section>
          <LiveRegion announcement={announcement} notice={notice} digits={digits} />
        </div>
      </main>

      <section className={styles.next} aria-labelledby="presenter-next">
        <h2 id="presenter-next" className={styles.label}>
          Next
        </h2>
        {next && isBeatStep(next) ? (
          <div className={styles.preview} data-step={step + 1}>
            {next.opensScene && next.scene.kind !== 'coda' && <p className={stepStyles.scene}>{next.scene.name}</p>}
            <StepText step={next} mark={false} />
          </div>
        ) : next ? (
          <p className={styles.preview} data-step={step + 1}>
            {bookendSummary(next)}.
          </p>
        ) : (
          <p className={styles.preview}>The end of the story.</p>
        )}
      </section>

      <section className={styles.times} aria-label="Time">
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
            {/* Short for the eye, whole for the ear: an <abbr> is heard as "180 wpm, words a minute". */}
            <dd data-testid="pace">
              <span aria-hidden="true">{`${wpm} wpm`}</span>
              <span className="sr-only">{`${wpm} words a minute`}</span>
            </dd>
          </div>
          <div>
            <dt>To the end</dt>
            <dd>{left}</dd>
          </div>
        </dl>
        <button type="button" className={button.button} onClick={restartTimer}>
          Restart the timer
        </button>
      </section>

      <ControlsRow controls={controls} view="presenter" />
    </div>
  );
}
