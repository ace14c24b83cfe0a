import { describe, expect, it } from 'vitest';
import {
  autoplayFromQuery,
  BREATH_MS,
  clampWpm,
  DEFAULT_WPM,
  dwellMs,
  formatDuration,
  MAX_WPM,
  MIN_DWELL_MS,
  MIN_WPM,
  runMs,
  stepPace,
  WPM_STEP,
} from './autoplay';

describe('dwellMs', () => {
  it('gives a step the time to read it aloud, plus a breath', () => {
    // 180 words at 180 words a minute: one minute.
    expect(dwellMs(180, 180)).toBe(60_000 + BREATH_MS);
    expect(dwellMs(90, 180)).toBe(30_000 + BREATH_MS);
  });

  it('never shows a step for less than the minimum', () => {
    expect(dwellMs(1, 180)).toBe(MIN_DWELL_MS + BREATH_MS);
    expect(dwellMs(0, 180)).toBe(MIN_DWELL_MS + BREATH_MS);
  });

  it('is shorter at a faster pace and longer at a slower one', () => {
    expect(dwellMs(100, 240)).toBeLessThan(dwellMs(100, 180));
    expect(dwellMs(100, 120)).toBeGreaterThan(dwellMs(100, 180));
  });

  it('keeps the pace inside its limits', () => {
    expect(dwellMs(100, 1e9)).toBe(dwellMs(100, MAX_WPM));
    expect(dwellMs(100, 0)).toBe(dwellMs(100, MIN_WPM));
    expect(dwellMs(100, Number.NaN)).toBe(dwellMs(100, DEFAULT_WPM));
  });
});

describe('pace', () => {
  it('moves by steps and stops at the limits', () => {
    expect(stepPace(DEFAULT_WPM, 1)).toBe(DEFAULT_WPM + WPM_STEP);
    expect(stepPace(DEFAULT_WPM, -1)).toBe(DEFAULT_WPM - WPM_STEP);
    expect(stepPace(MAX_WPM, 1)).toBe(MAX_WPM);
    expect(stepPace(MIN_WPM, -1)).toBe(MIN_WPM);
    expect(clampWpm(181.4)).toBe(181);
  });
});

describe('runMs and formatDuration', () => {
  it('adds up the dwell of every step', () => {
    expect(runMs([180, 1], 180)).toBe(60_000 + BREATH_MS + MIN_DWELL_MS + BREATH_MS);
    expect(runMs([], 180)).toBe(0);
  });

  it('writes durations for people', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59_600)).toBe('1 min');
    expect(formatDuration(61_000)).toBe('1 min 1 s');
    expect(formatDuration(3_725_000)).toBe('1 h 2 min 5 s');
  });
});

describe('autoplayFromQuery', () => {
  const on = (search: string) => autoplayFromQuery(new URLSearchParams(search));

  it.each([
    '?autoplay',
    '?autoplay=',
    '?autoplay=1',
    '?autoplay=true',
    '?autoplay=yes',
    '?autoplay=TRUE',
    '?loop&autoplay',
  ])('%s plays', (search) => expect(on(search)).toBe(true));

  it.each([
    '',
    '?loop',
    '?autoplay=0',
    '?autoplay=false',
    '?autoplay=no',
    '?autoplay=FALSE',
    '?autoplay=No',
    '?autoplay=off',
    '?autoplay=%20false%20',
  ])('%j does not play', (search) => expect(on(search)).toBe(false));
});
