import { describe, expect, it } from 'vitest';
import { moods } from '@/scenes/moods';
import {
  CROSSFADE_MS,
  FULL_JUMP_FADE_MS,
  JUMP_DISTANCE,
  jumpFadeMs,
  MIN_JUMP_FADE_MS,
  moodDistance,
  MoodFollower,
  sameMood,
} from './crossfade';
import { mixMoods } from './mood';

const night = moods['cold-room'];
const dawn = moods['dawn-gold'];
const waiting = moods.waiting;

describe('MoodFollower with reduced motion (scenes)', () => {
  it('shows the target at once when changes do not fade (full motion, or before the light has started)', () => {
    const follower = new MoodFollower(night);
    expect(follower.follow(dawn, 'at-once', 0)).toEqual(dawn);
    expect(follower.fading).toBe(false);
  });

  it('cross-fades a change over CROSSFADE_MS, eased, and lands exactly on the target', () => {
    const follower = new MoodFollower(night);
    expect(follower.follow(night, 'scenes', 0)).toEqual(night);
    expect(follower.fading).toBe(false);
    // The change starts where the light is.
    expect(follower.follow(dawn, 'scenes', 1000)).toEqual(night);
    expect(follower.fading).toBe(true);
    const half = follower.follow(dawn, 'scenes', 1000 + CROSSFADE_MS / 2);
    expect(sameMood(half, mixMoods(night, dawn, 0.5), 1e-9)).toBe(true);
    const quarter = new MoodFollower(night);
    quarter.follow(dawn, 'scenes', 0);
    // Eased (smoothstep): a quarter of the time is less than a quarter of the way.
    expect(quarter.follow(dawn, 'scenes', CROSSFADE_MS / 4).dawn).toBeLessThan(dawn.dawn / 4);
    expect(follower.follow(dawn, 'scenes', 1000 + CROSSFADE_MS)).toEqual(dawn);
    expect(follower.fading).toBe(false);
  });

  it('starts a new fade from what is shown when the target changes mid-fade', () => {
    const follower = new MoodFollower(night);
    follower.follow(dawn, 'scenes', 0);
    const shown = follower.follow(dawn, 'scenes', CROSSFADE_MS / 2);
    expect(follower.follow(waiting, 'scenes', CROSSFADE_MS / 2)).toEqual(shown);
    expect(follower.follow(waiting, 'scenes', CROSSFADE_MS * 1.5)).toEqual(waiting);
  });

  it('keeps a fade going when the same target is asked for again', () => {
    const follower = new MoodFollower(night);
    follower.follow(dawn, 'scenes', 0);
    const a = follower.follow({ ...dawn }, 'scenes', 100);
    const b = follower.follow({ ...dawn }, 'scenes', 200);
    expect(b.dawn).toBeGreaterThan(a.dawn);
  });
});

const streetlight = moods.streetlight;
const rose = moods['dawn-rose'];

/** The light shown every `step` ms from `from` to `to` (ms), following `target(t)` with full motion. */
function run(follower: MoodFollower, target: (t: number) => typeof night, from: number, to: number, step = 16) {
  const shown: { t: number; mood: typeof night }[] = [];
  for (let t = from; t <= to; t += step) shown.push({ t, mood: follower.follow(target(t), 'jumps', t) });
  return shown;
}

/** The largest change of the light within any `window` ms of a run. */
function fastest(shown: { t: number; mood: typeof night }[], window: number) {
  let most = 0;
  for (const a of shown)
    for (const b of shown) if (b.t > a.t && b.t - a.t <= window) most = Math.max(most, moodDistance(a.mood, b.mood));
  return most;
}

describe('moodDistance', () => {
  it('is the largest change of any light, and leaves the film grain out', () => {
    expect(moodDistance(night, night)).toBe(0);
    expect(moodDistance(night, { ...night, light: night.light + 0.3, city: night.city - 0.1 })).toBeCloseTo(0.3, 9);
    expect(moodDistance(night, { ...night, grain: 1 })).toBe(0);
    expect(moodDistance(streetlight, rose)).toBe(moodDistance(rose, streetlight));
  });
});

describe('jumpFadeMs', () => {
  it('lets a small change through at once, in its frame', () => {
    expect(jumpFadeMs(0)).toBe(0);
    expect(jumpFadeMs(JUMP_DISTANCE)).toBe(0);
  });

  it('fades a change past the threshold over at least half a second, longer the larger it is', () => {
    expect(jumpFadeMs(JUMP_DISTANCE + 0.001)).toBe(MIN_JUMP_FADE_MS);
    expect(MIN_JUMP_FADE_MS).toBeGreaterThanOrEqual(500);
    expect(jumpFadeMs(0.6)).toBeGreaterThan(jumpFadeMs(0.3));
    expect(jumpFadeMs(1)).toBe(FULL_JUMP_FADE_MS);
    expect(jumpFadeMs(3)).toBe(FULL_JUMP_FADE_MS);
    // A broken mood is never an excuse to jump.
    expect(jumpFadeMs(NaN)).toBe(0);
  });

  it('keeps every channel under a tenth in any tenth of a second, eased, for any jump', () => {
    for (const d of [0.11, 0.2, 0.35, 0.5, 0.75, 1]) {
      // A smoothstep's steepest slope is 1.5 times its mean.
      expect((1.5 * d * 100) / jumpFadeMs(d), `distance ${d}`).toBeLessThan(0.15);
    }
  });
});

describe('MoodFollower with full motion (jumps)', () => {
  it('follows a light moving a little a frame at once, as a scroll moves it', () => {
    const follower = new MoodFollower(night);
    const shown = run(follower, (t) => mixMoods(night, dawn, t / 2000), 0, 2000);
    for (const { t, mood } of shown) expect(sameMood(mood, mixMoods(night, dawn, t / 2000), 1e-9)).toBe(true);
    expect(follower.fading).toBe(false);
  });

  it('cross-fades the night to the dawn over more than half a second, never a flash', () => {
    const follower = new MoodFollower(streetlight);
    const shown = run(follower, (t) => (t < 100 ? streetlight : rose), 0, 3000);
    const arrived = shown.find(({ mood }) => sameMood(mood, rose))!;
    expect(arrived.t - 100).toBeGreaterThanOrEqual(500);
    expect(fastest(shown, 100)).toBeLessThan(0.15);
    expect(follower.fading).toBe(false);
  });

  it('turns back from where the light is when the clicker goes back and forth', () => {
    const follower = new MoodFollower(streetlight);
    // Forward at 0, back at 150 ms, forward again at 300 ms, and again and again.
    const target = (t: number) => (Math.floor(t / 150) % 2 === 0 ? rose : streetlight);
    const shown = run(follower, (t) => (t < 1200 ? target(t) : rose), 0, 4000);
    expect(fastest(shown, 100)).toBeLessThan(0.15);
    // Never further from the night than the dawn it was heading for, nor back past the night.
    for (const { mood } of shown) {
      expect(mood.light).toBeGreaterThanOrEqual(streetlight.light - 1e-9);
      expect(mood.light).toBeLessThanOrEqual(rose.light + 1e-9);
    }
    expect(shown.at(-1)!.mood).toEqual(rose);
  });

  it('ends a fade on a target that drifted on a little meanwhile, on time', () => {
    const follower = new MoodFollower(streetlight);
    follower.follow(rose, 'jumps', 0);
    const duration = jumpFadeMs(moodDistance(streetlight, rose));
    const drifted = { ...rose, light: rose.light + 0.05 };
    follower.follow(drifted, 'jumps', duration / 2);
    expect(follower.follow(drifted, 'jumps', duration)).toEqual(drifted);
    expect(follower.fading).toBe(false);
  });
});

describe('sameMood', () => {
  it('is true within the tolerance on every channel, false past it on any', () => {
    expect(sameMood(night, { ...night })).toBe(true);
    expect(sameMood(night, { ...night, dawn: night.dawn + 1e-7 })).toBe(true);
    expect(sameMood(night, { ...night, grain: night.grain + 1e-3 })).toBe(false);
    expect(sameMood(night, { ...night, grain: night.grain + 1e-3 }, 1e-2)).toBe(true);
  });
});
