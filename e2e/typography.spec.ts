import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Where the first character `at` of a paragraph's text is drawn, from the left of the viewport. */
const charLeft = (paragraph: Locator, at: number) =>
  paragraph.evaluate((p, i) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const text = walker.nextNode()!;
    const range = document.createRange();
    range.setStart(text, i);
    range.setEnd(text, i + 1);
    return range.getBoundingClientRect().left;
  }, at);

/**
 * Dialogue sets its words where narration sets its own, the opening quotation mark hanging
 * in the margin: the first letter after the mark starts where a narration paragraph's first
 * letter does (within a side bearing), and the mark is to its left.
 */
async function expectHangingDialogue(page: Page, scope: string) {
  const narration = page.locator(`${scope} [data-paragraph="narration"]`).first();
  const dialogue = page.locator(`${scope} [data-paragraph="dialogue"]`).first();
  await dialogue.scrollIntoViewIfNeeded();
  const fontSize = await dialogue.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const text = await dialogue.evaluate((p) => p.textContent ?? '');
  expect(text[0]).toBe('\u201c');
  const margin = await charLeft(narration, 0);
  const mark = await charLeft(dialogue, 0);
  const word = await charLeft(dialogue, 1);
  expect(Math.abs(word - margin), `the words of "${text.slice(0, 30)}…" line up with narration`).toBeLessThan(
    0.1 * fontSize,
  );
  expect(mark).toBeLessThan(margin - 0.3 * fontSize);
  // Only the first line hangs: the next lines start at the margin too.
  const lines = await dialogue.evaluate((p) => {
    const range = document.createRange();
    range.selectNodeContents(p);
    return [...range.getClientRects()].map((r) => Math.round(r.left));
  });
  expect(Math.min(...lines.slice(1), margin)).toBeGreaterThanOrEqual(Math.round(margin) - 1);
}

test.describe('dialogue', () => {
  test('on /read, its words align with narration and its opening quotation mark hangs', async ({ page }) => {
    await page.goto('/read');
    await expectHangingDialogue(page, '#story');
  });

  test('on the scroll page too', async ({ page }) => {
    // At rest: with motion, a line arriving is still moving sideways.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/#the-call');
    await expectHangingDialogue(page, '#the-call');
  });
});

test.describe('printing /read', () => {
  test('hyphenates what it justifies, in the page’s language', async ({ page }) => {
    await page.goto('/read');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const paragraphs = await page.locator('#story p').evaluateAll((ps) =>
      ps.map((p) => {
        const s = getComputedStyle(p);
        return { align: s.textAlign, hyphens: s.hyphens };
      }),
    );
    const justified = paragraphs.filter((p) => p.align === 'justify');
    expect(justified.length).toBeGreaterThan(paragraphs.length / 2);
    for (const p of justified) expect(p.hyphens).toBe('auto');
  });
});
