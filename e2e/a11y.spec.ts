import type { Page } from '@playwright/test';
import { arc, expect, expectScene, story, test } from './fixtures';
import { SETTLE_MS } from '../lib/present/announcement';
import { atRest } from './rest';
import { stepCount } from '../lib/story/position';
import { manuscriptParagraphs, normalisePunctuation } from './manuscript';
import { accessibleNames, heardItems, injectScreenReader, readAloud, readWholePage, squash } from './screenReader';
import type { MoodKey } from '../scenes/moods';

const beats = story.scenes.flatMap((s) => s.beats);
const manuscript = manuscriptParagraphs();
const isLight = (item: string) => item.startsWith('The light:');
const voicemail = beats.flatMap((b) => b.paragraphs).find((p) => p.kind === 'voicemail')!.text;
/** Words the story itself writes in capitals (none of three letters or more today). */
const storyCapitals = new Set(manuscript.join(' ').match(/\b[A-Z]{3,}\b/g) ?? []);

/** Where each paragraph of the manuscript is heard: one index per paragraph, -1 if never. */
function expectEveryParagraphOnceInOrder(items: string[]) {
  const heard = items.map((i) => squash(normalisePunctuation(i)));
  let last = -1;
  manuscript.forEach((paragraph, n) => {
    const want = squash(paragraph);
    const at = heard.indexOf(want);
    expect(at, `paragraph ${n + 1} heard: ${paragraph.slice(0, 50)}`).toBeGreaterThan(last);
    expect(heard.lastIndexOf(want), `paragraph ${n + 1} heard once`).toBe(at);
    last = at;
  });
}

/**
 * The light's changes inside scenes, and words that tell them. A light line that says
 * any of these words must not be heard before the beat that brings the change: after the
 * last paragraph before it. And the change is told right before that beat's first words.
 */
const changes: { mood: MoodKey; words: RegExp }[] = [
  { mood: 'message', words: /message|tape/i },
  { mood: 'line-opens', words: /line opens/i },
  { mood: 'song-swell', words: /song|swell/i },
  { mood: 'come-home', words: /come home|brighten/i },
  { mood: 'headlights', words: /headlights|keys|door/i },
  { mood: 'dawn-gold', words: /gold|kiss|fills the room/i },
];

function expectLightWhereItChanges(items: string[]) {
  const heard = items.map((i) => squash(normalisePunctuation(i)));
  const indexOf = (text: string) => heard.indexOf(squash(normalisePunctuation(text)));
  for (const { mood, words } of changes) {
    for (const beat of beats.filter((b) => b.mood === mood)) {
      const before = beats[beat.index - 1].paragraphs.at(-1)!.text;
      const first = indexOf(beat.paragraphs[0].text);
      expect(first, `${beat.id} is heard`).toBeGreaterThan(0);
      // Right before the beat's first words (and the figure or quotation that holds them): its own light line.
      let told = first - 1;
      while (told > 0 && /^(figure|blockquote)\b/.test(items[told])) told -= 1;
      expect(isLight(items[told]), `the light is told right before ${beat.id}`).toBe(true);
      const lastBefore = indexOf(before);
      items.forEach((item, i) => {
        if (isLight(item) && words.test(item))
          expect(i, `"${item}" is heard before the beat it tells (${beat.id})`).toBeGreaterThan(lastBefore);
      });
    }
  }
}

function expectNoNoise(log: string[]) {
  for (const phrase of log) {
    expect(phrase, 'no graphics or empty groups are announced').not.toMatch(/^(canvas|img|image|graphic|group)\b/);
  }
  // The voicemail is one phrase, not a word at a time.
  expect(log.map(normalisePunctuation)).toContain(normalisePunctuation(voicemail));
  // "Fin" is said once: the closing line is its own title.
  expect(log.filter((p) => /\bFin\b/.test(p))).toEqual(['\u2013Fin\u2013']);
}

async function expectNoCapitals(page: Page) {
  const shouted = (await accessibleNames(page))
    .flatMap((name) => name.match(/\b[A-Z]{3,}\b/g) ?? [])
    .filter((word) => !storyCapitals.has(word));
  expect(shouted, 'words the story does not write in capitals').toEqual([]);
}

test.describe('heard with a screen reader', () => {
  // The virtual screen reader is injected as an inline script, which the site's policy forbids.
  test.use({ bypassCSP: true });

  for (const route of ['/', '/read']) {
    test(`${route}: every paragraph once and in order, the light where it changes, no noise`, async ({ page }) => {
      await page.goto(route);
      await page.waitForLoadState('networkidle');
      await atRest(page);
      const log = await readWholePage(page);
      const items = heardItems(log);
      expectEveryParagraphOnceInOrder(items);
      expectLightWhereItChanges(items);
      expectNoNoise(log);
      await expectNoCapitals(page);
    });
  }

  test('/present: a walk of every step hears the story once, in order, with its light', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/present');
    await expect(page.locator('[data-presentation][data-step="0"]')).toBeAttached();
    await expectNoCapitals(page);
    await injectScreenReader(page);
    const items: string[] = [];
    const total = stepCount(arc);
    for (let step = 0; step < total; step++) {
      if (step > 0) await page.keyboard.press('ArrowRight');
      await expect(page.locator('[data-presentation]')).toHaveAttribute('data-step', String(step));
      // The step as a screen reader reads it on the page (its announcement is tested by listening, below).
      const said = await readAloud(page, page.locator('[data-steps] > section:not([hidden])'), 120);
      items.push(...heardItems(said));
    }
    // The title slide opens the walk, and the closing card, with its ways on, ends it.
    const heardText = normalisePunctuation(items.join(' '));
    expect(heardText.indexOf(story.title)).toBeGreaterThanOrEqual(0);
    expect(heardText.indexOf(story.title)).toBeLessThan(heardText.indexOf(manuscript[0]));
    expect(heardText.lastIndexOf('Read again')).toBeGreaterThan(heardText.lastIndexOf(manuscript.at(-1)!));
    expectEveryParagraphOnceInOrder(items);
    expectLightWhereItChanges(items);
  });
});

test.describe('heard with a screen reader listening to /present', () => {
  test.use({ bypassCSP: true });
  const total = stepCount(arc);

  /** Starts the virtual screen reader on the page's main region: from here its log holds what the live regions say. */
  async function listen(page: Page) {
    await injectScreenReader(page);
    await page.evaluate(async () => {
      const virtual = (
        window as unknown as { __virtualScreenReader: { start(o: { container: Element }): Promise<void> } }
      ).__virtualScreenReader;
      await virtual.start({ container: document.querySelector('main')! });
    });
  }
  const spoken = (page: Page) =>
    page.evaluate(async () => {
      const virtual = (window as unknown as { __virtualScreenReader: { spokenPhraseLog(): Promise<string[]> } })
        .__virtualScreenReader;
      return (await virtual.spokenPhraseLog()).filter((phrase) => /^(polite|assertive):/.test(phrase));
    });

  test('paging four times quickly announces only the step it stops on, once, with its number once', async ({
    page,
  }) => {
    // The page's clock stands still while the keys are pressed, so "quickly" does not depend on the machine's speed.
    await page.clock.pauseAt(new Date('2026-06-21T20:00:00'));
    await page.goto('/present#s-10');
    await expect(page.locator('[data-presentation][data-step="9"]')).toBeAttached();
    await listen(page);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(page.locator('[data-presentation]')).toHaveAttribute('data-step', '13');
    // Nothing is said while the reader is still moving.
    expect(await spoken(page)).toEqual([]);
    await page.clock.runFor(SETTLE_MS + 100);
    await expect(page.locator('[data-live]').getByTestId('announcement')).toBeAttached();
    await expect.poll(() => spoken(page)).toHaveLength(1);
    const [said] = await spoken(page);
    expect(said.startsWith(`polite: Step 14 of ${total}.`), said).toBe(true);
    expect(said.match(/\bStep \d+ of \d+/g), 'the step number is said once').toHaveLength(1);
    for (const p of beats[12].paragraphs) {
      const text = squash(normalisePunctuation(p.text));
      const heard = squash(normalisePunctuation(said));
      expect(heard.indexOf(text), p.text.slice(0, 40)).toBeGreaterThan(-1);
      expect(heard.indexOf(text), 'the text is said once').toBe(heard.lastIndexOf(text));
    }

    // A step arrived at slowly is announced too, and a return to it after a quick detour is not news.
    await page.keyboard.press('ArrowRight');
    await page.clock.runFor(SETTLE_MS + 100);
    await expect.poll(() => spoken(page)).toHaveLength(2);
    expect((await spoken(page))[1].startsWith(`polite: Step 15 of ${total}.`)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('[data-presentation]')).toHaveAttribute('data-step', '14');
    await page.clock.runFor(SETTLE_MS + 100);
    await page.keyboard.press('End');
    await page.clock.runFor(SETTLE_MS + 100);
    await expect.poll(() => spoken(page)).toHaveLength(3);
    expect((await spoken(page))[2].startsWith(`polite: Step ${total} of ${total}.`)).toBe(true);
  });
});

test.describe('arriving by a link puts focus on the place', () => {
  async function expectFocusBelowBar(page: Page, id: string) {
    await expect(page.locator(`[id="${id}"]`)).toBeFocused();
    const barBottom = await page.locator('[data-chrome]').evaluate((el) => el.getBoundingClientRect().bottom);
    const top = await page.locator(`[id="${id}"]`).evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(barBottom);
  }

  test('a scene link focuses its heading', async ({ page }) => {
    await page.goto('/#the-call');
    await expectFocusBelowBar(page, 'the-call-title');
  });

  test('a beat link focuses the beat', async ({ page }) => {
    const beat = beats[arc.sceneStarts[arc.sceneIds.indexOf('the-call')] + 12];
    await page.goto(`/#${beat.id}`);
    await expectFocusBelowBar(page, beat.id);
  });

  test('Exit from the presentation focuses the step it left', async ({ page }) => {
    // Step 21 is beat 19 (the title slide comes first), inside its scene: the beat itself takes focus.
    await page.goto('/present#s-21');
    await expect(page.locator('[data-presentation][data-step="20"]')).toBeAttached();
    const exit = page.getByRole('link', { name: 'Exit to the scrolling story, at this step' });
    for (let i = 0; i < 30 && !(await exit.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(exit).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/#${beats[19].id}$`));
    await expectFocusBelowBar(page, beats[19].id);
  });

  test('Continue where you left off focuses the place', async ({ page }) => {
    await page.goto('/#after-three');
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('come-home:place') ?? 'null')?.scene))
      .toBe('after-three');
    await page.goto('/');
    await page.getByTestId('resume').getByRole('button', { name: 'Continue' }).click();
    await expectScene(page, 'after-three');
    // The saved place: the scene's heading, or the beat the reader had reached in it. Focus
    // follows the scroll there, which may land a frame after the scene is set.
    const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
    await expect.poll(activeId).toMatch(/^after-three(-title|-\d+)$/);
    const focused = await activeId();
    await expectFocusBelowBar(page, focused);
  });
});

test.describe('the scene menu by keyboard', () => {
  test('opens on the current scene and closes when focus leaves it', async ({ page }) => {
    await page.goto('/#after-three');
    await expectScene(page, 'after-three');
    const button = page.getByRole('button', { name: 'Scenes' });
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('navigation', { name: 'Scenes' });
    await expect(menu.getByRole('link', { name: 'After three' })).toBeFocused();
    await expect(menu.getByRole('link', { name: 'After three' })).toHaveAttribute('aria-current', 'true');
    // Tab past the last scene: focus leaves the menu, and the menu closes.
    await page.keyboard.press('Tab');
    await expect(menu.getByRole('link', { name: 'Morning', exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(menu).toBeHidden();
    // Shift+Tab out of it backwards closes it too.
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toBeVisible();
    await menu.getByRole('link', { name: 'Title' }).focus();
    await page.keyboard.press('Shift+Tab');
    await expect(menu).toBeHidden();
  });
});

test.describe('the tape', () => {
  test('its visible words are the words read, in a named figure, copied once', async ({ page }) => {
    await page.goto('/#the-blinking-light');
    const figure = page.getByRole('figure', { name: 'Voicemail' });
    await expect(figure).toBeVisible();
    const words = figure.locator('[data-paragraph="voicemail"]');
    const box = (await words.boundingBox())!;
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(10);
    const copied = await figure.locator('p').evaluate((p) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    });
    expect(normalisePunctuation(copied).trim()).toBe(normalisePunctuation(voicemail));
  });
});

test.describe('dialogs by keyboard', () => {
  test('Help has no banner, a visible focus on every stop, and closes with Escape', async ({ page }) => {
    await page.goto('/present#s-3');
    await expect(page.locator('[data-presentation][data-step="2"]')).toBeAttached();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keys' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('banner')).toHaveCount(0);
    await expect(dialog).toContainText('browse');
    // Every stop of the Tab key inside the dialog (the scrolling panel itself among them) shows focus.
    const stops: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        if (!el.closest('dialog')) return null;
        const style = getComputedStyle(el);
        return {
          name: el.tagName + (el.textContent ?? '').slice(0, 20),
          style: style.outlineStyle,
          width: parseFloat(style.outlineWidth),
        };
      });
      if (!stop) continue;
      stops.push(stop.name);
      expect(stop.style, `${stop.name} shows focus`).not.toBe('none');
      expect(stop.width).toBeGreaterThan(0);
    }
    expect(stops.length).toBeGreaterThan(2);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('Overview has no banner and jumps to a step by keyboard', async ({ page }) => {
    await page.goto('/present#s-3');
    await expect(page.locator('[data-presentation][data-step="2"]')).toBeAttached();
    await page.keyboard.press('o');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('banner')).toHaveCount(0);
    // Focus starts on the current step; the arrows move through the steps and Enter jumps.
    await expect(dialog.locator('[aria-current="step"]')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.locator('[data-presentation]')).toHaveAttribute('data-step', '4');
    // And Escape closes it without moving.
    await page.keyboard.press('o');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.locator('[data-presentation]')).toHaveAttribute('data-step', '4');
  });
});

test.describe('presentation announcements', () => {
  // The step of the tape's beat: one after its beat's index, the title slide being the first.
  const messageStep = beats.find((b) => b.mood === 'message')!.index + 1;
  const total = stepCount(arc);

  for (const query of ['', '?view=presenter']) {
    test(`${query || 'the audience view'}: a step arrived at is announced with its number, then its light`, async ({
      page,
    }) => {
      await page.goto(`/present${query}#s-${messageStep}`);
      await expect(page.locator('[data-presentation][data-step]')).toBeAttached();
      await page.keyboard.press('ArrowRight');
      const said = page.locator('[data-live]').getByTestId('announcement');
      await expect(said).toHaveText(new RegExp(`^Step ${messageStep + 1} of ${total}\\. .*The light: The tape clicks`));
    });
  }

  test('every digit typed is announced with the whole number so far', async ({ page }) => {
    await page.goto('/present#s-3');
    await expect(page.locator('[data-presentation][data-step="2"]')).toBeAttached();
    await page.locator('[data-live]').evaluate((live) => {
      const added: string[] = [];
      (window as unknown as { added: string[] }).added = added;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) added.push(n.textContent ?? '');
      }).observe(live, { childList: true, subtree: true });
    });
    await page.keyboard.press('2');
    await page.keyboard.press('1');
    await expect(page.getByTestId('digits')).toContainText('21');
    const added = await page.evaluate(() => (window as unknown as { added: string[] }).added);
    expect(added.some((t) => t.includes('Go to step 2,'))).toBe(true);
    expect(added.some((t) => t.includes('Go to step 21,'))).toBe(true);
  });
});
