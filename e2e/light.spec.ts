import { arc, expect, lightReady, lightStats, moodOf, placeOf, story, test } from './fixtures';
import { moods } from '../scenes/moods';
import type { Page } from '@playwright/test';

const sceneStart = (id: string) => arc.sceneStarts[arc.sceneIds.indexOf(id)];

/** Opens a place of the story; `tier` pins the light's tier (looks are compared at the top tier). */
async function goTo(
  page: Page,
  fragment: string,
  tier?: number,
  query = tier === undefined ? '' : `?light-tier=${tier}`,
) {
  await page.goto(`/${query}#${fragment}`);
  await lightReady(page);
  await page.waitForTimeout(600);
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

const tierOf = async (page: Page) => Number(await page.locator('[data-light-layer]').getAttribute('data-tier'));

/** Counts the room's draws from now on (read with `drawsOf`). */
const countDraws = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-light-canvas]')!;
    const gl = canvas.getContext('webgl2')!;
    const w = window as unknown as { __draws: number };
    w.__draws = 0;
    const original = gl.drawArrays.bind(gl);
    gl.drawArrays = (...args: Parameters<WebGL2RenderingContext['drawArrays']>) => {
      w.__draws++;
      original(...args);
    };
  });
const drawsOf = (page: Page) => page.evaluate(() => (window as unknown as { __draws: number }).__draws);

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
        await page.waitForTimeout(900);
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
        .evaluate((el) => Math.min(0.5, el.getBoundingClientRect().width / innerWidth / 2 + 0.02).toFixed(3));
    const follows = async (selector: string) => {
      const expected = await columnOf(selector);
      await expect(page.locator('[data-light-layer]'), `the light follows ${selector}`).toHaveAttribute(
        'data-column',
        expected,
      );
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
    await expect(page.locator('[data-light-canvas]')).toHaveCSS('opacity', '0');
    const background = await page.locator('[data-light-fallback]').evaluate((el) => el.style.background);
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
        const gl = document.querySelector<HTMLCanvasElement>('[data-light-canvas]')!.getContext('webgl2')!;
        const ext = gl.getExtension('WEBGL_lose_context')!;
        (window as unknown as { __ext: WEBGL_lose_context }).__ext ??= ext;
        if (action === 'lose') ext.loseContext();
        else (window as unknown as { __ext: WEBGL_lose_context }).__ext.restoreContext();
      }, 'lose');
    await lose();
    await expect(page.locator('[data-light-layer]')).toHaveAttribute('data-mode', 'fallback');
    await expect(page.locator('[data-light-layer]')).toHaveAttribute('data-lost', 'true');
    await page.mouse.wheel(0, 1500);
    await expect(page.locator('[data-light-fallback]')).toHaveAttribute('style', /gradient/);
    await expect(page.locator('[data-paragraph]').first()).toBeAttached();
    await page.evaluate(() => (window as unknown as { __ext: WEBGL_lose_context }).__ext.restoreContext());
    await expect(page.locator('[data-light-layer]')).toHaveAttribute('data-mode', 'webgl');
    const warm = await lightStats(page);
    expect(warm.luminance).toBeGreaterThan(0.005);
  });

  test('renders only when something changes or moves, and rests when the tab is hidden', async ({ page }) => {
    await goTo(page, 'waiting-for-him');
    // Waiting for him is a still room: after it settles, nothing should draw.
    const frames = await page.evaluate(async () => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-light-canvas]')!;
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
    const width = await page.locator('[data-light-canvas]').evaluate((c: HTMLCanvasElement) => c.width);
    expect(width).toBeLessThanOrEqual(Math.ceil(1440 * 1.5 * 0.5));
  });

  test('falls back to the CSS light, never black, when the shader does not link', async ({ page }) => {
    await page.addInitScript(() => {
      const original = WebGL2RenderingContext.prototype.getProgramParameter;
      WebGL2RenderingContext.prototype.getProgramParameter = function (program, pname) {
        return pname === this.LINK_STATUS ? false : original.call(this, program, pname);
      };
    });
    await page.goto('/#after-three');
    await lightReady(page, 'fallback');
    await expect(page.locator('[data-light-canvas]')).toHaveCSS('opacity', '0');
    await expect(page.locator('[data-light-fallback]')).toHaveAttribute('style', /gradient/);
    const street = await lightStats(page);
    expect(street.r).toBeGreaterThan(street.b);
    expect(await page.evaluate(() => performance.getEntriesByName('light:first-frame').length)).toBe(0);
  });

  test('compiles its shader without blocking and shows the room only from its first frame', async ({ page }) => {
    // Records, in order, the questions that would make the main thread wait for the GPU, the
    // answers that say the compile is done, the first draw, and the change of mode.
    await page.addInitScript(() => {
      const events: string[] = [];
      (window as unknown as { __events: string[] }).__events = events;
      const proto = WebGL2RenderingContext.prototype;
      const marks = () =>
        ['light:compiled', 'light:first-frame'].filter((m) => performance.getEntriesByName(m).length).join(',');
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
        events.push(`draw [${marks()}]`);
        return drawArrays.apply(this, args);
      };
      new MutationObserver(() => {
        const mode = document.querySelector('[data-light-layer]')?.getAttribute('data-mode');
        if (mode && events.at(-1) !== `mode ${mode}`) events.push(`mode ${mode} [${marks()}]`);
      }).observe(document, { attributes: true, attributeFilter: ['data-mode'], subtree: true });
    });
    await page.goto('/#three-in-the-morning');
    await lightReady(page);
    const events = await page.evaluate(() => (window as unknown as { __events: string[] }).__events);
    const first = (e: string) => events.findIndex((x) => x.startsWith(e));
    // The link status is asked only once the compile is known to be done, so the answer does not wait.
    expect(first('compile done')).toBeGreaterThanOrEqual(0);
    expect(first('link status')).toBeGreaterThan(first('compile done'));
    // Nothing waits for the GPU to finish drawing either.
    expect(events).not.toContain('finish');
    expect(events).not.toContain('readPixels');
    // The first draw comes after the compile, and the room shows (mode webgl) only after it.
    expect(events[first('draw')]).toBe('draw [light:compiled]');
    expect(first('mode webgl')).toBeGreaterThan(first('draw'));
    expect(events[first('mode webgl')]).toBe('mode webgl [light:compiled,light:first-frame]');
    expect(events.slice(0, first('mode webgl')).filter((e) => e.startsWith('mode'))).toEqual([
      'mode pending []',
      'mode loading []',
    ]);
    const [loading, compiled, drawn] = await page.evaluate(() =>
      ['light:loading', 'light:compiled', 'light:first-frame'].map((m) => performance.getEntriesByName(m)[0].startTime),
    );
    expect(compiled).toBeGreaterThan(loading);
    expect(drawn).toBeGreaterThan(compiled);
    // three.js compiles in parallel where the browser offers KHR_parallel_shader_compile; the hook says which.
    const offered = await page.evaluate(() =>
      (document.createElement('canvas').getContext('webgl2')?.getSupportedExtensions() ?? []).includes(
        'KHR_parallel_shader_compile',
      ),
    );
    await expect(page.locator('[data-light-layer]')).toHaveAttribute('data-parallel-compile', offered ? 'yes' : 'no');
    // It fades in over the CSS light.
    const fade = await page.locator('[data-light-canvas]').evaluate((c) => getComputedStyle(c).transition);
    expect(fade).toContain('opacity 0.9s');
  });

  test('steps down to a low tier in software rendering, and stays there while the reader scrolls', async ({ page }) => {
    await page.addInitScript(() => {
      const tiers: string[] = [];
      (window as unknown as { __tiers: string[] }).__tiers = tiers;
      new MutationObserver(() => {
        const first = performance.getEntriesByName('light:first-frame')[0]?.startTime ?? 0;
        const tier = document.querySelector('[data-light-layer]')?.getAttribute('data-tier');
        tiers.push(`${tier} at ${Math.round(performance.now() - first)}`);
      }).observe(document, { attributes: true, attributeFilter: ['data-tier'], subtree: true });
    });
    // SwiftShader draws on the CPU: a frame of light costs far more than the 4 ms budget at any tier.
    // Started at the top (a test hook): by itself the light starts a software renderer at the bottom.
    await goTo(page, 'three-in-the-morning', undefined, '?light-start=3');
    await expect(page.locator('[data-light-layer]')).not.toHaveAttribute('data-tier-pinned');
    await expect(page.locator('[data-light-layer]')).toHaveAttribute('data-timer', /^(gpu|frame)$/);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __tiers: string[] }).__tiers[0]))
      .toMatch(/^3 /);
    await expect.poll(() => tierOf(page), { timeout: 30_000 }).toBe(0);
    // It stays low while the story moves on under it: no step back up to try the top again.
    const seen = new Set<number>();
    for (let i = 0; i < 12; i++) {
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(250);
      seen.add(await tierOf(page));
    }
    expect([...seen]).toEqual([0]);
    // The lowest tier draws fewer pixels (its colours are checked with the arc above).
    const width = await page.locator('[data-light-canvas]').evaluate((c: HTMLCanvasElement) => c.width);
    expect(width).toBe(Math.round(1440 * 0.3));
    // Informational, never asserted: how long the steps took after the first frame.
    const steps = await page.evaluate(() => (window as unknown as { __tiers: string[] }).__tiers);
    // It got there one step at a time, by measuring, not by a jump.
    expect(
      steps.some((step) => /^[12] /.test(step)),
      steps.join(', '),
    ).toBe(true);
    test.info().annotations.push({ type: 'tier steps (ms after the first frame)', description: steps.join(', ') });
  });

  test('starts a software renderer at the lowest tier: no step down, no resize on the way', async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      new MutationObserver(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-light-canvas]');
        const tier = document.querySelector('[data-light-layer]')?.getAttribute('data-tier');
        seen.push(`${tier}:${canvas?.width}`);
      }).observe(document, { attributes: true, attributeFilter: ['data-tier', 'width'], subtree: true });
    });
    await goTo(page, 'three-in-the-morning');
    await expect(page.locator('[data-light-layer]')).toHaveAttribute('data-tier', '0');
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(1500);
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    // The drawing buffer is sized once, at the lowest tier's resolution, and never again.
    const widths = [...new Set(seen.map((s) => Number(s.split(':')[1])).filter((w) => w > 300))];
    expect(widths).toEqual([Math.round(1440 * 0.3)]);
    expect(seen.at(-1)).toBe(`0:${Math.round(1440 * 0.3)}`);
  });

  test('holds a tier pinned by the address, whatever a frame costs', async ({ page }) => {
    await goTo(page, 'three-in-the-morning', 3);
    await expect(page.locator('[data-light-layer]')).toHaveAttribute('data-tier-pinned', 'true');
    await countDraws(page);
    // Enough draws for an unpinned light to have stepped all the way down three times over.
    await expect.poll(() => drawsOf(page), { timeout: 60_000 }).toBeGreaterThan(40);
    expect(await tierOf(page)).toBe(3);
    const width = await page.locator('[data-light-canvas]').evaluate((c: HTMLCanvasElement) => c.width);
    expect(width).toBe(1440 * 0.5);
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
