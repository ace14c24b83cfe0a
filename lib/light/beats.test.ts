import { describe, expect, it } from 'vitest';
import { HEART_PERIOD, HEART_REST, SWEEP_ARRIVE, SWEEP_MS, heartbeat, sweepAt, sweepTrigger } from './beats';

/** The swells of a signal sampled every `dt` s over `seconds`: its local maxima that stand out by `prominence`. */
function peaks(f: (t: number) => number, seconds: number, dt = 0.005, prominence = 0.1): number[] {
  const at: number[] = [];
  let low = f(0);
  let rising = false;
  let prev = f(0);
  for (let t = dt; t <= seconds; t += dt) {
    const v = f(t);
    if (v > prev && v - low > prominence) rising = true;
    if (v < prev && rising) {
      at.push(t - dt);
      rising = false;
      low = v;
    }
    if (!rising) low = Math.min(low, v);
    prev = v;
  }
  return at;
}

describe('the heartbeat', () => {
  it('swells twice a beat, lub then a softer dub, and rests between beats', () => {
    const beat = peaks(heartbeat, HEART_PERIOD * 4);
    expect(beat).toHaveLength(8);
    const lub = heartbeat(HEART_PERIOD * 0.14);
    const dub = heartbeat(HEART_PERIOD * 0.38);
    expect(lub).toBeGreaterThan(0.95);
    expect(dub).toBeGreaterThan(0.5);
    expect(dub).toBeLessThan(lub);
    expect(heartbeat(HEART_PERIOD * 0.8)).toBeLessThan(0.05);
  });

  it('never swells more than three times a second (WCAG 2.3.1), in any second', () => {
    const at = peaks(heartbeat, 20);
    for (let i = 0; i + 3 < at.length; i++) expect(at[i + 3] - at[i]).toBeGreaterThan(1);
    // The measure can fail: a 4 Hz pulse breaks it.
    const fast = peaks((t) => 0.5 + 0.5 * Math.sin(t * Math.PI * 8), 3);
    expect(fast.slice(0, 4).at(-1)! - fast[0]).toBeLessThan(1);
  });

  it('swells slowly: each rise takes at least a tenth of a second', () => {
    const rise = (from: number) => {
      let t = from;
      while (heartbeat(t) < 0.1) t += 0.001;
      const start = t;
      while (heartbeat(t + 0.001) > heartbeat(t)) t += 0.001;
      return t - start;
    };
    expect(rise(HEART_PERIOD * 0.95)).toBeGreaterThan(0.1);
  });

  it('rests at a glow between the swells under reduced motion', () => {
    expect(HEART_REST).toBeGreaterThan(0.1);
    expect(HEART_REST).toBeLessThan(0.6);
  });
});

describe('the headlights sweep', () => {
  it('crosses once, eased, in SWEEP_MS, and stays crossed', () => {
    expect(sweepAt(-100)).toBe(0);
    expect(sweepAt(0)).toBe(0);
    expect(sweepAt(SWEEP_MS / 2)).toBeCloseTo(0.5, 6);
    expect(sweepAt(SWEEP_MS * 0.1)).toBeLessThan(0.1);
    expect(sweepAt(SWEEP_MS)).toBe(1);
    expect(sweepAt(SWEEP_MS * 5)).toBe(1);
    for (let t = 0; t < SWEEP_MS; t += 50) expect(sweepAt(t + 50)).toBeGreaterThanOrEqual(sweepAt(t));
  });

  it('plays on arriving at its beat, not again while the reader stays, and again after leaving and coming back', () => {
    let armed = true;
    const starts: number[] = [];
    const levels = [0, 0.5, 0.9, SWEEP_ARRIVE, 1, 1, 0.95, 0.6, 0.95, 0.2, 0.5, 1];
    levels.forEach((level, i) => {
      const r = sweepTrigger(level, armed);
      armed = r.armed;
      if (r.start) starts.push(i);
    });
    expect(starts).toEqual([3, 11]);
  });
});
