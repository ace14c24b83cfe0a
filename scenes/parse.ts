import { isMoodKey, moodKeys, type MoodKey } from './moods';
import { typeset } from './typeset';
import { beatKind } from './beatKind';
import type { Beat, Paragraph, ParagraphKind, Scene, SceneKind, Span, Story } from './types';
import { characterProblems, fileSizeProblem, MAX_WORDS, quote } from './validate';

/** Words a minute for the reading-time estimate: an unhurried reading of fiction. */
export const WORDS_PER_MINUTE = 250;

export interface ContentProblem {
  line: number;
  /** 1-based, in characters, for problems with one character or word of a line. */
  col?: number;
  reason: string;
}

/** The most problems an error message lists; the rest are counted. */
export const MAX_REPORTED_PROBLEMS = 50;

/**
 * A content file that cannot become a story. Its message names each problem as
 * `file:line: reason` (or `file:line:col: reason`), the first fifty of them, then how many more.
 */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ContentProblem[],
  ) {
    const shown = problems
      .slice(0, MAX_REPORTED_PROBLEMS)
      .map((p) => `${file}:${p.line}${p.col ? `:${p.col}` : ''}: ${p.reason}`);
    const more = problems.length - MAX_REPORTED_PROBLEMS;
    if (more > 0) shown.push(`${file}: and ${more} more ${more === 1 ? 'problem' : 'problems'}`);
    super(shown.join('\n'));
    this.name = 'ContentError';
  }
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FRONT_MATTER_KEYS = ['title', 'author', 'lang', 'description', 'note', 'note-mood', 'note-light'];
/** Words a beat mark takes alone: `hold` makes the beat one of the story's peaks. */
const BEAT_FLAGS = ['hold'];
const REQUIRED_KEYS = ['title', 'lang', 'note', 'note-mood', 'note-light'];

interface Line {
  n: number;
  text: string;
}

interface FrontMatter {
  fields: Map<string, { value: string; line: number }>;
  bodyStart: number;
}

/**
 * Reads a mark's `name=value` attributes. `flags` are the words the mark also takes alone
 * (`:: beat hold`); they are read as an attribute with an empty value.
 */
function parseAttributes(source: string, line: number, problems: ContentProblem[], flags: readonly string[] = []) {
  const attrs = new Map<string, string>();
  const pattern = /\s*([a-z-]+)(?:=(?:"([^"]*)"|(\S+))|(?=\s|$))/gy;
  let rest = source;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(rest)) !== null) {
    const name = match[1];
    const value = match[2] ?? match[3];
    // A lone word that is not a flag stays unread, so the message quotes it as written.
    if (value === undefined && !flags.includes(name)) break;
    if (attrs.has(name)) problems.push({ line, reason: `attribute "${name}" is given twice` });
    else if (value !== undefined && flags.includes(name))
      problems.push({ line, reason: `"${name}" is written alone, without a value: ":: beat ${name}"` });
    attrs.set(name, value ?? '');
    consumed = pattern.lastIndex;
  }
  rest = rest.slice(consumed).trim();
  if (rest)
    problems.push({ line, reason: `cannot read ${quote(rest)}: attributes are written name=value or name="a value"` });
  return attrs;
}

function parseFrontMatter(lines: Line[], problems: ContentProblem[]): FrontMatter {
  const fields: FrontMatter['fields'] = new Map();
  if (lines[0]?.text.trim() !== '---') {
    problems.push({ line: 1, reason: 'the file must open with a "---" front matter block (title, lang, note...)' });
    return { fields, bodyStart: 0 };
  }
  let i = 1;
  while (i < lines.length && lines[i].text.trim() !== '---') {
    const { n, text } = lines[i];
    if (!text.trim()) {
      i++;
      continue;
    }
    const m = /^([a-z-]+):\s?(.*)$/.exec(text);
    if (!m) {
      problems.push({ line: n, reason: `front matter lines are "key: value", not ${quote(text.trim())}` });
      i++;
      continue;
    }
    const [, name, raw] = m;
    if (!FRONT_MATTER_KEYS.includes(name)) {
      problems.push({ line: n, reason: `unknown front matter key "${name}" (known: ${FRONT_MATTER_KEYS.join(', ')})` });
    }
    if (fields.has(name)) problems.push({ line: n, reason: `front matter key "${name}" is given twice` });
    let value = raw.trim();
    i++;
    if (value === '|') {
      // A block: indented lines, blank lines separating paragraphs.
      const block: string[] = [];
      while (i < lines.length && (/^[ \t]/.test(lines[i].text) || !lines[i].text.trim())) {
        if (lines[i].text.trim() === '---') break;
        const tab = /^ *\t/.exec(lines[i].text);
        if (tab) {
          problems.push({
            line: lines[i].n,
            col: tab[0].length,
            reason: `the "${name}" block is indented with a tab (U+0009): indent it with spaces`,
          });
        }
        block.push(lines[i].text.trim());
        i++;
      }
      value = block.join('\n').trim();
    }
    fields.set(name, { value, line: n });
  }
  if (i >= lines.length) {
    problems.push({ line: 1, reason: 'unclosed mark: the front matter opened here is never closed with "---"' });
    return { fields, bodyStart: lines.length };
  }
  for (const name of REQUIRED_KEYS) {
    const field = fields.get(name);
    if (!field?.value) problems.push({ line: field?.line ?? 1, reason: `front matter needs a "${name}"` });
  }
  return { fields, bodyStart: i + 1 };
}

function parseSpans(text: string, line: number, problems: ContentProblem[]): Span[] {
  const parts = text.split('*');
  if (parts.length % 2 === 0) {
    // The paragraph is still read, so the rest of the file is checked; no story is returned.
    problems.push({ line, reason: 'unclosed mark: an emphasis "*" is opened but never closed' });
  }
  const spans: Span[] = [];
  parts.forEach((part, i) => {
    if (!part) return;
    spans.push(i % 2 === 1 ? { text: part, em: true } : { text: part });
  });
  // Typeset the paragraph as a whole so quotes next to an emphasis still curl the right way.
  const whole = typeset(spans.map((s) => s.text).join(''));
  let at = 0;
  return spans.map((s) => {
    const typed = whole.slice(at, at + s.text.length);
    at += s.text.length;
    return { ...s, text: typed };
  });
}

function countWords(text: string): number {
  return text.split(/\s/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function makeParagraph(source: string, line: number, kind: ParagraphKind, problems: ContentProblem[]): Paragraph {
  const spans = parseSpans(source, line, problems);
  return { kind, spans, text: spans.map((s) => s.text).join(''), line };
}

interface OpenScene {
  scene: Scene;
  line: number;
  hasLight: boolean;
}

/**
 * Parses a content file into a Story. Throws a ContentError naming each problem by
 * line; a story is only returned when the file is entirely valid.
 */
export function parseStory(source: string, file = 'story.md'): Story {
  const tooBig = fileSizeProblem(source);
  // A file this size is not a short story; reading it would only produce a page that never loads.
  if (tooBig) throw new ContentError(file, [{ line: 1, reason: tooBig }]);
  // CR LF and CR end lines like LF; a byte order mark is not part of the text.
  const texts = source.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const problems: ContentProblem[] = characterProblems(texts);
  const lines: Line[] = texts.map((text, i) => ({ n: i + 1, text }));
  const { fields, bodyStart } = parseFrontMatter(lines, problems);
  const field = (name: string) => fields.get(name)?.value ?? '';

  const scenes: Scene[] = [];
  const idLines = new Map<string, number>();
  let beatCount = 0;

  const checkMood = (value: string | undefined, line: number): MoodKey | undefined => {
    if (value === undefined) return undefined;
    if (isMoodKey(value)) return value;
    problems.push({ line, reason: `unknown mood key ${quote(value)} (known: ${moodKeys.join(', ')})` });
    return undefined;
  };
  const claimId = (id: string, line: number) => {
    const first = idLines.get(id);
    if (first !== undefined) problems.push({ line, reason: `duplicate id "${id}" (first used on line ${first})` });
    else idLines.set(id, line);
  };
  const newBeat = (scene: Scene, mood?: MoodKey): Beat => {
    const beat: Beat = {
      id: `${scene.id}-${scene.beats.length + 1}`,
      index: beatCount++,
      mood,
      // Decided once the whole story is read (`beatKind`): it depends on what follows.
      kind: 'narration',
      paragraphs: [],
      words: 0,
    };
    scene.beats.push(beat);
    return beat;
  };

  // The author's note becomes the first scene, so every route counts positions alike.
  const noteLine = fields.get('note')?.line ?? 1;
  const noteMood = checkMood(field('note-mood') || undefined, fields.get('note-mood')?.line ?? 1);
  const note: Scene = {
    id: 'note',
    name: typeset("Author's note"),
    kind: 'note',
    mood: noteMood ?? 'title-card',
    light: field('note-light'),
    beats: [],
  };
  claimId(note.id, noteLine);
  const noteBeat = newBeat(note);
  // The block's lines are trimmed, its blank lines separate paragraphs (an empty note is a problem already).
  for (const para of field('note').split(/\n\s*\n/)) {
    noteBeat.paragraphs.push(makeParagraph(para.replace(/\n/g, ' '), noteLine, 'narration', problems));
  }
  scenes.push(note);

  let open: OpenScene | undefined;
  let beat: Beat | undefined;
  let voicemailLine: number | undefined;
  let pending: Line[] = [];

  const flush = () => {
    if (!pending.length) return;
    const first = pending[0].n;
    const text = pending.map((l) => l.text.trim()).join(' ');
    pending = [];
    if (!open) {
      problems.push({ line: first, reason: 'text outside a scene: open one with ":: scene id=... name=... mood=..."' });
      return;
    }
    if (!beat) {
      problems.push({ line: first, reason: `text before the first ":: beat" of scene "${open.scene.id}"` });
      return;
    }
    const kind: ParagraphKind =
      voicemailLine !== undefined ? 'voicemail' : /^["\u201c]/.test(text) ? 'dialogue' : 'narration';
    beat.paragraphs.push(makeParagraph(text, first, kind, problems));
  };

  let beatLine = 0;
  /** Every change of light inside a scene is described where it happens, for readers who cannot see it. */
  const checkBeatLight = () => {
    if (beat?.mood && beat.light === undefined)
      problems.push({
        line: beatLine,
        reason: `beat "${beat.id}" changes the light (mood=${beat.mood}) but has no ":: light" line describing the change`,
      });
  };

  const closeScene = (line: number) => {
    if (!open) return;
    checkBeatLight();
    const { scene } = open;
    if (voicemailLine !== undefined) {
      problems.push({
        line: voicemailLine,
        reason: 'unclosed mark: ":: voicemail" is never closed with ":: end voicemail"',
      });
      voicemailLine = undefined;
    }
    if (!open.hasLight) problems.push({ line: open.line, reason: `scene "${scene.id}" has no ":: light" description` });
    const emptyBeat = scene.beats.find((b) => b.paragraphs.length === 0);
    if (!scene.beats.length || scene.beats.every((b) => b.paragraphs.length === 0)) {
      problems.push({ line: open.line, reason: `empty scene "${scene.id}": it has no paragraphs` });
    } else if (emptyBeat) {
      problems.push({ line, reason: `empty beat "${emptyBeat.id}" in scene "${scene.id}"` });
    }
    scenes.push(scene);
    open = undefined;
    beat = undefined;
  };

  for (const l of lines.slice(bodyStart)) {
    // `rest` is trimmed: the line is, and the pattern takes the spaces before it.
    const mark = /^::\s*(\S+)\s*(.*)$/.exec(l.text.trim());
    if (!mark) {
      if (l.text.trim()) pending.push(l);
      else flush();
      continue;
    }
    flush();
    const [, name, rest] = mark;
    if (name === 'scene') {
      if (open) {
        problems.push({
          line: open.line,
          reason: `unclosed mark: scene "${open.scene.id}" is not closed with ":: end scene" before the next scene`,
        });
        closeScene(l.n);
      }
      const attrs = parseAttributes(rest, l.n, problems);
      for (const a of attrs.keys()) {
        if (!['id', 'name', 'mood', 'kind'].includes(a))
          problems.push({ line: l.n, reason: `unknown scene attribute "${a}"` });
      }
      const id = attrs.get('id') ?? '';
      if (!id) problems.push({ line: l.n, reason: 'a scene needs an id=' });
      else if (!ID.test(id))
        problems.push({ line: l.n, reason: `scene id ${quote(id)} must be lower-case words joined by "-"` });
      else claimId(id, l.n);
      if (!attrs.get('name')) problems.push({ line: l.n, reason: 'a scene needs a name="..."' });
      if (!attrs.has('mood')) problems.push({ line: l.n, reason: 'a scene needs a mood=' });
      const kind = attrs.get('kind') ?? 'story';
      if (kind !== 'story' && kind !== 'coda')
        problems.push({ line: l.n, reason: `scene kind "${kind}" is not "story" or "coda"` });
      open = {
        line: l.n,
        hasLight: false,
        scene: {
          id,
          name: typeset(attrs.get('name') ?? ''),
          kind: kind as SceneKind,
          mood: checkMood(attrs.get('mood'), l.n) ?? 'title-card',
          light: '',
          beats: [],
        },
      };
    } else if (name === 'light' && beat) {
      // Inside a beat: the light changing at that beat, told right before its text.
      if (!beat.mood)
        problems.push({
          line: l.n,
          reason: `":: light" in beat "${beat.id}", which does not change the light: give the beat a mood=, or move the line before the scene's first beat`,
        });
      else if (beat.light !== undefined)
        problems.push({ line: l.n, reason: `beat "${beat.id}" has two ":: light" descriptions` });
      else if (beat.paragraphs.length)
        problems.push({
          line: l.n,
          reason: `":: light" after the text of beat "${beat.id}": put it right after ":: beat", where the light changes`,
        });
      else if (!rest) problems.push({ line: l.n, reason: '":: light" needs a description of the light' });
      else beat.light = typeset(rest);
    } else if (name === 'light') {
      if (!open) problems.push({ line: l.n, reason: '":: light" outside a scene' });
      else if (open.hasLight)
        problems.push({ line: l.n, reason: `scene "${open.scene.id}" has two ":: light" descriptions` });
      else if (!rest) problems.push({ line: l.n, reason: '":: light" needs a description of the light' });
      else {
        open.scene.light = typeset(rest);
        open.hasLight = true;
      }
    } else if (name === 'beat') {
      if (!open) {
        problems.push({ line: l.n, reason: 'beat outside a scene' });
        continue;
      }
      if (voicemailLine !== undefined) {
        problems.push({
          line: voicemailLine,
          reason: 'unclosed mark: ":: voicemail" is never closed before the next beat',
        });
        voicemailLine = undefined;
      }
      const attrs = parseAttributes(rest, l.n, problems, BEAT_FLAGS);
      for (const a of attrs.keys()) {
        if (a !== 'mood' && !BEAT_FLAGS.includes(a))
          problems.push({ line: l.n, reason: `unknown beat attribute "${a}" (known: mood=, hold)` });
      }
      checkBeatLight();
      beat = newBeat(open.scene, checkMood(attrs.get('mood'), l.n));
      if (attrs.has('hold')) beat.hold = true;
      beatLine = l.n;
    } else if (name === 'voicemail') {
      if (!beat) problems.push({ line: l.n, reason: '":: voicemail" outside a beat' });
      else if (voicemailLine !== undefined) problems.push({ line: l.n, reason: '":: voicemail" inside a voicemail' });
      else voicemailLine = l.n;
    } else if (name === 'end') {
      const what = rest;
      if (what === 'scene') {
        if (!open) problems.push({ line: l.n, reason: '":: end scene" without an open scene' });
        else closeScene(l.n);
      } else if (what === 'voicemail') {
        if (voicemailLine === undefined)
          problems.push({ line: l.n, reason: '":: end voicemail" without an open voicemail' });
        voicemailLine = undefined;
      } else {
        problems.push({ line: l.n, reason: `":: end" must be followed by "scene" or "voicemail", not ${quote(what)}` });
      }
    } else {
      problems.push({
        line: l.n,
        reason: `unknown mark ${quote(`:: ${name}`)} (known: scene, light, beat, voicemail, end)`,
      });
    }
  }
  flush();
  if (open) {
    problems.push({
      line: open.line,
      reason: `unclosed mark: scene "${open.scene.id}" is never closed with ":: end scene"`,
    });
    closeScene(lines.length);
  }
  if (scenes.length < 2) problems.push({ line: lines.length, reason: 'the story has no scenes' });

  let words = 0;
  let overLimit: number | undefined;
  const finalBeat = scenes.findLast((s) => s.kind === 'story')?.beats.at(-1);
  for (const scene of scenes) {
    for (const b of scene.beats) {
      b.kind = beatKind(b.paragraphs, scene.kind, b === finalBeat);
      for (const p of b.paragraphs) {
        const n = countWords(p.text);
        b.words += n;
        words += n;
        if (words > MAX_WORDS) overLimit ??= p.line;
      }
    }
  }
  if (overLimit !== undefined) {
    problems.push({
      line: overLimit,
      reason: `the story passes ${MAX_WORDS.toLocaleString('en')} words here (it has ${words.toLocaleString('en')}): a longer text makes a page too heavy to load`,
    });
  }

  if (problems.length) {
    problems.sort((a, b) => a.line - b.line || (a.col ?? 0) - (b.col ?? 0));
    throw new ContentError(file, problems);
  }

  const author = typeset(field('author'));
  return {
    title: typeset(field('title')),
    ...(author ? { author } : {}),
    lang: field('lang'),
    description: typeset(field('description')),
    scenes,
    words,
    minutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
  };
}
