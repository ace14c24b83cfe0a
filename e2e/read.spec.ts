import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { expectWholeManuscript } from './manuscript';

test.describe('reading edition with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('contains every paragraph of the manuscript, in order, word for word', async ({ page }) => {
    await page.goto('/read');
    await expectWholeManuscript(page);
  });

  test('is one document with a title, a note, contents and a heading and anchor per scene', async ({ page }) => {
    await page.goto('/read');
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveText('Come Home');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByText(/\d+-minute read/)).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Author.s note$/ })).toBeVisible();
    const toc = page.getByRole('navigation', { name: 'Contents' });
    const links = toc.getByRole('link');
    await expect(links).toHaveCount(9);
    for (const link of await links.all()) {
      const id = (await link.getAttribute('href'))!.slice(1);
      const scene = page.locator(`section#${id}`);
      await expect(scene).toHaveCount(1);
      await expect(scene.getByRole('heading', { level: 2 })).toHaveText((await link.textContent())!);
      // The light as the scene opens comes first, right under its heading.
      await expect(scene.locator('[data-light-note]').first()).toContainText('The light:');
      await expect(scene.locator('h2 + [data-light-note]')).toHaveCount(1);
    }
  });

  test('a scene anchor opens at that scene', async ({ page }) => {
    await page.goto('/read#after-three');
    const heading = page.getByRole('heading', { name: 'After three' });
    await expect(heading).toBeInViewport();
  });

  test('the skip link is the first focusable element and moves focus to the story', async ({ page }) => {
    await page.goto('/read');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the story' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
  });
});

test.describe('reading edition', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`has no axe violation in the ${scheme} scheme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/read');
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    });
  }

  test('follows the colour scheme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/read');
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(dark).not.toBe(light);
  });

  test('keeps 60–75 characters a line on a desktop', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/read');
    // Characters on each full line (all but a paragraph's last), over the first narration paragraphs.
    const perLine = await page.locator('[data-paragraph="narration"]').evaluateAll((ps) => {
      const counts: number[] = [];
      for (const p of ps.slice(2, 12)) {
        const text = p.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) continue;
        const range = document.createRange();
        let lineTop = -1;
        let count = 0;
        for (let i = 0; i < (text.textContent ?? '').length; i++) {
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          if (lineTop >= 0 && top > lineTop + 2) {
            counts.push(count);
            count = 0;
          }
          lineTop = top;
          count++;
        }
      }
      counts.sort((a, b) => a - b);
      return counts[Math.floor(counts.length / 2)];
    });
    expect(perLine).toBeGreaterThanOrEqual(60);
    expect(perLine).toBeLessThanOrEqual(75);
  });

  for (const { name, width, height, zoom } of [
    { name: 'a 360px phone', width: 360, height: 740, zoom: 1 },
    { name: '200% zoom', width: 1280, height: 800, zoom: 2 },
  ]) {
    test(`reads without horizontal scrolling on ${name}`, async ({ page }) => {
      // 200% zoom is a viewport half as wide in CSS pixels.
      await page.setViewportSize({ width: Math.round(width / zoom), height: Math.round(height / zoom) });
      await page.goto('/read');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const fontSize = await page
        .locator('[data-paragraph]')
        .first()
        .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(17);
    });
  }

  test('the site asks no other origin for anything', async ({ page }) => {
    const foreign: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol.startsWith('http')) foreign.push(r.url());
    });
    await page.goto('/read');
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
  });
});

test.describe('reading edition without the framework', () => {
  test('loads no framework and at most 10 kB of JavaScript, its service worker included', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto('/read');
    await page.waitForLoadState('networkidle');
    const inline = await page.locator('script:not([src])').count();
    expect(inline, 'inline scripts').toBe(0);
    expect(await page.evaluate(() => 'next' in window || '__next_f' in window)).toBe(false);
    expect(scripts).toEqual(['/register-sw.js']);
    // What a first visit downloads: the page's scripts, and the worker they register.
    let gzip = 0;
    for (const url of [...scripts, '/sw.js']) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      gzip += gzipSync(await response.body()).length;
    }
    expect(gzip).toBeLessThanOrEqual(10 * 1024);
  });

  /** The font files the text on screen is set in, by the @font-face rules of the page's styles. */
  const firstScreenFonts = (page: Page) =>
    page.evaluate(() => {
      const faces = [...document.styleSheets].flatMap((sheet) =>
        [...sheet.cssRules]
          .filter((rule): rule is CSSFontFaceRule => rule instanceof CSSFontFaceRule)
          .map((rule) => ({
            family: rule.style.getPropertyValue('font-family').replace(/["']/g, ''),
            style: rule.style.getPropertyValue('font-style') || 'normal',
            urls: [...rule.style.getPropertyValue('src').matchAll(/url\("?([^")]+)"?\)/g)].map(
              (m) => new URL(m[1], sheet.href ?? location.href).pathname,
            ),
          })),
      );
      const used = new Set<string>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim() || !node.parentElement) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const onScreen = [...range.getClientRects()].some((r) => r.width > 0 && r.bottom > 0 && r.top < innerHeight);
        const style = getComputedStyle(node.parentElement);
        if (!onScreen || style.visibility === 'hidden') continue;
        const family = style.fontFamily.split(',')[0].replace(/["']/g, '').trim();
        const face = faces.find((f) => f.family === family && f.style === style.fontStyle);
        for (const url of face?.urls ?? []) used.add(url);
      }
      const preloaded = [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')].map(
        (link) => new URL(link.href).pathname,
      );
      return { used: [...used].sort(), preloaded: preloaded.sort() };
    });

  for (const { name, width, height } of [
    { name: 'a 360px phone', width: 360, height: 740 },
    { name: 'a desktop', width: 1440, height: 900 },
  ]) {
    test(`preloads exactly the font files its first screen uses, on ${name}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.goto('/read');
      await page.evaluate(() => document.fonts.ready);
      const { used, preloaded } = await firstScreenFonts(page);
      // The title and labels (Fraunces), the author's note (Literata italic), the contents (Literata).
      expect(used.length).toBeGreaterThanOrEqual(3);
      expect(preloaded).toEqual(used);
    });
  }
});
