'use client';

import { useEffect, type RefObject } from 'react';
import { INTENT_MS, shouldRecede } from './recede';

/** Keys that scroll the page: a scroll soon after one of them is the reader's. */
const SCROLL_KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', ' ', 'End', 'Home']);

/**
 * Steps the bar aside while the reader reads down the page (`lib/chrome/recede.ts`), by an
 * attribute on the bar: no render for a scroll. `held` keeps it out (its menu open).
 */
export function useRecedingBar(bar: RefObject<HTMLElement | null>, held: boolean) {
  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    let from = window.scrollY;
    let intentAt = -Infinity;
    let receded = el.hasAttribute('data-receded');
    const set = (next: boolean) => {
      if (next === receded) return;
      receded = next;
      el.toggleAttribute('data-receded', next);
    };
    const intent = () => void (intentAt = performance.now());
    const onKey = (e: KeyboardEvent) => {
      if (SCROLL_KEYS.has(e.key)) intent();
    };
    const onScroll = () => {
      const to = window.scrollY;
      const byReader = performance.now() - intentAt < INTENT_MS;
      set(shouldRecede({ receded, from, to, byReader, held: held || el.contains(document.activeElement) }));
      from = to;
    };
    // Focus arriving in the bar (Tab from the top of the page, a shortcut) brings it back.
    const onFocus = () => set(false);
    if (held) set(false);
    window.addEventListener('wheel', intent, { passive: true });
    window.addEventListener('touchmove', intent, { passive: true });
    window.addEventListener('keydown', onKey);
    window.addEventListener('scroll', onScroll, { passive: true });
    el.addEventListener('focusin', onFocus);
    return () => {
      window.removeEventListener('wheel', intent);
      window.removeEventListener('touchmove', intent);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', onScroll);
      el.removeEventListener('focusin', onFocus);
    };
  }, [bar, held]);
}
