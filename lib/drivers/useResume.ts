'use client';

import { useCallback, useEffect, useState } from 'react';
import { clampPosition, sceneIndexOf, toCoord, type Arc, type Position } from '@/lib/story/position';
import type { PositionStore } from '@/lib/story/store';

const KEY = 'come-home:place';
/** Saving is throttled: the place is worth keeping, not every frame of it. */
const SAVE_EVERY_MS = 1000;

interface SavedPlace {
  scene: string;
  beat: number;
  progress: number;
}

function load(arc: Arc): Position | null {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as SavedPlace | null;
    if (!saved || typeof saved.scene !== 'string') return null;
    // Stored by scene id, so an edited story still finds the right scene.
    const scene = sceneIndexOf(arc, saved.scene);
    if (scene < 0) return null;
    return clampPosition(arc, { scene, beat: saved.beat, progress: saved.progress });
  } catch {
    return null;
  }
}

function save(arc: Arc, p: Position) {
  try {
    const place: SavedPlace = {
      scene: arc.sceneIds[p.scene],
      beat: p.beat,
      progress: Math.round(p.progress * 1000) / 1000,
    };
    localStorage.setItem(KEY, JSON.stringify(place));
  } catch {
    // No storage, no resume: nothing else depends on it.
  }
}

export function forgetPlace() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}

/**
 * "Continue where you left off": remembers the reader's place in local storage and, on
 * a return to the start of the page, offers it back. Far enough into the story only:
 * the first scene is not worth an interruption. A visit that arrived by a link (`linked`:
 * any fragment in the address as the page opened) has chosen its place: it is not offered
 * another, and it saves as it reads like any visit.
 */
export function useResume(arc: Arc, store: PositionStore, linked: boolean) {
  const [offer, setOffer] = useState<Position | null>(null);
  const dismiss = useCallback(() => setOffer(null), []);

  useEffect(() => {
    const saved = linked ? null : load(arc);
    const here = store.get();
    // A link's place is the reader's from the start (a plain visit keeps the stored one until they move).
    if (linked) save(arc, here);
    if (saved && toCoord(arc, saved) > arc.sceneStarts[1] + 1 && toCoord(arc, saved) - toCoord(arc, here) > 2) {
      // Offered after mount: the stored place is only known in the browser.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setOffer(saved);
    }
    let last = 0;
    let timer = 0;
    const unsubscribe = store.subscribe((p) => {
      const now = Date.now();
      window.clearTimeout(timer);
      if (now - last > SAVE_EVERY_MS) {
        last = now;
        save(arc, p);
      } else timer = window.setTimeout(() => save(arc, store.get()), SAVE_EVERY_MS);
    });
    // Following a link later answers the offer too.
    window.addEventListener('hashchange', dismiss);
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
      window.removeEventListener('hashchange', dismiss);
    };
  }, [arc, store, dismiss, linked]);

  return { offer, dismiss };
}
