'use client';

import { useCallback, useSyncExternalStore } from 'react';

export type Motion = 'full' | 'reduce';

const KEY = 'come-home:motion';
const query = '(prefers-reduced-motion: reduce)';
const listeners = new Set<() => void>();
/** The reader's choice in this page, for when storage is unavailable. */
let chosen: Motion | undefined;

function read(): Motion {
  if (chosen) return chosen;
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'full' || saved === 'reduce') return saved;
  } catch {
    // Storage can be blocked; the OS setting still applies.
  }
  return matchMedia(query).matches ? 'reduce' : 'full';
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const media = matchMedia(query);
  media.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    media.removeEventListener('change', listener);
  };
}

/**
 * Motion on or off: the OS setting unless the reader chose otherwise with the
 * visible toggle (remembered locally). Server rendering assumes full motion; CSS
 * honours the OS setting before any script runs.
 */
export function useMotionPreference(): [Motion, (motion: Motion) => void] {
  const motion = useSyncExternalStore(subscribe, read, () => 'full' as Motion);
  const set = useCallback((next: Motion) => {
    chosen = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Without storage the choice lasts for this page.
    }
    for (const listener of listeners) listener();
  }, []);
  return [motion, set];
}
