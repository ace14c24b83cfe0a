'use client';

import { useSyncExternalStore } from 'react';

const subscribe = (tick: () => void) => {
  const timer = window.setInterval(tick, 1000);
  return () => window.clearInterval(timer);
};
const nowInSeconds = () => Math.floor(Date.now() / 1000);

/** The time now, in whole seconds, updated every second (for the presenter's clock and timer). */
export function useClock(): number {
  return useSyncExternalStore(subscribe, nowInSeconds, () => 0);
}

/** "4:05" or "1:02:03". */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}
