import { arc, expect, lightOf, lightReady, lightSettled, lightStats, moodOf, placeOf, story, test } from './fixtures';
import { atRest } from './rest';
import { brightestPixel, changedShare, flashesPerSecond, tileLuminance, type PixelStats } from './pixels';
import { moodAt } from '../lib/story/mood';
import { moodChannels, moods } from '../scenes/moods';
import type { Page } from '@playwright/test';
import {
  drawsOf,
  everywhere,
  instrumentRoom,
  lightWorker,
  loseContext,
  onThread,
  THREADS,
  withoutOffscreenCanvas,
} from './workers';

const sceneStart = (id: string) => arc.sceneStarts[arc.sceneIds.indexOf(id)];

/** The id of the beat of scene `scene` whose own mood key is `mood`. */
const beatWithMood = (scene: string, mood: string) =>
  arc.beats.find((b) => arc.sceneIds[b.scene] === scene && b.mood === mood)!.id;

/** Hides the text and chrome (through the CSSOM, as lightStats does) so screenshots see only the light. */
const showText = (page: Page, shown: boolean) =>
  page.evaluate(
    (v) => {
      for (const el of document.querySelectorAll<HTMLElement>('#story, [data-chrome], [data-toasts]'))
        el.style.setProperty('visibility', v, 'important');
    },
    shown ? 'visible' : 'hidden',
  );

/**
 * Screenshots of the light alone, taken one after another until `done` says so (at least
 * `min`, at most `max`), each with when it was taken (ms).
 */
async function sampleLight(page: Page, done: (n: number) => Promise<boolean>, min: number, max: number) {
  await showText(page, false);
  const shots: { t: number; png: Buffer }[] = [];
  const start = Date.now();
  while (shots.length < max && (shots.length < min || !(await done(shots.length)))) {
    const png = await page.screenshot({ animations: 'allow' });
    shots.push({ t: Date.now() - start, png });
  }
  await showText(page, true);
  return shots;
}

/** How far apart two lights are: the distance between their mean colours (0..255 a channel). */
const colourDistance = (a: PixelStats, b: PixelStats) => Math.hypot(a.r - b.r, a.g - b.g, a.b - b.b);

/** The hue of a light's mean colour, in degrees (0 red, 30 amber, 60 yellow; crimson just under 360). */
function hueOf({ r, g, b }: PixelStats) {
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

/** Opens a place of the story; `tier` pins the light's tier (looks are compared at the top tier). */
async function goTo(
  page: Page,
  fragment: string,
  tier?: number,
  query = tier === undefined ? '' : `?light-tier=${tier}`,
) {
  await page.goto(`/${query}#${fragment}`);
  await lightSettled(page);
}

/** The arc's pixel criteria: cold start, amber streetlight with its shaft, the dawn brightest and warmest. */
async function arcHolds(page: Page, tier: number) {
  const stats: Record<string, Awaited<ReturnType<typeof lightStats>>> = {};
  for (const id of ['three-in-the-morning', 'the-blinking-light', 'the-call', 'waiting-for-him', 'after-three']) {
    await goTo(page, id, tier);
    stats[id] = await lightStats(page);
  }
  await goTo(page, arc.beats[sceneStart('morning') + 2].id, tier);
  stats.dawn = await lightStats(page);

  const cold = stats['three-in-the-morning'];
  expect(cold.luminance).toBeLessThan(0.03);
  expect(cold.b).toBeGreaterThan(cold.r);

  const street = stats['after-three'];
  expect(street.r).toBeGreaterThan(street.b * 1.4);
  expect(street.r).toBeGreaterThan(street.g);
  // The shaft comes in on the window side: that side is much brighter than the other.
  await goTo(page, 'after-three', tier);
  const shaftSide = await lightStats(page, { x: 0, y: 100, width: 360, height: 700 });
  const farSide = await lightStats(page, { x: 1080, y: 100, width: 360, height: 700 });
  expect(shaftSide.luminance).toBeGreaterThan(farSide.luminance * 3);
  expect(shaftSide.p95).toBeGreaterThan(0.2);

  const dawn = stats.dawn;
  for (const [id, s] of Object.entries(stats)) {
    if (id === 'dawn') continue;
    expect(dawn.luminance, `dawn brighter than ${id}`).toBeGreaterThan(s.luminance);
    expect(dawn.r - dawn.b, `dawn warmer than ${id}`).toBeGreaterThan(s.r - s.b);
  }
}

const tierOf = async (page: Page) => (await lightOf(page)).tier;

test.describe('the mood layer', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  // The same arc at the top tier and at the lowest: a cheaper light is softer and stiller, never another colour.
  for (const tier of [3, 0]) {
    test(`is cold and dark at the start, amber with a bright shaft under the streetlight, brightest and warmest at dawn (tier ${tier})`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await arcHolds(page, tier);
      expect(await tierOf(page)).toBe(tier);
    });
  }

  for (const tier of [3, 0]) {
    test(`keeps the text legible: at least 4.5:1 against the light behind the reading column (tier ${tier})`, async ({
      page,
    }) => {
      test.setTimeout(240_000);
      const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      const places = arc.sceneIds.slice(1).flatMap((id) => {
        const s = arc.sceneIds.indexOf(id);
        const first = arc.sceneStarts[s];
        const last = (arc.sceneStarts[s + 1] ?? arc.beats.length) - 1;
        return [...new Set([first, last])].map((i) => arc.beats[i].id);
      });
      for (const id of places) {
        await goTo(page, id, tier);
        // The ink changes colour with a short transition when the dawn turns it dark.
        await atRest(page);
        // Both inks the text uses at rest: the full ink and the soft one (headings, the note).
        const inks = await page.locator('[data-stage]').evaluate((el) => {
          const probe = document.createElement('span');
          el.append(probe);
          const read = (v: string) => {
            probe.style.color = `var(${v})`;
            return getComputedStyle(probe)
              .color.match(/[\d.]+/g)!
              .slice(0, 3)
              .map((c) => Number(c) / 255);
          };
          const result = [read('--ink'), read('--ink-soft')];
          probe.remove();
          return result;
        });
        const column = await page.locator('#story').boundingBox();
        const light = await lightStats(page, { x: column!.x, y: 900 * 0.25, width: column!.width, height: 900 * 0.5 });
        for (const ink of inks) {
          const inkL = 0.2126 * lin(ink[0]) + 0.7152 * lin(ink[1]) + 0.0722 * lin(ink[2]);
          const worst = inkL > 0.5 ? (inkL + 0.05) / (light.p95 + 0.05) : (light.p05 + 0.05) / (inkL + 0.05);
          expect(worst, `contrast at ${id} (ink ${ink.map((c) => c.toFixed(2))})`).toBeGreaterThanOrEqual(4.5);
        }
      }
    });
  }

  test('keeps each view’s own reading column readable: the presenter’s, the audience’s, the scroll page’s, and back', async ({
    page,
  }) => {
    /** The half width the light keeps readable for the column `selector`, as the controller measures it. */
    const columnOf = (selector: string) =>
      page
        .locator(selector)
        .evaluate((el) => Number(Math.min(0.5, el.getBoundingClientRect().width / innerWidth / 2 + 0.02).toFixed(3)));
    const follows = async (selector: string) => {
      const expected = await columnOf(selector);
      await expect
        .poll(async () => (await lightOf(page)).column, { message: `the light follows ${selector}` })
        .toBe(expected);
      return expected;
    };
    await page.goto('/present?view=presenter#s-3');
    await expect(page.locator('[data-presentation]')).toHaveAttribute('data-step', '2');
    const presenter = await follows('main[aria-labelledby="presenter-now"]');
    await page.goto('/present#s-3');
    await expect(page.locator('[data-presentation]')).toHaveAttribute('data-step', '2');
    const audience = await follows('[data-steps]');
    // Within the app: the light and its controller stay, the column changes under them.
    await page.getByRole('link', { name: /Exit/ }).click();
    await expect(page.locator('#story')).toBeVisible();
    const scroll = await follows('#story');
    await page.goBack();
    await expect(page.locator('[data-presentation]')).toHaveAttribute('data-step', '2');
    await follows('[data-steps]');
    // Three different columns, or following them would prove nothing.
    expect(new Set([presenter, audience, scroll]).size).toBe(3);
  });

  test('draws the room in a worker, off the main thread, where the browser can', async ({ page }) => {
    await page.goto('/#after-three');
    await lightReady(page);
    expect((await lightOf(page)).thread).toBe('worker');
    const worker = await lightWorker(page);
    // The worker made the WebGL context: the page's canvas was handed over and has none to give.
    expect(await worker.evaluate(() => typeof OffscreenCanvas)).toBe('function');
    const pageContext = await page.locator('[data-light-canvas]').evaluate((c: HTMLCanvasElement) => {
      try {
        return c.getContext('webgl2') === null ? 'none' : 'a context';
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(pageContext).toBe('InvalidStateError');
  });

  test('draws the room on the page where a canvas cannot be handed to a worker, with the same light', async ({
    page,
  }) => {
    await withoutOffscreenCanvas(page);
    await goTo(page, 'after-three', 3);
    expect((await lightOf(page)).thread).toBe('page');
    expect(page.workers()).toHaveLength(0);
    const street = await lightStats(page);
    expect(street.r).toBeGreaterThan(street.b * 1.4);
  });

  test('draws the mood of every frame that moved the story in that same frame', async ({ page }) => {
    // At the top tier the light follows every frame (lower tiers follow a scroll at 30, 20 or 10 fps).
    await goTo(page, 'the-call', 3);
    const before = (await page.evaluate(() => window.__story!.sent.length)) as number;
    // A wheel scroll, as a reader's, through a stretch where the light changes with every pixel.
    for (let i = 0; i < 60; i++) await page.mouse.wheel(0, 40);
    await lightSettled(page);
    const { sent, drawn, mood, place } = await page.evaluate(() => window.__story!);
    const moved = sent.slice(before);
    expect(moved.length, 'frames that changed the light').toBeGreaterThan(20);
    const late = moved.filter((frame) => !drawn.includes(frame));
    expect(late, 'frames whose light was drawn later, or never').toEqual([]);
    // And what was drawn last is the light of where the reader is.
    const beat = arc.beats[place!.beat];
    const expected = moodAt(arc, { scene: beat.scene, beat: beat.beat, progress: place!.progress });
    expect(Math.max(...moodChannels.map((c) => Math.abs(mood![c] - expected[c])))).toBeLessThan(0.01);
  });

  test('one frame loop: at most one animation frame callback a frame while scrolling, none while still', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    // Counts the page's requestAnimationFrame callbacks by the frame they run in, and notes the last one.
    await page.addInitScript(() => {
      const w = window as unknown as { __frames: Map<number, number>; __lastFrameAt: number };
      w.__frames = new Map();
      w.__lastFrameAt = 0;
      const native = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (callback) =>
        native((now) => {
          w.__frames.set(now, (w.__frames.get(now) ?? 0) + 1);
          w.__lastFrameAt = performance.now();
          callback(now);
        });
    });
    type Counted = { __frames: Map<number, number>; __lastFrameAt: number };
    /** The page comes to rest: no animation frame callback at all for two seconds (arrivals, the tape's lag, all done). */
    const still = () =>
      expect
        .poll(() => page.evaluate(() => performance.now() - (window as unknown as Counted).__lastFrameAt), {
          timeout: 30_000,
        })
        .toBeGreaterThan(2000);
    await goTo(page, 'the-call');
    await expect(page.locator('html')).toHaveAttribute('data-text-motion', 'on');
    await still();
    await page.evaluate(() => (window as unknown as Counted).__frames.clear());
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, 60);
    const scrolling = await page.evaluate(() => [...(window as unknown as Counted).__frames.values()]);
    expect(scrolling.length, 'frames while scrolling').toBeGreaterThan(10);
    expect(Math.max(...scrolling), 'callbacks in one frame').toBe(1);
    // And after it, the page rests again: nothing runs per frame while it is still.
    await still();
  });

  for (const thread of THREADS) {
    test(`falls back to the CSS light with all the text when WebGL is unavailable (room on the ${thread})`, async ({
      page,
    }) => {
      await onThread(page, thread);
      await everywhere(page, () => {
        for (const Canvas of [
          typeof HTMLCanvasElement === 'function' ? HTMLCanvasElement : undefined,
          typeof OffscreenCanvas === 'function' ? OffscreenCanvas : undefined,
        ]) {
          if (!Canvas) continue;
          const original = Canvas.prototype.getContext as (this: unknown, ...args: unknown[]) => unknown;
          (Canvas.prototype as { getContext: unknown }).getContext = function (this: unknown, ...args: unknown[]) {
            return /webgl/.test(String(args[0])) ? null : original.apply(this, args);
          };
        }
      });
      await page.goto('/#after-three');
      await lightReady(page, 'fallback');
      // The worker found no WebGL 2, and neither did the page after it.
      expect((await lightOf(page)).thread).toBe('page');
      await expect(page.locator('[data-light-canvas]')).toHaveCSS('opacity', '0');
      const background = await page.locator('[data-light-fallback]').evaluate((el) => el.style.background);
      expect(background).toContain('gradient');
      const street = await lightStats(page);
      expect(street.r).toBeGreaterThan(street.b);
      const count = await page.locator('[data-paragraph]').count();
      expect(count).toBe(story.scenes.reduce((n, s) => n + s.beats.reduce((m, b) => m + b.paragraphs.length, 0), 0));
    });

    test(`survives a lost WebGL context mid-story and resumes when it is restored (room on the ${thread})`, async ({
      page,
    }) => {
      await onThread(page, thread);
      await instrumentRoom(page);
      await goTo(page, 'the-call');
      expect((await lightOf(page)).thread).toBe(thread);
      await loseContext(page, thread, 'lose');
      await lightReady(page, 'fallback');
      expect((await lightOf(page)).lost).toBe(true);
      await page.mouse.wheel(0, 1500);
      await expect(page.locator('[data-light-fallback]')).toHaveAttribute('style', /gradient/);
      await expect(page.locator('[data-paragraph]').first()).toBeAttached();
      await loseContext(page, thread, 'restore');
      await lightReady(page, 'webgl');
      expect((await lightOf(page)).lost).toBeUndefined();
      await lightSettled(page);
      const warm = await lightStats(page);
      expect(warm.luminance).toBeGreaterThan(0.005);
    });

    test(`renders only when something changes or moves, and rests when the tab is hidden (room on the ${thread})`, async ({
      page,
    }) => {
      await onThread(page, thread);
      await instrumentRoom(page);
      await goTo(page, 'waiting-for-him');
      // Waiting for him is a still room: once it has settled, nothing should draw.
      const settled = await drawsOf(page, thread);
      await expect.poll(() => drawsOf(page, thread), { intervals: [500, 500, 1000] }).toBe(settled);
      expect((await lightOf(page)).width).toBeLessThanOrEqual(Math.ceil(1440 * 1.5 * 0.5));
      // A moving room (the water's light at three in the morning) draws, until its tab is hidden.
      await page.evaluate(() => (location.hash = 'three-in-the-morning'));
      await expect.poll(() => drawsOf(page, thread)).toBeGreaterThan(settled + 3);
      await page.evaluate(() => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      const hidden = await drawsOf(page, thread);
      await expect.poll(() => drawsOf(page, thread), { intervals: [500, 500, 1000] }).toBe(hidden);
    });

    test(`falls back to the CSS light, never black, when the shader does not link (room on the ${thread})`, async ({
      page,
    }) => {
      await onThread(page, thread);
      await everywhere(page, () => {
        const original = WebGL2RenderingContext.prototype.getProgramParameter;
        WebGL2RenderingContext.prototype.getProgramParameter = function (program, pname) {
          return pname === this.LINK_STATUS ? false : original.call(this, program, pname);
        };
      });
      await page.goto('/#after-three');
      await lightReady(page, 'fallback');
      expect((await lightOf(page)).thread).toBe(thread);
      expect((await lightOf(page)).reason).toBeTruthy();
      await expect(page.locator('[data-light-canvas]')).toHaveCSS('opacity', '0');
      await expect(page.locator('[data-light-fallback]')).toHaveAttribute('style', /gradient/);
      const street = await lightStats(page);
      expect(street.r).toBeGreaterThan(street.b);
      expect(await page.evaluate(() => performance.getEntriesByName('light:first-frame').length)).toBe(0);
    });

    test(`compiles its shader without blocking and shows the room only from its first frame (room on the ${thread})`, async ({
      page,
    }) => {
      await onThread(page, thread);
      // Records, in order, the questions that would make the drawing thread wait for the GPU, the
      // answers that say the compile is done, and the first draw.
      await everywhere(page, () => {
        const events: string[] = [];
        (globalThis as unknown as { __events: string[] }).__events = events;
        const proto = WebGL2RenderingContext.prototype;
        const getProgramParameter = proto.getProgramParameter;
        proto.getProgramParameter = function (program, pname) {
          const value = getProgramParameter.call(this, program, pname);
          if (pname === this.LINK_STATUS) events.push('link status');
          if (pname === 0x91b1 && value) events.push('compile done'); // COMPLETION_STATUS_KHR
          return value;
        };
        const getSyncParameter = proto.getSyncParameter;
        proto.getSyncParameter = function (sync, pname) {
          const value = getSyncParameter.call(this, sync, pname);
          if (value === this.SIGNALED) events.push('compile done');
          return value;
        };
        for (const name of ['finish', 'readPixels'] as const) {
          const original = proto[name] as (...args: unknown[]) => unknown;
          (proto[name] as unknown) = function (this: WebGL2RenderingContext, ...args: unknown[]) {
            events.push(name);
            return original.apply(this, args);
          };
        }
        const drawArrays = proto.drawArrays;
        proto.drawArrays = function (...args) {
          events.push('draw');
          return drawArrays.apply(this, args);
        };
      });
      await page.goto('/#three-in-the-morning');
      await lightReady(page);
      const read = () => (globalThis as unknown as { __events: string[] }).__events;
      const events = thread === 'worker' ? await (await lightWorker(page)).evaluate(read) : await page.evaluate(read);
      const first = (e: string) => events.indexOf(e);
      // The link status is asked only once the compile is known to be done, so the answer does not wait.
      expect(first('compile done')).toBeGreaterThanOrEqual(0);
      expect(first('link status')).toBeGreaterThan(first('compile done'));
      // Nothing waits for the GPU to finish drawing either, and the first draw comes after the link.
      expect(events).not.toContain('finish');
      expect(events).not.toContain('readPixels');
      expect(first('draw')).toBeGreaterThan(first('link status'));
      // The page shows the room (mode webgl) only from its first frame: pending, loading, then webgl.
      expect((await lightOf(page)).modes).toEqual(['pending', 'loading', 'webgl']);
      const [loading, compiled, drawn] = await page.evaluate(() =>
        ['light:loading', 'light:compiled', 'light:first-frame'].map(
          (m) => performance.getEntriesByName(m)[0].startTime,
        ),
      );
      expect(compiled).toBeGreaterThan(loading);
      expect(drawn).toBeGreaterThan(compiled);
      // The compile is parallel where the browser offers KHR_parallel_shader_compile; the debug surface says which.
      const offered = await page.evaluate(() =>
        (document.createElement('canvas').getContext('webgl2')?.getSupportedExtensions() ?? []).includes(
          'KHR_parallel_shader_compile',
        ),
      );
      expect((await lightOf(page)).parallelCompile).toBe(offered);
      // It fades in over the CSS light.
      const fade = await page.locator('[data-light-canvas]').evaluate((c) => getComputedStyle(c).transition);
      expect(fade).toContain('opacity 0.9s');
    });
  }

  test('steps down to a low tier in software rendering, and stays there while the reader scrolls', async ({ page }) => {
    // SwiftShader draws on the CPU: a frame of light costs far more than the 4 ms budget at any tier.
    // Started at the top (a test hook): by itself the light starts a software renderer at the bottom.
    await goTo(page, 'three-in-the-morning', undefined, '?light-start=3');
    const light = await lightOf(page);
    expect(light.pinned).toBe(false);
    expect(light.timer).toMatch(/^(gpu|frame)$/);
    expect(light.tiers[0].tier).toBe(3);
    await expect.poll(() => tierOf(page), { timeout: 30_000 }).toBe(0);
    // It stays low while the story moves on under it: no step back up to try the top again.
    const stepsBefore = (await lightOf(page)).tiers.length;
    const beatBefore = (await placeOf(page)).beat;
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 300);
    await expect.poll(async () => (await placeOf(page)).beat).toBeGreaterThan(beatBefore);
    await lightSettled(page);
    const after = await lightOf(page);
    expect(after.tiers.slice(stepsBefore).map((t) => t.tier)).toEqual(after.tiers.slice(stepsBefore).map(() => 0));
    expect(after.tier).toBe(0);
    // The lowest tier draws fewer pixels (its colours are checked with the arc above).
    expect(after.width).toBe(Math.floor(1440 * 0.3));
    // It got there one step at a time, by measuring, not by a jump.
    const steps = after.tiers.map((t) => `${t.tier} at ${t.at}`);
    expect(
      after.tiers.some((t) => t.tier === 1 || t.tier === 2),
      steps.join(', '),
    ).toBe(true);
    // Informational, never asserted: how long the steps took after the first frame.
    test.info().annotations.push({ type: 'tier steps (ms after the first frame)', description: steps.join(', ') });
  });

  test('starts a software renderer at the lowest tier: no step down, no resize on the way', async ({ page }) => {
    await goTo(page, 'three-in-the-morning');
    await page.mouse.wheel(0, 600);
    await lightSettled(page);
    // The drawing buffer is sized once, at the lowest tier's resolution, and never again.
    const { tiers, tier } = await lightOf(page);
    expect(tier).toBe(0);
    expect([...new Set(tiers.map((t) => `${t.tier}:${t.width}`))]).toEqual([`0:${Math.floor(1440 * 0.3)}`]);
  });

  test('holds a tier pinned by the address, whatever a frame costs', async ({ page }) => {
    await instrumentRoom(page);
    await goTo(page, 'three-in-the-morning', 3);
    expect((await lightOf(page)).pinned).toBe(true);
    const from = await drawsOf(page, 'worker');
    // Enough draws for an unpinned light to have stepped all the way down three times over.
    await expect.poll(() => drawsOf(page, 'worker'), { timeout: 60_000 }).toBeGreaterThan(from + 40);
    const light = await lightOf(page);
    expect(light.tier).toBe(3);
    expect(light.width).toBe(1440 * 0.5);
    expect(light.tiers.map((t) => t.tier)).not.toContain(2);
  });
});

test.describe('the story’s peaks', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('every scene has its own light, and no scene looks like its neighbours', async ({ page }) => {
    test.setTimeout(180_000);
    const stats: Record<string, PixelStats> = {};
    const clips: Record<string, PixelStats> = {};
    const left = { x: 0, y: 100, width: 360, height: 700 };
    const right = { x: 920, y: 100, width: 360, height: 700 };
    for (const id of arc.sceneIds.slice(1, -1)) {
      await goTo(page, id, 3);
      stats[id] = await lightStats(page);
    }
    await goTo(page, 'the-blinking-light', 3);
    // The answering machine's light, low on the right.
    clips.blink = await lightStats(page, { x: 1020, y: 560, width: 160, height: 160 });
    await goTo(page, 'one-number', 3);
    clips.heartCentre = await lightStats(page, { x: 440, y: 300, width: 400, height: 300 });
    clips.heartCorner = await lightStats(page, { x: 0, y: 640, width: 200, height: 160 });
    await goTo(page, 'morning', 3);
    clips.roseWindow = await lightStats(page, left);
    clips.roseFar = await lightStats(page, right);
    await goTo(page, beatWithMood('morning', 'dawn-gold'), 3);
    stats.gold = await lightStats(page);
    clips.goldWindow = await lightStats(page, left);
    clips.goldFar = await lightStats(page, right);
    const report = Object.entries(stats).map(
      ([id, s]) => `${id}: rgb(${[s.r, s.g, s.b].map(Math.round)}) L ${s.luminance.toFixed(4)}`,
    );
    test.info().annotations.push({ type: 'the light of each scene', description: report.join('; ') });

    const cold = stats['three-in-the-morning'];
    expect(cold.b, 'three in the morning is blue').toBeGreaterThan(cold.r * 1.5);
    const wine = stats['something-alive'];
    expect(wine.r, 'something alive is garnet').toBeGreaterThan(Math.max(wine.g * 2.5, wine.b * 1.5));
    const blinking = stats['the-blinking-light'];
    expect(blinking.luminance, 'the blinking light is darkness').toBeLessThan(0.006);
    expect(clips.blink.r, 'with one red light').toBeGreaterThan(clips.blink.g * 2);
    expect(clips.blink.luminance).toBeGreaterThan(blinking.luminance * 1.5);
    // Memory haze: a lifted, milky veil, to the edges of the room; grey and cold, not black.
    const haze = stats['a-footnote'];
    expect(haze.luminance, 'the haze is lifted').toBeGreaterThan(0.03);
    expect(haze.p05, 'even its darkest corners are lifted').toBeGreaterThan(0.02);
    expect(haze.luminance).toBeGreaterThan(blinking.luminance * 5);
    expect(haze.p05, 'lifted where the heartbeat is dark').toBeGreaterThan(stats['one-number'].p05 * 2);
    expect(Math.max(haze.r, haze.g, haze.b) - Math.min(haze.r, haze.g, haze.b), 'desaturated').toBeLessThan(14);
    expect(haze.b, 'and colder').toBeGreaterThan(haze.r + 4);
    // The heartbeat: a warm red swell from the middle of the room.
    const heart = stats['one-number'];
    expect(heart.r, 'the heartbeat is warm red').toBeGreaterThan(heart.b * 1.4);
    expect(clips.heartCentre.luminance, 'it swells from the middle').toBeGreaterThan(clips.heartCorner.luminance * 2);
    const call = stats['the-call'];
    expect(call.r, 'the call is warm').toBeGreaterThan(call.b * 1.4);
    // Their own hues, even between beats: the heartbeat crimson (red leaning to blue), the call amber-brown.
    expect(hueOf(heart), 'the heartbeat is crimson').toBeGreaterThan(335);
    expect(hueOf(call), 'the call is amber').toBeGreaterThan(8);
    expect(hueOf(call), 'the call is amber').toBeLessThan(45);
    const waiting = stats['waiting-for-him'];
    expect(waiting.b, 'waiting is indigo').toBeGreaterThan(waiting.r * 2);
    // Dawn comes through the streetlight's window, on the left, rose and then gold.
    const rose = stats.morning;
    const gold = stats.gold;
    expect(rose.r).toBeGreaterThan(rose.g * 1.25);
    expect(rose.b, 'rose, not orange').toBeGreaterThan(rose.g * 0.8);
    expect(gold.b, 'gold, not rose').toBeLessThan(gold.g * 0.72);
    expect(gold.luminance).toBeGreaterThan(rose.luminance);
    expect(clips.roseWindow.luminance, 'the rose comes in at the window').toBeGreaterThan(
      clips.roseFar.luminance * 1.15,
    );
    expect(clips.goldWindow.luminance, 'the gold comes in at the window').toBeGreaterThan(
      clips.goldFar.luminance * 1.15,
    );
    expect(clips.goldWindow.p95, 'the beam and its panes are bright').toBeGreaterThan(0.45);

    // Scene by scene, each differs from the one before it in a screenshot.
    const order = arc.sceneIds.slice(1, -1);
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [stats[order[i - 1]], stats[order[i]]];
      expect(colourDistance(a, b), `${order[i - 1]} → ${order[i]}`).toBeGreaterThan(15);
    }
  });

  test('the dawn’s brightest light keeps its gold: no channel clips to a flat lemon', async ({ page }) => {
    for (const place of ['morning', beatWithMood('morning', 'dawn-gold')]) {
      await goTo(page, place, 3);
      await showText(page, false);
      const { rgb, hue, saturation } = brightestPixel(await page.screenshot({ animations: 'allow' }));
      await showText(page, true);
      const what = `${place}: brightest rgb(${rgb})`;
      expect(Math.max(...rgb), what).toBeLessThan(250);
      expect(saturation, what).toBeGreaterThan(0.25);
      // Rose (about 5°–20°) or gold (about 25°–45°): never the lemon of a clipped gold (about 60°).
      expect(hue, what).toBeGreaterThan(2);
      expect(hue, what).toBeLessThan(48);
    }
  });

  test('the heartbeat swells the room’s light, visibly, and never flashes', async ({ page }) => {
    test.setTimeout(180_000);
    await goTo(page, 'one-number', 3);
    const shots = await sampleLight(page, async () => false, 8, 8);
    const tiles = shots.map(({ t, png }) => ({ t, tiles: tileLuminance(png, 4, 3) }));
    // The middle of the room (tiles 5 and 6 of the 4×3 grid) swells and rests.
    const middle = tiles.map(({ tiles: l }) => (l[5] + l[6]) / 2);
    expect(Math.max(...middle), `the middle's light over time: ${middle.map((l) => l.toFixed(4))}`).toBeGreaterThan(
      Math.min(...middle) * 1.35,
    );
    for (let i = 0; i < 12; i++) {
      const series = tiles.map(({ t, tiles: l }) => ({ t, l: l[i] }));
      const swing = Math.max(...series.map((s) => s.l)) - Math.min(...series.map((s) => s.l));
      // Under a tenth of relative luminance, a change is not a flash at all (WCAG 2.3.1)...
      expect(swing, `tile ${i}`).toBeLessThan(0.1);
      // ...and were it one, no more than three a second.
      expect(flashesPerSecond(series), `tile ${i}`).toBeLessThanOrEqual(3);
    }
  });

  test('the headlights sweep the ceiling once as he leaves, boldly, without flashing, and the room rests after', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await instrumentRoom(page);
    await goTo(page, beatWithMood('the-call', 'come-home'), 3);
    expect((await lightOf(page)).sweeps).toEqual([]);
    await showText(page, false);
    const before = tileLuminance(await page.screenshot({ animations: 'allow' }), 8, 3);
    await showText(page, true);
    await page.evaluate((id) => (location.hash = id), beatWithMood('the-call', 'headlights'));
    await expect.poll(async () => (await lightOf(page)).sweeps).toContain('start');
    const shots = await sampleLight(page, async () => (await lightOf(page)).sweeps.includes('end'), 3, 40);
    expect((await lightOf(page)).sweeps).toEqual(['start', 'end']);
    const frames = shots.map(({ t, png }) => ({ t, tiles: tileLuminance(png, 8, 3) }));
    // The ceiling is the top row of tiles: where the sweep is, it is far brighter than before.
    const lit = frames.map(({ tiles }) => {
      const gain = tiles.slice(0, 8).map((l, i) => l - before[i]);
      const most = Math.max(...gain);
      return { at: gain.indexOf(most), most };
    });
    const seen = lit.filter((f) => f.most > 0.03);
    expect(seen.length, `the sweep's brightest tile over time: ${JSON.stringify(lit)}`).toBeGreaterThanOrEqual(1);
    expect(Math.max(...lit.map((f) => f.most)), 'a bold sweep').toBeGreaterThan(0.04);
    // It crosses from right to left: where it is seen, it is seen further left as time goes on.
    for (let i = 1; i < seen.length; i++) expect(seen[i].at).toBeLessThanOrEqual(seen[i - 1].at);
    for (let i = 0; i < 24; i++) {
      const series = frames.map(({ t, tiles }) => ({ t, l: tiles[i] }));
      expect(flashesPerSecond(series), `tile ${i}`).toBeLessThanOrEqual(3);
    }
    // Once across, the ceiling is as it was and the room rests: no second sweep, no more draws.
    const settled = await drawsOf(page, 'worker');
    await expect.poll(() => drawsOf(page, 'worker'), { intervals: [500, 500, 1000] }).toBe(settled);
    expect((await lightOf(page)).sweeps).toEqual(['start', 'end']);
  });

  test('under reduced motion the heartbeat and the headlights rest: no sweep, no swell', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await instrumentRoom(page);
    await goTo(page, 'one-number', 3);
    const settled = await drawsOf(page, 'worker');
    await expect.poll(() => drawsOf(page, 'worker'), { intervals: [500, 500, 1000] }).toBe(settled);
    const [a, b] = await sampleLight(page, async () => false, 2, 2);
    expect(changedShare(a.png, b.png, 2), 'the heartbeat holds still').toBe(0);
    await page.goto(`/?light-tier=3#${beatWithMood('the-call', 'headlights')}`);
    await lightSettled(page);
    const still = await drawsOf(page, 'worker');
    await expect.poll(() => drawsOf(page, 'worker'), { intervals: [500, 500, 1000] }).toBe(still);
    expect((await lightOf(page)).sweeps).toEqual([]);
  });

  test('the flash measure counts flashes: a light flickering five times a second fails it', () => {
    const flicker = Array.from({ length: 40 }, (_, i) => ({ t: i * 50, l: i % 2 ? 0.5 : 0.1 }));
    expect(flashesPerSecond(flicker)).toBeGreaterThan(3);
    const once = [0, 0.05, 0.4, 0.6, 0.3, 0.02].map((l, i) => ({ t: i * 300, l }));
    expect(flashesPerSecond(once)).toBe(1);
    expect(flashesPerSecond(flicker.map(({ t, l }) => ({ t, l: l * 0.1 })))).toBe(0);
  });
});

test.describe('reduced motion', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the OS setting stills the text and the light changes only between scenes', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/#the-call');
    await lightReady(page);
    await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduce');
    // No scrubbed motion: beats are not transformed and fully opaque wherever they are.
    const styles = await page
      .locator('[data-anim="body"]')
      .evaluateAll((els) =>
        els.slice(0, 40).map((el) => [getComputedStyle(el).transform, getComputedStyle(el).opacity]),
      );
    for (const [transform, opacity] of styles) {
      expect(transform).toBe('none');
      expect(opacity).toBe('1');
    }
    // Inside one scene the light holds the scene's key, wherever the reader is.
    await atRest(page);
    expect(await moodOf(page)).toEqual(expect.objectContaining({ light: moods['call-opens'].light }));
    const beat = arc.beats[arc.beats.findIndex((b) => b.mood === 'come-home')].id;
    await page.goto(`/#${beat}`);
    await atRest(page);
    expect((await moodOf(page)).light).toBeCloseTo(moods['call-opens'].light, 3);
    expect((await placeOf(page)).scene).toBe('the-call');
  });

  test('a visible control turns motion off and on, whatever the OS says', async ({ page }) => {
    await page.goto('/#the-call');
    const toggle = page.getByRole('button', { name: 'Reduce motion' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduce');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduce');
    await page.getByRole('button', { name: 'Reduce motion' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-motion', 'full');
  });
});
