import type { Page } from '@playwright/test';
import { expect, lightSettled, story, test } from './fixtures';
import { pixelStats } from './pixels';
import { watchFrames, type FrameSample } from './screencast';
import { isBeatStep, stepsOf } from '../lib/present/steps';
import { moodDistance } from '../lib/story/crossfade';
import type { Mood } from '../scenes/moods';

/**
 * No full-screen flash (WCAG 2.3.1): the night's last step to the dawn is the largest change
 * of the light in the story, and a presenter's clicker can take it in one press, or back and
 * forth in four. The light must cross-fade it, at full motion too.
 */

const steps = stepsOf(story);
/** The dawn's first step, and the night's last just before it. */
const dawn = steps.findIndex((s) => isBeatStep(s) && s.scene.id === 'morning');
const night = dawn - 1;

/** Everything drawn over the light, hidden through the CSSOM (the pages' CSP allows no <style>). */
const showText = (page: Page, shown: boolean) =>
  page.evaluate(
    (v) => {
      for (const el of document.querySelectorAll<HTMLElement>('[data-present-text], [data-toasts]'))
        el.style.setProperty('visibility', v, 'important');
    },
    (shown ? 'visible' : 'hidden') as string,
  );

/** Records the mood the light chose at every frame of the page, with when it chose it (ms, the frame loop's clock). */
const recordMoods = (page: Page) =>
  page.evaluate(() => {
    const log: { t: number; mood: Mood }[] = [];
    (window as unknown as { __moods: typeof log }).__moods = log;
    const frame = () => {
      const story = window.__story;
      if (story?.mood && story.moodAt !== log.at(-1)?.t) log.push({ t: story.moodAt, mood: { ...story.mood } });
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });

const recordedMoods = (page: Page) =>
  page.evaluate(() => (window as unknown as { __moods: { t: number; mood: Mood }[] }).__moods);

/** The fastest change of the light's mood between consecutive frames, per 100 ms (over at least 100 ms). */
function fastestChange(log: { t: number; mood: Mood }[]) {
  let most = 0;
  for (let i = 1; i < log.length; i++) {
    const dt = Math.max(100, log[i].t - log[i - 1].t);
    most = Math.max(most, (moodDistance(log[i - 1].mood, log[i].mood) * 100) / dt);
  }
  return most;
}

const fading = (page: Page) => page.evaluate(() => window.__story?.fading ?? false);

/**
 * The luminance's change per 100 ms between consecutive frames (over at least 100 ms: a
 * frame a few milliseconds after another says little about a rate).
 */
const ratesOf = (samples: FrameSample[]) =>
  samples.slice(1).map((b, i) => (Math.abs(b.l - samples[i].l) * 100) / Math.max(100, b.t - samples[i].t));

const reportOf = (samples: FrameSample[], start: number) =>
  samples.map((s) => `${Math.round(s.t - start)} ms ${s.l.toFixed(3)}`).join(', ');

test.describe('no full-screen flash', () => {
  test.use({ viewport: { width: 960, height: 600 } });

  test('the night’s last step to the dawn cross-fades over more than half a second, at full motion', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // The dawn's light first, to know where the change must arrive.
    await page.goto(`/present?light-tier=3#s-${dawn + 1}`);
    await lightSettled(page);
    await showText(page, false);
    const to = pixelStats(await page.screenshot({ animations: 'allow', scale: 'css' })).luminance;
    await page.keyboard.press('PageUp');
    await expect(page.locator('[data-presentation]')).toHaveAttribute('data-step', String(night));
    await expect.poll(() => fading(page), { timeout: 30_000 }).toBe(false);
    await lightSettled(page);
    const from = pixelStats(await page.screenshot({ animations: 'allow', scale: 'css' })).luminance;
    await recordMoods(page);
    const watch = await watchFrames(page);
    const start = Date.now();
    await page.keyboard.press('PageDown');
    await expect(page.locator('[data-presentation]')).toHaveAttribute('data-step', String(dawn));
    // Until the screen has arrived at the dawn's light, and the light says it has.
    const near = (to - from) * 0.05;
    await expect.poll(() => watch.frames.some((f) => f.l >= to - near), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => fading(page), { timeout: 30_000 }).toBe(false);
    await lightSettled(page);
    const samples = (await watch.stop()).filter((f) => f.t >= start - 50);
    await showText(page, true);
    const report = `from ${from.toFixed(3)} to ${to.toFixed(3)}: ${reportOf(samples, start)}`;
    test.info().annotations.push({ type: 'luminance over the change', description: report });

    // The change is large: a one-frame switch of it is a flash.
    expect(to - from, report).toBeGreaterThan(0.2);
    // On screen: seen part of the way across, and never faster than a tenth of luminance in a tenth of a second.
    // Either a frame was seen mid-way, or the last dark frame and the first bright one are far
    // apart: a loaded machine sends few frames, but never two 0.3 s apart across a jump.
    const dark = samples.filter((s) => s.l <= from + (to - from) * 0.15).at(-1)!;
    const bright = samples.find((s) => s.l >= to - (to - from) * 0.15)!;
    const between = samples.filter((s) => s.l > from + (to - from) * 0.15 && s.l < to - (to - from) * 0.15);
    expect(between.length > 0 || bright.t - dark.t >= 300, `seen mid-way: ${report}`).toBe(true);
    const arrived = samples.find((s) => s.l >= to - near)!;
    expect(arrived.t - start, `the whole change takes half a second: ${report}`).toBeGreaterThanOrEqual(500);
    expect(Math.max(...ratesOf(samples)), report).toBeLessThan(0.1);
    // In the moods handed to the light, frame by frame: the whole change takes at least half a second.
    const log = await recordedMoods(page);
    const changing = log.filter((e, i) => i > 0 && moodDistance(e.mood, log[i - 1].mood) > 1e-6);
    expect(changing.length, 'the light changed').toBeGreaterThan(0);
    expect(changing.at(-1)!.t - changing[0].t, 'the change takes half a second').toBeGreaterThanOrEqual(450);
    expect(fastestChange(log), 'the mood per 100 ms').toBeLessThan(0.2);
  });

  test('a clicker pressed back and forth across the dawn turns the light back smoothly, never flashing', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto(`/present?light-tier=3#s-${dawn + 1}`);
    await lightSettled(page);
    await showText(page, false);
    const to = pixelStats(await page.screenshot({ animations: 'allow', scale: 'css' })).luminance;
    await recordMoods(page);
    const watch = await watchFrames(page);
    const start = Date.now();
    for (const key of ['PageUp', 'PageDown', 'PageUp', 'PageDown']) {
      await page.keyboard.press(key);
      await expect(page.locator('[data-presentation]')).toHaveAttribute(
        'data-step',
        String(key === 'PageUp' ? night : dawn),
      );
    }
    const last = Date.now();
    // Until the screen is back at the dawn's light, after the last press, and the light says it is.
    await expect.poll(() => watch.frames.some((f) => f.t > last && f.l >= to * 0.95), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => fading(page), { timeout: 30_000 }).toBe(false);
    await lightSettled(page);
    const samples = (await watch.stop()).filter((f) => f.t >= start - 50);
    await showText(page, true);
    const report = reportOf(samples, start);
    test.info().annotations.push({ type: 'luminance while pressed back and forth', description: report });
    expect(samples.length, 'frames seen').toBeGreaterThan(1);
    expect(Math.max(...ratesOf(samples)), report).toBeLessThan(0.1);
    const log = await recordedMoods(page);
    expect(log.length, 'frames recorded').toBeGreaterThan(3);
    expect(fastestChange(log), 'the mood per 100 ms').toBeLessThan(0.2);
    // And it ends on the dawn's light.
    await expect.poll(() => page.evaluate(() => window.__story?.mood?.dawn ?? 0)).toBeGreaterThan(0.5);
  });
});
