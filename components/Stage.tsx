'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Arc, Position } from '@/lib/story/position';
import { createPositionStore, type PositionStore } from '@/lib/story/store';
import { useMotionPreference, type Motion } from '@/lib/drivers/useMotionPreference';

interface StageValue {
  arc: Arc;
  store: PositionStore;
  motion: Motion;
  setMotion: (motion: Motion) => void;
}

const StageContext = createContext<StageValue | null>(null);

/**
 * Holds what the scroll page and the presentation share for the life of the app: the
 * story's arc, the one position store, and the motion preference. It lives in the
 * stage layout, so moving between / and /present keeps the light's canvas alive.
 */
export function Stage({ arc, children }: { arc: Arc; children: ReactNode }) {
  const [store] = useState(createPositionStore);
  const [motion, setMotion] = useMotionPreference();
  useEffect(() => {
    document.documentElement.dataset.motion = motion;
  }, [motion]);
  useEffect(() => {
    // A read-only test hook: where the story is, written where tests and tools can read it.
    const root = document.documentElement;
    const show = (p: Position) => {
      root.dataset.scene = arc.sceneIds[p.scene];
      root.dataset.beat = String(arc.sceneStarts[p.scene] + p.beat);
      root.dataset.progress = p.progress.toFixed(4);
    };
    show(store.get());
    return store.subscribe(show);
  }, [arc, store]);
  return <StageContext.Provider value={{ arc, store, motion, setMotion }}>{children}</StageContext.Provider>;
}

export function useStage(): StageValue {
  const value = useContext(StageContext);
  if (!value) throw new Error('useStage() needs a <Stage> above it');
  return value;
}
