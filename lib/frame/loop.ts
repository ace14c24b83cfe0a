/**
 * The page's one frame loop: a single requestAnimationFrame owner that runs, in order,
 * what reads the reader's place, what eases the text, the text's timelines and the light,
 * so a frame that moves the story moves all of it together. It rests when nothing asks
 * for a frame: a still page runs nothing per frame.
 *
 * Phases, in the order a frame runs them:
 * - `read`: drivers turn input (the scroll offset) into the position;
 * - `tween`: the clock of GSAP's timelines advances to this frame's time;
 * - `text`: the text's state follows the position (arrivals, what has gone by, the tape);
 * - `light`: the light follows the position.
 */
export const PHASES = ['read', 'tween', 'text', 'light'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Called once in each frame the loop runs, in its phase, with the frame's time (ms, the
 * animation frame's timestamp) and number. Returns true to be called in the next frame too
 * (something it shows is still moving); anything else lets the loop rest.
 */
export type FrameCallback = (now: number, frame: number) => boolean | void;

/** How the loop asks for frames: requestAnimationFrame, or a stand-in in tests. */
export interface FrameScheduler {
  request(callback: (now: number) => void): number;
  cancel(handle: number): void;
}

const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export class FrameLoop {
  private readonly callbacks = new Map<Phase, Set<FrameCallback>>(PHASES.map((p) => [p, new Set()]));
  private handle = 0;
  private scheduled = false;
  private running = false;
  private count = 0;

  constructor(private readonly scheduler: FrameScheduler = animationFrames) {}

  /** Runs `callback` in `phase` of every frame from the next one on; returns what removes it. */
  add(phase: Phase, callback: FrameCallback): () => void {
    this.callbacks.get(phase)!.add(callback);
    this.request();
    return () => {
      this.callbacks.get(phase)!.delete(callback);
    };
  }

  /** Runs `callback` once, in `phase` of the next frame; returns what cancels it. */
  once(phase: Phase, callback: (now: number, frame: number) => void): () => void {
    const remove = this.add(phase, (now, frame) => {
      remove();
      callback(now, frame);
    });
    return remove;
  }

  /**
   * Asks for a frame. Asked from inside a frame, it asks for the next one: the phases still
   * to run in this frame see the change anyway, and the next frame lets those already run
   * see it too (once, then the loop rests again).
   */
  request() {
    if (this.scheduled) return;
    this.scheduled = true;
    this.handle = this.scheduler.request(this.run);
  }

  /** The number of the frame running now, or of the last one run (0 before any). */
  get frame(): number {
    return this.count;
  }

  /** Whether a frame is running now (a callback, or something it called, is on the stack). */
  get inFrame(): boolean {
    return this.running;
  }

  /** Stops asking for frames (the page is going away). */
  stop() {
    if (this.scheduled) this.scheduler.cancel(this.handle);
    this.scheduled = false;
  }

  private readonly run = (now: number) => {
    this.scheduled = false;
    this.running = true;
    const frame = ++this.count;
    let again = false;
    try {
      for (const phase of PHASES) {
        for (const callback of this.callbacks.get(phase)!) {
          try {
            if (callback(now, frame) === true) again = true;
          } catch (error) {
            // One part failing must not stop the others (the text must keep moving if the light throws).
            console.error(error);
          }
        }
      }
    } finally {
      this.running = false;
    }
    if (again) this.request();
  };
}

/** The page's loop: every driver, the text's motion and the light share it. */
export const frameLoop = new FrameLoop(
  typeof requestAnimationFrame === 'function'
    ? animationFrames
    : // On the server nothing runs per frame.
      { request: () => 0, cancel: () => {} },
);
