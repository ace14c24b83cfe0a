/**
 * The presenter's timer. It reads a monotonic clock (`performance.now()`), never the wall
 * clock: the time of day can be set back or forward (by hand, by the network, by a
 * change of summer time) while a reading goes on, and the time taken must not jump.
 */

/** A clock that only moves forward, in ms. `performance` is one. */
export interface MonotonicClock {
  now(): number;
}

export class Stopwatch {
  private start: number;

  constructor(private readonly clock: MonotonicClock = performance) {
    this.start = clock.now();
  }

  /** Whole seconds since it started or was restarted. */
  elapsed(): number {
    return Math.max(0, Math.floor((this.clock.now() - this.start) / 1000));
  }

  restart(): void {
    this.start = this.clock.now();
  }
}
