import type { Mood } from '@/scenes/moods';
import { mixMoods } from '@/lib/story/mood';
import { fallbackBackground, inkOf } from './palette';
import type { Room } from './room';

/** 'pending' while the text paints, 'loading' while three.js arrives, then what draws the light. */
export type LightMode = 'pending' | 'loading' | 'webgl' | 'fallback';

/** Ambient motion (ripples, blink, dust...) is drawn at most this often. */
export const AMBIENT_FPS = 24;
/** How long a scene-to-scene cross-fade takes with reduced motion. */
export const CROSSFADE_MS = 1400;
/** With reduced motion the clock stands still at a moment where every light is visible. */
const STILL_TIME = 11.3;

const ambientChannels: (keyof Mood)[] = [
  'caustics',
  'city',
  'wine',
  'blink',
  'pulse',
  'headlights',
  'streetlight',
  'dawn',
];
const hasAmbient = (m: Mood) => ambientChannels.some((c) => m[c] > 0.04);
const ease = (t: number) => t * t * (3 - 2 * t);

export interface LightElements {
  /** Carries the read-only test hook (data-mode, data-mood). */
  root: HTMLElement;
  fallback: HTMLElement;
  canvas: HTMLCanvasElement;
}

/**
 * Turns moods into light. It holds no story state: it is told the mood of the current
 * position and decides when to draw: on a change, at a capped rate while something in
 * the room moves, never while the tab is hidden. When WebGL is missing or its context
 * is lost, the CSS fallback shows the same arc.
 */
export class LightController {
  private mode: LightMode = 'pending';
  private mood: Mood;
  private room: Room | undefined;
  private frame = 0;
  private lastDraw = -Infinity;
  private dirty = true;
  private reduced = false;
  private fade: { from: Mood; to: Mood; start: number } | undefined;
  private columnHalfWidth = 0.25;
  /** The page's reading column, watched so the veil follows it across routes and reflows. */
  private column: Element | null = null;
  private readonly columnObserver = new ResizeObserver(() => this.measureColumn());
  private disposed = false;

  constructor(
    private readonly el: LightElements,
    initial: Mood,
  ) {
    this.mood = initial;
    this.setMode('pending');
    this.write(initial);
    el.canvas.addEventListener('webglcontextlost', this.onLost);
    el.canvas.addEventListener('webglcontextrestored', this.onRestored);
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('resize', this.onResize);
  }

  /** Loads three.js and the room; call once the text has painted. */
  async load() {
    // Marked before the import starts, so the benchmark can tell the light's JavaScript from the page's.
    performance.mark('light:loading');
    this.setMode('loading');
    try {
      const { Room } = await import('./room');
      if (this.disposed) return;
      this.room = new Room(this.el.canvas);
      this.onResize();
      this.setMode('webgl');
      this.dirty = true;
      this.schedule();
    } catch (error) {
      // No WebGL 2 (or blocked): the CSS light carries the story on its own.
      console.info('Mood layer: using the CSS light instead of WebGL.', error instanceof Error ? error.message : error);
      this.setMode('fallback');
    }
  }

  setReducedMotion(reduced: boolean) {
    this.reduced = reduced;
    this.dirty = true;
    this.schedule();
  }

  /** The mood the room should show now. With reduced motion a change becomes a cross-fade. */
  setMood(target: Mood) {
    if (this.reduced && (this.mode === 'webgl' || this.mode === 'fallback')) {
      const current = this.fade?.to ?? this.mood;
      if (sameMood(current, target)) return;
      this.fade = { from: this.mood, to: target, start: performance.now() };
      this.schedule();
      return;
    }
    this.fade = undefined;
    this.write(target);
  }

  dispose() {
    this.disposed = true;
    cancelAnimationFrame(this.frame);
    this.el.canvas.removeEventListener('webglcontextlost', this.onLost);
    this.el.canvas.removeEventListener('webglcontextrestored', this.onRestored);
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('resize', this.onResize);
    this.columnObserver.disconnect();
    this.room?.dispose();
  }

  private write(mood: Mood) {
    this.mood = mood;
    const root = document.documentElement;
    const ink = inkOf(mood);
    if (root.dataset.ink !== ink) root.dataset.ink = ink;
    this.el.root.dataset.mood = JSON.stringify(mood, (_, v: unknown) =>
      typeof v === 'number' ? Math.round(v * 1000) / 1000 : v,
    );
    if (this.mode !== 'webgl') this.el.fallback.style.background = fallbackBackground(mood);
    this.dirty = true;
    this.schedule();
  }

  private setMode(mode: LightMode) {
    this.mode = mode;
    this.el.root.dataset.mode = mode;
    document.documentElement.dataset.light = mode;
    this.el.canvas.style.opacity = mode === 'webgl' ? '1' : '0';
    if (mode !== 'webgl') this.el.fallback.style.background = fallbackBackground(this.mood);
  }

  private schedule() {
    if (!this.frame && !document.hidden && !this.disposed) this.frame = requestAnimationFrame(this.tick);
  }

  private tick = (now: number) => {
    this.frame = 0;
    if (this.fade) {
      const k = Math.min(1, (now - this.fade.start) / CROSSFADE_MS);
      const { from, to } = this.fade;
      if (k >= 1) this.fade = undefined;
      this.write(k >= 1 ? to : mixMoods(from, to, ease(k)));
    }
    const moving = !this.reduced && hasAmbient(this.mood);
    if (this.mode === 'webgl' && this.room) {
      const due = now - this.lastDraw >= 1000 / AMBIENT_FPS - 1;
      if (this.dirty || (moving && due)) {
        if (this.dirty) this.followColumn();
        this.room.setMood(this.mood, this.columnHalfWidth);
        this.room.render(this.reduced ? STILL_TIME : now / 1000);
        this.lastDraw = now;
        this.dirty = false;
      }
    }
    if (this.fade || (moving && this.mode === 'webgl')) this.schedule();
  };

  private measureColumn() {
    const width = window.innerWidth;
    if (this.column && width > 0) {
      this.columnHalfWidth = Math.min(0.5, this.column.getBoundingClientRect().width / width / 2 + 0.02);
    }
    this.dirty = true;
    this.schedule();
  }

  /** Finds the page's reading column again when the route has put a different one there. */
  private followColumn() {
    const column = document.querySelector('[data-reading-column]');
    if (column === this.column) return;
    if (this.column) this.columnObserver.unobserve(this.column);
    this.column = column;
    if (column) this.columnObserver.observe(column);
    this.measureColumn();
  }

  private onResize = () => {
    const width = window.innerWidth;
    this.measureColumn();
    this.room?.resize(width, window.innerHeight, window.devicePixelRatio || 1);
    this.dirty = true;
    this.schedule();
  };

  private onLost = (event: Event) => {
    // Asking to keep the context lets the browser restore it later.
    event.preventDefault();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.el.root.dataset.lost = 'true';
    this.setMode('fallback');
  };

  private onRestored = () => {
    delete this.el.root.dataset.lost;
    this.setMode('webgl');
    this.dirty = true;
    this.schedule();
  };

  private onVisibility = () => {
    if (!document.hidden) {
      this.dirty = true;
      this.schedule();
    }
  };
}

function sameMood(a: Mood, b: Mood): boolean {
  return (Object.keys(a) as (keyof Mood)[]).every((k) => Math.abs(a[k] - b[k]) < 1e-6);
}
