import { arc, expect, lightReady, moodOf, placeOf, test } from './fixtures';
import { atRest } from './rest';
import { expectWholeManuscript } from './manuscript';
import { moodAt } from '../lib/story/mood';
import { moodChannels, type Mood } from '../scenes/moods';

const distance = (a: Mood, b: Mood) => Math.max(...moodChannels.map((c) => Math.abs(a[c] - b[c])));

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the scroll page still gives the whole story, in order, word for word', async ({ page }) => {
    await page.goto('/');
    await expectWholeManuscript(page);
    // Visible, not just present: the CSS light is there and the text is not hidden waiting for a script.
    await expect(page.locator('[data-paragraph]').nth(10)).toBeVisible();
    await expect(page.locator('[data-light-fallback]')).toHaveAttribute('style', /gradient/);
  });
});

test.describe('under stress', () => {
  test('rapid jumps, resizes and orientation flips end in the state of the final position', async ({ page }) => {
    await page.goto('/');
    await lightReady(page);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const sizes = [
      { width: 1280, height: 720 },
      { width: 390, height: 844 },
      { width: 844, height: 390 },
      { width: 1024, height: 768 },
    ];
    for (let i = 0; i < 24; i++) {
      await page.evaluate((y) => window.scrollTo(0, y), Math.round((((i * 7919) % 97) / 97) * height));
      if (i % 4 === 0) await page.setViewportSize(sizes[(i / 4) % sizes.length]);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.evaluate((y) => window.scrollTo(0, y), Math.round(height * 0.6));
    // The light arrives at the final place's mood (a jump cross-fades: it may take a second or two).
    const toFinal = async () => {
      const place = await placeOf(page);
      const beat = arc.beats[place.beat];
      return distance(
        await moodOf(page),
        moodAt(arc, { scene: beat.scene, beat: beat.beat, progress: place.progress }),
      );
    };
    await expect.poll(toFinal, { timeout: 30_000 }).toBeLessThan(0.01);
    await atRest(page);
    const place = await placeOf(page);
    const beat = arc.beats[place.beat];
    expect(await toFinal()).toBeLessThan(0.01);
    expect(place.scene).toBe(arc.sceneIds[beat.scene]);
    await expect(page.getByTestId('scene-name')).toContainText(arc.sceneNames[beat.scene]);
  });

  test('on a slow network the text comes first and the light follows', async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    // Roughly a slow 3G connection.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: (400 * 1024) / 8,
      uploadThroughput: (400 * 1024) / 8,
    });
    // The light's worker (or, without one, its renderer) is asked for only once the text is on screen.
    let lightAsked: number | undefined;
    page.on('request', (request) => {
      if (/turbopack-worker/.test(request.url())) lightAsked ??= Date.now();
    });
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('[data-paragraph]').first()).toBeVisible();
    await lightReady(page);
    // The text was painted before the light had even been asked for: timed by the page's own clock
    // (its first contentful paint, and the mark made as the light is asked for), not by when a
    // loaded test machine got round to looking.
    expect(lightAsked).toBeDefined();
    const [painted, asked] = await page.evaluate(() => [
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity,
      performance.getEntriesByName('light:loading')[0]?.startTime ?? -Infinity,
    ]);
    expect(painted).toBeLessThan(asked);
  });
});
