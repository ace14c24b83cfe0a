import type { Mood } from '@/scenes/moods';
import { clamp01, smoothstep } from '@/lib/math';
import { mixMoods } from '@/lib/story/mood';
import { FrameCost, type Timed } from './cost';
import { fallbackBackground, inkOf } from './palette';
import type { Room } from './room';
import { TIERS, TOP_TIER, initialGovernor, nextTier, pinnedTier, startingTier, type GovernorState } from './tiers';

/**
 * 'pending' while the text paints, 'loading' while three.js arrives and the shader compiles,
 * then what draws the light: 'webgl' from the first frame drawn.
 */
export type LightMode = 'pending' | 'loading' | 'webgl' | 'fallback';

/** What a draw is tagged with, to be matched with its cost when that arrives. */
type DrawTag = { tier: number; at: number };
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

export interface LightElements {
  /** Carries the read-only test hooks (data-mode, data-mood, data-tier...). */
  root: HTMLElement;
  fallback: HTMLElement;
  canvas: HTMLCanvasElement;
}

/**
 * Turns moods into light. It holds no story state: it is told the mood of the current
 * position and decides when to draw: on a change, at a capped rate while something in
 * the room moves, never while the tab is hidden. It measures what each frame costs and
 * moves between the tiers of lib/light/tiers.ts to stay within a budget, unless the address
 * pins a tier (`?light-tier=3`). When WebGL is missing, the shader does not link or the
 * context is lost, the CSS fallback shows the same arc.
 */
export class LightController {
  private mode: LightMode = 'pending';
  private mood: Mood;
  private room: Room<DrawTag> | undefined;
  /** The room's shader is compiled and linked: it may draw. */
  private ready = false;
  private lost = false;
  private readonly pinned: boolean;
  private governor: GovernorState;
  private readonly frameCost = new FrameCost<DrawTag>();
  /** The current frame was asked for by the one before it, so their interval is a frame's. */
  private chained = false;
  private frame = 0;
  private lastDraw = -Infinity;
  /** Something the canvas must show at the next frame (a resize clears it, a new tier...). */
  private dirty = true;
  /** The mood has changed: drawn at the tier's follow rate. */
  private moodChanged = false;
  private reduced = false;
  private fade: { from: Mood; to: Mood; start: number } | undefined;
  private columnHalfWidth = 0.25;
  /** The page's reading column, watched so the veil follows its reflows. */
  private column: Element | null = null;
  private readonly columnObserver = new ResizeObserver(() => this.measureColumn());
  private disposed = false;

  constructor(
    private readonly el: LightElements,
    initial: Mood,
  ) {
    this.mood = initial;
    const pin = pinnedTier(location.search);
    this.pinned = pin !== undefined;
    this.governor = initialGovernor(pin ?? TOP_TIER);
    if (this.pinned) el.root.dataset.tierPinned = 'true';
    this.writeTier();
    this.setMode('pending');
    this.write(initial);
    el.canvas.addEventListener('webglcontextlost', this.onLost);
    el.canvas.addEventListener('webglcontextrestored', this.onRestored);
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('resize', this.onResize);
  }

  /**
   * Loads three.js and the room; call once the text has painted. The mode turns to 'webgl'
   * only once the shader has compiled (without blocking) and the first frame is drawn; the
   * canvas then fades in over the CSS light.
   */
  async load() {
    // Marked before the import starts, so the benchmark can tell the light's JavaScript from the page's.
    performance.mark('light:loading');
    this.setMode('loading');
    try {
      const { Room } = await import('./room');
      if (this.disposed) return;
      this.room = new Room<DrawTag>(this.el.canvas);
      if (!this.pinned) {
        this.governor = initialGovernor(startingTier(this.room.rendererName, location.search));
        this.writeTier();
      }
      this.room.setTier(TIERS[this.governor.tier]);
      this.onResize();
      await this.prepare();
    } catch (error) {
      this.fail(error);
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
    cancelAnimationFrame(this.frame);
    this.el.canvas.removeEventListener('webglcontextlost', this.onLost);
    this.el.canvas.removeEventListener('webglcontextrestored', this.onRestored);
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('resize', this.onResize);
    this.columnObserver.disconnect();
    this.room?.dispose();
  }

  /** Compiles the room's shader, then lets the next frame draw it. */
  private async prepare() {
    const room = this.room;
    if (!room) return;
    const { parallel } = await room.prepare();
    if (this.disposed || room !== this.room || this.lost) return;
    performance.mark('light:compiled');
    this.el.root.dataset.parallelCompile = parallel ? 'yes' : 'no';
    this.el.root.dataset.timer = room.timed ? 'gpu' : 'frame';
    this.ready = true;
    this.dirty = true;
    this.schedule();
  }

  /** No WebGL 2, or a shader that does not link: the CSS light carries the story on its own. */
  private fail(error: unknown) {
    console.info('Mood layer: using the CSS light instead of WebGL.', error instanceof Error ? error.message : error);
    this.ready = false;
    this.room?.dispose();
    this.room = undefined;
    if (!this.disposed) this.setMode('fallback');
  }

  /** Takes what a drawn frame cost and lets the governor choose the tier. */
  private observe({ ms, tag }: Timed<DrawTag>) {
    if (this.pinned) return;
    const before = this.governor.tier;
    this.governor = nextTier(this.governor, { ms, tier: tag.tier, at: tag.at });
    if (this.governor.tier === before) return;
    this.room?.setTier(TIERS[this.governor.tier]);
    this.writeTier();
    this.dirty = true;
  }

  private writeTier() {
    this.el.root.dataset.tier = String(this.governor.tier);
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
    this.moodChanged = true;
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
    const chained = this.chained;
    this.chained = false;
    if (this.fade) {
      const k = clamp01((now - this.fade.start) / CROSSFADE_MS);
      const { from, to } = this.fade;
      if (k >= 1) this.fade = undefined;
      this.write(k >= 1 ? to : mixMoods(from, to, smoothstep(0, 1, k)));
    }
    const moving = !this.reduced && hasAmbient(this.mood);
    const room = this.ready && !this.lost ? this.room : undefined;
    let drew = false;
    if (room) {
      // Costs first: a change of tier resizes the canvas, which clears it, so it is drawn again in this frame.
      const costs = room.timed ? room.costs() : [this.frameCost.frame(now, chained)];
      for (const cost of costs) if (cost) this.observe(cost);
      const tier = TIERS[this.governor.tier];
      const since = now - this.lastDraw;
      const due =
        (moving && since >= 1000 / tier.ambientFps - 1) || (this.moodChanged && since >= 1000 / tier.followFps - 1);
      if (this.dirty || due) {
        const tag = { tier: this.governor.tier, at: now };
        room.setMood(this.mood, this.columnHalfWidth);
        room.render(this.reduced ? STILL_TIME : now / 1000, tag);
        this.lastDraw = now;
        this.dirty = false;
        this.moodChanged = false;
        drew = true;
        if (!room.timed) this.frameCost.drew(tag);
        // The room shows only once it has a frame: until then the CSS light stays in front.
        if (this.mode !== 'webgl') {
          if (!performance.getEntriesByName('light:first-frame').length) performance.mark('light:first-frame');
          this.setMode('webgl');
        }
      }
    }
    // Without GPU timings, a draw is measured by when the next frame comes, so one more is asked for.
    const measuring = drew && room !== undefined && !room.timed;
    // GPU timings of the last draws arrive on later frames: a few more are asked for to read them.
    const timing = room?.timed === true && now - this.lastDraw < 250;
    // A change of mood not drawn yet waits for the follow rate.
    const following = this.moodChanged && room !== undefined;
    if (this.fade || (moving && this.mode === 'webgl') || measuring || timing || following) {
      this.schedule();
      this.chained = true;
    }
  };

  private measureColumn() {
    const width = window.innerWidth;
    if (this.column && width > 0) {
      this.columnHalfWidth = Math.min(0.5, this.column.getBoundingClientRect().width / width / 2 + 0.02);
      // A read-only test hook: the half width the veil is drawn at.
      this.el.root.dataset.column = this.columnHalfWidth.toFixed(3);
    }
    this.dirty = true;
    this.schedule();
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
    this.lost = true;
    this.ready = false;
    this.room?.lose();
    this.el.root.dataset.lost = 'true';
    this.setMode('fallback');
  };

  private onRestored = () => {
    delete this.el.root.dataset.lost;
    this.lost = false;
    // three.js rebuilds its state in its own listener, which runs after this one: the shader
    // is compiled again once it has, and the room returns with its first frame.
    setTimeout(() => void this.prepare().catch((error: unknown) => this.fail(error)), 0);
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
