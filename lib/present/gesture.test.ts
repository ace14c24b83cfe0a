import { describe, expect, it } from 'vitest';
import { gestureOf, SWIPE_MIN_PX, type TouchTrace } from './gesture';

const trace = (t: Partial<TouchTrace>): TouchTrace => ({
  x0: 180,
  y0: 300,
  x1: 180,
  y1: 300,
  ms: 120,
  width: 360,
  ...t,
});

describe('gestureOf', () => {
  it('turns a swipe to the left into the next step and to the right into the previous', () => {
    expect(gestureOf(trace({ x0: 300, x1: 100 }))).toBe('next');
    expect(gestureOf(trace({ x0: 100, x1: 300 }))).toBe('prev');
  });

  it('ignores short, slow and mostly vertical moves', () => {
    expect(gestureOf(trace({ x0: 200, x1: 200 - SWIPE_MIN_PX + 1 }))).toBeNull();
    expect(gestureOf(trace({ x0: 300, x1: 100, ms: 2000 }))).toBeNull();
    expect(gestureOf(trace({ x0: 200, x1: 120, y0: 100, y1: 400 }))).toBeNull();
  });

  it('turns a tap on the right third forward and on the left third back', () => {
    expect(gestureOf(trace({ x0: 300, x1: 302 }))).toBe('next');
    expect(gestureOf(trace({ x0: 40, x1: 41 }))).toBe('prev');
  });

  it('leaves a tap in the middle third, and a long press, alone', () => {
    expect(gestureOf(trace({ x0: 180, x1: 180 }))).toBeNull();
    expect(gestureOf(trace({ x0: 300, x1: 300, ms: 900 }))).toBeNull();
  });
});
