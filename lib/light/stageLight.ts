import type { Mood } from '@/scenes/moods';
import { logFrame, storyDebug } from '@/lib/debug';
import { frameLoop } from '@/lib/frame/loop';
import { MoodFollower, sameMood } from '@/lib/story/crossfade';
import { moodAt, sceneMoodAt } from '@/lib/story/mood';
import type { Arc } from '@/lib/story/position';
import type { PositionStore } from '@/lib/story/store';
import { LightController, type LightMode } from './controller';
import { fallbackBackground, inkOf } from './palette';

export interface StageLightElements {
  /** The CSS light: a gradient of the same arc, in front until the room has a frame, and back when WebGL is lost. */
  fallback: HTMLElement;
  /** Where the room's canvas goes. */
  holder: HTMLElement;
  /** The canvas's class (its position and its fade in). */
  canvasClass: string;
}

/**
 * The stage's light, from the position to what the reader sees, started once the text has
 * painted and the page is idle (until then the CSS light of the opening, made at build time,
 * stands in). One callback in the light phase of the frame loop turns the position into the
 * mood (the position's, or with reduced motion its scene's key, cross-faded; a jump of the
 * position, a step or a link, cross-fades too, never a full-screen flash), and from it the
 * page's ink, the CSS light and the room's next frame: all in the frame the position moved.
 */
export class StageLight {
  private readonly controller: LightController;
  private readonly follower: MoodFollower;
  private reduced = false;
  /** The mood shown, and the mode it was shown in (the CSS light is drawn only while it shows). */
  private shown: Mood | undefined;
  private shownMode: LightMode | undefined;
  private readonly removeFromLoop: () => void;
  private readonly debug = storyDebug();

  constructor(
    private readonly arc: Arc,
    private readonly store: PositionStore,
    private readonly el: StageLightElements,
    reduced: boolean,
  ) {
    this.reduced = reduced;
    const start = this.target();
    this.follower = new MoodFollower(start);
    this.controller = new LightController(el.holder, el.canvasClass, start, () => frameLoop.request());
    this.controller.setReducedMotion(reduced);
    this.removeFromLoop = frameLoop.add('light', this.frame);
  }

  /** Starts the room (in a worker where the browser can); the CSS light follows the story meanwhile. */
  load() {
    this.controller.load();
  }

  setReducedMotion(reduced: boolean) {
    if (reduced === this.reduced) return;
    this.reduced = reduced;
    this.controller.setReducedMotion(reduced);
    frameLoop.request();
  }

  /** The reading column the page has handed over (null between pages): the light under it stays readable. */
  setColumn(column: Element | null) {
    this.controller.setColumn(column);
  }

  dispose() {
    this.removeFromLoop();
    this.controller.dispose();
  }

  private target(): Mood {
    const position = this.store.get();
    return this.reduced ? sceneMoodAt(this.arc, position) : moodAt(this.arc, position);
  }

  private readonly frame = (now: number, frame: number): boolean => {
    const mode = this.controller.mode;
    // A change cross-fades only once the light has started: a deep link opens on its own light.
    const started = mode === 'webgl' || mode === 'fallback';
    const mood = this.follower.follow(this.target(), started ? (this.reduced ? 'scenes' : 'jumps') : 'at-once', now);
    const changed = !this.shown || !sameMood(this.shown, mood);
    if (changed) {
      this.shown = mood;
      // The page's ink is the light's: pale by night, dark once the dawn fills the room.
      const ink = inkOf(mood);
      const html = document.documentElement;
      if (html.dataset.ink !== ink) html.dataset.ink = ink;
      this.controller.setMood(mood, frame);
      if (this.debug) {
        this.debug.mood = mood;
        this.debug.ink = ink;
        // The frames whose mood was handed to the room, to be matched with the frames it drew.
        logFrame(this.debug.sent, frame);
      }
    }
    if (mode !== 'webgl' && (changed || this.shownMode !== mode)) {
      this.el.fallback.style.background = fallbackBackground(mood);
    }
    this.shownMode = mode;
    if (this.debug) {
      this.debug.fading = this.follower.fading;
      this.debug.moodAt = now;
    }
    return this.follower.fading || this.controller.tick(now);
  };
}
