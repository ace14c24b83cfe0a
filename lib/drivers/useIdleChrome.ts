'use client';

import { useEffect, type RefObject } from 'react';
import { isClickerKey } from '@/lib/present/keys';

/** How long the audience's screen waits without input before its controls and the cursor fade. */
export const IDLE_CHROME_MS = 3000;

/** A pointer that moved less than this (CSS px) did not move: a shaking hand or a synthetic event. */
const STILL_PX = 3;

/**
 * On a big screen the controls and the cursor are clutter over the words: after
 * IDLE_CHROME_MS without input the root gets `data-idle`, which the CSS fades them by, and
 * any input takes it away. The attribute is set here, straight on the element, so a
 * mouse move never renders React.
 *
 * The keys that turn steps are not input here (isClickerKey): a presenter with a clicker
 * presses one at every step and must not get the controls back each time. Every other
 * key does, Tab first, and so does focus arriving in the controls, so a keyboard or
 * screen-reader user is never left on a control they cannot see. Nothing fades while the
 * controls hold keyboard focus or a dialog (the overview, the help, the blackout) is open.
 */
export function useIdleChrome(root: RefObject<HTMLElement | null>, enabled: boolean) {
  useEffect(() => {
    const el = root.current;
    if (!enabled || !el) return;
    let timer = 0;
    let pointer: { x: number; y: number } | null = null;

    // :focus-visible, not :focus: a button clicked with the mouse keeps focus, and would
    // otherwise keep the controls up for good.
    const busy = () => !!el.querySelector('dialog[open], nav :focus-visible');
    const fade = () => {
      if (busy()) arm();
      else el.dataset.idle = '';
    };
    const arm = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(fade, IDLE_CHROME_MS);
    };
    const wake = () => {
      delete el.dataset.idle;
      arm();
    };

    // Chrome sends a mousemove when the page scrolls or changes under a cursor that stayed
    // put (a step turning does both): only a pointer that really moved counts.
    const onMove = (event: PointerEvent) => {
      const moved = !pointer || Math.hypot(event.screenX - pointer.x, event.screenY - pointer.y) >= STILL_PX;
      pointer = { x: event.screenX, y: event.screenY };
      if (moved || event.pointerType !== 'mouse') wake();
    };
    const onKey = (event: KeyboardEvent) => {
      if (!isClickerKey(event)) wake();
    };
    const onFocus = (event: FocusEvent) => {
      if (event.target instanceof Element && event.target.closest('nav')) wake();
    };

    // Capture: a key or a click that something below stops still counts as input.
    const options = { capture: true, passive: true };
    window.addEventListener('pointermove', onMove, options);
    window.addEventListener('pointerdown', wake, options);
    window.addEventListener('wheel', wake, options);
    window.addEventListener('keydown', onKey, options);
    el.addEventListener('focusin', onFocus, options);
    arm();
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointermove', onMove, options);
      window.removeEventListener('pointerdown', wake, options);
      window.removeEventListener('wheel', wake, options);
      window.removeEventListener('keydown', onKey, options);
      el.removeEventListener('focusin', onFocus, options);
      delete el.dataset.idle;
    };
  }, [root, enabled]);
}
