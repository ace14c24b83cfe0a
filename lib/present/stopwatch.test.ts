import { afterEach, describe, expect, it, vi } from 'vitest';
import { Stopwatch } from './stopwatch';

/** A monotonic clock the test moves by hand. */
const manual = (start = 1000) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
};

describe('Stopwatch', () => {
  afterEach(() => vi.useRealTimers());

  it('counts whole seconds of its clock from the moment it starts', () => {
    const clock = manual();
    const watch = new Stopwatch(clock);
    expect(watch.elapsed()).toBe(0);
    clock.advance(999);
    expect(watch.elapsed()).toBe(0);
    clock.advance(1);
    expect(watch.elapsed()).toBe(1);
    clock.advance(65_000);
    expect(watch.elapsed()).toBe(66);
  });

  it('starts again from zero when restarted', () => {
    const clock = manual();
    const watch = new Stopwatch(clock);
    clock.advance(90_000);
    watch.restart();
    expect(watch.elapsed()).toBe(0);
    clock.advance(3_000);
    expect(watch.elapsed()).toBe(3);
  });

  it('does not move when the wall clock is set back or forward', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-21T20:00:00Z'));
    const clock = manual();
    const watch = new Stopwatch(clock);
    clock.advance(5_000);
    vi.setSystemTime(new Date('2026-06-21T19:00:00Z'));
    expect(watch.elapsed()).toBe(5);
    vi.setSystemTime(new Date('2026-06-22T20:00:00Z'));
    expect(watch.elapsed()).toBe(5);
  });

  it('reads performance.now() by default, not Date.now()', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-21T20:00:00Z'));
    const watch = new Stopwatch();
    vi.setSystemTime(new Date('2026-06-22T20:00:17Z'));
    expect(watch.elapsed()).toBe(0);
    vi.setSystemTime(new Date('2026-06-20T20:00:00Z'));
    expect(watch.elapsed()).toBe(0);
  });
});
