'use client';

import { useEffectEvent, useLayoutEffect, useState } from 'react';
import { parseStepHash, stepHash } from '@/lib/present/hash';
import type { Opening } from '@/lib/present/order';
import { positionOfStep, stepCount, stepOf, type Arc } from '@/lib/story/position';
import type { PositionStore } from '@/lib/story/store';

/**
 * The address driver of the presentation: `#s-N` in the URL sets the position when the
 * page opens (and when the fragment is edited by hand), and the URL follows the
 * position after that, replaced rather than pushed so Back leaves the presentation
 * instead of walking back through every step.
 *
 * Returns null until the position has been taken from the address (until then the page
 * cannot know which step to show), then how the page opened: on a step's address
 * (`link`), or on the first step by default. `onUnknown` is told of a fragment that names
 * no step; the presentation then opens at the first step.
 */
export function useStepHash(arc: Arc, store: PositionStore, onUnknown: (fragment: string) => void): Opening | null {
  const [opening, setOpening] = useState<Opening | null>(null);
  const unknown = useEffectEvent(onUnknown);

  // Before paint: the first frame the reader sees is already the linked step.
  useLayoutEffect(() => {
    const total = stepCount(arc);
    const follow = () => {
      const target = parseStepHash(location.hash, total);
      if (target.kind === 'unknown') unknown(target.fragment);
      store.set(positionOfStep(arc, target.kind === 'step' ? target.step : 0));
      write();
    };
    const write = () => {
      const step = stepOf(arc, store.get());
      // `/present` alone is the first step's address too: opening it adds nothing to the URL.
      if (step === 0 && !location.hash) return;
      const hash = stepHash(step);
      if (location.hash !== hash) history.replaceState(history.state, '', location.pathname + location.search + hash);
    };
    const linked = parseStepHash(location.hash, total).kind === 'step';
    follow();
    // The position is only known in the browser, after the server's HTML has hydrated.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setOpening(linked ? 'link' : 'default');
    const unsubscribe = store.subscribe(write);
    window.addEventListener('hashchange', follow);
    return () => {
      unsubscribe();
      window.removeEventListener('hashchange', follow);
    };
  }, [arc, store]);

  return opening;
}
