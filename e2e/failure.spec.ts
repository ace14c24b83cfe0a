import { test, expect, type Page } from '@playwright/test';
import { expectWholeManuscript } from './manuscript';

/**
 * The text survives a script failure: a driver that throws (in an effect, in a handler, in a
 * promise) leaves the story on screen, every paragraph at rest, with a quiet link to /read.
 * These pages fail on purpose, so they do not use the fixtures that fail a test on an error.
 */

/** The page's errors, uncaught or said in the console (React's report of one it caught), to check the failure happened. */
function errorsOf(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/** Every story paragraph on the page is laid out and visible: no opacity 0, no hidden ancestor. */
async function expectEveryParagraphVisible(page: Page) {
  const hidden = await page.locator('[data-paragraph]').evaluateAll((els) =>
    els
      .filter(
        (el) =>
          el.getClientRects().length === 0 ||
          !el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true }) ||
          // Nothing of it transparent or blurred away: every ancestor at rest.
          (() => {
            for (let e: Element | null = el; e; e = e.parentElement) {
              const style = getComputedStyle(e);
              if (Number(style.opacity) < 0.99 || style.filter !== 'none') return true;
            }
            return false;
          })(),
      )
      .map((el) => el.textContent?.slice(0, 40)),
  );
  expect(hidden, 'paragraphs not visible').toEqual([]);
}

async function expectStoryAtRest(page: Page) {
  await expect(page.getByText(/couldn[’']t load|client-side exception/)).toHaveCount(0);
  await expectWholeManuscript(page);
  await expectEveryParagraphVisible(page);
  const notice = page.getByRole('status').filter({ hasText: 'stopped working' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('link', { name: 'Read it in the text edition' })).toHaveAttribute('href', '/read');
  await expect(page.locator('[data-script-failed]')).toBeVisible();
}

/** Makes a browser API the page's drivers need throw, as a broken or unusual browser would. */
const breakApi = (page: Page, api: 'ResizeObserver' | 'BroadcastChannel') =>
  page.addInitScript((name) => {
    Object.defineProperty(window, name, {
      configurable: true,
      value: class {
        constructor() {
          throw new Error(`test: ${name} is broken`);
        }
      },
    });
  }, api);

test.describe('a script failure', () => {
  test('on /, a driver that throws as the page starts leaves the whole story at rest, with a link to /read', async ({
    page,
  }) => {
    const errors = errorsOf(page);
    await breakApi(page, 'ResizeObserver');
    await page.goto('/#after-three');
    await expect.poll(() => errors.join('\n')).toContain('ResizeObserver is broken');
    await expectStoryAtRest(page);
  });

  test('on /, a handler that throws mid-reading puts back every beat, even those not yet arrived', async ({ page }) => {
    const errors = errorsOf(page);
    await page.goto('/#the-call');
    // The text's motion has started: the beats further on wait, unseen, for the reader.
    await expect
      .poll(() =>
        page
          .locator('[data-paragraph]')
          .evaluateAll((els) => els.filter((el) => !el.checkVisibility({ opacityProperty: true })).length),
      )
      .toBeGreaterThan(0);
    // From now on, measuring the page throws: the next resize's handler fails.
    await page.evaluate(() => {
      Element.prototype.getBoundingClientRect = () => {
        throw new Error('test: measuring is broken');
      };
    });
    await page.setViewportSize({ width: 900, height: 700 });
    await expect.poll(() => errors.join('\n')).toContain('measuring is broken');
    await expectStoryAtRest(page);
  });

  test('on /present, a driver that throws leaves every step on screen, one after another, with a link to /read', async ({
    page,
  }) => {
    const errors = errorsOf(page);
    await breakApi(page, 'BroadcastChannel');
    await page.goto('/present#s-12');
    await expect.poll(() => errors.join('\n')).toContain('BroadcastChannel is broken');
    await expectStoryAtRest(page);
  });
});
