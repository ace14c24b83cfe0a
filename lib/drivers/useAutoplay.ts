'use client';

import { useEffect, useEffectEvent } from 'react';

/**
 * The autoplay driver: while `running`, turns to the next step once the current one has
 * been shown for `dwell` ms. The clock restarts whenever the step (`at`) or the dwell
 * changes, so a reader who steps by hand while playing gets the full time on the new
 * step, and a change of pace applies at once.
 */
export function useAutoplay(running: boolean, at: number, dwell: number, advance: () => void) {
  const turn = useEffectEvent(advance);

  useEffect(() => {
    if (!running) return;
    const timer = window.setTimeout(() => turn(), dwell);
    return () => window.clearTimeout(timer);
  }, [running, at, dwell]);
}
