'use client';

import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { ANNOUNCEMENT_HOLD_MS, SETTLE_MS } from '@/lib/present/announcement';
import { settle, type Settler } from '@/lib/present/settle';

export interface Announcement {
  text: string;
  /** Changes with every announcement, so the same words said again are news again. */
  id: number;
}

/**
 * One announcement per step the reader stops on. The step shown changes at once; its
 * announcement waits until the step has stayed `SETTLE_MS`, so paging through quickly
 * announces only where it stops. The step the page opened on is already on the page and
 * is not announced, nor a return to the step last announced. The words go after a while
 * (`ANNOUNCEMENT_HOLD_MS`), so reading the page line by line does not meet them twice.
 *
 * `step` is null until the page knows it; `describe` gives a step's words.
 */
export function useStepAnnouncement(step: number | null, describe: (step: number) => string): Announcement | null {
  const [said, setSaid] = useState<Announcement | null>(null);
  /** The step last announced, or the one the page opened on. */
  const last = useRef<number | null>(null);
  const settler = useRef<Settler<number> | null>(null);
  const words = useEffectEvent(describe);

  useEffect(() => {
    let count = 0;
    const s = settle<number>(SETTLE_MS, (settled) => {
      if (settled === last.current) return;
      last.current = settled;
      setSaid({ text: words(settled), id: ++count });
    });
    settler.current = s;
    return () => {
      s.cancel();
      settler.current = null;
    };
  }, []);

  useEffect(() => {
    if (step === null) return;
    if (last.current === null) last.current = step;
    else settler.current?.push(step);
  }, [step]);

  useEffect(() => {
    if (!said) return;
    const timer = window.setTimeout(() => setSaid(null), ANNOUNCEMENT_HOLD_MS);
    return () => window.clearTimeout(timer);
  }, [said]);

  return said;
}
