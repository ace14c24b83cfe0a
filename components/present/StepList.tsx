'use client';

import { useCallback, useLayoutEffect, useRef, type Ref } from 'react';
import styles from './Step.module.css';

interface Props {
  /** The steps' markup, made at build time from `StepSections` (./StepSections.tsx). */
  html: string;
  total: number;
  /** The step on screen, or null before the page knows it (server HTML, hydration). */
  current: number | null;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The steps on screen. Once the presentation knows where it is, every step but the current
 * one is hidden and inert, and the current one says, last and to a screen reader only, which
 * step of how many it is. React adopts the server's nodes and never renders the text again:
 * turning a step changes the attributes of the step that goes and the one that comes.
 */
export function StepList({ html, total, current, ref }: Props) {
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
  const count = useRef<HTMLParagraphElement | null>(null);

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
    count.current ??= Object.assign(document.createElement('p'), { className: 'sr-only' });
    count.current.textContent = `Step ${current + 1} of ${total}.`;
    next.append(count.current);
  }, [current, total]);

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
