import type { Mood } from '@/scenes/moods';
import { HEART_REST, heartbeat, sweepAt, sweepTrigger } from './beats';
import { FrameCost, type Timed } from './cost';
import { InkFade } from './inkFade';
import type { LightEvent } from './messages';
import { inkOf } from './palette';
import { Room, type RoomCanvas } from './room';
import { TIERS, TOP_TIER, initialGovernor, nextTier, pinnedTier, startingTier, type GovernorState } from './tiers';

/** What a draw is tagged with, to be matched with its cost when that arrives. */
type DrawTag = { tier: number; at: number };

/** With reduced motion the clock stands still at a moment where every light is visible. */
const STILL_TIME = 11.3;

const ambientChannels: (keyof Mood)[] = ['caustics', 'city', 'wine', 'blink', 'pulse', 'streetlight', 'dawn'];
/**
 * Whether something in the room moves by itself (ripples, the blink, dust…). Not the
 * headlights: they sweep once on arriving at their beat, and then the room rests.
 */
export const hasAmbient = (m: Mood) => ambientChannels.some((c) => m[c] > 0.04);

/** The share of day ink a mood asks of the reading column: 0 by night, 1 by day. */
const dayInkOf = (m: Mood) => (inkOf(m) === 'day' ? 1 : 0);

/**
 * How long after a draw a change of place may be drawn. The top tier follows every frame of
 * the page (however its frames fall against this thread's); the others cap the rate.
 */
function followInterval(tier: number): number {
  const { followFps } = TIERS[tier];
  return tier === TOP_TIER ? 0 : 1000 / followFps - 1;
}

/** Where the renderer runs: it asks its host for frames and tells it what happened. */
export interface RendererHost {
  /** Asks for a call of `tick` at the next frame. */
  requestFrame(): void;
  report(event: LightEvent): void;
}

export interface RendererOptions {
  /** The page's query: `?light-tier=N` pins the tier, `?light-start=N` sets where the governor starts. */
  search: string;
  /** Reports every draw (`drawn`) for the debug surface. */
  debug: boolean;
}

/**
 * Draws the room: decides when (on a change, at a capped rate while something in the room
 * moves, never while hidden), measures what each frame costs and moves between the tiers of
 * lib/light/tiers.ts to stay within a budget, unless the address pins a tier. It knows
 * nothing of the page: it is told the mood, the reading column's width, the size and
 * whether the page is visible, and reports back through its host. The same code runs in the
 * light's worker (on an OffscreenCanvas) and, where a browser cannot do that, on the page.
 */
export class LightRenderer {
  private room: Room<DrawTag> | undefined;
  /** The room's shader is compiled and linked: it may draw. */
  private ready = false;
  private lost = false;
  private firstFrame = false;
  private readonly pinned: boolean;
  private governor: GovernorState;
  private readonly frameCost = new FrameCost<DrawTag>();
  /** The last tick asked for the next frame, so their interval is a frame's. */
  private askedForNext = false;
  /** A draw made in a frame, to be measured by when the next frame comes (without GPU timings). */
  private measureNext = false;
  private lastDraw = -Infinity;
  /** Something the canvas must show at the next frame (a resize clears it, a new tier...). */
  private dirty = true;
  /** The mood has changed and is not drawn yet: drawn at the tier's follow rate. */
  private moodChanged = false;
  /** The frame of the page whose mood is waiting to be drawn. */
  private moodFrame = 0;
  private mood: Mood;
  private column = 0.25;
  private reduced = false;
  private visible = true;
  private size = { width: 1, height: 1, devicePixelRatio: 1 };
  private disposed = false;
  /** When the headlights' one sweep began (ms), while it plays; whether arriving at their beat may start another. */
  private sweepFrom: number | undefined;
  private sweepArmed = true;
  /** The column's turn from night ink to day ink, eased: most of the screen, so never in one frame. */
  private readonly ink: InkFade;
  /** The page's frame whose mood is drawn but not yet reported, while the ink is still turning. */
  private unreported = false;

  constructor(
    private readonly canvas: RoomCanvas,
    private readonly host: RendererHost,
    private readonly options: RendererOptions,
    initial: Mood,
  ) {
    this.mood = initial;
    this.ink = new InkFade(dayInkOf(initial));
    canvas.addEventListener('webglcontextlost', this.onLost);
    canvas.addEventListener('webglcontextrestored', this.onRestored);
    const pin = pinnedTier(options.search);
    this.pinned = pin !== undefined;
    this.governor = initialGovernor(pin ?? TOP_TIER);
  }

  /**
   * Makes the WebGL context and compiles the shader without blocking; reports `compiled`, then
   * `first-frame` once the first frame is drawn, or `failed` (no WebGL 2, a shader that does
   * not link).
   */
  async start() {
    try {
      this.room = new Room<DrawTag>(this.canvas);
    } catch (error) {
      this.fail(error, true);
      return;
    }
    if (!this.pinned) this.governor = initialGovernor(startingTier(this.room.rendererName, this.options.search));
    this.room.setTier(TIERS[this.governor.tier]);
    this.applySize();
    await this.prepare();
  }

  setSize(width: number, height: number, devicePixelRatio: number) {
    this.size = { width, height, devicePixelRatio };
    this.applySize();
    this.dirty = true;
    this.host.requestFrame();
  }

  /** The reading column's half width, as a fraction of the width: the light under it stays readable. */
  setColumn(halfWidth: number) {
    if (halfWidth === this.column) return;
    this.column = halfWidth;
    this.dirty = true;
    this.host.requestFrame();
  }

  setReducedMotion(reduced: boolean) {
    this.reduced = reduced;
    // Reduced motion rests the light at once: a sweep under way is cut, not finished.
    if (reduced) this.sweepFrom = undefined;
    this.dirty = true;
    this.host.requestFrame();
  }

  /** The page is shown or hidden: nothing is drawn while it is hidden. */
  setVisible(visible: boolean) {
    this.visible = visible;
    if (visible) {
      this.dirty = true;
      this.host.requestFrame();
    }
  }

  /**
   * The mood of the page's frame `frame`. Drawn at once when the follow rate allows, so the
   * light changes in the frame the text moved; otherwise at the next frame it is due.
   */
  setMood(mood: Mood, frame: number, now: number) {
    this.mood = mood;
    this.moodChanged = true;
    this.moodFrame = frame;
    if (!this.drawable() || !this.visible) return;
    if (this.dirty || now - this.lastDraw >= followInterval(this.governor.tier)) this.draw(now, false);
    if (this.needsFrames(now)) this.host.requestFrame();
  }

  /**
   * One frame of the host: reads the costs that have arrived, then draws when something is due.
   * Returns whether it needs the next frame too.
   */
  tick(now: number): boolean {
    const chained = this.askedForNext;
    this.askedForNext = false;
    const room = this.drawable();
    if (!room || !this.visible) return false;
    // Costs first: a change of tier resizes the canvas, which clears it, so it is drawn again in this frame.
    const costs = room.timed ? room.costs() : [this.frameCost.frame(now, chained)];
    this.measureNext = false;
    for (const cost of costs) if (cost) this.observe(cost);
    const tier = TIERS[this.governor.tier];
    const since = now - this.lastDraw;
    const moving = this.moving();
    const due =
      (moving && since >= 1000 / tier.ambientFps - 1) ||
      ((this.moodChanged || this.ink.turning) && since >= followInterval(this.governor.tier));
    if (this.dirty || due) this.draw(now, true);
    this.askedForNext = this.needsFrames(now);
    return this.askedForNext;
  }

  dispose() {
    this.disposed = true;
    this.canvas.removeEventListener('webglcontextlost', this.onLost);
    this.canvas.removeEventListener('webglcontextrestored', this.onRestored);
    this.room?.dispose();
    this.room = undefined;
  }

  private drawable(): Room<DrawTag> | undefined {
    return this.ready && !this.lost && !this.disposed ? this.room : undefined;
  }

  private moving(): boolean {
    return !this.reduced && this.firstFrame && (hasAmbient(this.mood) || this.sweepFrom !== undefined);
  }

  /** Whether another frame is wanted: something moves, a draw is to be measured or is still waiting. */
  private needsFrames(now: number): boolean {
    const room = this.drawable();
    if (!room || !this.visible) return false;
    // GPU timings of the last draws arrive on later frames: a few more are asked for to read them.
    const timing = room.timed && now - this.lastDraw < 250;
    return this.moving() || this.measureNext || timing || this.moodChanged || this.dirty || this.ink.turning;
  }

  private draw(now: number, framed: boolean) {
    const room = this.room!;
    const tag = { tier: this.governor.tier, at: now };
    // The room's first frame shows its ink at once: there is nothing on screen to turn from.
    const dayInk = this.ink.at(dayInkOf(this.mood), now, !this.firstFrame);
    room.setMood(this.mood, this.column, dayInk);
    room.setBeats(this.reduced ? HEART_REST : heartbeat(now / 1000), this.sweep(now));
    room.render(this.reduced ? STILL_TIME : now / 1000, tag);
    this.lastDraw = now;
    this.dirty = false;
    // Without GPU timings a draw is measured by when the next frame comes, which only means
    // something for a draw made at the start of a frame (not one made when a message came).
    if (framed && !room.timed) {
      this.frameCost.drew(tag);
      this.measureNext = true;
    }
    // A mood is reported drawn once the column's ink has arrived too: until then the room is still changing.
    if (this.moodChanged) this.unreported = true;
    if (this.unreported && !this.ink.turning) {
      if (this.options.debug) this.host.report({ type: 'drawn', frame: this.moodFrame });
      this.unreported = false;
    }
    this.moodChanged = false;
    // The room shows only once it has a frame: until then the CSS light stays in front.
    if (!this.firstFrame) {
      this.firstFrame = true;
      this.host.report({ type: 'first-frame' });
    }
  }

  /**
   * Where the headlights' sweep is at `now`: it starts when the mood arrives at their beat
   * (never under reduced motion), crosses once, and ends (1) until the reader leaves and comes back.
   */
  private sweep(now: number): number {
    const { start, armed } = sweepTrigger(this.mood.headlights, this.sweepArmed);
    this.sweepArmed = armed;
    if (start && !this.reduced) {
      this.sweepFrom = now;
      if (this.options.debug) this.host.report({ type: 'sweep', state: 'start' });
    }
    if (this.sweepFrom === undefined) return 1;
    const at = sweepAt(now - this.sweepFrom);
    if (at >= 1) {
      this.sweepFrom = undefined;
      if (this.options.debug) this.host.report({ type: 'sweep', state: 'end' });
    }
    return at;
  }

  /** Compiles the room's shader, then lets the next frame draw it. */
  private async prepare() {
    const room = this.room;
    if (!room) return;
    try {
      const { parallel } = await room.prepare();
      if (this.disposed || room !== this.room || this.lost) return;
      this.ready = true;
      this.dirty = true;
      this.host.report({ type: 'compiled', parallel, timer: room.timed ? 'gpu' : 'frame' });
      this.host.requestFrame();
    } catch (error) {
      this.fail(error, false);
    }
  }

  /** No WebGL 2, or a shader that does not link: the CSS light carries the story on its own. */
  private fail(error: unknown, unsupported: boolean) {
    this.ready = false;
    this.room?.dispose();
    this.room = undefined;
    if (!this.disposed)
      this.host.report({ type: 'failed', reason: error instanceof Error ? error.message : String(error), unsupported });
  }

  /** Takes what a drawn frame cost and lets the governor choose the tier. */
  private observe({ ms, tag }: Timed<DrawTag>) {
    if (this.pinned) return;
    const before = this.governor.tier;
    this.governor = nextTier(this.governor, { ms, tier: tag.tier, at: tag.at });
    if (this.governor.tier === before) return;
    this.room?.setTier(TIERS[this.governor.tier]);
    this.reportTier();
    this.dirty = true;
  }

  private applySize() {
    const { width, height, devicePixelRatio } = this.size;
    this.room?.resize(width, height, devicePixelRatio);
    if (this.room) this.reportTier();
  }

  private reportTier() {
    if (!this.room) return;
    this.host.report({ type: 'tier', tier: this.governor.tier, pinned: this.pinned, ...this.room.pixels });
  }

  /** The context is lost: nothing draws until it is restored. */
  private readonly onLost = (event: Event) => {
    // Asking to keep the context lets the browser restore it later.
    event.preventDefault();
    this.lost = true;
    this.ready = false;
    this.room?.lose();
    this.host.report({ type: 'lost' });
  };

  /** The context is back: the shader is compiled again, and the room returns with its first frame. */
  private readonly onRestored = () => {
    this.lost = false;
    this.firstFrame = false;
    this.host.report({ type: 'restored' });
    void this.prepare();
  };
}
