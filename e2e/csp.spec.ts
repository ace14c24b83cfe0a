import { expect, test, type Page } from '@playwright/test';
import { routes } from '../lib/site';

/*
 * Runs against the second web server (project "csp" in playwright.config.ts), which sends the
 * security headers with each page's strict Content-Security-Policy from scripts/csp.mjs.
 * Every page the site lists must work under it: no violation, and its JavaScript runs.
 */

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records CSP violations (from the page's events and the console) and requests to other origins. */
async function watch(page: Page) {
  const consoleErrors: string[] = [];
  const foreign: string[] = [];
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => window.__cspViolations?.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}: ${e.sample}`),
      true,
    );
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) consoleErrors.push(message.text());
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && !['127.0.0.1', 'localhost'].includes(url.hostname))
      foreign.push(request.url());
  });
  const violations = async () => [...((await page.evaluate(() => window.__cspViolations)) ?? []), ...consoleErrors];
  return { violations, foreign };
}

/** True once React has hydrated the page: it has attached its fiber to the <body> it rendered. */
const hydrated = (page: Page) =>
  page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith('__reactFiber')) && 'next' in window);

/**
 * The routes shipped without the framework. Imported dynamically: Playwright compiles specs to
 * CommonJS, which cannot import an ES module statically under Node 20.
 */
const runtimeFree = async (route: string) =>
  (await import('../scripts/strip-runtime.mjs')).RUNTIME_FREE_ROUTES.includes(route);

/** True once the page's one script of its own, the service worker registration, has run. */
const registered = (page: Page) =>
  page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined);

/**
 * True once the page's JavaScript has run: hydration, or on a page shipped without the framework
 * (scripts/strip-runtime.mjs), the registration, with no React and no Next there.
 */
const ran = async (page: Page, route: string) => {
  if (!(await runtimeFree(route))) return hydrated(page);
  const framework = await page.evaluate(
    () => Object.keys(document.body).some((key) => key.startsWith('__react')) || 'next' in window,
  );
  return !framework && (await registered(page));
};

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.split(/\s+/)[0] === name);

for (const route of routes) {
  test.describe(`${route} under the strict policy`, () => {
    test('is served with its own hash-based policy, in the header and in a <meta>', async ({ page }) => {
      const response = await page.goto(route);
      expect(response?.status(), `${route} should exist`).toBe(200);
      const headers = response!.headers();
      const policy = headers['content-security-policy'];
      expect(policy).toBeTruthy();
      const scriptSrc = directive(policy, 'script-src') ?? '';
      // A page without the framework has no inline script at all, so nothing to hash.
      if (await runtimeFree(route)) expect(scriptSrc).toBe("script-src 'self'");
      else expect(scriptSrc).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/);
      expect(directive(policy, 'style-src')).not.toContain("'unsafe-inline'");
      expect(policy).not.toContain("'unsafe-eval'");
      for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"]) {
        expect(policy).toContain(d);
      }
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');

      // The meta policy is the same minus frame-ancestors, and comes before anything it governs.
      const meta = await page.evaluate(() => {
        const el = document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]');
        const before = el ? [...document.head.children].slice(0, [...document.head.children].indexOf(el)) : [];
        return { content: el?.content, onlyMetaBefore: before.every((e) => e.tagName === 'META') };
      });
      expect(meta.content).toBe(policy.replace("; frame-ancestors 'none'", ''));
      expect(meta.onlyMetaBefore).toBe(true);
    });

    test('runs its JavaScript with no violation, no cookie and no other origin', async ({ page }) => {
      const { violations, foreign } = await watch(page);
      const response = await page.goto(route);
      expect(response?.status(), `${route} should exist`).toBe(200);
      // Hydration needs the inline RSC payload scripts: it proves the hashes let them run.
      await expect.poll(() => ran(page, route)).toBe(true);
      await page.waitForLoadState('networkidle');
      expect(await violations()).toEqual([]);
      expect(await page.evaluate(() => document.cookie)).toBe('');
      expect(foreign).toEqual([]);
    });

    test('blocks an inline script the build did not hash', async ({ page }) => {
      const { violations } = await watch(page);
      expect((await page.goto(route))?.status(), `${route} should exist`).toBe(200);
      const ran = await page.evaluate(async () => {
        const script = document.createElement('script');
        script.textContent = 'window.name = "injected"';
        document.body.append(script);
        await new Promise((resolve) => setTimeout(resolve, 50));
        return window.name === 'injected';
      });
      expect(ran).toBe(false);
      expect((await violations()).some((v) => v.startsWith('script-src-elem blocked inline'))).toBe(true);
    });

    test('follows its links to the other pages with no violation', async ({ page }) => {
      const { violations, foreign } = await watch(page);
      for (const target of routes.filter((r) => r !== route)) {
        expect((await page.goto(route))?.status(), `${route} should exist`).toBe(200);
        await expect.poll(() => ran(page, route)).toBe(true);
        // A link on screen: /present's closing card links on too, but on its own (hidden) step.
        const link = page.locator(`a[href="${target}"]:visible`).first();
        // Not every page links to every other one; the links that are there are followed.
        if ((await link.count()) === 0) continue;
        expect((await page.request.get(target)).status(), `${target} should exist`).toBe(200);
        await link.click();
        await expect(page).toHaveURL(new RegExp(`${target === '/' ? '/' : target}$`));
        await page.waitForLoadState('networkidle');
        expect(await page.locator('h1').count(), `${target} rendered`).toBeGreaterThan(0);
        expect(await violations(), `${route} → ${target}`).toEqual([]);
      }
      expect(foreign).toEqual([]);
    });
  });
}
