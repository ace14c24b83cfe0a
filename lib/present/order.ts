/**
 * An order for the presentation's windows (a Lamport clock with a tie-break).
 *
 * Two windows that change the step at the same moment each send their change and each
 * receive the other's. Applied in arrival order, each window ends on the other's step and
 * they stay swapped. Stamped instead, every change has a place in one total order that
 * every window computes alike: a window applies what it receives only when it is later
 * than what it shows, so after any interleaving all windows show the latest change
 * within one message round trip.
 */

/** When a change was made: a logical time, then the window that made it as the tie-break. */
export interface Stamp {
  clock: number;
  from: string;
}

/** Whether `a` comes after `b` in the one order every window agrees on. */
export function isLater(a: Stamp, b: Stamp): boolean {
  if (a.clock !== b.clock) return a.clock > b.clock;
  return a.from > b.from;
}

export function isStamp(value: unknown): value is Stamp {
  if (typeof value !== 'object' || value === null) return false;
  const { clock, from } = value as Record<string, unknown>;
  return Number.isSafeInteger(clock) && (clock as number) >= 0 && typeof from === 'string';
}

/**
 * One window's clock: stamps its own changes, and decides whether another window's
 * change replaces what this window shows.
 */
export class WindowClock {
  private time = 0;
  /** The stamp of what this window shows; null until it has made or taken a change. */
  private shown: Stamp | null = null;

  constructor(readonly id: string) {}

  /** Stamps a change made in this window; it is later than anything seen so far. */
  stamp(): Stamp {
    this.time += 1;
    this.shown = { clock: this.time, from: this.id };
    return this.shown;
  }

  /** The stamp to answer a newcomer with: what this window shows, as it was stamped. */
  current(): Stamp {
    return this.shown ?? { clock: 0, from: this.id };
  }

  /** Takes note of another window's change; returns whether this window should apply it. */
  receive(stamp: Stamp): boolean {
    this.time = Math.max(this.time, stamp.clock);
    if (this.shown && !isLater(stamp, this.shown)) return false;
    this.shown = stamp;
    return true;
  }
}
