import { clamp01 } from '@/lib/math';
import { lineForPosition, type Arc, type BeatBox, type Position } from './position';

/**
 * The scroll page's text state as pure functions of the position: which beats have arrived,
 * which have gone by, how far each tape has played. The page has one measurement, the
 * scroll driver's: where each beat is (`PageLayout`). A position maps back to the scroll
 * offset that shows it, and from that offset every line of the screen (the arrival line, the
 * line past which text has gone by, the tape's start and end) is a range over the same one
 * number, as drei's `range()` reads every animation off one scroll offset.
 */

/** Where a beat arrives: its top crosses this fraction of the screen's height from the top. */
export const ARRIVAL_LINE = 0.92;
/** Where a beat has gone by: its bottom above this fraction of the screen's height. */
export const PAST_LINE = 0.22;
/** The tape plays from its top at TAPE_START of the screen to its bottom at TAPE_END. */
export const TAPE_START = 0.8;
export const TAPE_END = 0.45;

/** Where the page's beats are, as the scroll driver measured them (document pixels), and the screen. */
export interface PageLayout {
  /** The beats' spans that tile the page (a scene's heading belongs to its first beat), for position ↔ scroll. */
  boxes: BeatBox[];
  /** Each beat's own block: where its text begins and ends. */
  beats: { top: number; bottom: number }[];
  /** The screen's height. */
  viewport: number;
  /** The reading line, in pixels from the top of the screen. */
  line: number;
}

/** The scroll offset at which the page shows a position on its reading line. */
export function scrollTopAt(arc: Arc, layout: PageLayout, position: Position): number {
  return lineForPosition(arc, layout.boxes, position) - layout.line;
}

/** Whether beat `i` has arrived when the page is scrolled to `top`. */
export function hasArrived(layout: PageLayout, i: number, top: number): boolean {
  return layout.beats[i].top < top + layout.viewport * ARRIVAL_LINE;
}

/** Whether beat `i` has gone by when the page is scrolled to `top`. The last beat never does: it ends the story. */
export function hasGoneBy(layout: PageLayout, i: number, top: number): boolean {
  return i < layout.beats.length - 1 && layout.beats[i].bottom <= top + layout.viewport * PAST_LINE;
}

/** How far the tape of beat `i` has played (0..1) when the page is scrolled to `top`. */
export function tapeProgress(layout: PageLayout, i: number, top: number): number {
  const { top: start, bottom: end } = layout.beats[i];
  const from = start - layout.viewport * TAPE_START;
  const to = end - layout.viewport * TAPE_END;
  return to > from ? clamp01((top - from) / (to - from)) : top >= from ? 1 : 0;
}

/** How long a played tape takes to catch up with the scroll (ScrollTrigger's `scrub: 0.6`): its time constant, in ms. */
export const TAPE_LAG_MS = 150;

/**
 * The tape shown `dt` ms later, easing from `shown` towards `target`: it follows the scroll
 * with a short lag, so a jerky scroll plays smoothly. Lands exactly once within a hair.
 */
export function easeTape(shown: number, target: number, dt: number): number {
  const next = target + (shown - target) * Math.exp(-Math.max(0, dt) / TAPE_LAG_MS);
  return Math.abs(next - target) < 1e-3 ? target : next;
}
