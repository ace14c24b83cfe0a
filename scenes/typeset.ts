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
  t = curl(t, '"', '\u201c', '\u201d');
  t = curl(t, "'", '\u2018', '\u2019');
  return t;
}
