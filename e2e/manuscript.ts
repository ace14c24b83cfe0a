import { readFileSync } from 'node:fs';
import path from 'node:path';
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
