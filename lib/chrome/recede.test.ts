import { describe, expect, it } from 'vitest';
import { RECEDE_AFTER_PX, SCROLL_NOISE_PX, shouldRecede } from './recede';

const down = { receded: false, from: 1000, to: 1040, byReader: true, held: false };

describe('shouldRecede', () => {
  it('steps aside while the reader scrolls down the story', () => {
    expect(shouldRecede(down)).toBe(true);
    expect(shouldRecede({ ...down, receded: true })).toBe(true);
  });

  it('comes back on any scroll up, by the reader or not', () => {
    expect(shouldRecede({ ...down, receded: true, to: 960 })).toBe(false);
    expect(shouldRecede({ ...down, receded: true, to: 960, byReader: false })).toBe(false);
  });

  it('stays at the top of the page, whatever the direction', () => {
    expect(shouldRecede({ ...down, from: 0, to: RECEDE_AFTER_PX })).toBe(false);
    expect(shouldRecede({ ...down, receded: true, from: 400, to: RECEDE_AFTER_PX - 1 })).toBe(false);
    expect(shouldRecede({ ...down, from: RECEDE_AFTER_PX, to: RECEDE_AFTER_PX + 40 })).toBe(true);
  });

  it('never steps aside for a jump the reader did not scroll: a link, a resize, the driver', () => {
    expect(shouldRecede({ ...down, byReader: false })).toBe(false);
    expect(shouldRecede({ ...down, byReader: false, receded: true })).toBe(true);
  });

  it('is held out by focus, its menu or an offer', () => {
    expect(shouldRecede({ ...down, held: true })).toBe(false);
    expect(shouldRecede({ ...down, held: true, receded: true })).toBe(false);
  });

  it('ignores a step too small to be a direction', () => {
    const still = { ...down, to: down.from + SCROLL_NOISE_PX - 1 };
    expect(shouldRecede(still)).toBe(false);
    expect(shouldRecede({ ...still, receded: true })).toBe(true);
    expect(shouldRecede({ ...down, to: down.from - SCROLL_NOISE_PX + 1, receded: true })).toBe(true);
    expect(shouldRecede({ ...down, to: down.from + SCROLL_NOISE_PX })).toBe(true);
  });
});
