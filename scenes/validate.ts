/**
 * Checks that a content file is text a page (and an EPUB) can carry, before it is read as
 * a story: no control characters, no bidirectional overrides, nothing XML 1.0 forbids, no
 * word too long to wrap, and not more than a short story's worth of it.
 */

/** The largest content file accepted, in UTF-8 bytes: 1 MB, about fifty times this story. */
export const MAX_FILE_BYTES = 1_000_000;
/** The most words a story may have: a long novella (this one has about 3,500). */
export const MAX_WORDS = 40_000;
/** The longest run of characters without a space: longer than any word, shorter than a line. */
export const MAX_WORD_CHARS = 50;

export interface CharacterProblem {
  line: number;
  /** 1-based, in characters (code points), as an editor counts columns. */
  col: number;
  reason: string;
}

/** Names of the C0 controls, as the Unicode charts abbreviate them, from U+0000. */
const C0 =
  'NUL SOH STX ETX EOT ENQ ACK BEL BS TAB LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US'.split(
    ' ',
  );

/** The explicit bidirectional formatting characters (the "Trojan Source" set). */
const BIDI: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** `U+0007`: a code point as Unicode writes it. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a character may not appear in a content file, or undefined when it may. */
export function forbiddenCharacter(cp: number): string | undefined {
  const label = codePointLabel(cp);
  if (cp === 0x09 || cp === 0x0a) return undefined;
  if (cp < 0x20) return `${label} (${C0[cp]}) is a control character: only newlines and tabs are allowed`;
  if (cp === 0x7f) return `${label} (DEL) is a control character: only newlines and tabs are allowed`;
  if (cp >= 0x80 && cp <= 0x9f)
    return `${label} (a C1 control) is a control character: only newlines and tabs are allowed`;
  if (cp in BIDI)
    return `${label} (${BIDI[cp]}) reorders how text is shown against how it is stored: right-to-left text needs none of them`;
  if (cp >= 0xd800 && cp <= 0xdfff)
    return `${label} (a lone surrogate) is half of a character: the file is not valid text`;
  if (cp === 0xfffd)
    return `${label} (REPLACEMENT CHARACTER) stands for bytes that were not valid UTF-8: save the file as UTF-8`;
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe)
    return `${label} (a noncharacter) is not text and is not allowed in XML`;
  return undefined;
}

/** Spaces a line may wrap at; the no-break spaces hold a word together. */
const breaksLine = (ch: string) => /\s/.test(ch) && !NO_BREAK.has(ch);
const NO_BREAK = new Set(['\u00a0', '\u2007', '\u202f', '\ufeff']);

/**
 * Every character and overlong word a content file may not hold, by line and column.
 * `lines` is the file split at its line breaks (CR LF, CR or LF).
 */
export function characterProblems(lines: readonly string[]): CharacterProblem[] {
  const problems: CharacterProblem[] = [];
  lines.forEach((text, i) => {
    const line = i + 1;
    let col = 0;
    let wordStart = 0;
    let wordLength = 0;
    const endWord = () => {
      if (wordLength > MAX_WORD_CHARS) {
        problems.push({
          line,
          col: wordStart,
          reason: `a word of ${wordLength} characters, more than ${MAX_WORD_CHARS}: it cannot wrap and would widen the page`,
        });
      }
      wordLength = 0;
    };
    for (const ch of text) {
      col++;
      const cp = ch.codePointAt(0)!;
      const reason = forbiddenCharacter(cp);
      if (reason) problems.push({ line, col, reason });
      if (breaksLine(ch)) {
        endWord();
      } else {
        if (wordLength === 0) wordStart = col;
        wordLength++;
      }
    }
    endWord();
  });
  return problems;
}

/** The size of a text in UTF-8 bytes (a lone surrogate takes three, as U+FFFD). */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** A problem with the size of the whole file, or undefined when it is small enough to read. */
export function fileSizeProblem(source: string): string | undefined {
  const bytes = utf8Bytes(source);
  if (bytes <= MAX_FILE_BYTES) return undefined;
  const n = (x: number) => x.toLocaleString('en');
  return `the file is ${n(bytes)} bytes; a story file may be at most ${n(MAX_FILE_BYTES)} bytes (1 MB)`;
}

/** Quotes content inside a reason: forbidden characters written as code points, long text cut short. */
export function quote(text: string, max = 60): string {
  const chars = [...text];
  const shown = chars.length > max ? [...chars.slice(0, max - 1), '\u2026'] : chars;
  return `"${shown.map((ch) => (forbiddenCharacter(ch.codePointAt(0)!) ? codePointLabel(ch.codePointAt(0)!) : ch)).join('')}"`;
}
