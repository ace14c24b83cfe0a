/**
 * What the checks do with a page, on top of an engine's driver (goto, evaluate, screenshot,
 * press): open a route, read the story's state off its debug surface (window.__story, which
 * the error recorder turns on), read the error recorder and measure the light. The same in every engine, so a difference is the engine's.
 */
import { changedShare, pixelStats } from './pixels.mjs';
import { setTimeout as delay } from 'node:timers/promises';
import { until } from './timeout.mjs';

/** How often a condition is asked of the page while waiting for it. */
const ASK_EVERY_MS = 100;

export const VIEWPORT = { width: 1440, height: 900 };

export class Session {
  /** Errors recorded by pages this check has left; the current page's are read at the end. */
  errors = [];

  constructor(driver, baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  evaluate(fn, ...args) {
    return this.driver.evaluate(fn, ...args);
  }

  /** Takes the current page's recorded errors (and fails when the recorder is missing from it). */
  async takeErrors() {
    const found = await this.evaluate((origin) => {
      if (location.origin !== origin) return [];
      const w = /** @type {any} */ (window);
      return w.__errors ? w.__errors.splice(0) : ['the error recorder is missing from this page'];
    }, this.baseUrl);
    const url = await this.evaluate(() => location.pathname + location.hash);
    return found.map((e) => `${url}: ${e}`);
  }

  async open(route) {
    this.errors.push(...(await this.takeErrors().catch(() => [])));
    await this.driver.goto(this.baseUrl + route);
  }

  /**
   * Asks `fn` in the page until it returns something truthy, a condition with a generous ceiling;
   * throws `what` after `timeout`. The asks are spaced in Node, not by waiting in the page: a
   * script still waiting there when the page navigates hangs WebKit's driver until its timeout.
   */
  waitFor(what, fn, arg, timeout = 30_000) {
    return until(what, () => this.evaluate(fn, arg), { timeout, next: () => delay(ASK_EVERY_MS) });
  }

  /** Waits for `n` of the page's animation frames: what it was just asked to show has been painted. */
  frames(n = 2) {
    return this.evaluate(
      (count) =>
        new Promise((resolve) => {
          const step = (left) => (left === 0 ? resolve(true) : requestAnimationFrame(() => step(left - 1)));
          step(count);
        }),
      n,
    );
  }

  /** Waits until the mood layer has decided, and fails when it decided on the CSS fallback. */
  async lightReady() {
    const light = await this.waitFor('the light to decide (window.__story.light.mode)', () => {
      const l = /** @type {any} */ (window).__story?.light;
      return l?.mode === 'webgl' || l?.mode === 'fallback' ? { mode: l.mode, thread: l.thread, reason: l.reason } : '';
    });
    if (light.mode !== 'webgl')
      throw new Error(`the light is the CSS fallback, not WebGL (${light.thread ?? 'no'} thread: ${light.reason})`);
    // The canvas fades in over the CSS light (0.9 s): measure the light once it is the canvas alone.
    await this.waitFor('the WebGL canvas to fade in', () => {
      const canvas = document.querySelector('[data-light-canvas]');
      return !!canvas && getComputedStyle(canvas).opacity === '1';
    });
  }

  /**
   * A deep link, as in e2e/light.spec.ts: the first one loads the page; later ones change the
   * fragment of the loaded page, as Playwright's goto does there (a same-document navigation,
   * which the page follows on hashchange). Then the light ready and settled.
   */
  async goTo(fragment) {
    const here = await this.evaluate(() => ({ origin: location.origin, path: location.pathname, hash: location.hash }));
    if (here.origin !== this.baseUrl || here.path !== '/') await this.open(`/#${fragment}`);
    else if (here.hash !== `#${fragment}`) await this.evaluate((f) => void (location.hash = f), fragment);
    await this.lightReady();
    await this.settled();
  }

  /** The story page with its light, loading it only when the browser is elsewhere. */
  async story() {
    const here = await this.evaluate(() => location.origin + location.pathname);
    if (here !== `${this.baseUrl}/`) await this.open('/');
    await this.lightReady();
  }

  /**
   * Waits until the light has arrived at the place's mood (no cross-fade under way) and the room
   * has drawn the last mood it was handed (lib/debug.ts: the frames sent to it and the frames it drew).
   */
  async settled() {
    await this.waitFor('the light to settle', () => {
      const story = /** @type {any} */ (window).__story;
      if (!story?.mood || story.fading) return false;
      return story.sent.length === 0 || story.drawn.includes(story.sent.at(-1));
    });
  }

  /** Hides (or shows again) the text and chrome, as e2e/fixtures.ts's lightStats does, plus `extra`. */
  hide(visibility, extra = '') {
    return this.evaluate(
      (v, more) => {
        const selector = `#story, [data-chrome], [data-toasts], [data-present-text]${more ? `, ${more}` : ''}`;
        for (const el of document.querySelectorAll(selector)) {
          /** @type {HTMLElement} */ (el).style.setProperty('visibility', v, 'important');
        }
      },
      visibility,
      extra,
    );
  }

  /** The light alone: the text hidden, a screenshot of the viewport. */
  async lightShot(extra = '') {
    await this.hide('hidden', extra);
    await this.frames(2);
    const png = await this.driver.screenshot();
    await this.hide('visible', extra);
    return png;
  }

  async lightStats(clip) {
    return pixelStats(await this.lightShot(), clip, VIEWPORT.width);
  }

  /** Light figures of a screenshot from lightShot, for a region in CSS pixels. */
  statsOf(png, clip) {
    return pixelStats(png, clip, VIEWPORT.width);
  }

  /**
   * Share of the screen where the WebGL canvas, with the CSS fallback hidden under it, differs
   * from the page without it: zero when the canvas is visible but nothing was drawn on it.
   */
  async canvasDrawnShare() {
    const withCanvas = await this.lightShot('[data-light-fallback]');
    const without = await this.lightShot('[data-light-fallback], [data-light-canvas]');
    return changedShare(withCanvas, without, 2);
  }
}
