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

  it('turns the page for a swipe of exactly the minimum, but not one pixel less', () => {
    expect(gestureOf(trace({ x0: 200, x1: 200 - SWIPE_MIN_PX }))).toBe('next');
    expect(gestureOf(trace({ x0: 200, x1: 200 + SWIPE_MIN_PX }))).toBe('prev');
    expect(gestureOf(trace({ x0: 200, x1: 200 + SWIPE_MIN_PX - 1 }))).toBeNull();
  });

  it('takes a swipe as sideways only when it is more than one and a half times as wide as tall', () => {
    expect(gestureOf(trace({ x0: 300, x1: 150, y0: 300, y1: 399 }))).toBe('next');
    expect(gestureOf(trace({ x0: 300, x1: 150, y0: 300, y1: 400 }))).toBeNull();
    expect(gestureOf(trace({ x0: 300, x1: 150, y0: 300, y1: 201 }))).toBe('next');
    expect(gestureOf(trace({ x0: 300, x1: 150, y0: 300, y1: 200 }))).toBeNull();
  });

  it('takes a swipe of up to a second', () => {
    expect(gestureOf(trace({ x0: 300, x1: 100, ms: 1000 }))).toBe('next');
    expect(gestureOf(trace({ x0: 300, x1: 100, ms: 1001 }))).toBeNull();
  });

  it('does not take a quick scroll that ends on the right or left third for a tap', () => {
    expect(gestureOf(trace({ x0: 300, x1: 300, y0: 400, y1: 200, ms: 150 }))).toBeNull();
    expect(gestureOf(trace({ x0: 40, x1: 40, y0: 400, y1: 200, ms: 150 }))).toBeNull();
    expect(gestureOf(trace({ x0: 300, x1: 300, y0: 300, y1: 313 }))).toBeNull();
    expect(gestureOf(trace({ x0: 300, x1: 300, y0: 300, y1: 312 }))).toBe('next');
    expect(gestureOf(trace({ x0: 300, x1: 309, y0: 300, y1: 309 }))).toBeNull();
  });

  it('takes a tap of up to half a second', () => {
    expect(gestureOf(trace({ x0: 300, x1: 300, ms: 500 }))).toBe('next');
    expect(gestureOf(trace({ x0: 300, x1: 300, ms: 501 }))).toBeNull();
    expect(gestureOf(trace({ x0: 40, x1: 40, ms: 501 }))).toBeNull();
  });

  it('splits the width in thirds, where the finger lifts', () => {
    expect(gestureOf(trace({ x0: 240, x1: 240 }))).toBe('next');
    expect(gestureOf(trace({ x0: 239, x1: 239 }))).toBeNull();
    expect(gestureOf(trace({ x0: 120, x1: 120 }))).toBeNull();
    expect(gestureOf(trace({ x0: 119, x1: 119 }))).toBe('prev');
    expect(gestureOf(trace({ x0: 230, x1: 241 }))).toBe('next');
    expect(gestureOf(trace({ x0: 125, x1: 115 }))).toBe('prev');
  });

  it('does nothing with a tap before it knows the width', () => {
    expect(gestureOf(trace({ x0: 300, x1: 300, width: 0 }))).toBeNull();
    expect(gestureOf(trace({ x0: -10, x1: -10, width: 0 }))).toBeNull();
  });
});
