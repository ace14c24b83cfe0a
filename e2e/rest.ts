import { expect, type Page } from '@playwright/test';

/**
 * Waits until the page is at rest, whatever the machine's speed: the light is not cross-fading
 * (a jump or a change of scene), no CSS transition or finite animation is running (the ink
 * turning, a control fading), and the text's motion is still (the story's inline styles the
 * same two frames apart). Each is a condition, polled with a generous ceiling, never a sleep.
 */
export async function atRest(page: Page, timeout = 60_000) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
          const styles = () =>
            [...document.querySelectorAll('[data-anim], [data-paragraph], [data-light-canvas]')]
              .map((el) => el.getAttribute('style') ?? '')
              .join('|');
          const before = styles();
          await frame();
          await frame();
          const running = document
            .getAnimations()
            .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity);
          const fading = (window as { __story?: { fading?: boolean } }).__story?.fading === true;
          return running.length === 0 && !fading && styles() === before;
        }),
      { timeout, message: 'the page comes to rest' },
    )
    .toBe(true);
}

/** Waits for the page to have painted what it was just asked to (two animation frames). */
export const painted = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/**
 * Waits until `read` gives the same answer `reads` times in a row, `interval` ms apart (polled,
 * with a generous ceiling): for what settles on its own time (a resize's hold on the place),
 * and returns it.
 */
export async function steady<T>(read: () => Promise<T>, { reads = 3, interval = 300, timeout = 60_000 } = {}) {
  const seen: string[] = [];
  await expect
    .poll(
      async () => {
        seen.push(JSON.stringify(await read()));
        return seen.length >= reads && seen.slice(-reads).every((s) => s === seen.at(-1));
      },
      { intervals: [interval], timeout, message: 'the value stays the same' },
    )
    .toBe(true);
  return JSON.parse(seen.at(-1)!) as T;
}
