/**
 * The room's two timed lights, as functions of time, worked out on the CPU and handed to the
 * shader as one number each: so they can be tested here for how often they flash (WCAG 2.3.1),
 * and so reduced motion can hold them at a fixed pose instead of freezing a clock mid-beat.
 */

/** One heartbeat, in seconds: about 52 a minute, a heart waiting, slower than the blink's 2.2 s is not. */
export const HEART_PERIOD = 1.15;

/** The heartbeat's level under reduced motion: a still glow between the swells, never a frozen peak. */
export const HEART_REST = 0.35;

/** Where in a beat each swell peaks (a fraction of the beat), and how wide it is: lub, then a softer dub. */
const LUB = { at: 0.14, width: 0.11, height: 1 };
const DUB = { at: 0.38, width: 0.12, height: 0.7 };

const swell = (phase: number, s: typeof LUB) => s.height * Math.exp(-(((phase - s.at) / s.width) ** 2));

/** The heartbeat's swell at `t` seconds, 0..1: a slow lub-dub, twice a beat, then rest. */
export function heartbeat(t: number): number {
  const phase = (((t / HEART_PERIOD) % 1) + 1) % 1;
  return Math.min(1, swell(phase, LUB) + swell(phase, DUB));
}

/** How long the headlights take to cross the ceiling, once, as he drives away. */
export const SWEEP_MS = 5000;

/** The headlights mood level at which the sweep starts (arriving at its beat), and below which it may play again. */
export const SWEEP_ARRIVE = 0.97;
export const SWEEP_REARM = 0.3;

/** Where the sweep is, `elapsed` ms after it began: 0 before, 1 once it has crossed (eased, as a car turning away). */
export function sweepAt(elapsed: number): number {
  const x = Math.min(1, Math.max(0, elapsed / SWEEP_MS));
  return x * x * (3 - 2 * x);
}

/**
 * Whether the headlights sweep plays, given the mood's headlights level and whether it is
 * armed (the reader has been away from the beat since the last sweep): a sweep plays once
 * on arriving at its beat, and again only after leaving it and coming back.
 */
export function sweepTrigger(level: number, armed: boolean): { start: boolean; armed: boolean } {
  if (level < SWEEP_REARM) return { start: false, armed: true };
  if (armed && level >= SWEEP_ARRIVE) return { start: true, armed: false };
  return { start: false, armed };
}
