/**
 * What a frame of light costs, measured without ever waiting for the GPU on the main
 * thread (no gl.finish, no readPixels).
 *
 * - Where `EXT_disjoint_timer_query_webgl2` exists (Chromium, SwiftShader included), the GPU
 *   times the draw itself; results are read on later frames, when they are ready.
 * - Elsewhere (Firefox and Safari hide the extension), the time a draw takes on the main
 *   thread means nothing: the commands are only queued. What a slow draw does delay is the
 *   next frame, so the cost is the drawn frame's interval minus the display's own interval.
 *   A busy main thread looks the same; the governor's run of three frames absorbs a stray one.
 */

/** A frame's cost in milliseconds, with whatever the caller tagged the frame with. */
export interface Timed<T> {
  ms: number;
  tag: T;
}

type TimerExtension = {
  TIME_ELAPSED_EXT: number;
  GPU_DISJOINT_EXT: number;
};

/** The parts of a WebGL 2 context the timer uses, so tests can hand it a stand-in. */
export type TimerContext = Pick<
  WebGL2RenderingContext,
  | 'getExtension'
  | 'createQuery'
  | 'deleteQuery'
  | 'beginQuery'
  | 'endQuery'
  | 'getQueryParameter'
  | 'getParameter'
  | 'QUERY_RESULT'
  | 'QUERY_RESULT_AVAILABLE'
>;

/** Queries in flight at most: past this the GPU is far behind, and one more frame unmeasured is fine. */
export const MAX_PENDING = 4;

/** Times draws on the GPU with `EXT_disjoint_timer_query_webgl2`. */
export class GpuTimer<T> {
  private readonly pending: { query: WebGLQuery; tag: T }[] = [];
  private open: { query: WebGLQuery; tag: T } | undefined;

  private constructor(
    private readonly gl: TimerContext,
    private readonly ext: TimerExtension,
  ) {}

  /** A timer, or undefined when the context cannot time draws. */
  static create<T>(gl: TimerContext): GpuTimer<T> | undefined {
    const ext = gl.getExtension('EXT_disjoint_timer_query_webgl2') as TimerExtension | null;
    return ext ? new GpuTimer<T>(gl, ext) : undefined;
  }

  /** Starts timing the commands that follow; false when this frame goes unmeasured. */
  begin(tag: T): boolean {
    if (this.open || this.pending.length >= MAX_PENDING) return false;
    const query = this.gl.createQuery();
    if (!query) return false;
    this.gl.beginQuery(this.ext.TIME_ELAPSED_EXT, query);
    this.open = { query, tag };
    return true;
  }

  end() {
    if (!this.open) return;
    this.gl.endQuery(this.ext.TIME_ELAPSED_EXT);
    this.pending.push(this.open);
    this.open = undefined;
  }

  /** The draws timed since the last call whose results have arrived, oldest first. */
  poll(): Timed<T>[] {
    // Results arrive in order: the first one not ready holds back the rest.
    let ready = 0;
    while (
      ready < this.pending.length &&
      this.gl.getQueryParameter(this.pending[ready].query, this.gl.QUERY_RESULT_AVAILABLE)
    )
      ready++;
    if (ready === 0) return [];
    const done = this.pending.splice(0, ready);
    // A disjoint event (the GPU changed clocks, or switched to other work) spoils every timing in flight.
    const disjoint = Boolean(this.gl.getParameter(this.ext.GPU_DISJOINT_EXT));
    const results = disjoint
      ? []
      : done.map(({ query, tag }) => ({
          ms: Number(this.gl.getQueryParameter(query, this.gl.QUERY_RESULT)) / 1e6,
          tag,
        }));
    for (const { query } of done) this.gl.deleteQuery(query);
    return results;
  }

  /** Forgets every timing in flight (the context was lost, or the timer is put away). */
  dispose() {
    if (this.open) this.gl.endQuery(this.ext.TIME_ELAPSED_EXT);
    for (const { query } of [...this.pending, ...(this.open ? [this.open] : [])]) this.gl.deleteQuery(query);
    this.pending.length = 0;
    this.open = undefined;
  }
}

/** How many recent frame intervals the display's own interval is read from. */
export const REFRESH_WINDOW = 60;

/**
 * The fallback measure: how much later than the display's rhythm the frame after a draw
 * came. Told of every animation frame of an unbroken run (`frame`, first thing in the frame)
 * and of each draw (`drew`); a frame that follows a pause (the loop had stopped) starts a
 * new run, as its interval measures the pause.
 */
export class FrameCost<T> {
  private last: number | undefined;
  private drawn: { tag: T } | undefined;
  private readonly intervals: number[] = [];

  /** A frame begins at `now` (ms); returns the cost of the frame before it, if that one drew. */
  frame(now: number, continued: boolean): Timed<T> | undefined {
    let result: Timed<T> | undefined;
    if (continued && this.last !== undefined) {
      const interval = now - this.last;
      if (this.drawn) result = { ms: Math.max(0, interval - this.refresh()), tag: this.drawn.tag };
      else this.remember(interval);
    }
    this.last = now;
    this.drawn = undefined;
    return result;
  }

  /** The room was drawn in the current frame. */
  drew(tag: T) {
    this.drawn = { tag };
  }

  /** The display's interval: the shortest recent interval of a frame that drew nothing, 60 Hz until one is seen. */
  refresh(): number {
    return this.intervals.length ? Math.min(...this.intervals) : 1000 / 60;
  }

  private remember(interval: number) {
    this.intervals.push(interval);
    if (this.intervals.length > REFRESH_WINDOW) this.intervals.shift();
  }
}
