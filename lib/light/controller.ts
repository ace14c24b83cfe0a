import type { Mood } from '@/scenes/moods';
import { logFrame, storyDebug } from '@/lib/debug';
import { frameLoop } from '@/lib/frame/loop';
import type { LightEvent, ToLight } from './messages';
import type { LightRenderer } from './renderer';

/**
 * 'pending' while the text paints, 'loading' while the room starts (a worker, a context, a
 * compile), then what draws the light: 'webgl' from the first frame drawn, or 'fallback'.
 */
export type LightMode = 'pending' | 'loading' | 'webgl' | 'fallback';

/** Whether this browser can draw WebGL on a canvas handed to a worker. */
const offscreenSupported = () =>
  typeof Worker === 'function' &&
  typeof OffscreenCanvas === 'function' &&
  typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function';

/**
 * The page's side of the light. It makes the canvas and starts the room where it costs the
 * page least: in a worker, on an OffscreenCanvas (context creation, compile and every draw off
 * the main thread), or, where the browser cannot do that, on the page with the same renderer.
 * It hands the room the mood of each frame, the size, the reading column and visibility, and
 * turns what the room reports into the mode the page shows: the canvas fades in over the CSS
 * light from its first frame, and the CSS light comes back when WebGL is missing or lost.
 */
export class LightController {
  private current: LightMode = 'pending';
  private canvas: HTMLCanvasElement | undefined;
  private worker: Worker | undefined;
  private renderer: LightRenderer | undefined;
  private mood: Mood;
  /** The frame loop's frame `mood` was handed over in (0: the mood the controller was made with). */
  private moodFrame = 0;
  private reduced = false;
  private columnHalfWidth = 0.25;
  /** The page's reading column, watched so the veil follows its reflows. */
  private column: Element | null = null;
  private readonly columnObserver = new ResizeObserver(() => this.measureColumn());
  private triedPage = false;
  private disposed = false;
  private readonly debug = storyDebug();

  constructor(
    private readonly holder: HTMLElement,
    private readonly canvasClass: string,
    initial: Mood,
    private readonly onMode: (mode: LightMode) => void,
  ) {
    this.mood = initial;
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('resize', this.onResize);
  }

  get mode(): LightMode {
    return this.current;
  }

  /** Starts the room; call once the text has painted and the page is idle. */
  load() {
    this.setMode('loading');
    if (offscreenSupported()) this.startWorker();
    else void this.startOnPage();
  }

  /** The mood of the frame loop's frame `frame`; the room draws it in that frame when it can. */
  setMood(mood: Mood, frame: number) {
    this.mood = mood;
    this.moodFrame = frame;
    this.post({ type: 'mood', mood, frame });
    this.renderer?.setMood(mood, frame, performance.now());
  }

  /** One frame of the page's loop: the room drawn on the page moves here (in a worker, it has its own frames). */
  tick(now: number): boolean {
    return this.renderer?.tick(now) ?? false;
  }

  setReducedMotion(reduced: boolean) {
    this.reduced = reduced;
    this.post({ type: 'reduced', reduced });
    this.renderer?.setReducedMotion(reduced);
  }

  /**
   * The reading column the page has handed over (null between pages): the light under it
   * stays within what its ink needs. It is watched until another takes its place.
   */
  setColumn(column: Element | null) {
    if (column === this.column) return;
    if (this.column) this.columnObserver.unobserve(this.column);
    this.column = column;
    if (column) this.columnObserver.observe(column);
    this.measureColumn();
  }

  dispose() {
    this.disposed = true;
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('resize', this.onResize);
    this.columnObserver.disconnect();
    this.worker?.terminate();
    this.renderer?.dispose();
    this.canvas?.remove();
  }

  private startWorker() {
    const canvas = this.makeCanvas();
    let offscreen: OffscreenCanvas;
    let worker: Worker;
    try {
      offscreen = canvas.transferControlToOffscreen();
      worker = new Worker(new URL('./light.worker.ts', import.meta.url), { name: 'light' });
    } catch {
      void this.startOnPage();
      return;
    }
    this.worker = worker;
    worker.onmessage = ({ data }: MessageEvent<LightEvent>) => this.onEvent(data);
    // A worker that cannot load (blocked, offline without it) leaves the page to draw the room.
    worker.onerror = (event) => {
      event.preventDefault();
      this.stopWorker();
      void this.startOnPage();
    };
    this.setThread('worker');
    const size = viewport();
    const start: ToLight = {
      type: 'start',
      canvas: offscreen,
      mood: this.mood,
      ...size,
      column: this.columnHalfWidth,
      reduced: this.reduced,
      visible: !document.hidden,
      search: location.search,
      debug: this.debug !== undefined,
    };
    worker.postMessage(start, [offscreen]);
  }

  private stopWorker() {
    this.worker?.terminate();
    this.worker = undefined;
  }

  /** The room on the page's main thread: where a worker cannot draw, or failed to. */
  private async startOnPage() {
    if (this.triedPage || this.disposed) return;
    this.triedPage = true;
    const canvas = this.makeCanvas();
    this.setThread('page');
    try {
      const { LightRenderer } = await import('./renderer');
      if (this.disposed) return;
      const host = { requestFrame: () => frameLoop.request(), report: (event: LightEvent) => this.onEvent(event) };
      const renderer = new LightRenderer(
        canvas,
        host,
        { search: location.search, debug: this.debug !== undefined },
        this.mood,
      );
      this.renderer = renderer;
      // The mood handed over while the renderer loaded, with its frame: its first draw reports it drawn.
      if (this.moodFrame) renderer.setMood(this.mood, this.moodFrame, performance.now());
      const { width, height, devicePixelRatio } = viewport();
      renderer.setSize(width, height, devicePixelRatio);
      renderer.setColumn(this.columnHalfWidth);
      renderer.setReducedMotion(this.reduced);
      renderer.setVisible(!document.hidden);
      await renderer.start();
    } catch (error) {
      this.fallBack(error instanceof Error ? error.message : String(error));
    }
  }

  /** A fresh canvas (a canvas handed to a worker can never be drawn on by the page again). */
  private makeCanvas(): HTMLCanvasElement {
    this.canvas?.remove();
    const canvas = document.createElement('canvas');
    canvas.className = this.canvasClass;
    canvas.setAttribute('data-light-canvas', '');
    this.holder.append(canvas);
    this.canvas = canvas;
    return canvas;
  }

  private onEvent(event: LightEvent) {
    if (this.disposed) return;
    const light = this.debug?.light;
    switch (event.type) {
      case 'compiled':
        performance.mark('light:compiled');
        if (light) Object.assign(light, { parallelCompile: event.parallel, timer: event.timer });
        return;
      case 'first-frame':
        if (!performance.getEntriesByName('light:first-frame').length) performance.mark('light:first-frame');
        this.setMode('webgl');
        return;
      case 'drawn':
        if (this.debug) logFrame(this.debug.drawn, event.frame);
        return;
      case 'tier':
        if (light) {
          const { tier, pinned, width, height } = event;
          Object.assign(light, { tier, pinned, width, height });
          const first = performance.getEntriesByName('light:first-frame')[0]?.startTime ?? 0;
          light.tiers.push({ tier, width, height, at: Math.round(performance.now() - first) });
        }
        return;
      case 'sweep':
        if (light) light.sweeps.push(event.state);
        return;
      case 'lost':
        if (light) light.lost = true;
        this.setMode('fallback');
        return;
      case 'restored':
        if (light) delete light.lost;
        return;
      case 'failed':
        // No WebGL 2 in the worker may still mean WebGL 2 on the page: try there once.
        if (event.unsupported && this.worker) {
          this.stopWorker();
          void this.startOnPage();
          return;
        }
        this.fallBack(event.reason);
    }
  }

  /** No WebGL 2, or a shader that does not link: the CSS light carries the story on its own. */
  private fallBack(reason: string) {
    console.info('Mood layer: using the CSS light instead of WebGL.', reason);
    if (this.debug) this.debug.light.reason = reason;
    this.stopWorker();
    this.renderer?.dispose();
    this.renderer = undefined;
    if (!performance.getEntriesByName('light:fallback').length) performance.mark('light:fallback');
    this.setMode('fallback');
  }

  private setMode(mode: LightMode) {
    if (this.disposed) return;
    this.current = mode;
    if (this.debug && this.debug.light.mode !== mode) {
      this.debug.light.mode = mode;
      this.debug.light.modes.push(mode);
    }
    if (this.canvas) this.canvas.style.opacity = mode === 'webgl' ? '1' : '0';
    this.onMode(mode);
  }

  private setThread(thread: 'worker' | 'page') {
    if (this.debug) this.debug.light.thread = thread;
  }

  private post(message: ToLight) {
    this.worker?.postMessage(message);
  }

  private measureColumn() {
    const width = window.innerWidth;
    if (this.column && width > 0) {
      this.columnHalfWidth = Math.min(0.5, this.column.getBoundingClientRect().width / width / 2 + 0.02);
      if (this.debug) this.debug.light.column = Number(this.columnHalfWidth.toFixed(3));
    }
    this.post({ type: 'column', halfWidth: this.columnHalfWidth });
    this.renderer?.setColumn(this.columnHalfWidth);
  }

  private readonly onResize = () => {
    this.measureColumn();
    const size = viewport();
    this.post({ type: 'size', ...size });
    this.renderer?.setSize(size.width, size.height, size.devicePixelRatio);
  };

  private readonly onVisibility = () => {
    this.post({ type: 'visible', visible: !document.hidden });
    this.renderer?.setVisible(!document.hidden);
  };
}

function viewport() {
  return { width: window.innerWidth, height: window.innerHeight, devicePixelRatio: window.devicePixelRatio || 1 };
}
