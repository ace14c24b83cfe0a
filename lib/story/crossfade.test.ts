import { describe, expect, it } from 'vitest';
import { moods } from '@/scenes/moods';
import { CROSSFADE_MS, MoodFollower, sameMood } from './crossfade';
import { mixMoods } from './mood';

const night = moods['cold-room'];
const dawn = moods['dawn-gold'];
const waiting = moods.waiting;

describe('MoodFollower', () => {
  it('shows the target at once when changes do not fade (full motion, or before the light has started)', () => {
    const follower = new MoodFollower(night);
    expect(follower.follow(dawn, false, 0)).toEqual(dawn);
    expect(follower.fading).toBe(false);
  });

  it('cross-fades a change over CROSSFADE_MS, eased, and lands exactly on the target', () => {
    const follower = new MoodFollower(night);
    expect(follower.follow(night, true, 0)).toEqual(night);
    expect(follower.fading).toBe(false);
    // The change starts where the light is.
    expect(follower.follow(dawn, true, 1000)).toEqual(night);
    expect(follower.fading).toBe(true);
    const half = follower.follow(dawn, true, 1000 + CROSSFADE_MS / 2);
    expect(sameMood(half, mixMoods(night, dawn, 0.5), 1e-9)).toBe(true);
    const quarter = new MoodFollower(night);
    quarter.follow(dawn, true, 0);
    // Eased (smoothstep): a quarter of the time is less than a quarter of the way.
    expect(quarter.follow(dawn, true, CROSSFADE_MS / 4).dawn).toBeLessThan(dawn.dawn / 4);
    expect(follower.follow(dawn, true, 1000 + CROSSFADE_MS)).toEqual(dawn);
    expect(follower.fading).toBe(false);
  });

  it('starts a new fade from what is shown when the target changes mid-fade', () => {
    const follower = new MoodFollower(night);
    follower.follow(dawn, true, 0);
    const shown = follower.follow(dawn, true, CROSSFADE_MS / 2);
    expect(follower.follow(waiting, true, CROSSFADE_MS / 2)).toEqual(shown);
    expect(follower.follow(waiting, true, CROSSFADE_MS * 1.5)).toEqual(waiting);
  });

  it('keeps a fade going when the same target is asked for again', () => {
    const follower = new MoodFollower(night);
    follower.follow(dawn, true, 0);
    const a = follower.follow({ ...dawn }, true, 100);
    const b = follower.follow({ ...dawn }, true, 200);
    expect(b.dawn).toBeGreaterThan(a.dawn);
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
