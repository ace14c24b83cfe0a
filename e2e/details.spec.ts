import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEFAULT_WPM } from '../lib/present/autoplay';
import { expect, test } from './fixtures';
import { heardItems, injectScreenReader, readAloud } from './screenReader';

/*
 * The smaller things a reader meets first: a way past the bar by keyboard, nothing empty said
 * by a screen reader, the presenter's pace said once.
 */

/** Tab once from the top of a freshly opened page: what has focus, and is it on screen. */
async function firstTab(page: Page) {
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveCount(1);
  return focused;
}

/** The element's box lies within the viewport, and nothing else is drawn over its middle. */
async function expectOnScreenAndOnTop(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, `${selector} has a box`).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  const onTop = await page.evaluate(
    ([sel, x, y]) =>
      document.querySelector(sel as string)!.contains(document.elementFromPoint(x as number, y as number)),
    [selector, box!.x + box!.width / 2, box!.y + box!.height / 2] as const,
  );
  expect(onTop, `${selector} is drawn over everything at its middle`).toBe(true);
}

test.describe('the skip link', () => {
  test('/: the first Tab shows "Skip to the story"; Enter puts focus on the story’s title, past the bar', async ({
    page,
  }) => {
    await page.goto('/');
    // The page has hydrated (the bar's scene name is filled in by script).
    await expect(page.getByTestId('scene-name')).not.toBeEmpty();
    const link = await firstTab(page);
    await expect(link).toHaveText('Skip to the story');
    await expect(link).toHaveClass(/skip-link/);
    await expectOnScreenAndOnTop(page, '.skip-link');
    // Legible over the night: the stage's light ink would leave it pale on pale.
    const contrast = await new AxeBuilder({ page }).include('.skip-link').withRules(['color-contrast']).analyze();
    expect(contrast.violations.map((v) => v.id)).toEqual([]);
    expect(contrast.passes.map((v) => v.id)).toEqual(['color-contrast']);
    await page.keyboard.press('Enter');
    await expect(page.locator('#story-title')).toBeFocused();
    // Neither an unknown place nor a new address: the story's own start.
    await expect(page.getByText('not a place in the story')).toHaveCount(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // The next Tab goes on in the story, not back to the bar.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#story'))).toBe(true);
  });

  test('/: reached by Tab from far down the page, it shows where the reader is, without moving them', async ({
    page,
  }) => {
    await page.goto('/#the-call');
    await expect(page.locator('#the-call-title')).toBeFocused();
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(0);
    await page.locator('.skip-link').focus();
    await expect(page.locator('.skip-link')).toBeFocused();
    // Focused by script here, so shown by :focus-visible's rule for keyboard users only when they Tab:
    // the box is what matters: fixed in view, not at the top of a long page.
    const box = await page.locator('.skip-link').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(page.viewportSize()!.height);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
  });

  test('/read: the first Tab shows "Skip to the story"; Enter lands at the story', async ({ page }) => {
    await page.goto('/read');
    const link = await firstTab(page);
    await expect(link).toHaveText('Skip to the story');
    await expectOnScreenAndOnTop(page, '.skip-link');
    await page.keyboard.press('Enter');
    await expect(page.locator('#story')).toBeFocused();
  });

  test('/present needs none: the first Tab is already in the step, before any control', async ({ page }) => {
    await page.goto('/present');
    await expect(page.locator('[data-presentation][data-step="0"]')).toBeAttached();
    for (const view of ['audience', 'presenter']) {
      if (view === 'presenter') {
        await page.goto('/present?view=presenter');
        await expect(page.getByRole('heading', { name: 'Presenter view' })).toBeVisible();
      }
      // Nothing focusable stands before the main content.
      const before = await page.evaluate(() => {
        const main = document.querySelector('main')!;
        return [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')]
          .filter((el) => el.tabIndex >= 0 && !el.closest('[hidden], dialog:not([open])'))
          .filter((el) => main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)
          .map((el) => el.outerHTML.slice(0, 80));
      });
      expect(before, `${view}: focusable before <main>`).toEqual([]);
    }
  });
});

test.describe('heard with a screen reader, the smaller things', () => {
  // The virtual screen reader is injected as an inline script, which the site's policy forbids.
  test.use({ bypassCSP: true });

  test('/: the top of the page says no empty status, and a notice is still a status', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('scene-name')).not.toBeEmpty();
    // The notices load once the text has painted: wait until they could have spoken.
    await page.waitForLoadState('networkidle');
    await injectScreenReader(page);
    // From the top to the story's title: the skip link, the bar, and whatever sits between.
    const log = await readAloud(page, undefined, 40);
    const top = log.slice(0, log.findIndex((phrase) => /^heading, Come Home/.test(phrase)) + 1);
    expect(top.length, 'the walk reaches the title').toBeGreaterThan(1);
    expect(top.filter((phrase) => /\bstatus\b/.test(phrase))).toEqual([]);

    // A notice (an unknown link) is still said as a status, with its words.
    await page.goto('/#nowhere-at-all');
    await expect(page.getByRole('status')).toContainText('not a place in the story');
  });

  test('the presenter’s pace is said once, in words, and shown short', async ({ page }) => {
    await page.goto('/present?view=presenter');
    const pace = page.locator('dt:text-is("Pace") + dd');
    await expect(pace).toBeVisible();
    await injectScreenReader(page);
    const heard = heardItems(await readAloud(page, pace, 10));
    expect(heard.at(0)).toBe('definition');
    expect(heard.at(-1)).toBe('end of definition');
    expect(heard.slice(1, -1).join(' ')).toBe(`${DEFAULT_WPM} words a minute`);
    await expect(pace).toHaveText(new RegExp(`^${DEFAULT_WPM} wpm`));
  });
});
