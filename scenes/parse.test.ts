import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ContentError, parseStory } from './parse';
import { moodKeys } from './moods';

const front = `---
title: Test "Story"
lang: en
note-mood: title-card
note-light: A grain of light.
note: |
  First note paragraph.

  Second note paragraph.
---
`;

/** Parses a body after a valid front matter and returns the thrown content error. */
function errorOf(body: string, file = 'story.md'): ContentError {
  try {
    parseStory(front + body, file);
  } catch (e) {
    if (e instanceof ContentError) return e;
    throw e;
  }
  throw new Error('expected the content to be rejected');
}

/** Line numbers in the body, counted from the first body line, become file lines. */
const bodyLine = (n: number) => front.split('\n').length - 1 + n;

const scene = (inner: string, attrs = 'id=one name="One" mood=cold-room') =>
  `:: scene ${attrs}\n:: light Cold.\n${inner}\n:: end scene\n`;

describe('parseStory', () => {
  it('reads front matter, scenes, beats and paragraph kinds', () => {
    const story = parseStory(
      front +
        scene(
          ':: beat\nShe said nothing.\nStill nothing.\n\n"Hi," he said.\n:: beat mood=wine\n:: light Wine-dark warmth...\n:: voicemail\n"It\'s me."\n:: end voicemail\nA *glass* of wine...',
        ),
    );
    expect(story.title).toBe('Test \u201cStory\u201d');
    expect(story.lang).toBe('en');
    expect(story.scenes.map((s) => s.id)).toEqual(['note', 'one']);
    const [note, one] = story.scenes;
    expect(note.kind).toBe('note');
    expect(note.beats[0].paragraphs.map((p) => p.text)).toEqual(['First note paragraph.', 'Second note paragraph.']);
    expect(one.mood).toBe('cold-room');
    expect(one.light).toBe('Cold.');
    expect(one.beats.map((b) => b.id)).toEqual(['one-1', 'one-2']);
    expect(one.beats.map((b) => b.index)).toEqual([1, 2]);
    expect(one.beats[1].mood).toBe('wine');
    expect(one.beats[1].light).toBe('Wine-dark warmth\u2026');
    expect(one.beats[0].light).toBeUndefined();
    const [narration, dialogue] = one.beats[0].paragraphs;
    expect(narration).toMatchObject({ kind: 'narration', text: 'She said nothing. Still nothing.', line: bodyLine(4) });
    expect(dialogue).toMatchObject({ kind: 'dialogue', text: '\u201cHi,\u201d he said.' });
    const [voicemail, emphasis] = one.beats[1].paragraphs;
    expect(voicemail).toMatchObject({ kind: 'voicemail', text: '\u201cIt\u2019s me.\u201d' });
    expect(emphasis.spans).toEqual([{ text: 'A ' }, { text: 'glass', em: true }, { text: ' of wine\u2026' }]);
    // 6 words of note, 8 of the first beat, 6 of the second.
    expect(story.words).toBe(6 + 8 + 6);
  });

  it('parses the real story: every scene has beats, every mood key is known', () => {
    const story = parseStory(readFileSync('scenes/story.md', 'utf8'), 'scenes/story.md');
    expect(story.title).toBe('Come Home');
    expect(story.scenes[0].kind).toBe('note');
    expect(story.scenes.at(-1)?.kind).toBe('coda');
    expect(story.scenes).toHaveLength(11);
    for (const s of story.scenes) {
      expect(s.beats.length).toBeGreaterThan(0);
      expect(moodKeys).toContain(s.mood);
      expect(s.light.length).toBeGreaterThan(10);
    }
    const paragraphs = story.scenes.flatMap((s) => s.beats.flatMap((b) => b.paragraphs));
    expect(paragraphs).toHaveLength(2 + 102);
    expect(paragraphs.filter((p) => p.kind === 'voicemail')).toHaveLength(1);
    expect(story.minutes).toBe(14);
  });

  it('rejects an unknown mood key, naming the line', () => {
    const e = errorOf(scene(':: beat\nText.', 'id=one name="One" mood=sunny'));
    expect(e.message).toMatch(new RegExp(`^story\\.md:${bodyLine(1)}: unknown mood key "sunny"`));
    expect(e.problems).toHaveLength(1);
  });

  it('rejects an unknown mood key on a beat', () => {
    const e = errorOf(scene(':: beat\nText.\n:: beat mood=gloomy\nMore.'));
    expect(e.message).toBe(`story.md:${bodyLine(5)}: unknown mood key "gloomy" (known: ${moodKeys.join(', ')})`);
  });

  it('rejects a beat outside a scene', () => {
    const e = errorOf(':: beat\nLost text.\n' + scene(':: beat\nText.'));
    expect(e.message).toContain(`story.md:${bodyLine(1)}: beat outside a scene`);
  });

  it('rejects text outside a scene and text before the first beat', () => {
    const e = errorOf('Stray words.\n' + scene('Early words.\n:: beat\nText.'));
    expect(e.message).toContain(`story.md:${bodyLine(1)}: text outside a scene`);
    expect(e.message).toContain(`story.md:${bodyLine(4)}: text before the first ":: beat" of scene "one"`);
  });

  it('rejects a duplicate id, naming both lines', () => {
    const e = errorOf(scene(':: beat\nA.') + scene(':: beat\nB.'));
    expect(e.message).toBe(`story.md:${bodyLine(6)}: duplicate id "one" (first used on line ${bodyLine(1)})`);
  });

  it('rejects a scene that reuses the note id', () => {
    const e = errorOf(scene(':: beat\nA.', 'id=note name="Note" mood=wine'));
    expect(e.message).toMatch(/duplicate id "note"/);
  });

  it('rejects an empty scene and an empty beat', () => {
    expect(errorOf(scene('')).message).toBe(`story.md:${bodyLine(1)}: empty scene "one": it has no paragraphs`);
    expect(errorOf(scene(':: beat\n:: beat\nText.')).message).toMatch(/empty beat "one-1"/);
  });

  it('rejects an unclosed scene at the end of the file', () => {
    const e = errorOf(':: scene id=one name="One" mood=wine\n:: light Warm.\n:: beat\nText.\n');
    expect(e.message).toBe(`story.md:${bodyLine(1)}: unclosed mark: scene "one" is never closed with ":: end scene"`);
  });

  it('rejects a scene left open when the next one starts', () => {
    const e = errorOf(
      ':: scene id=one name="One" mood=wine\n:: light W.\n:: beat\nA.\n' +
        scene(':: beat\nB.', 'id=two name="Two" mood=wine'),
    );
    expect(e.message).toMatch(new RegExp(`^story\\.md:${bodyLine(1)}: unclosed mark: scene "one"`));
  });

  it('rejects an unclosed voicemail and an unclosed emphasis', () => {
    expect(errorOf(scene(':: beat\n:: voicemail\n"Hi."')).message).toContain(
      `story.md:${bodyLine(4)}: unclosed mark: ":: voicemail"`,
    );
    expect(errorOf(scene(':: beat\nA *loud word.')).message).toContain(
      `story.md:${bodyLine(4)}: unclosed mark: an emphasis`,
    );
  });

  it('rejects unknown marks, attributes and front matter keys', () => {
    expect(errorOf(scene(':: chapter\n:: beat\nA.')).message).toMatch(/unknown mark ":: chapter"/);
    expect(errorOf(scene(':: beat\nA.', 'id=one name="One" mood=wine colour=red')).message).toMatch(
      /unknown scene attribute "colour"/,
    );
    expect(() => parseStory(front.replace('lang: en', 'language: en') + scene(':: beat\nA.'), 'x.md')).toThrow(
      /x\.md:1: front matter needs a "lang"[\s\S]*x\.md:3: unknown front matter key "language"/,
    );
  });

  it('rejects a scene without a light description or with a malformed id', () => {
    expect(errorOf(':: scene id=one name="One" mood=wine\n:: beat\nA.\n:: end scene').message).toMatch(
      /scene "one" has no ":: light" description/,
    );
    expect(errorOf(scene(':: beat\nA.', 'id=One_1 name="One" mood=wine')).message).toMatch(/scene id "One_1" must be/);
  });

  it('rejects a file without front matter or with unclosed front matter', () => {
    expect(() => parseStory(':: scene id=a name="A" mood=wine', 'f.md')).toThrow(/^f\.md:1: the file must open/);
    expect(() => parseStory('---\ntitle: T\n', 'f.md')).toThrow(/f\.md:1: unclosed mark: the front matter/);
  });

  it('reports every problem, sorted by line', () => {
    const e = errorOf(scene(':: beat\nA.', 'id=one name="One" mood=sunny') + scene(':: beat\nB.'));
    expect(e.problems.map((p) => p.line)).toEqual([bodyLine(1), bodyLine(6)]);
  });
});

describe('the light where it changes', () => {
  it('rejects a beat that changes the light without describing it', () => {
    const e = errorOf(scene(':: beat\nA.\n:: beat mood=wine\nB.'));
    expect(e.message).toContain(
      `story.md:${bodyLine(5)}: beat "one-2" changes the light (mood=wine) but has no ":: light"`,
    );
  });

  it('rejects a light line in a beat that does not change the light', () => {
    const e = errorOf(scene(':: beat\n:: light Brighter.\nA.'));
    expect(e.message).toContain(`story.md:${bodyLine(4)}: ":: light" in beat "one-1", which does not change the light`);
  });

  it('rejects a light line after the text of its beat, a second one, and an empty one', () => {
    expect(errorOf(scene(':: beat mood=wine\nA.\n:: light Late.')).message).toContain(
      `story.md:${bodyLine(5)}: ":: light" after the text of beat "one-1"`,
    );
    expect(errorOf(scene(':: beat mood=wine\n:: light One.\n:: light Two.\nA.')).message).toContain(
      `story.md:${bodyLine(5)}: beat "one-1" has two ":: light" descriptions`,
    );
    expect(errorOf(scene(':: beat mood=wine\n:: light\nA.')).message).toContain(
      `story.md:${bodyLine(4)}: ":: light" needs a description of the light`,
    );
  });

  it("tells the real story's light where it changes, and never before", () => {
    const story = parseStory(readFileSync('scenes/story.md', 'utf8'));
    for (const scene of story.scenes) {
      for (const beat of scene.beats) {
        expect(beat.light === undefined, beat.id).toBe(beat.mood === undefined);
      }
    }
    // A scene's opening light tells nothing that happens later in it.
    const call = story.scenes.find((s) => s.id === 'the-call')!;
    expect(call.light).not.toMatch(/come home|headlights|keys|door/i);
    const morning = story.scenes.find((s) => s.id === 'morning')!;
    expect(morning.light).not.toMatch(/gold|kiss/i);
  });
});
