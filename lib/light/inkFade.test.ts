import { describe, expect, it } from 'vitest';
import { INK_FADE_MS, InkFade } from './inkFade';

describe('InkFade', () => {
  it('holds its ink while the ink asked for is the same', () => {
    const fade = new InkFade(0);
    expect(fade.at(0, 0)).toBe(0);
    expect(fade.at(0, 5000)).toBe(0);
    expect(fade.turning).toBe(false);
  });

  it('turns night ink to day ink over INK_FADE_MS, eased, never in one frame', () => {
    const fade = new InkFade(0);
    expect(fade.at(1, 1000)).toBe(0);
    expect(fade.turning).toBe(true);
    const frame = fade.at(1, 1016);
    expect(frame).toBeLessThan(0.01);
    expect(fade.at(1, 1000 + INK_FADE_MS / 2)).toBeCloseTo(0.5, 9);
    expect(fade.at(1, 1000 + INK_FADE_MS)).toBe(1);
    expect(fade.turning).toBe(false);
    expect(INK_FADE_MS).toBeGreaterThanOrEqual(500);
  });

  it('turns back from where it is when asked for the other ink mid-way', () => {
    const fade = new InkFade(0);
    fade.at(1, 0);
    const mid = fade.at(1, INK_FADE_MS / 2);
    expect(fade.at(0, INK_FADE_MS / 2)).toBeCloseTo(mid, 9);
    expect(fade.at(0, INK_FADE_MS / 2 + 16)).toBeLessThan(mid);
    expect(fade.at(0, INK_FADE_MS * 2)).toBe(0);
  });

  it('jumps when told to: the room’s first frame shows its ink at once', () => {
    const fade = new InkFade(0);
    expect(fade.at(1, 0, true)).toBe(1);
    expect(fade.turning).toBe(false);
  });
});
