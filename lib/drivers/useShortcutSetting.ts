'use client';

import { useCallback, useSyncExternalStore } from 'react';

const KEY = 'come-home:shortcuts';
const listeners = new Set<() => void>();
/** The reader's choice in this page, for when storage is unavailable. */
let chosen: boolean | undefined;

function read(): boolean {
  if (chosen !== undefined) return chosen;
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    // Storage can be blocked: the shortcuts are on, as they are by default.
    return true;
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another window of the presentation (the presenter view) may change it.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== KEY) return;
    chosen = undefined;
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/**
 * Whether the presentation's single-character shortcuts act (lib/present/keys): on unless
 * the reader turned them off in the help, remembered locally. The server renders them on.
 */
export function useShortcutSetting(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, read, () => true);
  const set = useCallback((next: boolean) => {
    chosen = next;
    try {
      localStorage.setItem(KEY, next ? 'on' : 'off');
    } catch {
      // Without storage the choice lasts for this page.
    }
    for (const listener of listeners) listener();
  }, []);
  return [on, set];
}
