import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { LightDebug, StoryDebug } from '../lib/debug';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseStory } from '../scenes/parse';
import { arcOf } from '../lib/story/position';
import { moodChannels, type Mood } from '../scenes/moods';
import { pixelStats, type PixelStats } from './pixels';
import { painted } from './rest';

export const story = parseStory(readFileSync(path.join(__dirname, '..', 'scenes', 'story.md'), 'utf8'));
export const arc = arcOf(story);

/**
 * Turns on the story's debug surface (`window.__story`, lib/debug.ts) in every page of a
 * context, before the pages' own scripts run: the tests read the place, the mood and the
 * light's state there, never from the product's markup.
 */
export async function withDebug(context: BrowserContext) {
  await context.addInitScript(() => {
    (window as unknown as { __storyDebug: boolean }).__storyDebug = true;
  });
  return context;
}

/** A page in a context of its own (a cold cache), with the debug surface on. */
export async function freshPage(browser: Browser): Promise<Page> {
  const context = await withDebug(await browser.newContext());
  return context.newPage();
}

/**
 * Every page in these tests fails its test on a console error or an uncaught exception:
 * "no console error anywhere" is checked everywhere, not in one place. Every page has the
 * debug surface on.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  context: async ({ context }, provide) => {
    await provide(await withDebug(context));
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** What the story's debug surface says now (lib/debug.ts). */
export async function debugOf(page: Page): Promise<StoryDebug> {
  const debug = await page.evaluate(() => window.__story);
  if (!debug) throw new Error('no debug surface on this page (window.__story)');
  return debug;
}

/** The mood the light was last handed (every channel NaN before the light has started, which no check passes). */
export async function moodOf(page: Page): Promise<Mood> {
  const mood = await page.evaluate(() => window.__story?.mood);
  return mood ?? (Object.fromEntries(moodChannels.map((c) => [c, NaN])) as unknown as Mood);
}

/** Where the reader is: the scene's id, the global beat index and the progress through it (none before the page has hydrated). */
export async function placeOf(page: Page) {
  const place = await page.evaluate(() => window.__story?.place);
  return place ?? { scene: '', beat: NaN, progress: NaN };
}

/** The light's state: its mode, thread, tier, drawing buffer, column… */
export async function lightOf(page: Page): Promise<LightDebug> {
  return (await debugOf(page)).light;
}

/** Waits until the reader's place is in scene `id`. */
export async function expectScene(page: Page, id: string, timeout?: number) {
  await expect.poll(async () => (await page.evaluate(() => window.__story?.place?.scene)) ?? '', { timeout }).toBe(id);
}

/** Waits until the mood layer has decided: WebGL or the CSS fallback. */
export async function lightReady(page: Page, mode: 'webgl' | 'fallback' = 'webgl') {
  await expect
    .poll(() => page.evaluate(() => window.__story?.light.mode ?? 'no debug surface'), { timeout: 30_000 })
    .toBe(mode);
}

/**
 * Waits until the room shows what the page has asked of it: WebGL, its canvas faded in over
 * the CSS light, no cross-fade under way, and the mood of the last frame the page handed it drawn.
 */
export async function lightSettled(page: Page) {
  await lightReady(page);
  await page
    .locator('[data-light-canvas]')
    .evaluate((canvas) => Promise.all(canvas.getAnimations().map((a) => a.finished)));
  // A link just followed moves the place in the page's next frame and starts its cross-fade
  // there: until two frames have passed, the last mood drawn is still the old place's.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect
    .poll(() =>
      page.evaluate(() => {
        // A jump of the light cross-fades: settled once the fade is over and its last mood drawn.
        const { sent, drawn, fading } = window.__story!;
        return !fading && (sent.length === 0 || drawn.includes(sent.at(-1)!));
      }),
    )
    .toBe(true);
}

/**
 * Measures the light alone: hides the text and chrome, screenshots a region and averages
 * its pixels.
 */
export async function lightStats(
  page: Page,
  clip?: { x: number; y: number; width: number; height: number },
): Promise<PixelStats> {
  // Through the CSSOM, which the pages' Content-Security-Policy allows (a <style> tag it would not).
  const hide = (visibility: string) =>
    page.evaluate((v) => {
      for (const el of document.querySelectorAll<HTMLElement>(
        '#story, [data-chrome], [data-toasts], [data-present-text]',
      )) {
        el.style.setProperty('visibility', v, 'important');
      }
    }, visibility);
  await hide('hidden');
  await painted(page);
  const shot = await page.screenshot({ clip, animations: 'allow' });
  await hide('visible');
  return pixelStats(shot);
}
