import { stepsOf } from '../lib/present/steps';
import { expect, story, test } from './fixtures';
import type { Page } from '@playwright/test';

/*
 * Text at 200% and reflow to 320 CSS pixels (WCAG 1.4.4 and 1.4.10), on every route and in
 * every dialog. The text is made larger the way a reader's stylesheet does it, on the root
 * (`html { font-size: 200% }`): media queries do not see it (their rem is the browser's
 * default), so a layout that holds here holds by its own measure, not by a breakpoint.
 */

const total = stepsOf(story).length;
const viewports = [
  { width: 320, height: 568 },
  { width: 375, height: 667 },
  { width: 1280, height: 800 },
];

/** A state of a route worth measuring: how to get there from the loaded page. */
interface State {
  name: string;
  reach?: (page: Page) => Promise<void>;
}

const openDialog = (name: string) => async (page: Page) => {
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
};

const routes: { name: string; url: string; states: State[] }[] = [
  {
    name: 'the scroll page',
    url: '/',
    states: [
      { name: 'at the top' },
      {
        name: 'with the scenes menu open',
        reach: async (page) => {
          await page.getByRole('button', { name: 'Scenes' }).click();
          await expect(page.getByRole('navigation', { name: 'Scenes' })).toBeVisible();
        },
      },
    ],
  },
  { name: 'the scroll page in its longest-named scene', url: `/#${longestNamedScene()}`, states: [{ name: 'there' }] },
  { name: 'the scroll page’s closing card', url: '/#the-end', states: [{ name: 'at the end' }] },
  {
    name: 'the audience view',
    url: '/present',
    states: [
      { name: 'on the title slide' },
      { name: 'with Help open', reach: openDialog('Help') },
      { name: 'with the overview open', reach: openDialog('Overview') },
      {
        name: 'blacked out, its button focused',
        reach: async (page) => {
          await page.locator('#present-main').focus();
          await page.keyboard.press('b');
          await expect(page.getByTestId('blackout')).toBeVisible();
          await page.keyboard.press('Tab');
        },
      },
    ],
  },
  { name: 'the audience view’s longest step', url: `/present#s-${longestStep()}`, states: [{ name: 'on it' }] },
  { name: 'the audience view’s closing card', url: `/present#s-${total}`, states: [{ name: 'on it' }] },
  {
    name: 'the presenter view',
    url: '/present?view=presenter',
    states: [
      { name: 'on the title slide' },
      { name: 'with Help open', reach: openDialog('Help') },
      { name: 'with the overview open', reach: openDialog('Overview') },
    ],
  },
  { name: 'the handouts', url: '/present?print', states: [{ name: 'on screen' }] },
  { name: 'the text edition', url: '/read', states: [{ name: 'at the top' }] },
  { name: 'the 404 page', url: '/not-a-page', states: [{ name: 'as it is' }] },
];

/** The scene whose name is longest: the bar's place label at its widest. */
function longestNamedScene(): string {
  return story.scenes.reduce((a, b) => (b.name.length > a.name.length ? b : a)).id;
}

/** The step with the most words: the one most likely to push its column sideways. */
function longestStep(): number {
  const steps = stepsOf(story);
  let best = 0;
  for (const [i, step] of steps.entries()) if (step.words > steps[best].words) best = i;
  return best + 1;
}

/**
 * What does not hold in the page as it is now, each as a sentence (none: it holds).
 * - The page does not scroll sideways.
 * - Every control that can be seen is inside the viewport across; a control in the page's own
 *   scroll is reached by scrolling down, one in a fixed or sticky bar must be on screen now,
 *   and one in a scrolling box (a dialog, the scenes menu) must be inside that box across,
 *   the box on screen.
 * - The fixed and sticky bars together cover at most a quarter of the screen's height (the
 *   light behind everything, a modal dialog and its contents, and the story's own words held
 *   in place at a peak are not bars).
 * - Nothing meant to be cut short with an ellipsis is cut short.
 */
function problems(): string[] {
  const out: string[] = [];
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  const describe = (el: Element) => {
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const label = el.getAttribute('aria-label') ?? '';
    return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` .${el.className.split(' ')[0]}` : ''}> “${label || text}”`;
  };
  const seen = (el: Element) =>
    el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }) && !el.closest('[inert]');

  const scrollWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  if (scrollWidth > vw + 1) out.push(`the page scrolls sideways: ${scrollWidth} px wide in ${vw}`);

  const positioned = (el: Element | null): 'fixed' | 'sticky' | null => {
    for (let e = el; e; e = e.parentElement) {
      const p = getComputedStyle(e).position;
      if (p === 'fixed' || p === 'sticky') return p;
      if (e.matches('dialog[open]')) return 'fixed';
    }
    return null;
  };
  const scroller = (el: Element): Element | null => {
    for (let e = el.parentElement; e && e !== document.body && e !== document.documentElement; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (/(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 1) return e;
    }
    return null;
  };
  const focusable =
    'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
  for (const el of document.querySelectorAll(focusable)) {
    if (!seen(el)) continue;
    const r = el.getBoundingClientRect();
    // A visually hidden control (its words for screen readers only) is not on screen anywhere.
    if (r.width <= 1 || r.height <= 1) continue;
    // The skip link is above the page until it has focus, where it is checked by the a11y tests.
    if (el.matches('.skip-link')) continue;
    const box = scroller(el);
    const bounds = box ? box.getBoundingClientRect() : { left: 0, right: vw, top: 0, bottom: vh };
    if (r.left < Math.max(0, bounds.left) - 1 || r.right > Math.min(vw, bounds.right) + 1)
      out.push(`${describe(el)} is off-screen across: x ${Math.round(r.left)}–${Math.round(r.right)} of ${vw}`);
    const bar = positioned(el);
    if (box) {
      const b = box.getBoundingClientRect();
      if (b.top < -1 || b.bottom > vh + 1) out.push(`${describe(box)}, which scrolls ${describe(el)}, is off-screen`);
    } else if (bar && (r.top < -1 || r.bottom > vh + 1))
      out.push(
        `${describe(el)}, in a ${bar} bar, is off-screen: y ${Math.round(r.top)}–${Math.round(r.bottom)} of ${vh}`,
      );
  }

  const spans: [number, number][] = [];
  const bars: string[] = [];
  for (const el of document.body.querySelectorAll('*')) {
    const p = getComputedStyle(el).position;
    if (p !== 'fixed' && p !== 'sticky') continue;
    if (!seen(el) || el.closest('[data-light-layer], dialog[open], #story')) continue;
    const r = el.getBoundingClientRect();
    const top = Math.max(0, r.top);
    const bottom = Math.min(vh, r.bottom);
    if (bottom - top <= 1 || r.width <= 1) continue;
    spans.push([top, bottom]);
    bars.push(`${describe(el)} ${Math.round(top)}–${Math.round(bottom)}`);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let end = -Infinity;
  for (const [top, bottom] of spans) {
    if (bottom <= end) continue;
    covered += bottom - Math.max(top, end);
    end = bottom;
  }
  if (covered > vh / 4 + 1)
    out.push(`fixed bars cover ${Math.round((100 * covered) / vh)}% of the screen's height: ${bars.join('; ')}`);

  for (const el of document.body.querySelectorAll('*')) {
    if (getComputedStyle(el).textOverflow !== 'ellipsis' || !seen(el)) continue;
    if (el.scrollWidth > el.clientWidth + 1) out.push(`${describe(el)} is cut short with an ellipsis`);
  }
  return out;
}

/**
 * The reader's own stylesheet, there before the page's first layout. Set through the CSSOM,
 * which the pages' Content-Security-Policy allows (a <style> element it would not).
 */
function largeText() {
  const set = () => document.documentElement.style.setProperty('font-size', '200%');
  if (document.documentElement) return set();
  new MutationObserver((_, observer) => {
    if (!document.documentElement) return;
    set();
    observer.disconnect();
  }).observe(document, { childList: true });
}

for (const viewport of viewports) {
  test.describe(`at 200% text in ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    for (const route of routes)
      for (const state of route.states)
        test(`${route.name} (${route.url}) ${state.name}: no sideways scroll, every control on screen, low bars, no cut labels`, async ({
          page,
          consoleErrors,
        }) => {
          await page.addInitScript(largeText);
          const response = await page.goto(route.url);
          if (response?.status() === 404) {
            // The browser reports the 404 of the page itself: that one is expected here.
            const expected = consoleErrors.findIndex((e) => /status of 404/.test(e));
            if (expected >= 0) consoleErrors.splice(expected, 1);
          }
          await page.waitForLoadState('load');
          if (route.url.startsWith('/present') && !route.url.includes('print'))
            await expect(page.locator('[data-presentation][data-step]')).toBeAttached();
          await state.reach?.(page);
          // Measured once the layout has settled: two frames with nothing left to lay out.
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
          expect(await page.evaluate(problems)).toEqual([]);
        });
  });
}

test.describe('the text size', () => {
  test.use({ viewport: { width: 375, height: 667 } });
  test('is set to 200% in these tests, through the CSSOM the pages’ policy allows', async ({ page }) => {
    await page.addInitScript(largeText);
    await page.goto('/read');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
  });
});
