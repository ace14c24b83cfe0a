import { describe, expect, it, vi } from 'vitest';
import { FrameLoop, type FrameScheduler } from './loop';

/** A scheduler that runs frames only when the test says so, and counts what was asked. */
function manualFrames() {
  let next: ((now: number) => void) | undefined;
  let handles = 0;
  const scheduler: FrameScheduler = {
    request(callback) {
      expect(next, 'one frame asked for at a time').toBeUndefined();
      next = callback;
      return ++handles;
    },
    cancel() {
      next = undefined;
    },
  };
  return {
    scheduler,
    get asked() {
      return handles;
    },
    get pending() {
      return next !== undefined;
    },
    /** Runs the frame asked for, at `now`. */
    tick(now: number) {
      const callback = next;
      next = undefined;
      if (!callback) throw new Error('no frame was asked for');
      callback(now);
    },
  };
}

describe('FrameLoop', () => {
  it('runs the phases in order within one frame, whatever order they were added in', () => {
    const frames = manualFrames();
    const loop = new FrameLoop(frames.scheduler);
    const order: string[] = [];
    loop.add('light', () => void order.push('light'));
    loop.add('text', () => void order.push('text'));
    loop.add('read', () => void order.push('read'));
    loop.add('tween', () => void order.push('tween'));
    frames.tick(16);
    expect(order).toEqual(['read', 'tween', 'text', 'light']);
  });

  it('asks for one frame however often it is asked, and rests once nothing asks again', () => {
    const frames = manualFrames();
    const loop = new FrameLoop(frames.scheduler);
    const light = vi.fn();
    loop.add('light', light);
    loop.request();
    loop.request();
    expect(frames.asked).toBe(1);
    frames.tick(16);
    expect(light).toHaveBeenCalledTimes(1);
    expect(light).toHaveBeenCalledWith(16, 1);
    expect(frames.pending).toBe(false);
  });

  it('runs again while a callback says it is still moving', () => {
    const frames = manualFrames();
    const loop = new FrameLoop(frames.scheduler);
    let left = 3;
    loop.add('tween', () => --left > 0);
    frames.tick(0);
    frames.tick(16);
    expect(frames.pending).toBe(true);
    frames.tick(33);
    expect(left).toBe(0);
    expect(frames.pending).toBe(false);
  });

  it('lets a later phase see a change made by an earlier one in the same frame', () => {
    const frames = manualFrames();
    const loop = new FrameLoop(frames.scheduler);
    let position = 0;
    const drawn: [number, number][] = [];
    loop.add('read', () => {
      position++;
      loop.request();
    });
    loop.add('light', (_, frame) => void drawn.push([frame, position]));
    frames.tick(0);
    expect(drawn).toEqual([[1, 1]]);
    // A request from inside a frame asks for the next one, so the earlier phases see it too.
    expect(frames.pending).toBe(true);
  });

  it('keeps the other callbacks running when one throws', () => {
    const frames = manualFrames();
    const loop = new FrameLoop(frames.scheduler);
    const report = vi.spyOn(console, 'error').mockImplementation(() => {});
    const light = vi.fn();
    loop.add('text', () => {
      throw new Error('broken');
    });
    loop.add('light', light);
    frames.tick(0);
    expect(light).toHaveBeenCalled();
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ message: 'broken' }));
    report.mockRestore();
  });

  it('stops calling a removed callback, and stop() cancels the frame asked for', () => {
    const frames = manualFrames();
    const loop = new FrameLoop(frames.scheduler);
    const text = vi.fn(() => true);
    const remove = loop.add('text', text);
    frames.tick(0);
    remove();
    frames.tick(16);
    expect(text).toHaveBeenCalledTimes(1);
    loop.request();
    loop.stop();
    expect(frames.pending).toBe(false);
  });

  it('tells whether a frame is running and counts frames', () => {
    const frames = manualFrames();
    const loop = new FrameLoop(frames.scheduler);
    const seen: boolean[] = [];
    loop.add('read', () => void seen.push(loop.inFrame));
    expect(loop.inFrame).toBe(false);
    frames.tick(0);
    loop.request();
    frames.tick(16);
    expect(seen).toEqual([true, true]);
    expect(loop.frame).toBe(2);
    expect(loop.inFrame).toBe(false);
  });

  it('runs a callback once, in its phase of the next frame, unless cancelled first', () => {
    const frames = manualFrames();
    const loop = new FrameLoop(frames.scheduler);
    const order: string[] = [];
    loop.add('light', () => void order.push('light'));
    loop.once('text', (_, frame) => void order.push(`once ${frame}`));
    const cancelled = vi.fn();
    loop.once('read', cancelled)();
    frames.tick(0);
    loop.request();
    frames.tick(16);
    expect(order).toEqual(['once 1', 'light', 'light']);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
