import { fromCoord, sceneIndexOf, type Arc, type Position } from './position';

/**
 * The place a URL fragment names, decoded. An address is typed, pasted and shortened by
 * people and tools: a stray `%` (`#50%`) is not a valid escape, and must read as an
 * unknown place, never throw.
 */
export function decodeFragment(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

/** The scroll page's closing card (components/ClosingCard.tsx): where the story ends. */
export const END_ANCHOR = 'the-end';

/**
 * A link's fragment (a scene id, a beat id, or the end) as a position, or null if the story
 * has no such place.
 */
export function positionOfFragment(arc: Arc, id: string): Position | null {
  const scene = sceneIndexOf(arc, id);
  if (scene >= 0) return { scene, beat: 0, progress: 0 };
  if (id === END_ANCHOR) return fromCoord(arc, arc.beats.length);
  const beat = arc.beats.findIndex((b) => b.id === id);
  return beat >= 0 ? fromCoord(arc, beat) : null;
}
