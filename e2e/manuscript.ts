import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { normalisePunctuation } from '../scenes/typeset';

/** The author's manuscript, untouched: one paragraph per non-empty line, the "----" rule dropped. */
export function manuscriptParagraphs(): string[] {
  const text = readFileSync(path.join(__dirname, 'fixtures', 'manuscript.txt'), 'utf8');
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() && line.trim() !== '----')
    .map(normalisePunctuation);
}

export { normalisePunctuation };

/** Expects the page's story paragraphs to be the manuscript's, in order, word for word. */
export async function expectWholeManuscript(page: Page) {
  const rendered = (await page.locator('[data-paragraph]').allTextContents()).map(normalisePunctuation);
  const manuscript = manuscriptParagraphs();
  expect(manuscript).toHaveLength(2 + 101 + 1);
  // Compared one by one so a failure names the first paragraph that differs.
  for (let i = 0; i < manuscript.length; i++) expect(rendered[i], `paragraph ${i + 1}`).toBe(manuscript[i]);
  expect(rendered).toHaveLength(manuscript.length);
}

/**
 * Expects the manuscript's paragraphs among these blocks of text (an EPUB's paragraphs,
 * headings and asides), each paragraph a whole block, in order, word for word.
 */
export function expectManuscriptInBlocks(blocks: string[]) {
  const normalised = blocks.map(normalisePunctuation);
  let at = 0;
  for (const [i, paragraph] of manuscriptParagraphs().entries()) {
    const found = normalised.indexOf(paragraph, at);
    expect(
      found,
      `paragraph ${i + 1}, in order after paragraph ${i}: ${paragraph.slice(0, 60)}`,
    ).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
}

/**
 * A PDF's text as pdftotext gives it, made comparable with the manuscript: the page numbers
 * (lines of digits alone) dropped, lines joined with a space, except after a hyphen, where a
 * compound word was broken (nothing here hyphenates automatically, so every hyphen is the
 * author's), then white space and typographic punctuation normalised.
 */
export function pdfRunningText(raw: string): string {
  const lines = raw
    .split(/[\n\f]/)
    .map((line) => line.trim())
    .filter((line) => line && !/^\d+$/.test(line));
  let text = '';
  for (const line of lines) text += text === '' || text.endsWith('-') ? line : ` ${line}`;
  return normalisePunctuation(text);
}

/**
 * Expects the manuscript in running text (a printed page's, from pdftotext): every paragraph,
 * in order, word for word, each starting and ending at a word boundary.
 */
export function expectManuscriptInText(text: string) {
  let at = 0;
  for (const [i, paragraph] of manuscriptParagraphs().entries()) {
    let found = text.indexOf(paragraph, at);
    const bounded = (n: number) =>
      (n === 0 || text[n - 1] === ' ') && [' ', undefined].includes(text[n + paragraph.length]);
    while (found >= 0 && !bounded(found)) found = text.indexOf(paragraph, found + 1);
    expect(
      found,
      `paragraph ${i + 1}, in order after paragraph ${i}: ${paragraph.slice(0, 60)}`,
    ).toBeGreaterThanOrEqual(0);
    at = found + paragraph.length;
  }
}
