import { describe, expect, it } from 'vitest';
import { manuscriptParagraphs as enginesParagraphs, manuscriptMismatch, normalisePunctuation } from './manuscript.mjs';
import { typeset } from '../scenes/typeset';

// The fidelity logic of both e2e suites, in plain JavaScript so the engines' runner (plain Node) can use it.
describe('the manuscript', () => {
  const paragraphs = enginesParagraphs();

  it('comes back from the site’s typesetter unchanged, every paragraph of it', () => {
    expect(paragraphs).toHaveLength(2 + 101 + 1);
    for (const p of paragraphs) expect(normalisePunctuation(typeset(p))).toBe(p);
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

describe('normalisePunctuation', () => {
  it('turns every typographic mark back into ASCII', () => {
    expect(normalisePunctuation('\u201cHi,\u201d \u201eso\u201d \u00abla\u00bb')).toBe('"Hi," "so" "la"');
    expect(normalisePunctuation('\u2018Tis isn\u2019t \u201aso')).toBe("'Tis isn't 'so");
    expect(normalisePunctuation('a\u2013b\u2014c\u2012d\u2212e')).toBe('a-b-c-d-e');
    expect(normalisePunctuation('Wait\u2026 no\u2026')).toBe('Wait... no...');
  });

  it('collapses every kind of space and trims the ends', () => {
    expect(normalisePunctuation('  a \u00a0 b\u2009c\u200ad\n\te  ')).toBe('a b c d e');
  });

  it('undoes typeset', () => {
    const plain = '"Hi," she said - \'no\'... not now.';
    expect(normalisePunctuation(typeset(plain))).toBe(plain);
  });
});
