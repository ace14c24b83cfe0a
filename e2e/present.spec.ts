import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IDLE_CHROME_MS } from '../lib/drivers/useIdleChrome';
import { dwellMs, DEFAULT_WPM, WPM_STEP } from '../lib/present/autoplay';
import { isBeatStep, stepsOf } from '../lib/present/steps';
import type { Mood } from '../scenes/moods';
import { parseStory } from '../scenes/parse';
import { withDebug } from './fixtures';
import { steady } from './rest';

const story = parseStory(readFileSync(path.join(__dirname, '..', 'scenes', 'story.md'), 'utf8'));
const beats = story.scenes.flatMap((s) => s.beats);
const steps = stepsOf(story);
const total = steps.length;
/** The story's paragraphs step `i` shows: none on the title slide and the closing card. */
const textsOf = (i: number) => {
  const step = steps[i];
  return isBeatStep(step) ? step.beat.paragraphs.map((p) => p.text) : [];
};
/** The beat step `i` shows (step 0 is the title slide). */
const beatAt = (i: number) => beats[i - 1];

/** Every page fails its test on a console error or an uncaught exception, and has the debug surface on. */
const test = base.extend<{ consoleErrors: string[] }>({
  context: async ({ context }, provide) => {
    await provide(await withDebug(context));
  },
  consoleErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      const watch = (page: Page) => {
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => errors.push(`${page.url()}: pageerror: ${e.message}`));
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

const shown = (page: Page) => page.locator('[data-steps] > section:not([hidden])');

/** Opens the presentation and waits until it knows its step. */
async function open(page: Page, hash = '', query = '') {
  await page.goto(`/present${query}${hash}`);
  await expect(page.locator('[data-presentation][data-step]')).toBeAttached();
}

async function expectStep(page: Page, step: number) {
  await expect(page.locator('[data-presentation]')).toHaveAttribute('data-step', String(step));
  await expect(page).toHaveURL(new RegExp(`#s-${step + 1}$`));
}

/** The mood once it has stopped changing (the scroll page settles its position after fonts load). */
async function settledMood(page: Page): Promise<Mood> {
  let last = '';
  await expect
    .poll(
      async () => {
        const mood = await page.evaluate(() => window.__story?.mood);
        const now = mood ? JSON.stringify(mood) : '';
        const same = now !== '' && now === last;
        last = now;
        return same;
      },
      { intervals: [300, 300, 500, 500, 1000] },
    )
    .toBe(true);
  return JSON.parse(last) as Mood;
}

test.describe('presentation', () => {
  test('a keyboard walk from the first step to the last gives the story’s beats in order, and back', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await open(page);
    await expect(page.locator('[data-steps] > section')).toHaveCount(total);
    const forward = ['ArrowRight', 'ArrowDown', 'Space', 'PageDown', 'Enter'];
    /** Waits for step `i` to be on screen, then reads how many steps are shown and its paragraphs. */
    const onScreen = (i: number) =>
      page.evaluate(async (i) => {
        const root = document.querySelector<HTMLElement>('[data-presentation]')!;
        for (let tries = 0; root.dataset.step !== String(i) && tries < 100; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const visible = [...document.querySelectorAll<HTMLElement>('[data-steps] > section:not([hidden])')];
        return {
          step: Number(root.dataset.step),
          shown: visible.length,
          texts: [...(visible[0]?.querySelectorAll('[data-paragraph]') ?? [])].map((p) => p.textContent),
        };
      }, i);
    for (let i = 0; i < total; i++) {
      const { step, shown: count, texts } = await onScreen(i);
      expect(step).toBe(i);
      expect(count).toBe(1);
      expect(texts, `step ${i + 1} (${steps[i].anchor || steps[i].kind})`).toEqual(textsOf(i));
      if (i < total - 1) await page.keyboard.press(forward[i % forward.length]);
    }
    await expect(page).toHaveURL(new RegExp(`#s-${total}$`));
    await expect(page.getByTestId('where')).toContainText(`step ${total} of ${total}`);
    // Going on from the last step stays there.
    await page.keyboard.press('ArrowRight');
    await expectStep(page, total - 1);

    const back = ['ArrowLeft', 'ArrowUp', 'PageUp', 'Shift+Space', 'Backspace'];
    for (let i = total - 1; i > 0; i--) {
      await page.keyboard.press(back[i % back.length]);
      const { step, texts } = await onScreen(i - 1);
      expect(step).toBe(i - 1);
      expect(texts, `back to step ${i}`).toEqual(textsOf(i - 1));
    }
    await expect(shown(page).getByRole('heading', { level: 2 })).toHaveText(story.title);
    // Steps not shown are hidden and inert.
    const away = page.locator('[data-steps] > section[hidden]');
    await expect(away).toHaveCount(total - 1);
    await expect(page.locator('[data-steps] > section[hidden]:not([inert])')).toHaveCount(0);

    await page.keyboard.press('End');
    await expectStep(page, total - 1);
    await page.keyboard.press('Home');
    await expectStep(page, 0);
    // Digits then Enter jump to that step.
    await page.keyboard.press('4');
    await page.keyboard.press('2');
    await expect(page.getByTestId('digits')).toContainText('42');
    await page.keyboard.press('Enter');
    await expectStep(page, 41);
  });

  test('every step has an address: a deep link and a reload land on the same step', async ({ page }) => {
    await open(page, '#s-30');
    await expectStep(page, 29);
    // "The call · step 30 of 72", read as "The call, step 30 of 72".
    await expect(page.getByTestId('where')).toHaveText(`${steps[29].label} · , step 30 of ${total}`);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 30);
    await page.reload();
    await expect(page.locator('[data-presentation][data-step]')).toBeAttached();
    await expectStep(page, 30);
    await expect(shown(page).locator('[data-paragraph]').first()).toHaveText(beatAt(30).paragraphs[0].text);
    // Exit goes to the same beat of the scrolling story.
    const exit = page.getByRole('link', { name: /Exit/ });
    await expect(exit).toHaveAttribute('href', `/#${beatAt(30).id}`);
    await page.locator('[data-light-canvas]').evaluate((canvas) => canvas.setAttribute('data-kept', ''));
    await exit.click();
    await expect(page).toHaveURL(new RegExp(`/#${beatAt(30).id}$`));
    await expect(page.locator(`#${beatAt(30).id}`)).toBeInViewport();
    // The stage layout stays mounted between the two pages: the light's canvas is the same one.
    await expect(page.locator('[data-light-canvas][data-kept]')).toHaveCount(1);
  });

  for (const hash of ['#s-999', '#nonsense']) {
    test(`an unknown step (${hash}) opens at the first step with a polite notice`, async ({ page }) => {
      await open(page, hash);
      await expectStep(page, 0);
      const notice = page.getByTestId('notice');
      await expect(notice).toContainText(hash.slice(1));
      await expect(notice).toContainText('first step');
      // The notice is said through the one polite live region; the page has no other.
      // (Next.js's own route announcer, in its shadow root, is not part of the page.)
      await expect(page.locator('[aria-live]:not(#__next-route-announcer__)')).toHaveCount(1);
      await expect(page.locator('[aria-live="polite"]').getByTestId('notice')).toHaveCount(1);
      await expect(page.locator('[role="application"], [aria-relevant="all"]')).toHaveCount(0);
    });
  }

  test('the overview lists every scene and step; a choice jumps there and focus comes back', async ({ page }) => {
    await open(page, '#s-3');
    const button = page.getByRole('button', { name: 'Overview' });
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Overview' });
    await expect(dialog).toBeVisible();
    // Every scene, and the title slide and the closing card, each a group of its own.
    await expect(dialog.getByRole('heading', { level: 3 })).toHaveCount(story.scenes.length + 2);
    await expect(dialog.getByRole('link')).toHaveCount(total);
    // Focus starts on the current step.
    await expect(dialog.locator('[aria-current="step"]')).toBeFocused();
    await expect(dialog.locator('[aria-current="step"]')).toContainText('3');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    await expectStep(page, 2);

    // By key, then the arrows and Enter.
    await page.keyboard.press('o');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expectStep(page, 4);

    // By mouse.
    await button.click();
    await dialog.getByRole('link', { name: new RegExp(`^Step ${total - 1}\\b`) }).click();
    await expect(dialog).toBeHidden();
    await expectStep(page, total - 2);
    await expect(button).toBeFocused();
  });

  test('autoplay turns the steps at the reading pace and pauses', async ({ page }) => {
    // The page's clock is Playwright's: time stands still unless the test moves it, so
    // nothing here depends on how fast the machine is.
    await page.clock.install({ time: new Date('2025-06-21T20:00:00') });
    await open(page, '#s-2');
    await page.clock.pauseAt(new Date('2025-06-21T20:01:00'));
    const play = page.getByRole('button', { name: 'Autoplay' });
    await page.keyboard.press('p');
    await expect(play).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('notice')).toContainText(`${DEFAULT_WPM} words a minute`);
    // Just before the dwell, still here; after it, the next step.
    await page.clock.fastForward(dwellMs(steps[1].words, DEFAULT_WPM) - 500);
    await expectStep(page, 1);
    await page.clock.fastForward(1000);
    await expectStep(page, 2);

    // A faster pace, shown briefly, shortens the dwell.
    await page.keyboard.press('+');
    await expect(page.getByTestId('notice')).toContainText(`${DEFAULT_WPM + WPM_STEP} words a minute`);
    await page.clock.fastForward(dwellMs(steps[2].words, DEFAULT_WPM + WPM_STEP) + 200);
    await expectStep(page, 3);

    await page.keyboard.press('p');
    await expect(play).toHaveAttribute('aria-pressed', 'false');
    await page.clock.fastForward(10 * 60_000);
    await expectStep(page, 3);
  });

  test('a kiosk plays on its own and starts again after the last step', async ({ page }) => {
    await page.clock.install({ time: new Date('2025-06-21T20:00:00') });
    // Paused before the page opens: the kiosk's first dwell cannot run out while it loads.
    await page.clock.pauseAt(new Date('2025-06-21T20:00:01'));
    await open(page, `#s-${total}`, '?autoplay&loop');
    await expect(page.getByRole('button', { name: 'Autoplay' })).toHaveAttribute('aria-pressed', 'true');
    await page.clock.fastForward(dwellMs(steps[total - 1].words, DEFAULT_WPM) + 100);
    await expectStep(page, 0);
  });

  test('?autoplay=0, false and no leave autoplay off; a bare ?autoplay plays', async ({ page }) => {
    const autoplay = page.getByRole('button', { name: 'Autoplay' });
    for (const query of ['?autoplay=0', '?autoplay=false', '?autoplay=No']) {
      await open(page, '#s-3', query);
      // A kiosk starts as the page becomes ready: a key answered after that is later than the start would be.
      await page.keyboard.press('ArrowRight');
      await expectStep(page, 3);
      await expect(autoplay, query).toHaveAttribute('aria-pressed', 'false');
    }
    await open(page, '#s-3', '?autoplay');
    await expect(autoplay).toHaveAttribute('aria-pressed', 'true');
  });

  test('the presenter view opens with S and stays in step with the main window, both ways', async ({
    page,
    context,
  }) => {
    await open(page, '#s-5');
    const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await presenter.waitForLoadState();
    await expect(presenter).toHaveURL(/\/present\?view=presenter#s-5$/);
    await expect(presenter.getByRole('heading', { name: 'Presenter view' })).toBeVisible();
    await expect(presenter.getByTestId('where')).toContainText(`step 5 of ${total}`);
    await expect(presenter.getByTestId('elapsed')).toHaveText(/^\d+:\d\d$/);
    await expect(presenter.getByTestId('clock')).not.toHaveText('–');
    const next = presenter.getByRole('region', { name: 'Next' });
    await expect(next).toContainText(beatAt(5).paragraphs[0].text);

    // Main window → presenter.
    await page.keyboard.press('ArrowRight');
    await expect(presenter.locator('[data-presentation]')).toHaveAttribute('data-step', '5');
    await expect(presenter.getByRole('main')).toContainText(beatAt(5).paragraphs[0].text);

    // Presenter → main window.
    await presenter.getByRole('button', { name: 'Next' }).click();
    await expectStep(page, 6);
    await presenter.getByRole('button', { name: 'Previous' }).click();
    await presenter.getByRole('button', { name: 'Previous' }).click();
    await expectStep(page, 4);

    // Blackout and autoplay are shared too.
    await presenter.getByRole('button', { name: 'Black out' }).click();
    await expect(page.getByTestId('blackout')).toBeVisible();
    await page.keyboard.press('b');
    await expect(page.getByTestId('blackout')).toBeHidden();
    await expect(presenter.getByRole('button', { name: 'Black out' })).toHaveAttribute('aria-pressed', 'false');
    await presenter.getByRole('button', { name: 'Autoplay' }).click();
    await expect(page.getByRole('button', { name: 'Autoplay' })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('p');
    await expect(presenter.getByRole('button', { name: 'Autoplay' })).toHaveAttribute('aria-pressed', 'false');
    await expectStep(page, 4);
    await presenter.close();
  });

  test('presenter and audience pressing Home and End at the same moment end on the same step', async ({
    page,
    context,
  }) => {
    // Both windows hold what they send until released, so the two presses cross on the channel
    // every time: the race is made, not hoped for.
    await context.addInitScript(() => {
      const held: [BroadcastChannel, unknown][] = [];
      const post = BroadcastChannel.prototype.postMessage;
      const w = window as unknown as { holdSync: boolean; releaseSync: () => void };
      w.holdSync = false;
      BroadcastChannel.prototype.postMessage = function (this: BroadcastChannel, message: unknown) {
        if (w.holdSync) held.push([this, message]);
        else post.call(this, message);
      };
      w.releaseSync = () => {
        w.holdSync = false;
        for (const [channel, message] of held.splice(0)) post.call(channel, message);
      };
    });
    await open(page, '#s-10');
    const presenter = await context.newPage();
    await open(presenter, '', '?view=presenter');
    await expect(presenter.locator('[data-presentation]')).toHaveAttribute('data-step', '9');
    const hold = (p: Page) => p.evaluate(() => ((window as unknown as { holdSync: boolean }).holdSync = true));
    const release = (p: Page) => p.evaluate(() => (window as unknown as { releaseSync: () => void }).releaseSync());

    await hold(page);
    await hold(presenter);
    await page.keyboard.press('Home');
    await presenter.keyboard.press('End');
    await expect(page.locator('[data-presentation]')).toHaveAttribute('data-step', '0');
    await expect(presenter.locator('[data-presentation]')).toHaveAttribute('data-step', String(total - 1));
    await release(page);
    await release(presenter);

    // One round trip later both show the same step, and it stays so.
    const agreed = async () => {
      const a = await page.locator('[data-presentation]').getAttribute('data-step');
      const b = await presenter.locator('[data-presentation]').getAttribute('data-step');
      return a === b ? a : `${a} ≠ ${b}`;
    };
    await expect.poll(agreed).toMatch(/^\d+$/);
    const step = await agreed();
    expect([String(0), String(total - 1)]).toContain(step);
    expect(await steady(agreed)).toBe(step);

    // And the windows still follow each other afterwards.
    await presenter.keyboard.press('Home');
    await expectStep(page, 0);
    await presenter.close();
  });

  /**
   * Windows opened at the same moment, in a context of their own each round (a clean
   * channel). Every page records which windows it has heard from on the presentation's
   * channel, so a test knows when the windows' first exchange is over without waiting
   * for any length of time.
   */
  async function contextHearingSync(browser: Browser): Promise<BrowserContext> {
    const context = await withDebug(await browser.newContext());
    await context.addInitScript(() => {
      const own = new Set<string>();
      const heard = new Set<string>();
      (window as unknown as { syncIds: () => { own: string[]; heard: string[] } }).syncIds = () => ({
        own: [...own],
        heard: [...heard],
      });
      const fromOf = (data: unknown) =>
        typeof data === 'object' && data && typeof (data as { from?: unknown }).from === 'string'
          ? (data as { from: string }).from
          : null;
      const Native = window.BroadcastChannel;
      window.BroadcastChannel = class extends Native {
        constructor(name: string) {
          super(name);
          this.addEventListener('message', (event: MessageEvent<unknown>) => {
            const from = fromOf(event.data);
            if (from) heard.add(from);
          });
        }
        override postMessage(message: unknown) {
          const from = fromOf(message);
          if (from) own.add(from);
          if (held) held.push([this, message]);
          else super.postMessage(message);
        }
      };
      // With `?hold` a page keeps what it sends until released: windows that open together then cross
      // their first messages for certain, instead of by luck of timing.
      let held: [BroadcastChannel, unknown][] | null = new URLSearchParams(location.search).has('hold') ? [] : null;
      (window as unknown as { releaseSync: () => void }).releaseSync = () => {
        const messages = held ?? [];
        held = null;
        for (const [channel, message] of messages) Native.prototype.postMessage.call(channel, message);
      };
    });
    return context;
  }

  const release = (p: Page) => p.evaluate(() => (window as unknown as { releaseSync: () => void }).releaseSync());

  /** The pages' steps, once every two pages have met on the channel; null before. */
  async function stepsOnceAllHeard(pages: Page[]): Promise<(string | null)[] | null> {
    const seen = await Promise.all(
      pages.map((p) =>
        p.evaluate(() => ({
          ...(window as unknown as { syncIds: () => { own: string[]; heard: string[] } }).syncIds(),
          step: document.querySelector('[data-presentation]')?.getAttribute('data-step') ?? null,
        })),
      ),
    );
    const heard = (a: (typeof seen)[number], b: (typeof seen)[number]) => b.own.some((id) => a.heard.includes(id));
    // A window whose hello another has already taken over says nothing back: one of the two hearing the other is the exchange.
    const met = seen.every((a, i) => seen.every((b, j) => i === j || heard(a, b) || heard(b, a)));
    return met ? seen.map((s) => s.step) : null;
  }

  test('a deep link and a presenter opened at the same moment both land on the link’s step, every time', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    for (let round = 0; round < 6; round++) {
      const context = await contextHearingSync(browser);
      const [audience, presenter] = [await context.newPage(), await context.newPage()];
      // Every other round, both hold their first words until both are open, so the two cross.
      const hold = round % 2 === 0;
      await Promise.all([
        open(audience, '#s-10', hold ? '?hold' : ''),
        open(presenter, '', hold ? '?view=presenter&hold' : '?view=presenter'),
      ]);
      if (hold) await Promise.all([audience, presenter].map(release));
      await expect
        .poll(() => stepsOnceAllHeard([audience, presenter]), { message: `round ${round}` })
        .toEqual(['9', '9']);
      await expect(audience).toHaveURL(/#s-10$/);
      await expect(presenter).toHaveURL(/#s-10$/);
      await context.close();
    }
  });

  test('two presenter views opened in quick succession never disagree for more than one action', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const stepOf = (p: Page) => p.locator('[data-presentation]').getAttribute('data-step');
    for (let round = 0; round < 4; round++) {
      const context = await contextHearingSync(browser);
      const audience = await context.newPage();
      await open(audience, '#s-10');
      const presenters = [await context.newPage(), await context.newPage()];
      // Every other round, the two presenters hold their first words until both are open, so they cross.
      const hold = round % 2 === 0;
      await Promise.all(presenters.map((p) => open(p, '', hold ? '?view=presenter&hold' : '?view=presenter')));
      if (hold) await Promise.all(presenters.map(release));
      const all = [audience, ...presenters];
      await expect.poll(() => stepsOnceAllHeard(all), { message: `round ${round}` }).toEqual(['9', '9', '9']);

      // Each action, from either presenter, is followed everywhere before the next.
      let expected = 9;
      for (const [at, key, step] of [
        [0, 'ArrowRight', 10],
        [1, 'ArrowRight', 11],
        [0, 'ArrowLeft', 10],
        [1, 'End', total - 1],
        [0, 'Home', 0],
      ] as const) {
        await presenters[at].keyboard.press(key);
        expected = step;
        await expect
          .poll(async () => Promise.all(all.map(stepOf)), { message: `round ${round}, ${key}` })
          .toEqual(all.map(() => String(expected)));
      }
      await context.close();
    }
  });

  test('single-key shortcuts turn off in Help: O opens nothing, the arrows still move, and it survives a reload', async ({
    page,
  }) => {
    await open(page, '#s-5');
    const overview = page.getByRole('dialog', { name: 'Overview' });
    const help = page.getByRole('dialog', { name: 'Keys' });
    const shortcuts = help.getByRole('switch', { name: 'Single-key shortcuts' });
    await page.getByRole('button', { name: 'Help' }).click();
    await expect(shortcuts).toBeChecked();
    await shortcuts.click();
    await expect(shortcuts).not.toBeChecked();
    await expect(help.getByRole('row', { name: /Overview/ })).toContainText('turned off');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // Letters, digits and signs are the browser's now; the arrows still turn the page.
    for (const key of ['o', 'b', '.', 'p', '?', '+', '7']) await page.keyboard.press(key);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 5);
    await expect(overview).toBeHidden();
    await expect(help).toBeHidden();
    await expect(page.getByTestId('blackout')).toBeHidden();
    await expect(page.getByTestId('digits')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Autoplay' })).toHaveAttribute('aria-pressed', 'false');
    for (const [key, step] of [
      ['PageDown', 6],
      ['PageUp', 5],
      ['End', total - 1],
      ['Home', 0],
    ] as const) {
      await page.keyboard.press(key);
      await expectStep(page, step);
    }

    // Remembered: after a reload O still opens nothing.
    await page.reload();
    await expect(page.locator('[data-presentation][data-step]')).toBeAttached();
    await page.keyboard.press('o');
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 1);
    await expect(overview).toBeHidden();

    // And on again, O opens the overview.
    await page.getByRole('button', { name: 'Help' }).click();
    await expect(shortcuts).not.toBeChecked();
    await shortcuts.click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('o');
    await expect(overview).toBeVisible();
  });

  test('Esc closes what is open, then offers to leave without leaving, and never opens the overview', async ({
    page,
  }) => {
    await open(page, '#s-5');
    const overview = page.getByRole('dialog', { name: 'Overview' });
    const help = page.getByRole('dialog', { name: 'Keys' });
    const offer = page.getByRole('region', { name: 'Leave the presentation?' });

    // What is open closes, and nothing more: the help, the overview, the black screen.
    await page.keyboard.press('?');
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await page.keyboard.press('o');
    await expect(overview).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(overview).toBeHidden();
    await page.keyboard.press('b');
    await expect(page.getByTestId('blackout')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('blackout')).toBeHidden();
    await expect(offer).toHaveCount(0);

    // With nothing open: the offer, focused, with its ways out; no overview, no navigation.
    await page.keyboard.press('Escape');
    await expect(offer).toBeVisible();
    await expect(offer).toBeFocused();
    await expect(overview).toBeHidden();
    await expect(offer.getByRole('link', { name: /The story in light/ })).toHaveAttribute(
      'href',
      `/#${steps[4].anchor}`,
    );
    await expect(offer.getByRole('link', { name: 'The text edition' })).toHaveAttribute('href', '/read');
    await expectStep(page, 4);
    // Esc again puts it away, and focus goes back to the story.
    await page.keyboard.press('Escape');
    await expect(offer).toHaveCount(0);
    await expect(page.locator('#present-main')).toBeFocused();
    // Any key that turns the page puts it away too, and turns the page.
    await page.keyboard.press('Escape');
    await expect(offer).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(offer).toHaveCount(0);
    await expectStep(page, 5);
    // Stay, by mouse.
    await page.keyboard.press('Escape');
    await offer.getByRole('button', { name: 'Stay' }).click();
    await expect(offer).toHaveCount(0);
    await expectStep(page, 5);
    // A way out is taken only when chosen.
    await page.keyboard.press('Escape');
    await offer.getByRole('link', { name: 'The text edition' }).click();
    await expect(page).toHaveURL(/\/read$/);
  });

  test('each window has its own title, with the story’s', async ({ page }) => {
    await open(page, '#s-3');
    await expect(page).toHaveTitle(`Presentation · ${story.title}`);
    await open(page, '#s-3', '?view=presenter');
    await expect(page).toHaveTitle(`Presenter notes · ${story.title}`);
    await page.goto('/present?print');
    await expect(page.locator('[data-handouts]')).toBeVisible();
    await expect(page).toHaveTitle(`Handouts · ${story.title}`);
  });

  test('Enter on a focused control clicks it once; keys in a form field are the field’s', async ({ page }) => {
    await open(page, '#s-10');
    await page.keyboard.press('Tab');
    const exit = page.getByRole('link', { name: /Exit/ });
    await expect(exit).toBeFocused();
    expect(await exit.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    const nextButton = page.getByRole('button', { name: 'Next' });
    await nextButton.focus();
    await page.keyboard.press('Enter');
    await expectStep(page, 10);
    await page.keyboard.press('Space');
    await expectStep(page, 11);
    // The arrows still work with a control focused, and Tab still moves focus.
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 12);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Autoplay' })).toBeFocused();

    // Full screen: on where the browser allows it, else a notice; never an error.
    await page.keyboard.press('f');
    await expect
      .poll(() =>
        page.evaluate(() => !!document.fullscreenElement || !!document.querySelector('[data-testid="notice"]')),
      )
      .toBe(true);
    if (await page.evaluate(() => !!document.fullscreenElement)) {
      await page.keyboard.press('f');
      await expect.poll(() => page.evaluate(() => !!document.fullscreenElement)).toBe(false);
    }

    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'field';
      input.setAttribute('aria-label', 'A field');
      document.querySelector('nav[aria-label="Presentation"]')!.append(input);
    });
    await page.locator('#field').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(' b.p');
    await expectStep(page, 12);
    await expect(page.getByTestId('blackout')).toBeHidden();
  });

  test('each step enters with a transition suited to it', async ({ page }) => {
    await open(page, '#s-11');
    // The transitions load once the first step has painted (a step turned before simply shows).
    await page.waitForFunction(() => performance.getEntriesByName('motion:loaded').length > 0);
    await page.keyboard.press('ArrowRight');
    await expect(shown(page)).toHaveAttribute('data-transition', 'voicemail');
    await page.keyboard.press('End');
    await expect(shown(page)).toHaveAttribute('data-transition', 'closing');
    await page.keyboard.press('ArrowLeft');
    await expect(shown(page)).toHaveAttribute('data-transition', 'coda');

    // The reader's own switch, in the help, turns them off as the OS setting does.
    await page.keyboard.press('?');
    await page.getByRole('button', { name: 'Reduce motion' }).click();
    await expect(page.getByRole('button', { name: 'Reduce motion' })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Home');
    await expect(shown(page)).not.toHaveAttribute('data-transition');
  });

  test('with reduced motion no step is animated', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(page, '#s-10');
    for (const key of ['ArrowRight', 'ArrowRight', 'End']) {
      await page.keyboard.press(key);
      const step = shown(page);
      await expect(step).not.toHaveAttribute('data-transition');
      const styled = await step.evaluate(
        (el) => [el, ...el.querySelectorAll('*')].filter((n) => n.hasAttribute('style')).length,
      );
      expect(styled).toBe(0);
      expect(
        await step
          .locator('h2, [data-paragraph]')
          .first()
          .evaluate((el) => getComputedStyle(el).opacity),
      ).toBe('1');
    }
  });

  test('the light on a step is the light of the same place on the scroll page', async ({ page }) => {
    test.setTimeout(60_000);
    for (const id of ['the-call-3', 'morning-3']) {
      const index = steps.findIndex((s) => s.anchor === id);
      await page.goto(`/#${id}`);
      const scrolled = await settledMood(page);
      await open(page, `#s-${index + 1}`);
      const presented = await settledMood(page);
      for (const channel of Object.keys(presented) as (keyof Mood)[]) {
        expect(Math.abs(presented[channel] - scrolled[channel]), `${id}: ${channel}`).toBeLessThanOrEqual(0.02);
      }
    }
  });

  test.describe('on a touch screen', () => {
    test.use({ hasTouch: true, viewport: { width: 390, height: 844 } });

    test('a swipe turns the page and a tap on a side third steps that way', async ({ page }) => {
      await open(page, '#s-20');
      const cdp = await page.context().newCDPSession(page);
      // Each touch carries its own time stamp, so a busy machine cannot make a quick swipe slow.
      let now = Date.now() / 1000;
      const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x?: number) => {
        now += 0.06;
        return cdp.send('Input.dispatchTouchEvent', {
          type,
          touchPoints: x === undefined ? [] : [{ x, y: 420 }],
          timestamp: now,
        });
      };
      const swipe = async (from: number, to: number) => {
        await touch('touchStart', from);
        await touch('touchMove', (from + to) / 2);
        await touch('touchMove', to);
        await touch('touchEnd');
      };
      await swipe(320, 80);
      await expectStep(page, 20);
      await swipe(80, 320);
      await expectStep(page, 19);
      await page.touchscreen.tap(360, 420);
      await expectStep(page, 20);
      await page.touchscreen.tap(30, 420);
      await expectStep(page, 19);
      // The middle third is for reading.
      await page.touchscreen.tap(195, 420);
      await expectStep(page, 19);
    });
  });

  test('without JavaScript the page still holds the whole story', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/present');
    const paragraphs = page.locator('[data-paragraph]');
    await expect(paragraphs).toHaveCount(beats.reduce((n, b) => n + b.paragraphs.length, 0));
    await expect(paragraphs.last()).toBeVisible();
    await expect(page.locator('[data-needs-js]').first()).toBeHidden();
    await context.close();
  });
});

test.describe('the controls on a big screen', () => {
  const root = (page: Page) => page.locator('[data-presentation]');
  const nav = (page: Page) => page.getByRole('navigation', { name: 'Presentation' });
  const cursorAt = (page: Page, x: number, y: number) =>
    page.evaluate(([x, y]) => getComputedStyle(document.elementFromPoint(x, y)!).cursor, [x, y]);

  /** Opens a step with Playwright's clock paused, then moves the mouse: the idle wait starts now. */
  async function openStill(page: Page, query = '') {
    await page.clock.install({ time: new Date('2025-06-21T20:00:00') });
    await open(page, '#s-21', query);
    await page.clock.pauseAt(new Date('2025-06-21T20:01:00'));
    await page.mouse.move(600, 300);
  }

  /** Lets the page sit just past the idle wait without input. */
  const sitIdle = (page: Page) => page.clock.fastForward(IDLE_CHROME_MS + 100);

  async function expectHidden(page: Page) {
    await expect(root(page)).toHaveAttribute('data-idle');
    // After the fade (real time, not the page's clock): a condition, not a wait.
    await expect(nav(page)).toHaveCSS('opacity', '0');
    expect(await cursorAt(page, 600, 300)).toBe('none');
  }

  async function expectShown(page: Page) {
    await expect(root(page)).not.toHaveAttribute('data-idle');
    await expect(nav(page)).toHaveCSS('opacity', '1');
    expect(await cursorAt(page, 600, 300)).not.toBe('none');
  }

  test('they fade with the cursor after 3 s without input, and a mouse move brings them back', async ({ page }) => {
    await openStill(page);
    await expectShown(page);
    await page.clock.fastForward(IDLE_CHROME_MS - 200);
    await expect(root(page)).not.toHaveAttribute('data-idle');
    await page.clock.fastForward(300);
    await expectHidden(page);
    // Faded, not gone: a screen reader still finds every control.
    await expect(nav(page).getByRole('button', { name: 'Next' })).toBeAttached();
    await expect(page.getByTestId('where')).toHaveText(/step 21 of/);

    await page.mouse.move(640, 360);
    await expectShown(page);
  });

  test('a faded control still takes a click or a tap: nothing is swallowed, however quick', async ({ page }) => {
    await openStill(page);
    await sitIdle(page);
    await expectHidden(page);
    // Dispatched straight to the button, with no pointer move on the way: the press still counts.
    await nav(page).getByRole('button', { name: 'Next' }).dispatchEvent('click');
    await expectStep(page, 21);
    await page.clock.fastForward(IDLE_CHROME_MS + 100);
    await expectHidden(page);
    await nav(page).getByRole('button', { name: 'Previous' }).click();
    await expectStep(page, 20);
    await expectShown(page);
  });

  test('a clicker’s key turns the step and leaves them hidden; Tab brings them back', async ({ page }) => {
    await openStill(page);
    await sitIdle(page);
    await expectHidden(page);
    for (const key of ['ArrowRight', 'PageDown']) await page.keyboard.press(key);
    await expectStep(page, 22);
    await expectHidden(page);
    // A jump typed on a keypad is a clicker's too; what it says is never faded with the controls.
    await page.keyboard.press('4');
    await expect(page.getByTestId('digits')).toBeVisible();
    await expect(page.getByTestId('digits')).toHaveCSS('opacity', '1');
    await page.keyboard.press('Enter');
    await expectStep(page, 3);
    await expectHidden(page);

    await page.keyboard.press('Tab');
    await expectShown(page);
    // Keyboard focus in the controls keeps them up, however long it stays.
    for (let i = 0; i < 10 && !(await nav(page).evaluate((n) => n.contains(document.activeElement))); i++) {
      await page.keyboard.press('Tab');
    }
    const focused = page.locator(':focus');
    await expect(nav(page).locator(':focus')).toHaveCount(1);
    await page.clock.fastForward(10 * IDLE_CHROME_MS);
    await expectShown(page);
    await expect(focused).toBeInViewport();
  });

  test('they stay while a dialog is open, and fade again once it closes', async ({ page }) => {
    await openStill(page);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keys' });
    await expect(help).toBeVisible();
    await page.clock.fastForward(10 * IDLE_CHROME_MS);
    await expect(root(page)).not.toHaveAttribute('data-idle');

    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await sitIdle(page);
    await expectHidden(page);
  });

  test('with reduced motion they go at once', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openStill(page);
    await sitIdle(page);
    await expect(root(page)).toHaveAttribute('data-idle');
    // No transition to wait for: the first style read after the attribute is already faded.
    expect(await nav(page).evaluate((n) => getComputedStyle(n).opacity)).toBe('0');
  });

  test('the presenter’s view never hides its controls', async ({ page }) => {
    await openStill(page, '?view=presenter');
    await page.clock.fastForward(10 * IDLE_CHROME_MS);
    await expect(root(page)).not.toHaveAttribute('data-idle');
    await expect(page.getByRole('navigation', { name: 'Presentation' })).toHaveCSS('opacity', '1');
    expect(await cursorAt(page, 600, 300)).not.toBe('none');
  });

  test('the status line sits on the screen’s axis, and nothing overlaps at any size', async ({ page }) => {
    const boxes = () =>
      page.evaluate(() => {
        const box = (el: Element) => el.getBoundingClientRect().toJSON() as DOMRect;
        const bar = document.querySelector('nav[aria-label="Presentation"] > *')!;
        const where = document.querySelector('[data-where]')!;
        return {
          parts: [...bar.children].map(box),
          where: box(where),
          cut: where.scrollWidth > where.clientWidth || where.scrollHeight > where.clientHeight,
          overflow: document.documentElement.scrollWidth > innerWidth,
        };
      });
    // The step with the longest scene name: the hardest status line to fit.
    const longest = steps.reduce((best, step) => (step.label.length > steps[best].label.length ? step.index : best), 0);
    const apart = (a: DOMRect, b: DOMRect) =>
      a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;

    for (const [width, height, text] of [
      [1280, 800, '100%'],
      [1280, 800, '200%'],
      [390, 844, '100%'],
      [1024, 768, '100%'],
    ] as const) {
      await page.setViewportSize({ width, height });
      await open(page, `#s-${longest + 1}`);
      // A style property, not a style element: the page's policy allows no inline styles.
      await page.evaluate((size) => (document.documentElement.style.fontSize = size), text);
      await page.evaluate(() => document.fonts.ready);
      const { parts, where, cut, overflow } = await boxes();
      const label = `${width}×${height} at ${text}`;
      expect(Math.abs((where.left + where.right) / 2 - width / 2), label).toBeLessThan(3);
      expect(cut, label).toBe(false);
      expect(overflow, label).toBe(false);
      for (const [i, a] of parts.entries()) {
        for (const b of parts.slice(i + 1)) expect(apart(a, b), label).toBe(true);
        expect(a.left >= 0 && a.right <= width, label).toBe(true);
      }
    }
  });
});

test.describe('presentation accessibility', () => {
  const axe = async (page: Page) => {
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };

  test('has no axe violation in the normal, overview, help and blackout states', async ({ page }) => {
    test.setTimeout(90_000);
    await open(page, '#s-11');
    await axe(page);

    await page.keyboard.press('o');
    await expect(page.getByRole('dialog', { name: 'Overview' })).toBeVisible();
    await axe(page);
    await page.keyboard.press('Escape');

    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keys' })).toBeVisible();
    await axe(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Keys' })).toBeHidden();

    await page.keyboard.press('.');
    const blackout = page.getByTestId('blackout');
    await expect(blackout).toBeVisible();
    await expect(blackout).toBeFocused();
    await axe(page);
    // Its one control appears when Tab reaches it.
    await page.keyboard.press('Tab');
    const back = page.getByRole('button', { name: /Back to the story/ });
    await expect(back).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(blackout).toBeHidden();
    await expect(page.locator('#present-main')).toBeFocused();
  });

  test('the presenter view has no axe violation', async ({ page }) => {
    await open(page, '#s-21', '?view=presenter');
    await expect(page.getByRole('heading', { name: 'Presenter view' })).toBeVisible();
    await axe(page);
  });
});

test.describe('the first paint', () => {
  /**
   * The step the address names is in the static HTML, shown before any script has run, and
   * hydration keeps it exactly where it is: the script's chunks are held back while the
   * page paints, then let through.
   */
  for (const { hash, step } of [
    { hash: '#s-20', step: 20 },
    { hash: '', step: 1 },
  ]) {
    test(`/present${hash} paints step ${step} from the HTML, and nothing moves when the script runs`, async ({
      page,
    }) => {
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.addInitScript(() => {
        const w = window as unknown as { __lcp: string[] };
        w.__lcp = [];
        new PerformanceObserver((list) =>
          list.getEntries().forEach((e) => {
            const el = (e as PerformanceEntry & { element?: Element }).element;
            w.__lcp.push(el?.closest('[data-step]')?.id ?? el?.className ?? '');
          }),
        ).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      // Not 'domcontentloaded': that waits for the deferred scripts, which are held.
      await page.goto(`/present${hash}`, { waitUntil: 'commit' });
      await page.locator(`#s-${step}`).waitFor();
      await page.evaluate(() => document.fonts.ready);
      const visibleSteps = () =>
        page
          .locator('[data-steps] > section')
          .evaluateAll((els) =>
            els.filter((el) => el.checkVisibility({ visibilityProperty: true })).map((el) => el.id),
          );
      const box = () => page.locator(`#s-${step}`).boundingBox();

      expect(await page.locator('[data-steps]').getAttribute('data-ready')).toBeNull();
      expect(await visibleSteps()).toEqual([`s-${step}`]);
      const before = await box();
      expect(await page.evaluate(() => scrollY)).toBe(0);
      // The largest paint is the step's own text, not the scene label or the step number.
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __lcp: string[] }).__lcp.at(-1)))
        .toBe(`s-${step}`);
      // The label would say the first step's number until the script runs: hidden rather than wrong.
      const where = page.getByTestId('where');
      if (step > 1) await expect(where).toHaveCSS('visibility', 'hidden');
      else await expect(where).toContainText('step 1 of');

      release();
      await expect(page.locator('[data-steps]')).toHaveAttribute('data-ready', '');
      await expect(where).toContainText(`step ${step} of`);
      await expect(where).toHaveCSS('visibility', 'visible');
      expect(await visibleSteps()).toEqual([`s-${step}`]);
      expect(await box()).toEqual(before);
      await expect(shown(page)).not.toHaveAttribute('data-transition');
      expect(await page.evaluate(() => scrollY)).toBe(0);
    });
  }
});
