import { PNG } from 'pngjs';
import { expect, test } from './fixtures';
import { pixelLuminance } from './pixels';
import type { Page } from '@playwright/test';

/*
 * Contrast themes and the reader's preferences, with Chromium's media emulation:
 * forced colours (a Windows contrast theme), more contrast, reduced transparency.
 */

/** WCAG's contrast ratio of two colours given as CSS rgb()/rgba() strings (alpha ignored). */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).map(Number);
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The alpha of a computed CSS colour (1 for rgb()). */
function alphaOf(css: string): number {
  const m = /(rgba?|color)\(([^)]+)\)/.exec(css);
  if (!m) return NaN;
  const slash = m[2].split('/');
  if (m[1] === 'color') return slash.length > 1 ? Number(slash[1].trim()) : 1;
  const parts = m[2].split(/[\s,/]+/).filter(Boolean);
  return parts.length > 3 ? Number(parts[3]) : 1;
}

/** Waits until what was just asked for has been laid out and painted: two frames. */
const twoFrames = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

test.describe('in forced colours (a contrast theme)', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('every word of the tape can be seen at every moment of its playing', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto('/');
    const figure = page.locator('figure[data-anim="tape"]');
    const text = figure.locator('p');
    await figure.scrollIntoViewIfNeeded();
    // The beat arrives (its motion), then the reader scrolls it through: the tape plays with the scroll.
    await expect(figure.locator('xpath=ancestor::*[@data-beat-index][1]')).toHaveAttribute('data-arrived', '');
    // The scroll positions at which the whole figure is on screen, from its arrival at the
    // bottom to its leaving at the top: the tape plays over them.
    const travel = await figure.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const top = r.top + window.scrollY;
      // Clear of the bar at the top, should it be there.
      return { from: top - (window.innerHeight - r.height), to: top - 120 };
    });
    const litCounts = new Set<number>();
    const steps = 12;
    for (let i = 0; i <= steps; i++) {
      const y = travel.from + ((travel.to - travel.from) * i) / steps;
      await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
      await twoFrames(page);
      const moment = await text.evaluate((p) => {
        const sentence = p.querySelector('[data-paragraph="voicemail"]');
        const node = sentence?.firstChild;
        if (!node || !node.textContent) throw new Error('no sentence in the tape');
        const box = p.getBoundingClientRect();
        const words: { word: string; x: number; y: number; w: number; h: number }[] = [];
        const re = /\S+/g;
        for (let m = re.exec(node.textContent); m; m = re.exec(node.textContent)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          for (const r of range.getClientRects())
            words.push({ word: m[0], x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height });
        }
        // Nothing drawn over the sentence: in a contrast theme, text laid over text gets a
        // backplate of its own, which hides the words beneath it (the lit copy did).
        const covered = words
          .filter((w) =>
            [...p.querySelectorAll('*')].some((e) => {
              if (e === sentence || sentence.contains(e) || !e.checkVisibility() || !e.textContent?.trim())
                return false;
              const r = e.getBoundingClientRect();
              const [x, y] = [box.left + w.x + w.w / 2, box.top + w.y + w.h / 2];
              return r.left <= x && x <= r.right && r.top <= y && y <= r.bottom;
            }),
          )
          .map((w) => w.word);
        const lit = [...p.querySelectorAll<HTMLElement>('[data-anim="tape-word"]')].filter(
          (w) => Number(getComputedStyle(w).getPropertyValue('--unlit') || 0) < 0.5,
        ).length;
        // The sentence itself is what the eye reads: it must be drawn, not hidden or faded.
        let opacity = 1;
        for (let e: Element | null = sentence; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
        return { words, lit, opacity, covered, visibility: getComputedStyle(sentence).visibility };
      });
      litCounts.add(moment.lit);
      expect(moment.opacity, `moment ${i}: the sentence's opacity`).toBe(1);
      expect(moment.visibility).toBe('visible');
      expect(moment.covered, `moment ${i}: words with something drawn over them`).toEqual([]);
      // The paragraph where it is now: a locator's screenshot could scroll it elsewhere.
      const clip = await text.evaluate((p) => {
        const r = p.getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      });
      const { data, width } = PNG.sync.read(await page.screenshot({ clip }));
      const dpr = await page.evaluate(() => devicePixelRatio);
      const lumAt = (x: number, y: number) => {
        const o = (y * width + x) * 4;
        return pixelLuminance(data[o], data[o + 1], data[o + 2]);
      };
      // The ground: the paragraph's commonest luminance.
      const buckets = new Map<number, number>();
      for (let o = 0; o < data.length; o += 4) {
        const l = Math.round(pixelLuminance(data[o], data[o + 1], data[o + 2]) * 20);
        buckets.set(l, (buckets.get(l) ?? 0) + 1);
      }
      const ground = [...buckets.entries()].sort((a, b) => b[1] - a[1])[0][0] / 20;
      for (const w of moment.words) {
        let ink = 0;
        let all = 0;
        for (let y = Math.ceil(w.y * dpr); y < Math.floor((w.y + w.h) * dpr); y++)
          for (let x = Math.ceil(w.x * dpr); x < Math.floor((w.x + w.w) * dpr); x++) {
            all++;
            if (Math.abs(lumAt(x, y) - ground) > 0.3) ink++;
          }
        expect(ink / all, `moment ${i} (${moment.lit} words lit): “${w.word}” is drawn`).toBeGreaterThan(0.04);
      }
    }
    // The moments were moments of the playing: none lit, some, all.
    expect(
      [...litCounts].some((n) => n > 0 && n < 40),
      `words lit at the moments: ${[...litCounts]}`,
    ).toBe(true);
    expect(litCounts.size).toBeGreaterThanOrEqual(3);
  });

  test('the light steps aside and focus stays visible', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    for (const url of ['/', '/present']) {
      await page.goto(url);
      await expect(page.locator('[data-light-layer]')).toBeHidden();
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        return {
          style: s.outlineStyle,
          width: parseFloat(s.outlineWidth),
          color: s.outlineColor,
          bg: s.backgroundColor,
        };
      });
      expect(ring, `${url}: something has focus`).not.toBeNull();
      expect(ring?.style, url).not.toBe('none');
      expect(ring?.width, url).toBeGreaterThanOrEqual(2);
    }
  });
});

test.describe('with more contrast asked for', () => {
  /** The soft ink's contrast on its ground: a label in the soft ink, on the page or the stage. */
  const softInk = (page: Page, selector: string, ground: string) =>
    page.evaluate(
      ([s, g]) => {
        const label = document.querySelector(s);
        const back = document.querySelector(g);
        if (!label || !back) throw new Error(`missing ${s} or ${g}`);
        return [getComputedStyle(label).color, getComputedStyle(back).backgroundColor];
      },
      [selector, ground] as const,
    );

  for (const scheme of ['light', 'dark'] as const)
    test(`the soft inks are raised to at least 7:1, on the page (${scheme}) and on the stage`, async ({ page }) => {
      const cases = [
        // /read's labels and the author's note, on the page.
        { url: '/read', selector: 'header p', ground: 'body' },
        // The scroll page's title card, over the night's backdrop.
        { url: '/', selector: '[data-scene-index="0"] > p', ground: '[data-stage]' },
      ];
      for (const { url, selector, ground } of cases) {
        await page.emulateMedia({ colorScheme: scheme, contrast: 'no-preference' });
        await page.goto(url);
        const [before, groundBefore] = await softInk(page, selector, ground);
        await page.emulateMedia({ colorScheme: scheme, contrast: 'more' });
        await page.goto(url);
        const [after, groundAfter] = await softInk(page, selector, ground);
        const was = contrast(before, groundBefore);
        const is = contrast(after, groundAfter);
        expect(is, `${url}: ${after} on ${groundAfter} (was ${before}, ${was.toFixed(2)}:1)`).toBeGreaterThanOrEqual(7);
        expect(is, url).toBeGreaterThan(was);
      }
    });

  test('panels and buttons have edges in the full ink', async ({ page }) => {
    await page.emulateMedia({ contrast: 'more' });
    await page.goto('/');
    await page.getByRole('button', { name: 'Scenes' }).click();
    const edges = await page.evaluate(() => {
      const chrome = document.querySelector('[data-chrome]');
      const menu = chrome?.querySelector('nav[aria-label="Scenes"]')?.parentElement;
      if (!chrome || !menu) throw new Error('no bar or no scene menu');
      const buttons = [...chrome.querySelectorAll('button, a[href="/read"], a[href^="/present"]')];
      return [menu, ...buttons].map((el) => getComputedStyle(el).borderTopColor);
    });
    expect(edges.length).toBeGreaterThanOrEqual(4);
    for (const edge of edges) expect(alphaOf(edge), edge).toBe(1);
  });
});

test.describe('with reduced transparency asked for', () => {
  test('bars, buttons, panels and a dialog’s backdrop are opaque', async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-reduced-transparency', value: 'reduce' }],
    });
    await page.goto('/present');
    await expect(page.locator('[data-presentation][data-step]')).toBeAttached();
    const nav = await page.evaluate(() => {
      const el = document.querySelector('nav[aria-label="Presentation"]');
      if (!el) throw new Error('no navigation');
      const s = getComputedStyle(el);
      return { color: s.backgroundColor, image: s.backgroundImage };
    });
    expect(nav.image).toBe('none');
    expect(alphaOf(nav.color)).toBe(1);
    const buttons = await page.evaluate(() =>
      [...document.querySelectorAll('nav[aria-label="Presentation"] :is(a, button)')].map(
        (b) => getComputedStyle(b).backgroundColor,
      ),
    );
    expect(buttons.length).toBeGreaterThan(3);
    for (const bg of buttons) expect(alphaOf(bg), bg).toBe(1);
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    const backdrop = await page.evaluate(() => {
      const dialog = document.querySelector('dialog[open]');
      if (!dialog) throw new Error('no dialog open');
      return [getComputedStyle(dialog).backgroundColor, getComputedStyle(dialog, '::backdrop').backgroundColor];
    });
    for (const bg of backdrop) expect(alphaOf(bg), bg).toBe(1);

    await page.goto('/present?view=presenter');
    await expect(page.locator('[data-presentation][data-step]')).toBeAttached();
    const panels = await page.evaluate(() =>
      [...document.querySelectorAll('[data-view="presenter"] > :first-child > :is(main, section)')].map(
        (p) => getComputedStyle(p).backgroundColor,
      ),
    );
    expect(panels.length).toBeGreaterThanOrEqual(3);
    for (const bg of panels) expect(alphaOf(bg), bg).toBe(1);
  });

  test('and without it, they let the light through (the measure can tell)', async ({ page }) => {
    await page.goto('/present?view=presenter');
    await expect(page.locator('[data-presentation][data-step]')).toBeAttached();
    const now = await page.evaluate(
      () => getComputedStyle(document.querySelector('[data-view="presenter"] main')!).backgroundColor,
    );
    expect(alphaOf(now)).toBeLessThan(1);
  });
});
