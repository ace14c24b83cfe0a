'use client';

import { useCallback, useLayoutEffect, useRef, type Ref } from 'react';
import styles from './Step.module.css';

interface Props {
  /** The steps' markup, made at build time from `StepSections` (./StepSections.tsx). */
  html: string;
  /** The step on screen, or null before the page knows it (server HTML, hydration). */
  current: number | null;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The steps on screen. Once the presentation knows where it is, every step but the current
 * one is hidden and inert. Which step of how many it is, the status line says, and so does,
 * once, the announcement of a step the reader stops on (LiveRegion). React adopts the
 * server's nodes and never renders the text again: turning a step changes the attributes
 * of the step that goes and the one that comes.
 */
export function StepList({ html, current, ref }: Props) {
  const list = useRef<HTMLDivElement | null>(null);
  const setRef = useCallback(
    (el: HTMLDivElement | null) => {
      list.current = el;
      if (typeof ref === 'function') return ref(el);
      if (ref) ref.current = el;
    },
    [ref],
  );
  const shown = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    const root = list.current;
    if (current === null || !root) return;
    const sections = root.querySelectorAll<HTMLElement>(':scope > [data-step]');
    // The first time, every step but the current one goes; after that, only the one that was on screen.
    const away = shown.current ? [shown.current] : [...sections];
    for (const section of away) {
      section.hidden = true;
      section.inert = true;
    }
    const next = sections[current];
    next.hidden = false;
    next.inert = false;
    shown.current = next;
  }, [current]);

  return (
    <div
      ref={setRef}
      className={styles.steps}
      data-steps=""
      data-ready={current === null ? undefined : ''}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
