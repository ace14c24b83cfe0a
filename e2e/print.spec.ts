import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { isBeatStep, stepsOf } from '../lib/present/steps';
import { expect, placeOf, story, test } from './fixtures';
import { expectManuscriptInText, manuscriptParagraphs, normalisePunctuation, pdfRunningText } from './manuscript';
import { tool } from './tools';
import type { Page, TestInfo } from '@playwright/test';

/** Prints the page to a PDF file in the test's output folder, and returns its path. */
async function printToPdf(
  page: Page,
  testInfo: TestInfo,
  name: string,
  { printBackground = false } = {},
): Promise<string> {
  const file = testInfo.outputPath(`${name}.pdf`);
  // The page's own @page size and margins, as the browser's Print command uses them;
  // printBackground is the print dialog's "Background graphics".
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground }));
  return file;
}

/** The text of each page of a PDF, as pdftotext reads it (it ends each page with a form feed). */
function pagesOf(pdf: string): string[] {
  const text = execFileSync(tool('pdftotext'), ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

function pageCount(pdf: string): number {
  const info = execFileSync(tool('pdfinfo'), [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/**
 * How much of one page of a PDF is paper (near white) and how much ink (dark), rendered in
 * grey at a low resolution: pdftoppm's PGM, a short header and then a byte a pixel.
 */
function paperAndInk(pdf: string, n: number) {
  const pgm = execFileSync(tool('pdftoppm'), ['-gray', '-r', '40', '-f', String(n), '-l', String(n), pdf]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM image');
  const pixels = pgm.subarray(header[0].length);
  expect(pixels.length).toBe(Number(header[1]) * Number(header[2]));
  const share = (test: (v: number) => boolean) => pixels.filter(test).length / pixels.length;
  return { paper: share((v) => v > 245), ink: share((v) => v < 90) };
}

const chapters = story.scenes.filter((s) => s.kind === 'story');

test.describe('printing /read', () => {
  test('gives the whole manuscript, in order, word for word, and none of the page chrome', async ({
    page,
  }, testInfo) => {
    await page.goto('/read');
    const pages = pagesOf(await printToPdf(page, testInfo, 'read'));
    const text = pdfRunningText(pages.join('\n'));
    expectManuscriptInText(text);
    for (const chrome of ['Skip to the story', 'Other ways in', 'Download the ebook', 'Presentation mode', 'Contents'])
      expect(text).not.toContain(chrome);
  });

  test('opens each scene on a new page, after a title page with the note', async ({ page }, testInfo) => {
    await page.goto('/read');
    const pages = pagesOf(await printToPdf(page, testInfo, 'read'));
    const firstLines = pages.map((p) => p.trim().split('\n')[0].trim());
    expect(firstLines[0]).toBe('A short story');
    expect(pages[0]).toContain(story.title);
    expect(pages[0]).toContain(story.scenes[0].name);
    for (const scene of chapters) expect(firstLines, scene.name).toContain(scene.name);
    // Each scene on a new page, in order.
    const starts = chapters.map((s) => firstLines.indexOf(s.name));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(new Set(starts).size).toBe(chapters.length);
  });

  test('is black on white in the dark scheme too', async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/read');
    const pdf = await printToPdf(page, testInfo, 'read-dark');
    const { paper, ink } = paperAndInk(pdf, 2);
    expect(paper).toBeGreaterThan(0.8);
    expect(ink).toBeGreaterThan(0.01);
  });
});

test.describe('the handouts, /present?print', () => {
  const all = stepsOf(story);
  // A sheet a step of the story: the title slide and the closing card are for the screen.
  const steps = all.filter(isBeatStep);

  test('print one page a step, headed by its scene and number, with the whole manuscript', async ({
    page,
  }, testInfo) => {
    await page.goto('/present?print');
    await expect(page.locator('[data-handout]')).toHaveCount(steps.length);
    const pdf = await printToPdf(page, testInfo, 'handouts');
    expect(pageCount(pdf)).toBe(steps.length);
    const pages = pagesOf(pdf);
    expect(pages).toHaveLength(steps.length);
    for (const [page, step] of steps.entries()) {
      const text = pdfRunningText(pages[page]);
      expect(text, `page ${page + 1}`).toContain(`step ${step.index + 1} of ${all.length}`);
      expect(text, `page ${page + 1}`).toContain(normalisePunctuation(step.scene.name));
    }
    expectManuscriptInText(pdfRunningText(pages.join('\n')));
  });

  test('are plain paper: dark ink on white, no light', async ({ page }, testInfo) => {
    await page.goto('/present?print');
    await expect(page.locator('[data-handout]')).toHaveCount(steps.length);
    await expect(page.locator('[data-light-layer]')).toBeHidden();
    const { paper, ink } = paperAndInk(await printToPdf(page, testInfo, 'handouts'), 1);
    expect(paper).toBeGreaterThan(0.8);
    expect(ink).toBeGreaterThan(0.005);
  });

  test('print on white paper with the print dialog’s “Background graphics” on too', async ({ page }, testInfo) => {
    await page.goto('/present?print');
    await expect(page.locator('[data-handout]')).toHaveCount(steps.length);
    const pdf = await printToPdf(page, testInfo, 'handouts-backgrounds', { printBackground: true });
    // The first sheet, one in the middle and the last (the closing card, one short word): the
    // desk the sheets lie on on screen is not printed, and the words are.
    for (const n of [1, Math.ceil(steps.length / 2), steps.length]) {
      const { paper, ink } = paperAndInk(pdf, n);
      expect(paper, `sheet ${n} is paper`).toBeGreaterThan(0.95);
      expect(ink, `sheet ${n} has words`).toBeGreaterThan(0);
    }
  });

  test('are reached from the help dialog', async ({ page }) => {
    await page.goto('/present');
    await page.getByRole('button', { name: 'Help' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Print handouts' }).click();
    await expect(page).toHaveURL(/\/present\?print$/);
    const first = page.getByRole('heading', { level: 2 }).first();
    await expect(first).toHaveAccessibleName(new RegExp(`^${steps[0].scene.name}\\s*, step 2 of ${all.length}$`));
  });

  test('have no axe violation', async ({ page }) => {
    await page.goto('/present?print');
    await expect(page.locator('[data-handout]')).toHaveCount(steps.length);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
});

/*
 * The story's own pages print the whole story too, as the text edition does: every beat at
 * rest (none waiting to arrive, none mid-motion), no bar, no controls, no light, black on white.
 */
test.describe('printing the story from / and /present', () => {
  const chrome = [
    'Read as text',
    'Reduce motion',
    'Scenes',
    'Autoplay',
    'Overview',
    'Exit',
    'Presenter view',
    'Elapsed',
  ];
  const manuscript = pdfRunningText(manuscriptParagraphs().join('\n'));
  const sceneNames = story.scenes.map((s) => normalisePunctuation(s.name));
  /** Without spaces: a heading's spaced capitals may come out of a PDF as letters apart. */
  const squeeze = (s: string) => s.replace(/\s+/g, '');

  /** Expects the whole manuscript in order, none of the chrome, and each page to open on the story's words. */
  function expectWholeStory(pdf: string) {
    const pages = pagesOf(pdf);
    const text = pdfRunningText(pages.join('\n'));
    expectManuscriptInText(text);
    for (const word of chrome) expect(text, 'the chrome is not printed').not.toContain(word);
    // No bar printed over the text: after the title page, every page's first line is the
    // story's (a scene's name, or words of its paragraphs).
    for (const [n, page] of pages.entries()) {
      if (n === 0) continue;
      const first = pdfRunningText(page.trim().split('\n')[0] ?? '');
      if (!first) continue;
      expect(
        manuscript.includes(first) || sceneNames.some((name) => squeeze(name).includes(squeeze(first))),
        `page ${n + 1} opens on “${first}”`,
      ).toBe(true);
    }
  }

  test('/ prints every paragraph, unscrolled, with no beat left waiting to arrive', async ({ page }, testInfo) => {
    await page.goto('/');
    await expect(page.locator('[data-chrome]')).toBeVisible();
    const pdf = await printToPdf(page, testInfo, 'scroll-top');
    expectWholeStory(pdf);
    const { paper, ink } = paperAndInk(pdf, 2);
    expect(paper).toBeGreaterThan(0.8);
    expect(ink).toBeGreaterThan(0.01);
  });

  test('/ prints every paragraph from the middle of the story, without the bar over the text', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    // Scrolled to the middle, then up a little: the bar is back over the text, and the beats
    // around carry the motion's inline styles.
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight / 2, behavior: 'instant' }));
    await expect.poll(async () => (await placeOf(page)).beat).toBeGreaterThan(20);
    await page.mouse.wheel(0, -400);
    await expect(page.locator('[data-chrome]')).not.toHaveAttribute('data-receded');
    await expect(page.locator('[data-beat-index][data-arrived]').first()).toBeAttached();
    expectWholeStory(await printToPdf(page, testInfo, 'scroll-middle'));
  });

  for (const view of ['audience', 'presenter'] as const) {
    const url = view === 'audience' ? '/present' : '/present?view=presenter';
    test(`the ${view} view prints every paragraph, on its first step and mid-way, mid-transition`, async ({
      page,
    }, testInfo) => {
      await page.goto(url);
      await expect(page.locator('[data-presentation][data-step="0"]')).toBeAttached();
      const first = await printToPdf(page, testInfo, `${view}-first`);
      expectWholeStory(first);
      const { paper } = paperAndInk(first, 2);
      expect(paper).toBeGreaterThan(0.8);

      await page.goto(`${url}#s-35`);
      await page.reload();
      await expect(page.locator('[data-presentation][data-step="34"]')).toBeAttached();
      // The steps' transitions loaded, a step turned: printed while its entrance is under way.
      if (view === 'audience')
        await page.waitForFunction(() => performance.getEntriesByName('motion:loaded').length > 0);
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await expect(page.locator('[data-presentation][data-step="35"]')).toBeAttached();
      expectWholeStory(await printToPdf(page, testInfo, `${view}-middle`));
    });
  }
});
