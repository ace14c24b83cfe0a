import { describe, expect, it } from 'vitest';
import { ContentError, MAX_REPORTED_PROBLEMS, parseStory } from './parse';
import { bodyErrorOf, bodyLine, contentErrorOf, fixtureSource, FRONT, scene } from './testing';
import {
  characterProblems,
  codePointLabel,
  fileSizeProblem,
  forbiddenCharacter,
  MAX_FILE_BYTES,
  MAX_WORD_CHARS,
  MAX_WORDS,
  quote,
  utf8Bytes,
} from './validate';

/** A beat of one paragraph holding `text`, in a valid story. */
const storyWith = (text: string) => FRONT + scene(`:: beat\n${text}`);
/** The paragraph's line in `storyWith`. */
const TEXT_LINE = bodyLine(4);

/** The one problem a text in a paragraph is rejected for, as the message prints it. */
const rejection = (text: string) => {
  const e = contentErrorOf(storyWith(text));
  expect(e.problems).toHaveLength(1);
  return e.message;
};

/** Pseudo-random bytes, the same on every run. */
function randomBytes(n: number, seed = 42): Uint8Array {
  let a = seed;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

describe('characters a story may not hold', () => {
  it.each([
    ['\u0000', 'U+0000 (NUL) is a control character: only newlines and tabs are allowed'],
    ['\u0007', 'U+0007 (BEL) is a control character: only newlines and tabs are allowed'],
    ['\u001b', 'U+001B (ESC) is a control character: only newlines and tabs are allowed'],
    ['\u001f', 'U+001F (US) is a control character: only newlines and tabs are allowed'],
    ['\u000b', 'U+000B (VT) is a control character: only newlines and tabs are allowed'],
    ['\u007f', 'U+007F (DEL) is a control character: only newlines and tabs are allowed'],
    ['\u0080', 'U+0080 (a C1 control) is a control character: only newlines and tabs are allowed'],
    ['\u009f', 'U+009F (a C1 control) is a control character: only newlines and tabs are allowed'],
  ])('rejects the control character %j, naming it by code point and name', (ch, reason) => {
    expect(rejection(`She ${ch}waits.`)).toBe(`story.md:${TEXT_LINE}:5: ${reason}`);
  });

  it('names every C0 control, CR included', () => {
    const names =
      'NUL SOH STX ETX EOT ENQ ACK BEL BS - - VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US';
    names.split(' ').forEach((name, cp) => {
      if (name === '-') expect(forbiddenCharacter(cp)).toBeUndefined();
      else
        expect(forbiddenCharacter(cp)).toBe(
          `${codePointLabel(cp)} (${name}) is a control character: only newlines and tabs are allowed`,
        );
    });
  });

  it.each([
    [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
    [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
    [0x202c, 'POP DIRECTIONAL FORMATTING'],
    [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
    [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
    [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
    [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
    [0x2068, 'FIRST STRONG ISOLATE'],
    [0x2069, 'POP DIRECTIONAL ISOLATE'],
  ])('rejects the bidirectional control %s', (cp, name) => {
    expect(rejection(`She waits ${String.fromCodePoint(cp)}here.`)).toBe(
      `story.md:${TEXT_LINE}:11: ${codePointLabel(cp)} (${name}) reorders how text is shown against how it is stored: right-to-left text needs none of them`,
    );
  });

  it('rejects what XML 1.0 forbids: U+FFFE, U+FFFF and lone surrogates', () => {
    expect(rejection('A \ufffe.')).toMatch(/:3: U\+FFFE \(a noncharacter\) is not text and is not allowed in XML$/);
    expect(rejection('A \uffff.')).toMatch(/:3: U\+FFFF \(a noncharacter\)/);
    expect(rejection('A \ud800.')).toMatch(/:3: U\+D800 \(a lone surrogate\) is half of a character/);
    expect(rejection('A \udbff.')).toMatch(/:3: U\+DBFF \(a lone surrogate\)/);
    expect(rejection('A \udc00.')).toMatch(/:3: U\+DC00 \(a lone surrogate\)/);
    expect(rejection('A \udfff.')).toMatch(/:3: U\+DFFF \(a lone surrogate\)/);
    // A lone surrogate before a whole one is still alone.
    expect(rejection('A \ud83d\ud83d\ude00.')).toMatch(/:3: U\+D83D \(a lone surrogate\)/);
  });

  it('rejects the other noncharacters', () => {
    expect(rejection('A \ufdd0.')).toMatch(/:3: U\+FDD0 \(a noncharacter\)/);
    expect(rejection('A \ufdef.')).toMatch(/:3: U\+FDEF \(a noncharacter\)/);
    expect(rejection(`A ${String.fromCodePoint(0x1fffe)}.`)).toMatch(/:3: U\+1FFFE \(a noncharacter\)/);
    expect(rejection(`A ${String.fromCodePoint(0x10ffff)}.`)).toMatch(/:3: U\+10FFFF \(a noncharacter\)/);
  });

  it('rejects U+FFFD, the mark of bytes that were not UTF-8', () => {
    expect(rejection('Caf\ufffd.')).toBe(
      `story.md:${TEXT_LINE}:4: U+FFFD (REPLACEMENT CHARACTER) stands for bytes that were not valid UTF-8: save the file as UTF-8`,
    );
  });

  it('accepts every other character: tabs, marks, symbols, other scripts, emoji', () => {
    for (const cp of [
      0x09, 0x20, 0x7e, 0xa0, 0xe9, 0x2014, 0x200e, 0x200f, 0x2065, 0x206a, 0x2029, 0x3042, 0xd7ff, 0xe000, 0xfdcf,
      0xfdf0, 0xfeff, 0xfffc, 0x1f600, 0x10000, 0x1fffd,
    ]) {
      expect(forbiddenCharacter(cp), codePointLabel(cp)).toBeUndefined();
    }
    const story = parseStory(storyWith('Caf\u00e9 \u2014 \u05e9\u05dc\u05d5\u05dd\tand \u{1f600}, \u200eyes.'));
    expect(story.scenes[1].beats[0].paragraphs[0].text).toBe(
      'Caf\u00e9 \u2014 \u05e9\u05dc\u05d5\u05dd\tand \u{1f600}, \u200eyes.',
    );
  });

  it('counts columns in characters, as an editor does, and finds every bad character of a line', () => {
    const problems = characterProblems(['ok', '\u{1f600}\u{1f600}\u0007 x\u0000']);
    expect(problems.map((p) => [p.line, p.col])).toEqual([
      [2, 3],
      [2, 6],
    ]);
  });

  it('checks the front matter too', () => {
    const e = contentErrorOf(FRONT.replace('title: Test', 'title: Te\u0007st') + scene(':: beat\nA.'));
    expect(e.message).toBe('story.md:2:10: U+0007 (BEL) is a control character: only newlines and tabs are allowed');
  });

  it('writes forbidden characters in other messages as code points, and cuts long quotes short', () => {
    expect(quote('a\u001b[31mb')).toBe('"aU+001B[31mb"');
    expect(quote('abcdef', 4)).toBe('"abc\u2026"');
    expect(quote('abcd', 4)).toBe('"abcd"');
    expect(quote('x'.repeat(61))).toBe(`"${'x'.repeat(59)}\u2026"`);
    expect(quote('x'.repeat(60))).toBe(`"${'x'.repeat(60)}"`);
    const e = bodyErrorOf(scene(':: beat\nA.', 'id=one name="One" mood=c\u001bold'));
    expect(e.message).toContain('unknown mood key "cU+001Bold"');
  });
});

describe('the tab in an indented block', () => {
  it('names the tab, where the note block is indented with one', () => {
    const e = contentErrorOf(FRONT.replace('  Second', '\tSecond') + scene(':: beat\nA.'));
    expect(e.message).toBe('story.md:10:1: the "note" block is indented with a tab (U+0009): indent it with spaces');
    const spaced = contentErrorOf(FRONT.replace('  Second', '  \tSecond') + scene(':: beat\nA.'));
    expect(spaced.problems).toEqual([{ line: 10, col: 3, reason: expect.stringMatching(/indented with a tab/) }]);
  });

  it('allows tabs inside the text', () => {
    const story = parseStory(FRONT.replace('  Second note', '  Second\tnote') + scene(':: beat\nA\tB.'));
    expect(story.scenes[0].beats[0].paragraphs[1].text).toBe('Second\tnote paragraph.');
  });
});

describe('line endings', () => {
  it('reads a CR LF file (or old CR) exactly as the same file with LF', () => {
    for (const name of ['small', 'night'] as const) {
      const lf = fixtureSource(name);
      expect(parseStory(lf.replace(/\n/g, '\r\n')), name).toEqual(parseStory(lf));
      expect(parseStory(lf.replace(/\n/g, '\r')), name).toEqual(parseStory(lf));
    }
  });

  it('reports the same line numbers in a CR LF file', () => {
    const e = contentErrorOf(storyWith('She \u0007waits.').replace(/\n/g, '\r\n'));
    expect(e.message).toMatch(new RegExp(`^story\\.md:${TEXT_LINE}:5: U\\+0007 \\(BEL\\)`));
  });

  it('ignores a byte order mark at the start, and counts columns without it', () => {
    expect(parseStory('\ufeff' + fixtureSource())).toEqual(parseStory(fixtureSource()));
    const e = contentErrorOf('\ufeff' + FRONT.replace('title: Test', 'title: Te\u0007st') + scene(':: beat\nA.'));
    expect(e.problems[0]).toMatchObject({ line: 2, col: 10 });
  });
});

describe('words that cannot wrap', () => {
  it(`rejects a run of more than ${MAX_WORD_CHARS} characters without a space, where it starts`, () => {
    const long = 'x'.repeat(MAX_WORD_CHARS + 1);
    expect(rejection(`It was ${long} long.`)).toBe(
      `story.md:${TEXT_LINE}:8: a word of 51 characters, more than 50: it cannot wrap and would widen the page`,
    );
    expect(rejection(`Ends with ${long}`)).toMatch(new RegExp(`:${TEXT_LINE}:11: a word of 51`));
  });

  it(`accepts a word of ${MAX_WORD_CHARS} characters, and counts characters, not code units`, () => {
    expect(() => parseStory(storyWith(`A ${'x'.repeat(MAX_WORD_CHARS)} word.`))).not.toThrow();
    expect(() => parseStory(storyWith(`A ${'\u{1f600}'.repeat(MAX_WORD_CHARS)} word.`))).not.toThrow();
  });

  it('does not break a word at a no-break space', () => {
    expect(rejection(`A ${'x'.repeat(30)}\u00a0${'x'.repeat(30)}`)).toMatch(/a word of 61 characters/);
    expect(rejection(`A ${'x'.repeat(30)}\u202f${'x'.repeat(30)}`)).toMatch(/a word of 61 characters/);
    expect(rejection(`A ${'x'.repeat(30)}\u2007${'x'.repeat(30)}`)).toMatch(/a word of 61 characters/);
    expect(rejection(`A ${'x'.repeat(30)}\ufeff${'x'.repeat(30)}`)).toMatch(/a word of 61 characters/);
    expect(() => parseStory(storyWith(`A ${'x'.repeat(30)}\u2003${'x'.repeat(30)}`))).not.toThrow();
  });
});

describe('random bytes', () => {
  const garbage = new TextDecoder().decode(randomBytes(3000));

  it('are rejected inside a beat, by line and column', () => {
    const e = contentErrorOf(storyWith(garbage));
    expect(e.problems.length).toBeGreaterThan(10);
    expect(e.message).toMatch(new RegExp(`^story\\.md:${TEXT_LINE}:\\d+: U\\+FFFD \\(REPLACEMENT CHARACTER\\)`, 'm'));
    expect(e.message).toMatch(new RegExp(`^story\\.md:\\d+:\\d+: U\\+00[01][0-9A-F] \\([A-Z]+\\) is a control`, 'm'));
  });

  it('are rejected as a whole file', () => {
    expect(() => parseStory(garbage)).toThrow(ContentError);
  });

  it('are rejected as printable characters without spaces', () => {
    const printable = Array.from(randomBytes(3000, 7), (b) => String.fromCharCode(0x21 + (b % 94))).join('');
    expect(rejection(printable.replace(/\*/g, '+'))).toMatch(/a word of 3000 characters/);
  });
});

describe('the error list', () => {
  const withBadLines = (n: number) => storyWith(Array.from({ length: n }, () => 'A\u0007.').join('\n'));

  it(`lists the first ${MAX_REPORTED_PROBLEMS} problems, then counts the rest`, () => {
    const e = contentErrorOf(withBadLines(60));
    expect(e.problems).toHaveLength(60);
    const lines = e.message.split('\n');
    expect(lines).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(lines[MAX_REPORTED_PROBLEMS - 1]).toMatch(new RegExp(`^story\\.md:${TEXT_LINE + 49}:2: U\\+0007`));
    expect(lines[MAX_REPORTED_PROBLEMS]).toBe('story.md: and 10 more problems');
  });

  it('says "problem" for one more, and nothing when all fit', () => {
    expect(contentErrorOf(withBadLines(51)).message.split('\n').at(-1)).toBe('story.md: and 1 more problem');
    const all = contentErrorOf(withBadLines(50)).message.split('\n');
    expect(all).toHaveLength(50);
    expect(all.at(-1)).toMatch(/U\+0007/);
  });

  it('sorts the problems of one line by column, whatever order they were found in', () => {
    // The control character is found before the word it is in has ended.
    const e = contentErrorOf(storyWith(`A ${'x'.repeat(55)}\u0007x`));
    expect(e.problems.map((p) => p.col)).toEqual([3, 58]);
    const mark = bodyErrorOf(scene(':: beat\nA.\n:: chap\u0007ter'));
    expect(mark.problems.map((p) => p.col)).toEqual([undefined, 8]);
  });

  it('sorts problems by line, then column', () => {
    const e = contentErrorOf(storyWith('\u0007 \u0000 \u001b').replace(':: light Cold.', ':: light C\u0007old.'));
    expect(e.problems.map((p) => [p.line, p.col])).toEqual([
      [bodyLine(2), 11],
      [TEXT_LINE, 1],
      [TEXT_LINE, 3],
      [TEXT_LINE, 5],
    ]);
  });
});

describe('size limits', () => {
  it(`rejects a file of more than ${MAX_FILE_BYTES.toLocaleString('en')} bytes, before reading it`, () => {
    const huge = storyWith('word '.repeat(MAX_FILE_BYTES / 5));
    const e = contentErrorOf(huge);
    expect(e.message).toBe(
      `story.md:1: the file is ${utf8Bytes(huge).toLocaleString('en')} bytes; a story file may be at most 1,000,000 bytes (1 MB)`,
    );
  });

  it('counts the limit in UTF-8 bytes', () => {
    expect(utf8Bytes('a\u00e9\u20ac\u{1f600}')).toBe(1 + 2 + 3 + 4);
    expect(utf8Bytes('\u007f\u0080\u07ff\u0800\uffff')).toBe(1 + 2 + 2 + 3 + 3);
    expect(utf8Bytes('\ud800a\udc00')).toBe(3 + 1 + 3);
    expect(utf8Bytes('\udbff\udfff')).toBe(4);
    expect(utf8Bytes('\ud800\udc00')).toBe(4);
    expect(utf8Bytes('\ud7ff\ue000')).toBe(6);
    expect(fileSizeProblem('x'.repeat(MAX_FILE_BYTES))).toBeUndefined();
    expect(fileSizeProblem('x'.repeat(MAX_FILE_BYTES + 1))).toMatch(/1,000,001 bytes/);
    expect(fileSizeProblem('\u00e9'.repeat(MAX_FILE_BYTES / 2 + 1))).toMatch(/1,000,002 bytes/);
  });

  it(`rejects a story of more than ${MAX_WORDS.toLocaleString('en')} words, where it passes the limit`, () => {
    // The note has 6 words; ten paragraphs of 4,000 words take the story to 40,006.
    const paragraph = 'a '.repeat(4000).trim();
    const paragraphs = Array.from({ length: 10 }, () => paragraph).join('\n\n');
    const e = contentErrorOf(storyWith(paragraphs));
    expect(e.message).toBe(
      `story.md:${TEXT_LINE + 18}: the story passes 40,000 words here (it has 40,006): a longer text makes a page too heavy to load`,
    );
  });

  it(`accepts a story of ${MAX_WORDS.toLocaleString('en')} words`, () => {
    const paragraph = 'a '.repeat(3999).trim();
    const paragraphs = [...Array.from({ length: 10 }, () => paragraph), 'a a a a'].join('\n\n');
    expect(parseStory(storyWith(paragraphs)).words).toBe(MAX_WORDS);
  });
});
