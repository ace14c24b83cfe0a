import type { Mood } from '@/scenes/moods';

/**
 * What the page and the light's worker say to each other. The page only sends what the
 * light needs to know (the mood of a frame, the size, the column, visibility, motion); the
 * worker only reports what changed (compiled, first frame, tier, lost and restored, failed).
 */
export type ToLight =
  | {
      type: 'start';
      canvas: OffscreenCanvas;
      mood: Mood;
      width: number;
      height: number;
      devicePixelRatio: number;
      column: number;
      reduced: boolean;
      visible: boolean;
      search: string;
      debug: boolean;
    }
  | { type: 'mood'; mood: Mood; frame: number }
  | { type: 'size'; width: number; height: number; devicePixelRatio: number }
  | { type: 'column'; halfWidth: number }
  | { type: 'reduced'; reduced: boolean }
  | { type: 'visible'; visible: boolean };

export type LightEvent =
  /** The shader compiled and linked; `parallel` with KHR_parallel_shader_compile, `timer` what times frames. */
  | { type: 'compiled'; parallel: boolean; timer: 'gpu' | 'frame' }
  /** The first frame is drawn: the room may be shown. */
  | { type: 'first-frame' }
  /** The mood of page frame `frame` was drawn (reported only for the debug surface). */
  | { type: 'drawn'; frame: number }
  /** The tier the light draws at now, whether the address pinned it, and the drawing buffer's size. */
  | { type: 'tier'; tier: number; pinned: boolean; width: number; height: number }
  /** The headlights' sweep began or ended (reported only for the debug surface). */
  | { type: 'sweep'; state: 'start' | 'end' }
  | { type: 'lost' }
  | { type: 'restored' }
  /** The light cannot draw: `unsupported` when there is no WebGL 2 here at all (else a shader that did not link). */
  | { type: 'failed'; reason: string; unsupported: boolean };
