'use client';

import { useEffect, useEffectEvent, type RefObject } from 'react';
import { gestureOf, type Gesture } from '@/lib/present/gesture';

/** A touch that starts on a control is the control's: it must click, not turn the page. */
const CONTROLS = 'a, button, input, select, textarea, summary, dialog, [role="button"]';

/**
 * The touch driver: swipes and taps on the element become `next` or `prev` (see
 * `gestureOf`). Listens passively, so scrolling a long step and pinch-zoom stay smooth.
 */
export function useSwipe(root: RefObject<HTMLElement | null>, onGesture: (gesture: Exclude<Gesture, null>) => void) {
  const handle = useEffectEvent(onGesture);

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let start: { x: number; y: number; t: number } | null = null;
    const onStart = (e: TouchEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      start =
        e.touches.length === 1 && !target?.closest(CONTROLS)
          ? { x: e.touches[0].clientX, y: e.touches[0].clientY, t: e.timeStamp }
          : null;
    };
    const onEnd = (e: TouchEvent) => {
      const touch = e.changedTouches[0];
      if (!start || !touch || e.touches.length > 0) return;
      const gesture = gestureOf({
        x0: start.x,
        y0: start.y,
        x1: touch.clientX,
        y1: touch.clientY,
        ms: e.timeStamp - start.t,
        width: window.innerWidth,
      });
      start = null;
      if (gesture) handle(gesture);
    };
    const onCancel = () => {
      start = null;
    };
    el.addEventListener('touchstart', onStart, { passive: true });
    el.addEventListener('touchend', onEnd, { passive: true });
    el.addEventListener('touchcancel', onCancel, { passive: true });
    return () => {
      el.removeEventListener('touchstart', onStart);
      el.removeEventListener('touchend', onEnd);
      el.removeEventListener('touchcancel', onCancel);
    };
  }, [root]);
}
