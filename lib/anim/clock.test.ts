import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The page's frame loop, with animation frames the test runs by hand (stubbed before the modules load). */
async function setUp() {
  vi.resetModules();
  const frames: ((now: number) => void)[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: (now: number) => void) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  const { gsap } = await import('gsap');
  const clock = await import('./clock');
  const start = performance.now();
  const runFrame = () => {
    const next = frames.shift();
    if (!next) return false;
    // A loop that never rests fails the test instead of spinning for ever.
    if (performance.now() - start > 5000) throw new Error('the frame loop never rested');
    next(performance.now());
    return true;
  };
  return { gsap, clock, frames, runFrame };
}

beforeEach(() => {
  vi.unstubAllGlobals();
});

describe('GSAP on the frame loop', () => {
  it('plays a timeline to its end on the loop’s frames, then lets the loop rest', async () => {
    const { gsap, clock, frames, runFrame } = await setUp();
    const target = { x: 0 };
    const timeline = clock.play(() => gsap.timeline().to(target, { x: 100, duration: 0.05, ease: 'none' }));
    expect(frames.length, 'a frame is asked for').toBe(1);
    // Frames run back to back: the timeline moves on each, by the clock, until it ends.
    while (runFrame());
    expect(target.x).toBe(100);
    expect(timeline.progress()).toBe(1);
    expect(frames).toHaveLength(0);
  });

  it('keeps GSAP’s own ticker asleep, whatever is made or moved', async () => {
    const { gsap, clock, runFrame } = await setUp();
    clock.attachLoopClock();
    const ticked = gsap.ticker.frame;
    const target = { x: 0 };
    const paused = gsap.timeline({ paused: true }).to(target, { x: 1, duration: 1 });
    paused.progress(0.5);
    clock.play(() => gsap.to(target, { x: 2, duration: 0.01 }));
    // Every frame asked for runs (a ticker awake would ask again each time: at most 50).
    for (let i = 0; i < 50 && runFrame(); i++);
    // GSAP counts the frames its ticker runs: none ran.
    expect(gsap.ticker.frame).toBe(ticked);
  });

  it('starts what it makes now, however long the loop has rested', async () => {
    const { gsap, clock, runFrame } = await setUp();
    clock.attachLoopClock();
    while (runFrame());
    await new Promise((resolve) => setTimeout(resolve, 60));
    const target = { x: 0 };
    clock.play(() => gsap.to(target, { x: 100, duration: 10, ease: 'none' }));
    runFrame();
    // A few milliseconds into ten seconds, not the 60 ms the loop rested.
    expect(target.x).toBeGreaterThan(0);
    expect(target.x).toBeLessThan(0.5);
  });

  it('counts a reversed timeline as playing until it is back at its start', async () => {
    const { gsap, clock, frames, runFrame } = await setUp();
    const target = { x: 0 };
    const timeline = clock.play(() => gsap.timeline().to(target, { x: 100, duration: 0.04, ease: 'none' }));
    runFrame();
    runFrame();
    timeline.reverse();
    while (runFrame());
    expect(timeline.totalTime()).toBe(0);
    expect(target.x).toBe(0);
    expect(frames).toHaveLength(0);
  });
});
