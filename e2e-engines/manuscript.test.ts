import { describe, expect, it } from 'vitest';
import { manuscriptParagraphs as enginesParagraphs, manuscriptMismatch, normalisePunctuation } from './manuscript.mjs';
import { normalisePunctuation as siteNormalise, typeset } from '../scenes/typeset';

// The engines' runner keeps a plain-JavaScript copy of the fidelity logic; it must not drift.
describe('the engines runner’s manuscript', () => {
  const paragraphs = enginesParagraphs();

  it('normalises exactly as the site’s typesetter does, for every manuscript paragraph typeset', () => {
    expect(paragraphs).toHaveLength(2 + 101 + 1);
    for (const p of paragraphs) {
      const typeset_ = typeset(p);
      expect(normalisePunctuation(typeset_)).toBe(siteNormalise(typeset_));
      expect(normalisePunctuation(typeset_)).toBe(p);
    }
  });

  it('names the first paragraph that differs, and a missing or extra one', () => {
    expect(manuscriptMismatch(paragraphs.map(typeset))).toBeUndefined();
    const changed = [...paragraphs];
    changed[5] = 'something else';
    expect(manuscriptMismatch(changed)).toMatch(/^paragraph 6 of 104/);
    expect(manuscriptMismatch(paragraphs.slice(0, -1))).toMatch(/paragraph 104 of 104/);
    expect(manuscriptMismatch([...paragraphs, 'extra'])).toMatch(/105 paragraphs on the page/);
  });
});
