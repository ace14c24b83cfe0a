import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseStory } from '../scenes/parse';
import { arcOf } from '../lib/story/position';
import type { Mood } from '../scenes/moods';

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

export interface PixelStats {
  /** Mean sRGB channels, 0..255. */
  r: number;
  g: number;
  b: number;
  /** Mean relative luminance 0..1, and its 5th and 95th percentiles. */
  luminance: number;
  p05: number;
  p95: number;
}

/**
 * Measures the light alone: hides the text and chrome, screenshots a region and averages
 * its pixels in the page's own canvas (no image library needed).
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
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    let r = 0;
    let g = 0;
    let b = 0;
    const lums: number[] = [];
    for (let i = 0; i < data.length; i += 16) {
      r += data[i];
      g += data[i + 1];
      b += data[i + 2];
      lums.push(0.2126 * lin(data[i]) + 0.7152 * lin(data[i + 1]) + 0.0722 * lin(data[i + 2]));
    }
    const n = lums.length;
    lums.sort((x, y) => x - y);
    return {
      r: r / n,
      g: g / n,
      b: b / n,
      luminance: lums.reduce((a, v) => a + v, 0) / n,
      p05: lums[Math.floor(n * 0.05)],
      p95: lums[Math.floor(n * 0.95)],
    };
  }, shot.toString('base64'));
}
