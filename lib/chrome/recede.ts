/**
 * When the scroll page's bar steps aside: while the reader reads on down the page, so the
 * story has the whole screen, and back as soon as they scroll up (looking for something),
 * reach the top, or move focus into it. Only the reader's own scrolling hides it: a jump
 * to a link, a resize or the driver keeping the place never does.
 */

/** Below this many pixels from the top the bar always shows: the title card is under it. */
export const RECEDE_AFTER_PX = 120;
/** Scroll steps smaller than this are noise (a trackpad's tail), not a direction. */
export const SCROLL_NOISE_PX = 3;
/** A scroll this soon after the reader's wheel, touch or key is theirs (ms). */
export const INTENT_MS = 800;

export interface RecedeInput {
  /** The bar is stepping aside now. */
  receded: boolean;
  /** Scroll offset before and now. */
  from: number;
  to: number;
  /** The reader's own input caused the scroll. */
  byReader: boolean;
  /** Something holds the bar out: focus in it, its menu open, an offer in it. */
  held: boolean;
}

export function shouldRecede({ receded, from, to, byReader, held }: RecedeInput): boolean {
  if (held || to <= RECEDE_AFTER_PX) return false;
  const moved = to - from;
  if (Math.abs(moved) < SCROLL_NOISE_PX) return receded;
  if (moved < 0) return false;
  return byReader ? true : receded;
}
