import type { Mood } from '@/scenes/moods';
import { moodChannels } from '@/scenes/moods';
import { clamp01, smoothstep } from '@/lib/math';
import { mixMoods } from './mood';

/** How long a scene-to-scene cross-fade takes with reduced motion. */
export const CROSSFADE_MS = 1400;

/**
 * The largest change of the light shown at once, in one frame, with full motion. Every
 * channel is a share of a light in the room, so a step of a tenth on any one of them can
 * change the room's luminance by about a tenth: WCAG 2.3.1's threshold of a flash.
 */
export const JUMP_DISTANCE = 0.1;
/** The shortest cross-fade of a jump: the whole screen changes over half a second, not in a frame. */
export const MIN_JUMP_FADE_MS = 500;
/** A jump across the whole of a channel (night to dawn) takes this long. */
export const FULL_JUMP_FADE_MS = 1800;

export function sameMood(a: Mood, b: Mood, epsilon = 1e-6): boolean {
  return moodChannels.every((c) => Math.abs(a[c] - b[c]) < epsilon);
}

/**
 * How far apart two lights are: the largest change of any channel but the film grain (a
 * texture, not a light). A channel's full range is 1.
 */
export function moodDistance(a: Mood, b: Mood): number {
  let most = 0;
  for (const c of moodChannels) if (c !== 'grain') most = Math.max(most, Math.abs(a[c] - b[c]));
  return most;
}

/**
 * The least time a change of the light over `distance` may take: none for a change small
 * enough to show in a frame, else at least MIN_JUMP_FADE_MS and longer the larger the change,
 * so the luminance never changes faster than about a tenth in a tenth of a second.
 */
export function jumpFadeMs(distance: number): number {
  if (!(distance > JUMP_DISTANCE)) return 0;
  return Math.max(MIN_JUMP_FADE_MS, Math.min(1, distance) * FULL_JUMP_FADE_MS);
}

/**
 * How the light follows its target: `at-once` (before the light has started: a deep link
 * opens on its own light); `scenes` (reduced motion: the target is a scene's key, and every
 * change of key cross-fades over CROSSFADE_MS); `jumps` (full motion: the target is followed
 * at once while it moves a little a frame, as it does while the reader scrolls, and a jump,
 * a step of the presentation or a link, cross-fades over `jumpFadeMs`).
 */
export type FollowMode = 'at-once' | 'scenes' | 'jumps';

/**
 * The mood the light shows over time. A new change always starts from what is shown,
 * mid-fade: a clicker pressed back and forth turns the light back smoothly, never by a flash.
 */
export class MoodFollower {
  private shown: Mood;
  private fade: { from: Mood; to: Mood; start: number; duration: number } | undefined;

  constructor(initial: Mood) {
    this.shown = initial;
  }

  /** The mood to show at `now` (ms) for `target`. */
  follow(target: Mood, mode: FollowMode, now: number): Mood {
    if (mode === 'at-once') {
      this.fade = undefined;
      this.shown = target;
      return target;
    }
    const aim = this.fade?.to ?? this.shown;
    if (!sameMood(aim, target)) this.retarget(target, mode, now);
    if (this.fade) {
      const { from, to, start, duration } = this.fade;
      const k = clamp01((now - start) / duration);
      this.shown = k >= 1 ? to : mixMoods(from, to, smoothstep(0, 1, k));
      if (k >= 1) this.fade = undefined;
    }
    return this.shown;
  }

  /** Whether a cross-fade is under way (the light needs the next frame). */
  get fading(): boolean {
    return this.fade !== undefined;
  }

  private retarget(target: Mood, mode: FollowMode, now: number) {
    if (mode === 'scenes') {
      this.fade = { from: this.shown, to: target, start: now, duration: CROSSFADE_MS };
      return;
    }
    const fade = this.fade;
    // A target drifting a little mid-fade (the reader scrolling on) is where the fade now ends:
    // restarting it every frame would hold the light still while the reader moves.
    if (fade && moodDistance(fade.to, target) <= JUMP_DISTANCE) {
      fade.to = target;
      return;
    }
    const duration = jumpFadeMs(moodDistance(this.shown, target));
    if (duration === 0) {
      this.fade = undefined;
      this.shown = target;
    } else {
      this.fade = { from: this.shown, to: target, start: now, duration };
    }
  }
}
