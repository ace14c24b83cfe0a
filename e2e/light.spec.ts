import { arc, expect, lightReady, lightStats, moodOf, placeOf, story, test } from './fixtures';
import { moods } from '../scenes/moods';
import type { Page } from '@playwright/test';

const sceneStart = (id: string) => arc.sceneStarts[arc.sceneIds.indexOf(id)];

async function goTo(page: Page, fragment: string) {
  await page.goto(`/#${fragment}`);
  await lightReady(page);
  await page.waitForTimeout(600);
}

test.describe('the mood layer', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('is cold and dark at the start, amber with a bright shaft under the streetlight, brightest and warmest at dawn', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const stats: Record<string, Awaited<ReturnType<typeof lightStats>>> = {};
    for (const id of ['three-in-the-morning', 'the-blinking-light', 'the-call', 'waiting-for-him', 'after-three']) {
      await goTo(page, id);
      stats[id] = await lightStats(page);
    }
    await goTo(page, arc.beats[sceneStart('morning') + 2].id);
    stats.dawn = await lightStats(page);

    const cold = stats['three-in-the-morning'];
    expect(cold.luminance).toBeLessThan(0.03);
    expect(cold.b).toBeGreaterThan(cold.r);

    const street = stats['after-three'];
    expect(street.r).toBeGreaterThan(street.b * 1.4);
    expect(street.r).toBeGreaterThan(street.g);
    // The shaft comes in on the window side: that side is much brighter than the other.
    await goTo(page, 'after-three');
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
  });

  test('keeps the text legible: at least 4.5:1 against the light behind the reading column', async ({ page }) => {
    test.setTimeout(240_000);
    const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const places = arc.sceneIds.slice(1).flatMap((id) => {
      const s = arc.sceneIds.indexOf(id);
      const first = arc.sceneStarts[s];
      const last = (arc.sceneStarts[s + 1] ?? arc.beats.length) - 1;
      return [...new Set([first, last])].map((i) => arc.beats[i].id);
    });
    for (const id of places) {
      await goTo(page, id);
      // The ink changes colour with a short transition when the dawn turns it dark.
      await page.waitForTimeout(900);
      // Both inks the text uses at rest: the full ink and the soft one (headings, the note).
      const inks = await page.locator('.stage').evaluate((el) => {
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
      const column = await page.locator('.scroll-story').boundingBox();
      const light = await lightStats(page, { x: column!.x, y: 900 * 0.25, width: column!.width, height: 900 * 0.5 });
      for (const ink of inks) {
        const inkL = 0.2126 * lin(ink[0]) + 0.7152 * lin(ink[1]) + 0.0722 * lin(ink[2]);
        const worst = inkL > 0.5 ? (inkL + 0.05) / (light.p95 + 0.05) : (light.p05 + 0.05) / (inkL + 0.05);
        expect(worst, `contrast at ${id} (ink ${ink.map((c) => c.toFixed(2))})`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  test('falls back to the CSS light with all the text when WebGL is unavailable', async ({ page }) => {
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      // @ts-expect-error narrowing the overloads is not the point here
      HTMLCanvasElement.prototype.getContext = function (type: string, ...rest: unknown[]) {
        return /webgl/.test(type) ? null : original.call(this, type, ...rest);
      };
    });
    await page.goto('/#after-three');
    await lightReady(page, 'fallback');
    await expect(page.locator('.light__canvas')).toHaveCSS('opacity', '0');
    const background = await page.locator('.light__fallback').evaluate((el) => el.style.background);
    expect(background).toContain('gradient');
    const street = await lightStats(page);
    expect(street.r).toBeGreaterThan(street.b);
    const count = await page.locator('[data-paragraph]').count();
    expect(count).toBe(story.scenes.reduce((n, s) => n + s.beats.reduce((m, b) => m + b.paragraphs.length, 0), 0));
  });

  test('survives a lost WebGL context mid-story and resumes when it is restored', async ({ page }) => {
    await goTo(page, 'the-call');
    const lose = () =>
      page.evaluate((action) => {
        const gl = document.querySelector<HTMLCanvasElement>('.light__canvas')!.getContext('webgl2')!;
        const ext = gl.getExtension('WEBGL_lose_context')!;
        (window as unknown as { __ext: WEBGL_lose_context }).__ext ??= ext;
        if (action === 'lose') ext.loseContext();
        else (window as unknown as { __ext: WEBGL_lose_context }).__ext.restoreContext();
      }, 'lose');
    await lose();
    await expect(page.locator('.light')).toHaveAttribute('data-mode', 'fallback');
    await expect(page.locator('.light')).toHaveAttribute('data-lost', 'true');
    await page.mouse.wheel(0, 1500);
    await expect(page.locator('.light__fallback')).toHaveAttribute('style', /gradient/);
    await expect(page.locator('[data-paragraph]').first()).toBeAttached();
    await page.evaluate(() => (window as unknown as { __ext: WEBGL_lose_context }).__ext.restoreContext());
    await expect(page.locator('.light')).toHaveAttribute('data-mode', 'webgl');
    const warm = await lightStats(page);
    expect(warm.luminance).toBeGreaterThan(0.005);
  });

  test('renders only when something changes or moves, and rests when the tab is hidden', async ({ page }) => {
    await goTo(page, 'waiting-for-him');
    // Waiting for him is a still room: after it settles, nothing should draw.
    const frames = await page.evaluate(async () => {
      const canvas = document.querySelector<HTMLCanvasElement>('.light__canvas')!;
      const gl = canvas.getContext('webgl2')!;
      let draws = 0;
      const original = gl.drawArrays.bind(gl);
      gl.drawArrays = (...args: Parameters<WebGL2RenderingContext['drawArrays']>) => {
        draws++;
        original(...args);
      };
      await new Promise((r) => setTimeout(r, 1500));
      return draws;
    });
    expect(frames).toBe(0);
    const width = await page.locator('.light__canvas').evaluate((c: HTMLCanvasElement) => c.width);
    expect(width).toBeLessThanOrEqual(Math.ceil(1440 * 1.5 * 0.5));
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
      .locator('.beat__body')
      .evaluateAll((els) =>
        els.slice(0, 40).map((el) => [getComputedStyle(el).transform, getComputedStyle(el).opacity]),
      );
    for (const [transform, opacity] of styles) {
      expect(transform).toBe('none');
      expect(opacity).toBe('1');
    }
    // Inside one scene the light holds the scene's key, wherever the reader is.
    await page.waitForTimeout(1600);
    expect(await moodOf(page)).toEqual(expect.objectContaining({ light: moods['call-opens'].light }));
    const beat = arc.beats[arc.beats.findIndex((b) => b.mood === 'come-home')].id;
    await page.goto(`/#${beat}`);
    await page.waitForTimeout(1600);
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
