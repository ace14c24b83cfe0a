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
