import { describe, expect, it } from 'vitest';
import { FrameCost, GpuTimer, MAX_PENDING, REFRESH_WINDOW, type TimerContext } from './cost';

const TIME_ELAPSED = 0x88bf;
const DISJOINT = 0x8fbb;
const RESULT = 0x8866;
const AVAILABLE = 0x8867;

/** A stand-in context: queries finish when the test says, with the time it says. */
function fakeGl({ extension = true } = {}) {
  let next = 1;
  const queries = new Map<number, { ns: number; ready: boolean }>();
  const log: string[] = [];
  const state = { disjoint: false, active: undefined as number | undefined };
  const gl = {
    QUERY_RESULT: RESULT,
    QUERY_RESULT_AVAILABLE: AVAILABLE,
    getExtension: (name: string) =>
      extension && name === 'EXT_disjoint_timer_query_webgl2'
        ? { TIME_ELAPSED_EXT: TIME_ELAPSED, GPU_DISJOINT_EXT: DISJOINT }
        : null,
    createQuery: () => {
      const id = next++;
      queries.set(id, { ns: 0, ready: false });
      return id as unknown as WebGLQuery;
    },
    deleteQuery: (q: WebGLQuery) => {
      log.push(`delete ${String(q)}`);
      queries.delete(q as unknown as number);
    },
    beginQuery: (target: number, q: WebGLQuery) => {
      expect(target).toBe(TIME_ELAPSED);
      expect(state.active).toBeUndefined();
      state.active = q as unknown as number;
      log.push(`begin ${String(q)}`);
    },
    endQuery: (target: number) => {
      expect(target).toBe(TIME_ELAPSED);
      log.push(`end ${state.active}`);
      state.active = undefined;
    },
    getQueryParameter: (q: WebGLQuery, pname: number) => {
      const query = queries.get(q as unknown as number)!;
      if (pname === AVAILABLE) return query.ready;
      expect(pname).toBe(RESULT);
      expect(query.ready).toBe(true);
      return query.ns;
    },
    getParameter: (pname: number) => {
      expect(pname).toBe(DISJOINT);
      // Reading the flag clears it, as the extension specifies.
      const value = state.disjoint;
      state.disjoint = false;
      return value;
    },
  } as unknown as TimerContext;
  const finish = (id: number, ms: number) => Object.assign(queries.get(id)!, { ready: true, ns: ms * 1e6 });
  return { gl, finish, state, log, live: () => queries.size };
}

describe('GpuTimer', () => {
  it('is there only when the context can time draws', () => {
    expect(GpuTimer.create(fakeGl().gl)).toBeInstanceOf(GpuTimer);
    expect(GpuTimer.create(fakeGl({ extension: false }).gl)).toBeUndefined();
  });

  it('gives each timed draw back once its result has arrived, in milliseconds, with its tag, oldest first', () => {
    const { gl, finish, log } = fakeGl();
    const timer = GpuTimer.create<string>(gl)!;
    expect(timer.begin('a')).toBe(true);
    timer.end();
    expect(timer.begin('b')).toBe(true);
    timer.end();
    expect(log).toEqual(['begin 1', 'end 1', 'begin 2', 'end 2']);
    expect(timer.poll()).toEqual([]);
    // The second is ready first: it waits for the first, as results come in order.
    finish(2, 3);
    expect(timer.poll()).toEqual([]);
    finish(1, 2.5);
    expect(timer.poll()).toEqual([
      { ms: 2.5, tag: 'a' },
      { ms: 3, tag: 'b' },
    ]);
    expect(timer.poll()).toEqual([]);
    expect(log.slice(4)).toEqual(['delete 1', 'delete 2']);
  });

  it('returns the ready ones and keeps the rest for later', () => {
    const { gl, finish, live } = fakeGl();
    const timer = GpuTimer.create<number>(gl)!;
    for (const tag of [1, 2, 3]) {
      timer.begin(tag);
      timer.end();
    }
    finish(1, 1);
    expect(timer.poll()).toEqual([{ ms: 1, tag: 1 }]);
    expect(live()).toBe(2);
    finish(2, 2);
    finish(3, 4);
    expect(timer.poll().map((r) => r.tag)).toEqual([2, 3]);
    expect(live()).toBe(0);
  });

  it('throws away the timings in flight when the GPU reports a disjoint event', () => {
    const { gl, finish, state, live } = fakeGl();
    const timer = GpuTimer.create<number>(gl)!;
    timer.begin(1);
    timer.end();
    timer.begin(2);
    timer.end();
    finish(1, 1);
    finish(2, 1);
    state.disjoint = true;
    expect(timer.poll()).toEqual([]);
    expect(live()).toBe(0);
    timer.begin(3);
    timer.end();
    finish(3, 7);
    expect(timer.poll()).toEqual([{ ms: 7, tag: 3 }]);
  });

  it('leaves a frame unmeasured rather than pile up queries when the GPU is far behind', () => {
    const { gl, finish } = fakeGl();
    const timer = GpuTimer.create<number>(gl)!;
    for (let i = 1; i <= MAX_PENDING; i++) {
      expect(timer.begin(i)).toBe(true);
      timer.end();
    }
    expect(timer.begin(99)).toBe(false);
    timer.end();
    finish(1, 1);
    expect(timer.poll()).toEqual([{ ms: 1, tag: 1 }]);
    expect(timer.begin(5)).toBe(true);
  });

  it('never opens a second query inside the first, and ignores an end without a begin', () => {
    const { gl, log } = fakeGl();
    const timer = GpuTimer.create<number>(gl)!;
    timer.end();
    expect(timer.begin(1)).toBe(true);
    expect(timer.begin(2)).toBe(false);
    timer.end();
    timer.end();
    expect(log).toEqual(['begin 1', 'end 1']);
  });

  it('forgets everything in flight when put away', () => {
    const { gl, live, log } = fakeGl();
    const timer = GpuTimer.create<number>(gl)!;
    timer.begin(1);
    timer.end();
    timer.begin(2);
    timer.dispose();
    expect(log).toEqual(['begin 1', 'end 1', 'begin 2', 'end 2', 'delete 1', 'delete 2']);
    expect(live()).toBe(0);
    expect(timer.poll()).toEqual([]);
    expect(timer.begin(3)).toBe(true);
  });
});

describe('FrameCost', () => {
  it('charges a drawn frame with how much later than the display rhythm the next frame came', () => {
    const cost = new FrameCost<string>();
    expect(cost.frame(0, false)).toBeUndefined();
    expect(cost.frame(16, true)).toBeUndefined();
    expect(cost.frame(32, true)).toBeUndefined();
    cost.drew('x');
    expect(cost.refresh()).toBe(16);
    expect(cost.frame(57, true)).toEqual({ ms: 9, tag: 'x' });
    // A drawn frame that kept the rhythm cost nothing visible.
    cost.frame(73, true);
    cost.drew('y');
    expect(cost.frame(89, true)).toEqual({ ms: 0, tag: 'y' });
    cost.frame(105, true);
    cost.drew('z');
    expect(cost.frame(115, true)).toEqual({ ms: 0, tag: 'z' });
    expect(cost.refresh()).toBe(16);
  });

  it('assumes 60 Hz until it has seen a frame that drew nothing', () => {
    const cost = new FrameCost<number>();
    expect(cost.refresh()).toBeCloseTo(16.667, 3);
    cost.frame(0, false);
    cost.drew(1);
    expect(cost.frame(30, true)?.ms).toBeCloseTo(30 - 1000 / 60, 6);
  });

  it('reads the display interval as the shortest interval of recent frames that drew nothing', () => {
    const cost = new FrameCost<number>();
    let t = 0;
    cost.frame(t, false);
    for (const interval of [9, 8.3, 12, 8.4]) cost.frame((t += interval), true);
    expect(cost.refresh()).toBeCloseTo(8.3, 6);
    // The shortest falls out of the window after REFRESH_WINDOW newer ones.
    for (let i = 0; i < REFRESH_WINDOW - 3; i++) cost.frame((t += 10), true);
    expect(cost.refresh()).toBeCloseTo(8.3, 6);
    cost.frame((t += 10), true);
    expect(cost.refresh()).toBeCloseTo(8.4, 6);
    cost.frame((t += 10), true);
    cost.frame((t += 10), true);
    expect(cost.refresh()).toBeCloseTo(10, 6);
  });

  it('measures nothing across a pause: a frame that starts a new run only starts it', () => {
    const cost = new FrameCost<number>();
    cost.frame(0, false);
    cost.drew(1);
    expect(cost.frame(2000, false)).toBeUndefined();
    expect(cost.refresh()).toBeCloseTo(1000 / 60, 6);
    expect(cost.frame(2016, true)).toBeUndefined();
    expect(cost.refresh()).toBe(16);
  });
});
