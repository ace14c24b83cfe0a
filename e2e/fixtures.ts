import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseStory } from '../scenes/parse';
import { arcOf } from '../lib/story/position';
import type { Mood } from '../scenes/moods';
import { pixelStats, type PixelStats } from './pixels';

export const story = parseStory(readFileSync(path.join(__dirname, '..', 'scenes', 'story.md'), 'utf8'));
export const arc = arcOf(story);

/**
 * Every page in these tests fails its test on a console error or an uncaught exception:
 * "no console error anywhere" is checked everywhere, not in one place.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
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

export async function moodOf(page: Page): Promise<Mood> {
  const raw = await page.locator('[data-light-layer]').getAttribute('data-mood');
  return JSON.parse(raw ?? '{}') as Mood;
}

export async function placeOf(page: Page) {
  return page.evaluate(() => {
    const d = document.documentElement.dataset;
    return { scene: d.scene ?? '', beat: Number(d.beat), progress: Number(d.progress) };
  });
}

/** Waits until the mood layer has decided: WebGL or the CSS fallback. */
export async function lightReady(page: Page, mode: 'webgl' | 'fallback' = 'webgl') {
  await expect(page.locator('html')).toHaveAttribute('data-light', mode, { timeout: 20_000 });
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
  await page.waitForTimeout(150);
  const shot = await page.screenshot({ clip, animations: 'allow' });
  await hide('visible');
  return pixelStats(shot);
}
