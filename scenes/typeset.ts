/**
 * Turns the manuscript's typewriter punctuation into typographic punctuation:
 * curly quotes, apostrophes, spaced en dashes and ellipses. The words never change,
 * which is what lets the fidelity test compare the site with the manuscript.
 */
const opensAfter = /[\s([{\u2014\u2013\u201c\u2018]/;

function curl(text: string, straight: string, open: string, close: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== straight) {
      out += ch;
      continue;
    }
    const before = i === 0 ? ' ' : out[out.length - 1];
    out += opensAfter.test(before) ? open : close;
  }
  return out;
}

export function typeset(text: string): string {
  let t = text.replace(/\.\.\./g, '\u2026');
  t = t.replace(/ - /g, ' \u2013 ');
  // A line set between hyphens ("-Fin-") is a typewriter's ornament: the en dash is the typesetter's.
  t = t.replace(/^-([^\s-](?:[^-]*[^\s-])?)-$/, '\u2013$1\u2013');
  t = curl(t, '"', '\u201c', '\u201d');
  t = curl(t, "'", '\u2018', '\u2019');
  return t;
}

/** The inverse direction, used only to compare texts: every typographic mark back to ASCII. */
export function normalisePunctuation(text: string): string {
  return text
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/[\u2018\u2019\u201a]/g, "'")
    .replace(/[\u2013\u2014\u2012\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\s\u00a0\u2009\u200a]+/g, ' ')
    .trim();
}
