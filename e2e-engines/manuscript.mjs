/**
 * The manuscript's paragraphs for the fidelity checks, in plain JavaScript: this runner is
 * plain Node, which cannot import the TypeScript of e2e/manuscript.ts and scenes/typeset.ts.
 * manuscript.test.ts proves both give the same result.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const MANUSCRIPT = path.join(import.meta.dirname, '..', 'e2e', 'fixtures', 'manuscript.txt');

/** Every typographic mark back to ASCII, as scenes/typeset.ts's normalisePunctuation does. */
export function normalisePunctuation(text) {
  return text
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/[\u2018\u2019\u201a]/g, "'")
    .replace(/[\u2013\u2014\u2012\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\s\u00a0\u2009\u200a]+/g, ' ')
    .trim();
}

/** The author's manuscript, untouched: one paragraph per non-empty line, the "----" rule dropped. */
export function manuscriptParagraphs() {
  return readFileSync(MANUSCRIPT, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() && line.trim() !== '----')
    .map(normalisePunctuation);
}

/** Why `rendered` is not the manuscript, paragraph by paragraph; undefined when it is. */
export function manuscriptMismatch(rendered) {
  const manuscript = manuscriptParagraphs();
  const got = rendered.map(normalisePunctuation);
  for (let i = 0; i < manuscript.length; i++) {
    if (got[i] !== manuscript[i]) {
      return `paragraph ${i + 1} of ${manuscript.length}: expected "${manuscript[i].slice(0, 80)}", got "${(got[i] ?? '(missing)').slice(0, 80)}"`;
    }
  }
  if (got.length !== manuscript.length)
    return `${got.length} paragraphs on the page, ${manuscript.length} in the manuscript`;
  return undefined;
}
