import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settle } from './settle';

describe('settle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes on a value once it has stayed for the wait', () => {
    const settled = vi.fn();
    const s = settle<number>(400, settled);
    s.push(3);
    vi.advanceTimersByTime(399);
    expect(settled).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(settled).toHaveBeenCalledExactlyOnceWith(3);
  });

  it('passes on only the last of values that come quicker than the wait', () => {
    const settled = vi.fn();
    const s = settle<number>(400, settled);
    for (const step of [11, 12, 13, 14]) {
      s.push(step);
      vi.advanceTimersByTime(150);
    }
    vi.advanceTimersByTime(1000);
    expect(settled.mock.calls).toEqual([[14]]);
  });

  it('passes on each value of a slow walk', () => {
    const settled = vi.fn();
    const s = settle<number>(400, settled);
    s.push(1);
    vi.advanceTimersByTime(500);
    s.push(2);
    vi.advanceTimersByTime(500);
    expect(settled.mock.calls).toEqual([[1], [2]]);
  });

  it('drops the waiting value when cancelled', () => {
    const settled = vi.fn();
    const s = settle<number>(400, settled);
    s.push(1);
    s.cancel();
    vi.advanceTimersByTime(1000);
    expect(settled).not.toHaveBeenCalled();
  });
});
