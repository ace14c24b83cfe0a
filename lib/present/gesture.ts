/**
 * Touch: a swipe to the left turns to the next step, to the right back (as pages turn);
 * a tap on the right third of the screen goes forward, on the left third back. The
 * middle third is left alone, for reading and for the browser's own gestures.
 */

export interface TouchTrace {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** How long the finger was down, in ms. */
  ms: number;
  /** The width of the viewport, in the same units as x. */
  width: number;
}

export type Gesture = 'next' | 'prev' | null;

/** A swipe must travel this far sideways (px)... */
export const SWIPE_MIN_PX = 50;
/** ...and mostly sideways: a vertical scroll that drifts is not a swipe. */
const SWIPE_SLOPE = 1.5;
/** Slower than this is dragging or reading with a finger, not a swipe. */
const SWIPE_MAX_MS = 1000;
/** A tap stays within this distance (px) and time (ms). */
const TAP_MAX_PX = 12;
const TAP_MAX_MS = 500;

export function gestureOf(t: TouchTrace): Gesture {
  const dx = t.x1 - t.x0;
  const dy = t.y1 - t.y0;
  if (Math.abs(dx) >= SWIPE_MIN_PX && Math.abs(dx) > SWIPE_SLOPE * Math.abs(dy) && t.ms <= SWIPE_MAX_MS) {
    return dx < 0 ? 'next' : 'prev';
  }
  if (Math.hypot(dx, dy) <= TAP_MAX_PX && t.ms <= TAP_MAX_MS && t.width > 0) {
    if (t.x1 >= (t.width * 2) / 3) return 'next';
    if (t.x1 < t.width / 3) return 'prev';
  }
  return null;
}
