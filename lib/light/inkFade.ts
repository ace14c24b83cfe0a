import { clamp01, mix, smoothstep } from '@/lib/math';

/**
 * How long the room takes to turn its reading column from night ink to day ink. The column
 * is most of the screen: by night it is held dark under pale text, by day it rests on a floor
 * of dawn light under dark text, and a switch in one frame is a full-screen flash.
 */
export const INK_FADE_MS = 1000;

/**
 * The share of day ink in the room's column over time (0 by night, 1 by day): eased from
 * what it is towards the ink asked for, from where it is when asked again mid-way.
 */
export class InkFade {
  private from: number;
  private to: number;
  private start = -Infinity;
  /** The share last given to be drawn. */
  private shown: number;

  constructor(initial: number) {
    this.from = initial;
    this.to = initial;
    this.shown = initial;
  }

  /** The share to draw at `now` (ms) for the ink asked for (`target`, 0 or 1); `at once` skips the fade. */
  at(target: number, now: number, atOnce = false): number {
    if (atOnce) {
      this.from = this.to = target;
      this.start = -Infinity;
    } else if (target !== this.to) {
      this.from = this.value(now);
      this.to = target;
      this.start = now;
    }
    this.shown = this.value(now);
    return this.shown;
  }

  /** Whether the share last drawn is not yet the ink asked for: the room needs another frame. */
  get turning(): boolean {
    return this.shown !== this.to;
  }

  private value(now: number): number {
    return mix(this.from, this.to, smoothstep(0, 1, clamp01((now - this.start) / INK_FADE_MS)));
  }
}
