import AxeBuilder from '@axe-core/playwright';
import { moods, moodChannels, type Mood } from '../scenes/moods';
import { moodAt } from '../lib/story/mood';
import type { Page } from '@playwright/test';
import { arc, expect, expectScene, freshPage, lightReady, moodOf, placeOf, story, test } from './fixtures';
import { atRest, steady } from './rest';

const distance = (a: Mood, b: Mood) => Math.max(...moodChannels.map((c) => Math.abs(a[c] - b[c])));

test.describe('scrolling the story', () => {
  test('every scene becomes active in order and the light is the mood of the place', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('/');
    await lightReady(page);
    const seen: string[] = [];
    const height = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    const step = 400;
    for (let y = 0; y <= height + step; y += step) {
      // One round trip per step: scroll, let two frames pass, read the place and the light.
      const { place, mood } = await page.evaluate(async (top) => {
        window.scrollTo(0, top);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const story = window.__story!;
        // A jump of 400 px may change the light enough to cross-fade (no flash): read it once it has arrived.
        while (story.fading) await new Promise((r) => requestAnimationFrame(r));
        return { place: story.place!, mood: story.mood! };
      }, y);
      if (seen.at(-1) !== place.scene) seen.push(place.scene);
      // The light at any scroll offset is the pure mood of the position the page reports.
      const beat = arc.beats[place.beat];
      const expected = moodAt(arc, { scene: beat.scene, beat: beat.beat, progress: place.progress });
      expect(distance(mood, expected), `mood at ${y}px (${place.scene})`).toBeLessThan(0.01);
    }
    expect(seen).toEqual(arc.sceneIds);
  });

  test('a scene link lands on the scene with its own light, and the scene name shows', async ({ page }) => {
    for (const id of ['three-in-the-morning', 'the-blinking-light', 'after-three', 'morning']) {
      await page.goto(`/#${id}`);
      await expectScene(page, id);
      const s = arc.sceneIds.indexOf(id);
      const key = arc.beats[arc.sceneStarts[s]].mood ?? arc.sceneMoods[s];
      // The light follows in the frame after the place is set.
      await expect.poll(async () => distance(await moodOf(page), moods[key])).toBeLessThan(0.02);
      await expect(page.getByTestId('scene-name')).toContainText(arc.sceneNames[s]);
      await expect(page.locator(`#${id}-title`)).toBeInViewport();
    }
  });

  test('a deep link shows the same light as scrolling to the same place', async ({ page, browser }) => {
    await page.goto('/#after-three');
    await lightReady(page);
    const linked = await moodOf(page);
    const y = await page.evaluate(() => window.scrollY);
    const other = await freshPage(browser);
    await other.goto('/');
    await lightReady(other);
    // Scroll there through everything before it, as a reader would, then stop exactly there.
    for (let top = 0; top < y; top += 1500) {
      await other.evaluate((t) => window.scrollTo(0, t), top);
      await other.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    await other.evaluate((top) => window.scrollTo(0, top), y);
    await expect.poll(async () => distance(await moodOf(other), linked)).toBeLessThan(0.005);
    const [here, there] = [await placeOf(other), await placeOf(page)];
    expect(here.beat).toBe(there.beat);
    expect(here.progress).toBeCloseTo(there.progress, 2);
    await other.context().close();
  });

  test('an unknown deep link starts at the beginning with a notice', async ({ page }) => {
    await page.goto('/#chapter-twelve');
    await expect(page.getByRole('status')).toContainText('not a place in the story');
    await expectScene(page, 'note');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page).toHaveURL(/\/$/);
  });

  test('the scene menu is keyboard accessible and jumps to a scene', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the story' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Read as text' })).toBeFocused();
    const menuButton = page.getByRole('button', { name: 'Scenes' });
    await menuButton.focus();
    await page.keyboard.press('Enter');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    const menu = page.getByRole('navigation', { name: 'Scenes' });
    await expect(menu).toBeVisible();
    await menu.getByRole('link', { name: 'The call' }).focus();
    await page.keyboard.press('Enter');
    await expectScene(page, 'the-call');
    const heading = page.locator('#the-call-title');
    await expect(heading).toBeFocused();
    // Fixed chrome never hides what has focus.
    const chromeBottom = await page.locator('[data-chrome]').evaluate((el) => el.getBoundingClientRect().bottom);
    const headingTop = await heading.evaluate((el) => el.getBoundingClientRect().top);
    expect(headingTop).toBeGreaterThan(chromeBottom);
    await expect(page).toHaveURL(/#the-call$/);
    // Escape closes the menu and gives focus back to its button.
    await menuButton.click();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(menuButton).toBeFocused();
  });

  test('progress and the Present link follow the reader', async ({ page }) => {
    await page.goto('/#waiting-for-him');
    await expectScene(page, 'waiting-for-him');
    const scale = await page
      .locator('[data-chrome] [data-progress] > div')
      .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    const s = arc.sceneIds.indexOf('waiting-for-him');
    expect(scale).toBeCloseTo(arc.sceneStarts[s] / arc.beats.length, 2);
    await expect(page.getByRole('link', { name: 'Present', exact: true })).toHaveAttribute(
      'href',
      // The title slide is step 1: a beat's step is one after its index.
      `/present#s-${arc.sceneStarts[s] + 2}`,
    );
  });

  test('offers to continue where the reader left off, and can be dismissed', async ({ page }) => {
    await page.goto('/#after-three');
    await expectScene(page, 'after-three');
    // Remembered (once the page is idle, as the offer's code arrives).
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('come-home:place') ?? 'null')?.scene))
      .toBe('after-three');
    await page.goto('/');
    const offer = page.getByTestId('resume');
    await expect(offer).toContainText('After three');
    await offer.getByRole('button', { name: 'Continue' }).click();
    await expectScene(page, 'after-three');
    await page.goto('/');
    await page.getByTestId('resume').getByRole('button', { name: 'Start from the beginning' }).click();
    await expect(page.getByTestId('resume')).toHaveCount(0);
    await page.reload();
    // Once the notices' code has arrived and the page is still, an offer would be on screen.
    await page.waitForLoadState('networkidle');
    await atRest(page);
    await expect(page.getByTestId('resume')).toHaveCount(0);
  });

  test('resizing and turning the phone keep the reader on the same beat', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const beatId = arc.beats[arc.sceneStarts[arc.sceneIds.indexOf('the-call')] + 12].id;
    await page.goto(`/#${beatId}`);
    await expectScene(page, 'the-call');
    const before = await placeOf(page);
    for (const size of [
      { width: 800, height: 900 },
      { width: 360, height: 740 },
      { width: 740, height: 360 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await expect
        .poll(async () => (await placeOf(page)).beat, { message: `${size.width}x${size.height}` })
        .toBe(before.beat);
    }
  });

  test('a phone: no horizontal overflow, and the address bar does not move anything', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/#the-call');
    await expectScene(page, 'the-call');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    const place = await placeOf(page);
    // The bar taking 60px: the reader stays on the same beat at the same point of it.
    // (Emulation shrinks the small viewport too, so the layout may move; a phone's does not.)
    await page.setViewportSize({ width: 360, height: 680 });
    const after = await steady(() => placeOf(page));
    expect(after.beat).toBe(place.beat);
    expect(Math.abs(after.progress - place.progress)).toBeLessThan(0.05);
  });

  test('the whole story is on the page, in order', async ({ page }) => {
    await page.goto('/');
    const paragraphs = await page.locator('[data-paragraph]').count();
    expect(paragraphs).toBe(story.scenes.reduce((n, s) => n + s.beats.reduce((m, b) => m + b.paragraphs.length, 0), 0));
  });
});

test.describe('the ending', () => {
  test('a closing card ends the story, linked as #the-end: title, author, the ways on, and Read again', async ({
    page,
  }) => {
    await page.goto('/#the-end');
    const card = page.locator('#the-end');
    await expect(card).toHaveAccessibleName(`The end of ${story.title}`);
    await expect(card).toBeInViewport();
    await expectScene(page, arc.sceneIds.at(-1)!);
    // A known place: no notice that the link pointed nowhere.
    await atRest(page);
    await expect(page.getByText('not a place in the story')).toHaveCount(0);
    await expect(card).toContainText(`by ${story.author}`);
    const ways = card.getByRole('navigation', { name: 'After the story' });
    await expect(ways.getByRole('link')).toHaveText([
      'Read again',
      'The text edition',
      'The ebook (epub)',
      'The presentation',
    ]);
    await expect(ways.getByRole('link', { name: 'The ebook' })).toHaveAttribute('href', '/come-home.epub');
    // The story's own last line, in en dashes rather than the typewriter's hyphens.
    await expect(page.locator('#fin [data-paragraph]')).toHaveText('\u2013Fin\u2013');
    await ways.getByRole('link', { name: 'Read again' }).click();
    await expectScene(page, 'note');
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
  });
});

test.describe('the bar', () => {
  const bar = (page: Page) => page.locator('[data-chrome]');
  /** The bar's bottom edge on screen: at or above 0 when it has stepped aside. */
  const barBottom = (page: Page) => bar(page).evaluate((el) => el.getBoundingClientRect().bottom);

  test('steps aside while the reader reads down, and comes back on the way up, with focus and at the top', async ({
    page,
  }) => {
    // No slide: where the bar is does not wait on a transition.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/#the-call');
    await expectScene(page, 'the-call');
    // A link's jump down the page is not the reader reading on.
    await expect(bar(page)).not.toHaveAttribute('data-receded');
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, 500);
    await expect(bar(page)).toHaveAttribute('data-receded', '');
    await expect.poll(() => barBottom(page)).toBeLessThanOrEqual(0);
    await page.mouse.wheel(0, -120);
    await expect(bar(page)).not.toHaveAttribute('data-receded');
    await expect.poll(() => barBottom(page)).toBeGreaterThan(30);

    await page.mouse.wheel(0, 500);
    await expect(bar(page)).toHaveAttribute('data-receded', '');
    // Focus arriving in it brings it back, and it stays while focus is there.
    await page.getByRole('link', { name: 'Read as text' }).focus();
    await expect(bar(page)).not.toHaveAttribute('data-receded');
    await page.mouse.wheel(0, 500);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
    await expect(bar(page)).not.toHaveAttribute('data-receded');

    await page.locator('body').click({ position: { x: 5, y: 700 } });
    await page.mouse.wheel(0, 500);
    await expect(bar(page)).toHaveAttribute('data-receded', '');
    await page.keyboard.press('Home');
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
    await expect(bar(page)).not.toHaveAttribute('data-receded');
  });

  test('sets the place on the axis of the reading column', async ({ page }) => {
    await page.goto('/#the-call');
    await expectScene(page, 'the-call');
    const { label, column } = await page.evaluate(() => {
      const centre = (el: Element) => {
        const box = el.getBoundingClientRect();
        return (box.left + box.right) / 2;
      };
      const text = document.querySelector('[data-testid="scene-name"]')!;
      // The words' own box, not the cell they are centred in.
      const range = document.createRange();
      range.selectNodeContents(text);
      const words = range.getBoundingClientRect();
      return { label: (words.left + words.right) / 2, column: centre(document.querySelector('#story')!) };
    });
    expect(Math.abs(label - column)).toBeLessThan(2);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 360, height: 780 } });

    test('is one row, with the motion switch in the scene menu', async ({ page }) => {
      await page.goto('/#the-call');
      await expectScene(page, 'the-call');
      const rows = await page.evaluate(() => {
        const items = [
          ...document.querySelectorAll('[data-chrome] a, [data-chrome] button, [data-testid="scene-name"]'),
        ]
          .map((el) => el.getBoundingClientRect())
          .filter((box) => box.width > 0 && box.top < 100);
        return new Set(items.map((box) => Math.round((box.top + box.bottom) / 2))).size;
      });
      expect(rows).toBe(1);
      expect(await barBottom(page)).toBeLessThan(60);
      await expect(page.getByTestId('scene-name')).toBeVisible();
      await page.getByRole('button', { name: 'Scenes' }).click();
      const toggle = page.getByRole('button', { name: 'Reduce motion' });
      await expect(toggle).toBeVisible();
      await toggle.click();
      await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduce');
    });
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    test(`the offer to continue sits in the bar and covers no text (${viewport.width}px)`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto('/');
      await page.evaluate(() =>
        localStorage.setItem('come-home:place', JSON.stringify({ scene: 'after-three', beat: 2, progress: 0.2 })),
      );
      await page.reload();
      const offer = page.getByTestId('resume');
      await expect(offer).toBeVisible();
      const covered = await offer.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return [...document.querySelectorAll('#story p, #story h1, #story h2')]
          .filter((text) => {
            const t = text.getBoundingClientRect();
            return t.height > 0 && t.top < box.bottom && t.bottom > box.top && t.left < box.right && t.right > box.left;
          })
          .map((text) => text.textContent);
      });
      expect(covered).toEqual([]);
      await expect(offer.getByRole('button', { name: 'Continue' })).toBeVisible();
    });
  }
});

test.describe('accessibility of the scroll page', () => {
  for (const place of ['', '#the-call', '#after-three', '#morning', '#fin']) {
    test(`axe finds nothing at /${place}`, async ({ page }) => {
      await page.goto(`/${place}`);
      await lightReady(page);
      // Let scrubbed animations settle at the reading position.
      await atRest(page);
      const results = await new AxeBuilder({ page }).analyze();
      const found = results.violations.map(
        (v) =>
          `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(' ')}: ${v.nodes[0].failureSummary?.slice(0, 240)}`,
      );
      expect(found).toEqual([]);
    });
  }
});

test.describe('the tape', () => {
  /** Scrolls the voicemail to where its tape has played `progress` of the way (lib/story/reveal.ts: TAPE_START, TAPE_END). */
  const playTo = (page: Page, progress: number) =>
    page.locator('[data-anim="tape"]').evaluate((tape, p) => {
      const box = tape.getBoundingClientRect();
      window.scrollBy(0, box.top - (innerHeight * 0.8 - p * (box.height + innerHeight * 0.35)));
    }, progress);

  /** Each word of the tape's lit copy, with how unlit it is (0 lit, 1 not yet), and the reels' transforms. */
  const tapeState = (page: Page) =>
    page.locator('[data-anim="tape"]').evaluate((tape) => ({
      unlit: [...tape.querySelectorAll<HTMLElement>('[data-anim="tape-word"]')].map(
        (w) => Number(getComputedStyle(w).getPropertyValue('--unlit')) || 0,
      ),
      reels: [...tape.querySelectorAll('[data-anim="reel"]')].map((r) => getComputedStyle(r).transform),
    }));

  test('plays as the reader scrolls, a lit word differing from an unlit one in colour only, never in weight', async ({
    page,
  }) => {
    await page.goto('/#the-blinking-light');
    await lightReady(page);
    await playTo(page, 0.5);
    await expect
      .poll(async () => {
        const { unlit } = await tapeState(page);
        return unlit.some((u) => u < 0.05) && unlit.some((u) => u > 0.95);
      }, 'half the message lit')
      .toBe(true);
    const { reels } = await tapeState(page);
    expect(reels, 'the reels have turned').toHaveLength(2);
    for (const reel of reels) expect(reel).not.toBe('none');

    const looks = await page.locator('[data-anim="tape"]').evaluate((tape) => {
      const words = [...tape.querySelectorAll<HTMLElement>('[data-anim="tape-word"]')];
      const unlit = (w: HTMLElement) => Number(getComputedStyle(w).getPropertyValue('--unlit')) || 0;
      const look = (w: HTMLElement) => {
        const s = getComputedStyle(w);
        return {
          color: s.color,
          shape: {
            fontFamily: s.fontFamily,
            fontWeight: s.fontWeight,
            fontStyle: s.fontStyle,
            fontVariationSettings: s.fontVariationSettings,
            fontSynthesis: s.fontSynthesis,
            letterSpacing: s.letterSpacing,
            textShadow: s.textShadow,
            textStroke: s.getPropertyValue('-webkit-text-stroke-width'),
            filter: s.filter,
          },
        };
      };
      const under = getComputedStyle(tape.querySelector('[data-paragraph="voicemail"]')!);
      return {
        lit: look(words.find((w) => unlit(w) < 0.05)!),
        unlit: look(words.find((w) => unlit(w) > 0.95)!),
        // The real sentence beneath the lit copy: were it painted, each lit word would be two
        // glyphs stacked, and stacked antialiasing looks bolder.
        under: { color: under.color, textShadow: under.textShadow, fontWeight: under.fontWeight },
      };
    });
    expect(looks.lit.color, 'lit and unlit words are told apart by colour').not.toBe(looks.unlit.color);
    expect(looks.lit.shape).toEqual(looks.unlit.shape);
    expect(looks.lit.shape.textShadow).toBe('none');
    expect(looks.lit.shape.textStroke).toBe('0px');
    expect(looks.under).toEqual({
      color: 'rgba(0, 0, 0, 0)',
      textShadow: 'none',
      fontWeight: looks.lit.shape.fontWeight,
    });
  });

  test('with reduced motion, rests: the reels still and the whole message in the full ink', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/#the-blinking-light');
    await lightReady(page);
    await playTo(page, 0.5);
    // Two frames: the one that would have played the tape to the new position has run.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const { unlit, reels } = await tapeState(page);
    expect(unlit.every((u) => u === 0)).toBe(true);
    expect(reels).toEqual(['none', 'none']);
  });
});
