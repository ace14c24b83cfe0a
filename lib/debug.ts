import type { Mood } from '@/scenes/moods';

/**
 * The one place tests and tools read the story's state from: `window.__story`, present only
 * when asked for, by `?debug` in the address or by a tool setting `window.__storyDebug = true`
 * before the page's scripts run (Playwright's addInitScript). The product writes nothing
 * for tests otherwise: no attributes per frame, no messages from the light's worker per draw.
 */
export interface StoryDebug {
  /** Where the reader is: the scene's id, the global beat index and the progress through it. */
  place: { scene: string; beat: number; progress: number } | null;
  /** The mood the light was last handed, and the ink the page's text is in. */
  mood: Mood | null;
  ink: 'night' | 'day' | null;
  /** Whether the light is still cross-fading to the place's mood (a jump or a change of scene). */
  fading: boolean;
  /** When (the frame loop's clock, ms) the mood was last chosen: a cross-fade is timed by it. */
  moodAt: number;
  light: LightDebug;
  /** The frame loop's frames in which the light was handed a new mood (the last 500). */
  sent: number[];
  /** The frames whose mood the light has drawn, as it reports them (the last 500). */
  drawn: number[];
}

export interface LightDebug {
  /** 'pending' while the text paints, 'loading' while the room starts, then what draws the light. */
  mode: 'pending' | 'loading' | 'webgl' | 'fallback';
  /** Where the room is drawn: in a worker on an OffscreenCanvas, or on the page's main thread. */
  thread?: 'worker' | 'page';
  tier?: number;
  pinned?: boolean;
  /** The drawing buffer's size in pixels. */
  width?: number;
  height?: number;
  /** What times the frames ('gpu' or 'frame'), and whether the shader compiled in parallel. */
  timer?: 'gpu' | 'frame';
  parallelCompile?: boolean;
  /** The reading column's half width the light keeps readable, as a fraction of the width. */
  column?: number;
  lost?: boolean;
  /** Why the light is the CSS fallback, when it is. */
  reason?: string;
  /** Every mode the light has been in, in order. */
  modes: LightDebug['mode'][];
  /** Every tier and drawing buffer size the room has drawn at, in order, with when (ms after the first frame). */
  tiers: { tier: number; width: number; height: number; at: number }[];
  /** The headlights' sweeps as drawn: 'start' when one began, 'end' when it had crossed the ceiling. */
  sweeps: ('start' | 'end')[];
}

declare global {
  interface Window {
    __storyDebug?: boolean;
    __story?: StoryDebug;
  }
}

const LOG = 500;

let surface: StoryDebug | null | undefined;

/** The debug surface when it was asked for, else undefined (and nothing is recorded). */
export function storyDebug(): StoryDebug | undefined {
  if (surface === undefined) {
    const wanted =
      typeof window !== 'undefined' &&
      (window.__storyDebug === true || new URLSearchParams(window.location.search).has('debug'));
    surface = wanted
      ? (window.__story = {
          place: null,
          mood: null,
          ink: null,
          fading: false,
          moodAt: 0,
          light: { mode: 'pending', modes: ['pending'], tiers: [], sweeps: [] },
          sent: [],
          drawn: [],
        })
      : null;
  }
  return surface ?? undefined;
}

/** Appends to one of the frame logs, keeping the last LOG entries. */
export function logFrame(log: number[], frame: number) {
  log.push(frame);
  if (log.length > LOG) log.splice(0, log.length - LOG);
}
