'use client';

import { useCallback, useEffect, useReducer, useState, useSyncExternalStore } from 'react';
import { Stopwatch } from '@/lib/present/stopwatch';

const EVERY_SECOND = 1000;

const subscribe = (tick: () => void) => {
  const timer = window.setInterval(tick, EVERY_SECOND);
  return () => window.clearInterval(timer);
};
const nowInSeconds = () => Math.floor(Date.now() / 1000);

/** The time of day, in whole seconds, updated every second (the presenter's clock). Wall time: for showing, never for timing. */
export function useClock(): number {
  return useSyncExternalStore(subscribe, nowInSeconds, () => 0);
}

/**
 * The presenter's timer: whole seconds since this window opened or the timer was
 * restarted, on the monotonic clock (lib/present/stopwatch), so setting the time of day
 * never changes it. Returns the seconds and a restart.
 */
export function useElapsed(): [number, () => void] {
  const [watch] = useState(() => new Stopwatch());
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    // Counted from the moment the window shows its timer, not from the first render.
    watch.restart();
    tick();
    const timer = window.setInterval(tick, EVERY_SECOND);
    return () => window.clearInterval(timer);
  }, [watch]);
  const restart = useCallback(() => {
    watch.restart();
    tick();
  }, [watch]);
  return [watch.elapsed(), restart];
}

/** "4:05" or "1:02:03". */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}
