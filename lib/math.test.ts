import { describe, expect, it } from 'vitest';
import { clamp01, mix, smoothstep } from './math';

describe('clamp01', () => {
  it('keeps 0..1 and holds the rest at the edges', () => {
    expect([-2, -0.0001, 0, 0.25, 1, 1.0001, 9].map(clamp01)).toEqual([0, 0, 0, 0.25, 1, 1, 1]);
  });
  it('lets NaN through', () => {
    expect(clamp01(NaN)).toBeNaN();
  });
});

describe('mix', () => {
  it('goes from a to b in a straight line, beyond when asked', () => {
    expect(mix(2, 6, 0)).toBe(2);
    expect(mix(2, 6, 0.25)).toBe(3);
    expect(mix(2, 6, 1)).toBe(6);
    expect(mix(2, 6, 1.5)).toBe(8);
    expect(mix(6, 2, 0.5)).toBe(4);
  });
});

describe('smoothstep', () => {
  it('is 0 before its first edge, 1 after its second, and ½ halfway', () => {
    expect(smoothstep(0.2, 0.6, 0.1)).toBe(0);
    expect(smoothstep(0.2, 0.6, 0.2)).toBe(0);
    expect(smoothstep(0.2, 0.6, 0.4)).toBeCloseTo(0.5, 12);
    expect(smoothstep(0.2, 0.6, 0.6)).toBe(1);
    expect(smoothstep(0.2, 0.6, 7)).toBe(1);
  });
  it('eases: slower than a straight line near the edges, faster in the middle, never turning back', () => {
    expect(smoothstep(0, 1, 0.1)).toBeCloseTo(0.028, 12);
    expect(smoothstep(0, 1, 0.9)).toBeCloseTo(0.972, 12);
    let last = -1;
    for (let x = 0; x <= 1; x += 0.01) {
      const y = smoothstep(0, 1, x);
      expect(y).toBeGreaterThanOrEqual(last);
      last = y;
    }
  });
});
