import { describe, expect, it } from 'vitest';
import { normalisePunctuation, typeset } from './typeset';

describe('typeset', () => {
  it('curls double quotes open after a space, a bracket or a dash, and closed elsewhere', () => {
    expect(typeset('"Hi," he said.')).toBe('\u201cHi,\u201d he said.');
    expect(typeset('He said "no" twice.')).toBe('He said \u201cno\u201d twice.');
    expect(typeset('("so")')).toBe('(\u201cso\u201d)');
    expect(typeset('["so"] {"so"}')).toBe('[\u201cso\u201d] {\u201cso\u201d}');
    expect(typeset('word\u2014"so" word\u2013"so"')).toBe('word\u2014\u201cso\u201d word\u2013\u201cso\u201d');
  });

  it('curls single quotes the same way, and makes apostrophes close', () => {
    expect(typeset("'Tis hers, isn't it?")).toBe('\u2018Tis hers, isn\u2019t it?');
    expect(typeset("She said 'yes.'")).toBe('She said \u2018yes.\u2019');
    expect(typeset('"\'Hi,\' she said."')).toBe('\u201c\u2018Hi,\u2019 she said.\u201d');
    expect(typeset("\u2018'nested'")).toBe('\u2018\u2018nested\u2019');
    expect(typeset("\u201c'quoted'")).toBe('\u201c\u2018quoted\u2019');
  });

  it('opens a quote at the very start and after a newline or tab', () => {
    expect(typeset('"')).toBe('\u201c');
    expect(typeset('a\n"b"\t"c"')).toBe('a\n\u201cb\u201d\t\u201cc\u201d');
  });

  it('turns three dots into an ellipsis and a spaced hyphen into a spaced en dash', () => {
    expect(typeset('Wait... no.')).toBe('Wait\u2026 no.');
    expect(typeset('one... two...')).toBe('one\u2026 two\u2026');
    expect(typeset('in - out - in')).toBe('in \u2013 out \u2013 in');
    expect(typeset('well-known -Fin- a-b')).toBe('well-known -Fin- a-b');
  });

  it('sets a line standing alone between hyphens between en dashes, and nothing else', () => {
    expect(typeset('-Fin-')).toBe('\u2013Fin\u2013');
    expect(typeset('-The End-')).toBe('\u2013The End\u2013');
    expect(normalisePunctuation(typeset('-Fin-'))).toBe('-Fin-');
    for (const text of ['-', '--', '- Fin -', '-Fin', 'Fin-', '-well-known-', '--Fin--', 'a -Fin-'])
      expect(typeset(text)).toBe(text.replace(/ - /g, ' \u2013 '));
    expect(typeset('a.. b')).toBe('a.. b');
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
