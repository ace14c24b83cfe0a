import { arc, expect, expectScene, lightReady, placeOf, story, test } from './fixtures';
import { expectWholeManuscript } from './manuscript';
import { atRest, steady } from './rest';
import type { Page } from '@playwright/test';

/** What a reader, a host or an author may do that must not break the story. */

test.describe('any address', () => {
  for (const hash of ['#50%', '#%', '#%zz', '#%E0%A4%A', '#the-call%']) {
    test(`/${hash} keeps the whole story on screen, with the unknown-link notice`, async ({ page }) => {
      await page.goto(`/${hash}`);
      await expect(page.getByRole('status')).toContainText('not a place in the story');
      await expectScene(page, 'note');
      await expectWholeManuscript(page);
      await expect(page.locator('[data-paragraph]').first()).toBeVisible();
      // Reloading is no worse.
      await page.reload();
      await expectScene(page, 'note');
      await expectWholeManuscript(page);
    });
  }

  test('a hash typed into the address of an open page is followed the same way', async ({ page }) => {
    await page.goto('/');
    await expectScene(page, 'note');
    await page.evaluate(() => (location.hash = '#50%'));
    await expect(page.getByRole('status')).toContainText('“50%”');
    await expectWholeManuscript(page);
  });
});

const SAVED = 'come-home:place';
const saved = (page: Page) =>
  page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? 'null') as { scene: string; beat: number } | null,
    SAVED,
  );

test.describe('resume and links', () => {
  test('a visit through a link is not offered to resume, and saves as it reads', async ({ page }) => {
    // A place stored by an earlier visit, further on than the link.
    await page.goto('/#after-three');
    await expectScene(page, 'after-three');
    await expect.poll(async () => (await saved(page))?.scene).toBe('after-three');

    await page.goto('/#the-call');
    await expectScene(page, 'the-call');
    // Once the notices' code has arrived and the page is still, an offer would be on screen.
    await page.waitForLoadState('networkidle');
    await atRest(page);
    await expect(page.getByTestId('resume')).toHaveCount(0);
    // Reading on from the link is remembered.
    await expect.poll(async () => (await saved(page))?.scene).toBe('the-call');
    const callStart = arc.sceneStarts[arc.sceneIds.indexOf('the-call')];
    const target = arc.beats[callStart + 6].id;
    await page.locator(`#${target}`).evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top));
    await expect.poll(async () => (await placeOf(page)).beat).toBeGreaterThanOrEqual(callStart + 5);
    // Saved as it reads: the place saved moves on to where the reader is.
    await expect.poll(async () => (await saved(page))?.beat ?? -1).toBeGreaterThanOrEqual(5);
    await expect.poll(async () => (await saved(page))?.scene).toBe('the-call');

    // A plain visit later offers the place the link led to.
    await page.goto('/');
    await expect(page.getByTestId('resume')).toContainText('The call');
  });

  test('the scene menu answers the offer to resume', async ({ page }) => {
    await page.goto('/#after-three');
    await expect.poll(async () => (await saved(page))?.scene).toBe('after-three');
    await page.goto('/');
    await expect(page.getByTestId('resume')).toBeVisible();
    await page.getByRole('button', { name: 'Scenes' }).click();
    await page.getByRole('navigation', { name: 'Scenes' }).getByRole('link', { name: 'The call' }).click();
    await expectScene(page, 'the-call');
    await expect(page.getByTestId('resume')).toHaveCount(0);
  });
});

test.describe('resize storms', () => {
  const sizes = [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
    { width: 740, height: 360 },
    { width: 1024, height: 768 },
    { width: 390, height: 844 },
    { width: 1920, height: 1080 },
    { width: 800, height: 600 },
    { width: 600, height: 1000 },
  ];

  for (const fraction of [0.2, 0.6]) {
    test(`five resize storms keep the reader ${fraction * 100}% into the same beat`, async ({ page }) => {
      test.setTimeout(150_000);
      const original = { width: 1280, height: 800 };
      await page.setViewportSize(original);
      const beat = 30;
      await page.goto(`/#${arc.beats[beat].id}`);
      await expect.poll(async () => (await placeOf(page)).beat).toBe(beat);
      await steady(() => placeOf(page));
      // Into the beat by a share of its height (its box runs to the next beat's start).
      await page.evaluate(
        ([i, f]) => {
          const top = (n: number) => document.querySelector(`[data-beat-index="${n}"]`)!.getBoundingClientRect().top;
          window.scrollBy(0, (top(i + 1) - top(i)) * f);
        },
        [beat, fraction],
      );
      await expect.poll(async () => (await placeOf(page)).progress).toBeGreaterThan(fraction / 2);
      const before = await steady(() => placeOf(page));
      expect(before.beat).toBe(beat);

      // Each storm: 30 sizes in a row as fast as the browser takes them (a resize here costs
      // 0.1–0.3 s of layout, so 30 keep the test short and already drifted 0.04 a storm).
      for (let storm = 0; storm < 5; storm++) {
        for (let i = 0; i < 30; i++) await page.setViewportSize(sizes[(i * 3 + storm) % sizes.length]);
        await page.setViewportSize(original);
        // The storm's hold on the place has ended (it ends 250 ms after the last resize).
        await steady(() => placeOf(page), { reads: 2 });
      }
      const after = await steady(() => placeOf(page));
      expect(after.beat, 'beat').toBe(before.beat);
      expect(Math.abs(after.progress - before.progress), 'fraction of the beat').toBeLessThanOrEqual(0.02);
    });
  }
});

test.describe('styles stay on their own page', () => {
  const finStyle = (page: Page) =>
    page.locator('[data-kind="coda"] p[data-paragraph]').evaluate((fin) => {
      const style = getComputedStyle(fin);
      const size = parseFloat(style.fontSize);
      return {
        spacing: parseFloat(style.letterSpacing) / size,
        size: size / parseFloat(getComputedStyle(fin.parentElement!).fontSize),
        marginTop: parseFloat(style.marginTop) / parseFloat(getComputedStyle(document.documentElement).fontSize),
      };
    });

  test('-Fin- is set as the text edition sets it on /read', async ({ page }) => {
    await page.goto('/read');
    const fin = await finStyle(page);
    expect(fin.spacing).toBeCloseTo(0.3, 2);
    expect(fin.size).toBeCloseTo(1, 2);
    expect(fin.marginTop).toBeCloseTo(3, 2);
  });

  test('-Fin- is set as the scroll page sets it on /', async ({ page }) => {
    // At rest: without motion nothing animates its spacing.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/#fin');
    const fin = await finStyle(page);
    expect(fin.spacing).toBeCloseTo(0.35, 2);
    expect(fin.size).toBeCloseTo(1.1, 2);
    expect(fin.marginTop).toBeLessThan(3);
  });
});

test.describe('resize storms on a slow machine', () => {
  test('300 quick resizes at 4× CPU throttling keep the reader on the same beat', async ({ page }) => {
    test.setTimeout(300_000);
    const beats = story.scenes.flatMap((s) => s.beats);
    // The beat of "It's mostly dark…", in After three: storms under load once carried it back to The call.
    const beat = beats.findIndex((b) =>
      b.paragraphs.some((p) => p.text.startsWith('It’s mostly dark') || p.text.startsWith("It's mostly dark")),
    );
    expect(beat).toBeGreaterThan(0);
    const original = { width: 1280, height: 800 };
    await page.setViewportSize(original);
    await page.goto(`/#${arc.beats[beat].id}`);
    await expect.poll(async () => (await placeOf(page)).beat).toBe(beat);
    // The light has started, as on a reader's page: it too works on every resize.
    await lightReady(page);
    const before = await steady(() => placeOf(page), { interval: 1000, timeout: 120_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let after = before;
    try {
      const sizes = [
        { width: 360, height: 740 },
        { width: 1920, height: 1080 },
        { width: 740, height: 360 },
        { width: 1024, height: 768 },
        { width: 390, height: 844 },
        { width: 800, height: 600 },
      ];
      // Sent without waiting for each to be laid out: as fast as a window is dragged.
      const storm: Promise<void>[] = [];
      for (let i = 0; i < 300; i++) storm.push(page.setViewportSize(sizes[(i * 7) % sizes.length]));
      await Promise.all(storm);
      await page.setViewportSize(original);
      after = await steady(() => placeOf(page), { interval: 1000, timeout: 120_000 });
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    expect(after.scene, 'scene').toBe(before.scene);
    expect(after.beat, 'beat').toBe(before.beat);
  });
});
