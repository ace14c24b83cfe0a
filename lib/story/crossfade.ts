import type { Mood } from '@/scenes/moods';
import { moodChannels } from '@/scenes/moods';
import { clamp01, smoothstep } from '@/lib/math';
import { mixMoods } from './mood';

/** How long a scene-to-scene cross-fade takes with reduced motion. */
export const CROSSFADE_MS = 1400;

export function sameMood(a: Mood, b: Mood, epsilon = 1e-6): boolean {
  return moodChannels.every((c) => Math.abs(a[c] - b[c]) < epsilon);
}

/**
 * The mood the light shows over time. With full motion it is the position's mood, at once.
 * With reduced motion the position's mood is its scene's key, and a change of key becomes a
 * cross-fade in time instead of a jump (a new change starts from what is shown, mid-fade).
 */
export class MoodFollower {
  private shown: Mood;
  private fade: { from: Mood; to: Mood; start: number } | undefined;

  constructor(initial: Mood) {
    this.shown = initial;
  }

  /** The mood to show at `now` (ms) for `target`; `fade` lets a change cross-fade. */
  follow(target: Mood, fade: boolean, now: number): Mood {
    if (!fade) {
      this.fade = undefined;
      this.shown = target;
      return target;
    }
    const aim = this.fade?.to ?? this.shown;
    if (!sameMood(aim, target)) this.fade = { from: this.shown, to: target, start: now };
    if (this.fade) {
      const k = clamp01((now - this.fade.start) / CROSSFADE_MS);
      const { from, to } = this.fade;
      this.shown = k >= 1 ? to : mixMoods(from, to, smoothstep(0, 1, k));
      if (k >= 1) this.fade = undefined;
    }
    return this.shown;
  }

  /** Whether a cross-fade is under way (the light needs the next frame). */
  get fading(): boolean {
    return this.fade !== undefined;
  }
}
