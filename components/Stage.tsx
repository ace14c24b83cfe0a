'use client';

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
  type RefCallback,
  type RefObject,
} from 'react';
import { storyDebug } from '@/lib/debug';
import { frameLoop } from '@/lib/frame/loop';
import { beatIndex, type Arc, type Position } from '@/lib/story/position';
import { createPositionStore, type PositionStore } from '@/lib/story/store';
import { useMotionPreference, type Motion } from '@/lib/drivers/useMotionPreference';

interface StageValue {
  arc: Arc;
  store: PositionStore;
  motion: Motion;
  setMotion: (motion: Motion) => void;
  /** Hands the page's reading column over until the returned function takes it back (see useReadingColumn). */
  readingColumn: (el: HTMLElement) => () => void;
}

const StageContext = createContext<StageValue | null>(null);
/** The reading column on screen, for the light only: a page changing it re-renders nothing else. */
const ColumnContext = createContext<HTMLElement | null>(null);

/**
 * Holds what the scroll page and the presentation share for the life of the app: the
 * story's arc, the one position store, the motion preference, and the reading column
 * the page on screen has handed over (the light keeps it readable). It lives in the
 * stage layout, so moving between / and /present keeps the light's canvas alive.
 */
export function Stage({ arc, children }: { arc: Arc; children: ReactNode }) {
  const [store] = useState(createPositionStore);
  const [motion, setMotion] = useMotionPreference();
  const [column, setColumn] = useState<HTMLElement | null>(null);
  const readingColumn = useCallback((el: HTMLElement) => {
    setColumn(el);
    // The view that replaces this one may have handed its column over already.
    return () => setColumn((current) => (current === el ? null : current));
  }, []);
  const value = useMemo(
    () => ({ arc, store, motion, setMotion, readingColumn }),
    [arc, store, motion, setMotion, readingColumn],
  );
  useEffect(() => {
    document.documentElement.dataset.motion = motion;
  }, [motion]);
  useEffect(() => {
    // Every change of place asks the frame loop for a frame: the text and the light follow it there.
    const debug = storyDebug();
    const follow = (p: Position) => {
      frameLoop.request();
      if (debug) debug.place = { scene: arc.sceneIds[p.scene], beat: beatIndex(arc, p), progress: p.progress };
    };
    follow(store.get());
    return store.subscribe(follow);
  }, [arc, store]);
  return (
    <StageContext.Provider value={value}>
      <ColumnContext.Provider value={column}>{children}</ColumnContext.Provider>
    </StageContext.Provider>
  );
}

export function useStage(): StageValue {
  const value = useContext(StageContext);
  if (!value) throw new Error('useStage() needs a <Stage> above it');
  return value;
}

/**
 * A ref callback for a view's reading column, the element its text is read in: the light
 * keeps the light under it within what the ink needs. Also fills `ref` when the view
 * needs the element itself.
 */
export function useReadingColumn<T extends HTMLElement>(ref?: RefObject<T | null>): RefCallback<T> {
  const { readingColumn } = useStage();
  return useCallback(
    (el: T | null) => {
      // With a cleanup returned, React never calls this with null; the type still allows it.
      if (!el) return;
      if (ref) ref.current = el;
      const release = readingColumn(el);
      return () => {
        if (ref) ref.current = null;
        release();
      };
    },
    [ref, readingColumn],
  );
}

/** The reading column on screen, handed over by the page's view; null between pages. */
export function useReadingColumnElement(): HTMLElement | null {
  return useContext(ColumnContext);
}
