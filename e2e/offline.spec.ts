import type { BrowserContext, Page } from '@playwright/test';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { routes } from '../lib/site';
import { stepCount } from '../lib/story/position';
import { arc, expect, lightReady, test, withDebug } from './fixtures';
import { expectWholeManuscript } from './manuscript';

/*
 * The story offline: after one visit, the service worker (scripts/service-worker.mjs) has precached
 * the export, and every route opens with the network gone. Each test serves the export from a
 * server of its own, which it then shuts down: offline for real, not only as Chromium emulates it.
 * The build scripts are imported dynamically: Playwright compiles specs to CommonJS, which cannot
 * import an ES module statically under Node 20.
 */

const OUT = path.join(__dirname, '..', 'out');

interface Site {
  origin: string;
  root: string;
  /** Stops serving: open connections are cut, new ones refused. */
  stop(): Promise<void>;
}

/** Serves `root` as `npm start` does (clean URLs, each page's policy), on a free port. */
async function serve(root: string): Promise<Site> {
  const { createHandler } = await import('../scripts/server.mjs');
  const server = createServer(await createHandler({ root }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let stopped = false;
  return {
    origin: `http://127.0.0.1:${port}`,
    root,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Waits until the page's service worker has installed (so precached everything) and activated. */
async function workerActive(page: Page) {
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state), {
      timeout: 30_000,
    })
    .toBe('activated');
}

/** Every URL in the page origin's caches, by cache, as path and query. */
const cached = (page: Page) =>
  page.evaluate(async () => {
    const all: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      all[name] = requests.map((r) => r.url);
    }
    return all;
  });

/** The font faces of the page, each loaded now (offline: from the precache) or failed. */
const loadFonts = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    // next/font's metric-matched fallbacks are local() faces of the system's fonts: not ours to load.
    const faces = [...document.fonts].filter((face) => !/fallback/i.test(face.family));
    await Promise.allSettled(faces.map((face) => face.load()));
    return faces.map((face) => `${face.family} ${face.style}: ${face.status}`).sort();
  });

/** Opens every route with the network gone and checks the whole story is there, set and lit. */
async function expectWholeStoryOffline(context: BrowserContext, site: Site) {
  await site.stop();
  await context.setOffline(true);
  const page = await context.newPage();
  // A file missing from the precache would show as a failed request in the console.
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  for (const route of routes) {
    const response = await page.goto(`${site.origin}${route}`);
    expect(response?.status(), route).toBe(200);
    expect(response?.fromServiceWorker(), `${route} from the service worker`).toBe(true);
    // On /present one step is on screen at a time; every step's text is in the document.
    if (route === '/present') await expect(page.locator('[data-presentation][data-step="0"]')).toBeAttached();
    await expectWholeManuscript(page);
    const fonts = await loadFonts(page);
    expect(fonts.length, `${route}: the site's three faces`).toBe(3);
    for (const face of fonts) expect(face, route).toMatch(/: loaded$/);
    // The light is loaded lazily, after the text: its worker and its room come from the precache too.
    if (route === '/') await lightReady(page, 'webgl');
  }
  expect(errors, 'console errors offline').toEqual([]);
  return page;
}

/**
 * A copy of the export, served, whose next build is one call away: /read changed (its <html>
 * marked data-build="2"; the framework pages would report a changed <html> as a hydration
 * mismatch), then the policies and the worker made anew, as `npm run build` would.
 */
async function siteWithNextBuild() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'update-build-'));
  cpSync(OUT, root, { recursive: true, filter: (file) => !/\.(br|gz)$/.test(file) });
  const site = await serve(root);
  return {
    site,
    async deploy() {
      const read = path.join(root, 'read.html');
      writeFileSync(read, readFileSync(read, 'utf8').replace('<html ', '<html data-build="2" '));
      const { applyCsp } = await import('../scripts/csp.mjs');
      const { writeServiceWorker } = await import('../scripts/service-worker.mjs');
      applyCsp(root);
      await writeServiceWorker(root);
    },
    async close() {
      await site.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The page looks for a new worker now, as it does every hour and the browser does on a visit. */
const lookForUpdate = (page: Page) =>
  page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });

/**
 * Opens the page again, now from the worker its first visit installed: as a reader's tab is, on any
 * visit but the first. (A page the worker does not control holds nothing back: a new worker would
 * take over at once, with nothing to offer.)
 */
async function reopenControlled(page: Page) {
  await page.reload();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

const waitingWorker = (page: Page) =>
  page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting);

test.describe('a new version', () => {
  test.use({ serviceWorkers: 'allow' });

  for (const route of routes) {
    test(`${route}: a new build is offered quietly, and Reload loads it`, async ({ page }) => {
      test.setTimeout(120_000);
      const { site, deploy, close } = await siteWithNextBuild();
      try {
        await page.goto(`${site.origin}${route}`);
        await workerActive(page);
        await reopenControlled(page);
        // The first install is no news.
        await expect(page.locator('.update-prompt')).toHaveCount(0);
        await deploy();
        await lookForUpdate(page);
        const prompt = page.getByRole('status').filter({ hasText: 'A new version of the story is available.' });
        await expect(prompt).toBeVisible();
        const reload = prompt.getByRole('button', { name: 'Reload' });
        await expect(reload).toBeVisible();
        await page.evaluate(() => ((window as unknown as { oldPage: boolean }).oldPage = true));
        // Until Reload is pressed, the new worker waits: this tab goes on with the build it opened with.
        expect(await waitingWorker(page)).toBe(true);
        await Promise.all([page.waitForEvent('load'), reload.click()]);
        expect(await page.evaluate(() => 'oldPage' in window), 'the page loaded again').toBe(false);
        expect(await waitingWorker(page), 'the new worker has taken over').toBe(false);
        await expect(page.locator('.update-prompt')).toHaveCount(0);
        await page.goto(`${site.origin}/read`);
        await expect(page.locator('html')).toHaveAttribute('data-build', '2');
      } finally {
        await close();
      }
    });
  }

  test('a kiosk is not asked: it reloads itself between two loops, from the first step', async ({ page }) => {
    test.setTimeout(120_000);
    const { site, deploy, close } = await siteWithNextBuild();
    const last = stepCount(arc);
    try {
      await page.goto(`${site.origin}/present?autoplay&loop`);
      await workerActive(page);
      await reopenControlled(page);
      await expect(page.locator('[data-presentation]')).toHaveAttribute('data-kiosk', '');
      await deploy();
      await lookForUpdate(page);
      await expect.poll(() => waitingWorker(page), { timeout: 30_000 }).toBe(true);
      // Mid-loop, the kiosk plays on and shows nothing.
      await expect(page.locator('.update-prompt')).toHaveCount(0);
      await page.evaluate(() => ((window as unknown as { oldPage: boolean }).oldPage = true));
      // To the last step, as if the loop had come that far.
      await page.evaluate((step) => (location.hash = `#s-${step}`), last);
      await expect(page.locator('[data-presentation]')).toHaveAttribute('data-step', String(last - 1));
      // The loop ends after the last step's dwell: then the page loads again, from the new worker.
      await page.waitForEvent('load', { timeout: 60_000 });
      expect(await page.evaluate(() => 'oldPage' in window)).toBe(false);
      await expect(page).toHaveURL(`${site.origin}/present?autoplay&loop`);
      await expect(page.locator('[data-presentation]')).toHaveAttribute('data-step', '0');
      await expect(page.locator('[data-presentation]')).toHaveAttribute('data-kiosk', '');
      expect(await waitingWorker(page)).toBe(false);
      // Nobody was asked, before or after.
      await expect(page.locator('.update-prompt')).toHaveCount(0);
    } finally {
      await close();
    }
  });
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  for (const first of routes) {
    test(`after one visit to ${first}, every route opens offline with its text, fonts and light`, async ({
      page,
      context,
    }) => {
      test.setTimeout(120_000);
      const site = await serve(OUT);
      try {
        await page.goto(`${site.origin}${first}`);
        await workerActive(page);
        await (await expectWholeStoryOffline(context, site)).close();
      } finally {
        await site.stop();
      }
    });
  }

  test('after one visit to /read, "Download the ebook" gives the whole EPUB offline', async ({ page, context }) => {
    test.setTimeout(120_000);
    const site = await serve(OUT);
    try {
      await page.goto(`${site.origin}/read`);
      await workerActive(page);
      await site.stop();
      await context.setOffline(true);
      const offline = await context.newPage();
      await offline.goto(`${site.origin}/read`);
      const download = offline.waitForEvent('download');
      await offline.getByRole('link', { name: 'Download the ebook (epub)' }).click();
      const book = readdirSync(OUT).find((name) => name.endsWith('.epub'))!;
      expect((await download).suggestedFilename()).toBe(book);
      const file = await (await download).path();
      expect(Buffer.compare(readFileSync(file), readFileSync(path.join(OUT, book)))).toBe(0);
    } finally {
      await context.setOffline(false);
      await site.stop();
    }
  });

  test('the precache holds only our own files, one copy of each, in one cache', async ({ page }) => {
    const site = await serve(OUT);
    try {
      await page.goto(`${site.origin}/read`);
      await workerActive(page);
      const caches = await cached(page);
      expect(Object.keys(caches)).toHaveLength(1);
      const urls = Object.values(caches).flat();
      expect(urls.filter((url) => new URL(url).origin !== site.origin)).toEqual([]);
      const paths = urls.map((url) => new URL(url).pathname);
      expect(new Set(paths).size).toBe(paths.length);
      for (const needed of ['/index.html', '/read.html', '/present.html', '/register-sw.js', '/manifest.webmanifest'])
        expect(paths).toContain(needed);
      // The files of the static host that no page needs stay out.
      for (const left of ['/sw.js', '/og.png', '/404.html', '/csp.json', '/_headers'])
        expect(paths).not.toContain(left);
      expect(paths.filter((p) => /\.(br|gz)$/.test(p))).toEqual([]);
    } finally {
      await site.stop();
    }
  });

  test('a new build replaces the old one on the next visit, never mixed with it', async ({ browser }) => {
    test.setTimeout(180_000);
    // A copy of the export, to build anew below; without the precompressed copies, which would go stale.
    const root = mkdtempSync(path.join(os.tmpdir(), 'offline-build-'));
    cpSync(OUT, root, { recursive: true, filter: (file) => !/\.(br|gz)$/.test(file) });
    const site = await serve(root);
    const context = await withDebug(await browser.newContext({ serviceWorkers: 'allow' }));
    const errors: string[] = [];
    context.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    context.on('weberror', (e) => errors.push(`pageerror: ${e.error().message}`));
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/read`);
      await workerActive(page);
      const stylesheet = (tab: Page) => tab.locator('link[rel="stylesheet"]').first().getAttribute('href');
      const oldCss = (await stylesheet(page))!;

      // The next build, as `npm run build` would make it: every page changed, and a hashed asset
      // under a new name (the old one gone from the host); then the policies and the worker anew.
      const newCss = oldCss.replace(/\.css$/, '-next.css');
      renameSync(path.join(root, oldCss), path.join(root, newCss));
      for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
        if (!/\.(html|txt)$/.test(file)) continue;
        const full = path.join(root, file);
        let text = readFileSync(full, 'utf8').replaceAll(oldCss, newCss);
        // /read only: the framework pages would report the changed <html> as a hydration mismatch.
        if (file === 'read.html') text = text.replace('<html ', '<html data-build="2" ');
        writeFileSync(full, text);
      }
      const { applyCsp } = await import('../scripts/csp.mjs');
      const { writeServiceWorker } = await import('../scripts/service-worker.mjs');
      applyCsp(root);
      await writeServiceWorker(root);

      // A visit while the old build's tab is open: the new worker installs and waits; the tab goes
      // on with the old build entire, its old stylesheet included, though the host has dropped it.
      await page.reload();
      await expect
        .poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting))
        .toBe(true);
      await page.reload();
      expect(await page.locator('html').getAttribute('data-build')).toBeNull();
      expect(await stylesheet(page)).toBe(oldCss);
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/literata/);

      // Every tab of the story closed: the new worker takes over (at once, or a moment later: each
      // try that finds the old one still there is closed again, as a reader would leave).
      await page.close();
      let next: Page | undefined;
      await expect
        .poll(
          async () => {
            await next?.close();
            next = await context.newPage();
            await next.goto(`${site.origin}/read`);
            return next.locator('html').getAttribute('data-build');
          },
          { timeout: 30_000 },
        )
        .toBe('2');
      next = next!;
      expect(await stylesheet(next)).toBe(newCss);
      const urls = Object.values(await cached(next)).flat();
      const paths = urls.map((url) => new URL(url).pathname);
      expect(paths).toContain(newCss);
      expect(paths).not.toContain(oldCss);
      expect(new Set(paths).size, 'one copy of each file').toBe(paths.length);
      const revisions = urls.filter((url) => new URL(url).pathname === '/read.html');
      expect(revisions).toHaveLength(1);
      const worker = readFileSync(path.join(root, 'sw.js'), 'utf8');
      const revision = new URL(revisions[0]).searchParams.get('__WB_REVISION__');
      expect(worker).toContain(`url:"read.html",revision:"${revision}"`);
      await next.close();

      // And offline, the new build throughout.
      const offline = await expectWholeStoryOffline(context, site);
      await offline.goto(`${site.origin}/read`);
      await expect(offline.locator('html')).toHaveAttribute('data-build', '2');
      expect(errors, 'console errors').toEqual([]);
    } finally {
      await context.close();
      await site.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
