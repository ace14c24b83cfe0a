'use client';

import Link from 'next/link';
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { frameLoop } from '@/lib/frame/loop';
import { afterPaint } from '@/lib/idle';
import type { Notice } from '@/lib/drivers/useNotice';
import type { Announcement } from '@/lib/drivers/useStepAnnouncement';
import type { Step } from '@/lib/present/steps';
import type { Story } from '@/scenes/types';
import { useReadingColumn, useStage } from '../Stage';
import type { Controls } from '@/lib/present/controls';
import { ControlsRow } from './ControlsRow';
import { LiveRegion } from './LiveRegion';
import { StepList } from './StepList';
import { Where } from './Where';
import { ProgressBar } from '../ui/ProgressBar';
import button from '../ui/Button.module.css';
import styles from './AudienceView.module.css';

interface Props {
  story: Story;
  steps: Step[];
  /** Every step's markup, made at build time (StepSections). */
  stepsHtml: string;
  controls: Controls;
  ready: boolean;
  /** The step the reader has stopped on, for screen readers (useStepAnnouncement). */
  announcement: Announcement | null;
  notice: Notice | null;
  digits: string;
  mainRef: RefObject<HTMLElement | null>;
}

/**
 * What the room sees: one step at a time in large type over the light, a thin progress
 * line, and a quiet row of controls. The steps are not a live region: the step a reader
 * stops on is announced once, after a pause, through the one live region with the
 * notices (LiveRegion), so paging quickly does not queue every step passed.
 */
export function AudienceView({
  story,
  steps,
  stepsHtml,
  controls,
  ready,
  announcement,
  notice,
  digits,
  mainRef,
}: Props) {
  const { motion } = useStage();
  const list = useRef<HTMLDivElement>(null);
  const column = useReadingColumn(list);
  const { step, total } = controls;
  const current = steps[step];

  // A long step on a small screen scrolls; the next one starts at its top. Whether the page is
  // scrolled is noted as it scrolls: reading scrollY as a step turns would force a layout of
  // the step just shown, in the key press itself.
  const scrolled = useRef(false);
  useEffect(() => {
    const note = () => void (scrolled.current = window.scrollY > 0);
    window.addEventListener('scroll', note, { passive: true });
    return () => window.removeEventListener('scroll', note);
  }, []);
  useLayoutEffect(() => {
    if (ready && scrolled.current) window.scrollTo({ top: 0, behavior: 'instant' });
  }, [ready, step]);

  // The steps' transitions (GSAP) load once the first step has painted, well before a reader
  // turns one: nothing but the words comes first.
  const transitions = useRef<typeof import('@/lib/anim/presentTransitions') | null>(null);
  useEffect(
    () =>
      afterPaint(() => {
        void import('@/lib/anim/presentTransitions').then((loaded) => {
          transitions.current = loaded;
          // For the benchmark and the tests: from here a step turned is a step that enters.
          performance.mark('motion:loaded');
        });
      }),
    [],
  );

  // The step the page opened on was already in the static HTML: it does not arrive again. A
  // step turned before the transitions have loaded simply shows.
  const opened = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (!ready) return;
    if (opened.current === null) {
      opened.current = step;
      return;
    }
    const loaded = transitions.current;
    if (motion === 'reduce' || !loaded) return;
    const el = list.current?.querySelector<HTMLElement>(`[data-step="${step}"]`);
    if (!el) return;
    el.dataset.transition = current.kind;
    // Started in the next frame, before it paints: the key press only turns the step, and
    // GSAP's reading of the entering step's styles joins that frame's own style work.
    let timeline: { revert(): void } | undefined;
    const cancel = frameLoop.once('text', () => {
      timeline = loaded.enterStep(el, current.kind);
    });
    // A step left mid-transition goes back to its plain state, in the next frame too: hidden
    // by then, it costs no style work of the key press.
    return () => {
      cancel();
      if (timeline) frameLoop.once('text', () => timeline?.revert());
      delete el.dataset.transition;
    };
  }, [ready, step, motion, current.kind]);

  return (
    <>
      <ProgressBar fraction={(step + 1) / total} className={styles.progress} eased needsJs />
      <main ref={mainRef} id="present-main" className={styles.main} tabIndex={-1} aria-labelledby="present-title">
        <h1 id="present-title" className="sr-only">
          {story.title}
        </h1>
        <div className={styles.live}>
          <StepList ref={column} html={stepsHtml} current={ready ? step : null} />
          <LiveRegion announcement={announcement} notice={notice} digits={digits} />
        </div>
      </main>
      <nav className={styles.nav} aria-label="Presentation">
        <div className={styles.bar}>
          <Link href={current.anchor ? `/#${current.anchor}` : '/'} className={button.button} data-narrow="symbol">
            <span aria-hidden="true">←</span> Exit
            <span className="sr-only"> to the scrolling story, at this step</span>
          </Link>
          <Where steps={steps} step={step} />
          <ControlsRow controls={controls} view="audience" />
        </div>
      </nav>
    </>
  );
}
