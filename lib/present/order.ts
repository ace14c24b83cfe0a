/**
 * An order for the presentation's windows (a Lamport clock with a tie-break).
 *
 * Two windows that change the step at the same moment each send their change and each
 * receive the other's. Applied in arrival order, each window ends on the other's step and
 * they stay swapped. Stamped instead, every change has a place in one total order that
 * every window computes alike: a window applies what it receives only when it is later
 * than what it shows, so after any interleaving all windows show the latest change
 * within one message round trip.
 *
 * A window starts with a stamp of its own too, so that windows opening together agree
 * at once: one opened on a step's address (a deep link) holds that step at clock 1, one
 * opened on the default first step at clock 0. So a link beats a default, a change made
 * after opening beats both, and of two equal claims the window id decides, the same way
 * in every window. Only the logical clock counts, never the time of day.
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
/** How a window opened: on a step's address, or on the default first step. */
export type Opening = 'link' | 'default';

/** The stamp a window opens with: a link is a claim (clock 1), the default is none (clock 0). */
export function openingStamp(id: string, opening: Opening): Stamp {
  return { clock: opening === 'link' ? 1 : 0, from: id };
}

export class WindowClock {
  private time: number;
  /** The stamp of what this window shows: how it opened, or the last change it made or took. */
  private shown: Stamp;

  constructor(
    readonly id: string,
    opening: Opening = 'default',
  ) {
    this.shown = openingStamp(id, opening);
    this.time = this.shown.clock;
  }

  /** Stamps a change made in this window; it is later than anything seen so far. */
  stamp(): Stamp {
    this.time += 1;
    this.shown = { clock: this.time, from: this.id };
    return this.shown;
  }

  /** The stamp to answer a newcomer with: what this window shows, as it was stamped. */
  current(): Stamp {
    return this.shown;
  }

  /** Takes note of another window's change; returns whether this window should apply it. */
  receive(stamp: Stamp): boolean {
    this.time = Math.max(this.time, stamp.clock);
    if (!isLater(stamp, this.shown)) return false;
    this.shown = stamp;
    return true;
  }
}
