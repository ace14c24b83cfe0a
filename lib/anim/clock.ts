import { gsap } from 'gsap';
import { frameLoop } from '@/lib/frame/loop';

/**
 * GSAP on the page's frame loop. GSAP's own ticker is a second requestAnimationFrame loop, woken
 * by every animation made and every playhead moved (a scrubbed tape, each frame), that runs
 * until GSAP notices, seconds later, that nothing plays. Here it sleeps for good, and the
 * loop's `tween` phase advances GSAP's root timeline to each frame's time instead, only while
 * something plays (as satus orders Lenis, GSAP and its WebGL in one tempo). Timelines are made
 * through `play`, which starts them at the loop's present moment.
 */
let attached = false;

/**
 * Brings GSAP's root timeline to now. The clock is performance.now(), not the frame's
 * timestamp: a frame's timestamp can come before the moment, late in the frame before, when a
 * timeline was made, and a root that did not move would not start it.
 */
function advance() {
  gsap.updateRoot(performance.now() / 1000);
}

/** Hands GSAP's clock to the frame loop; safe to call more than once. */
export function attachLoopClock() {
  if (attached) return;
  attached = true;
  gsap.ticker.remove(gsap.updateRoot);
  gsap.ticker.sleep();
  // GSAP wakes its ticker through this method (its core was set up when it loaded): a no-op
  // keeps it asleep, so the frame loop stays the page's only requestAnimationFrame.
  gsap.ticker.wake = () => {};
  frameLoop.add('tween', () => {
    advance();
    return playing();
  });
}

/**
 * Makes timelines with `build` and lets them play on the frame loop. GSAP places a new
 * animation at its root's current time, which stands still while the loop rests: the root is
 * brought to now first, so what starts, starts now, not back when the page last moved.
 */
export function play<T>(build: () => T): T {
  attachLoopClock();
  advance();
  const made = build();
  frameLoop.request();
  return made;
}

// GSAP wakes its ticker as it loads: it is handed to the loop as soon as anything of the motion
// loads, before that ticker's first frame.
attachLoopClock();

/** Whether any animation is playing: not paused, and not yet at its end (or, reversed, back at its start). */
function playing(): boolean {
  for (const child of gsap.globalTimeline.getChildren(false, true, true)) {
    if (child.paused()) continue;
    if (child.reversed() ? child.totalTime() > 0 : child.totalProgress() < 1) return true;
  }
  return false;
}
