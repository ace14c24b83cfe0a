import { describe, expect, it } from 'vitest';
import { ContentError, parseStory, WORDS_PER_MINUTE } from './parse';
import { moodKeys } from './moods';
import { bodyErrorOf, bodyLine as line, contentErrorOf, FRONT, parseFixture, scene as sceneOf } from './testing';

describe('parseStory', () => {
  it('reads front matter, scenes, beats and paragraph kinds', () => {
    const story = parseStory(
      FRONT +
        sceneOf(
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
    expect(narration).toMatchObject({ kind: 'narration', text: 'She said nothing. Still nothing.', line: line(4) });
    expect(dialogue).toMatchObject({ kind: 'dialogue', text: '\u201cHi,\u201d he said.' });
    const [voicemail, emphasis] = one.beats[1].paragraphs;
    expect(voicemail).toMatchObject({ kind: 'voicemail', text: '\u201cIt\u2019s me.\u201d' });
    expect(emphasis.spans).toEqual([{ text: 'A ' }, { text: 'glass', em: true }, { text: ' of wine\u2026' }]);
    // 6 words of note, 8 of the first beat, 6 of the second.
    expect(story.words).toBe(6 + 8 + 6);
  });

  it('rejects an unknown mood key, naming the line', () => {
    const e = bodyErrorOf(sceneOf(':: beat\nText.', 'id=one name="One" mood=sunny'));
    expect(e.message).toMatch(new RegExp(`^story\\.md:${line(1)}: unknown mood key "sunny"`));
    expect(e.problems).toHaveLength(1);
  });

  it('rejects an unknown mood key on a beat', () => {
    const e = bodyErrorOf(sceneOf(':: beat\nText.\n:: beat mood=gloomy\nMore.'));
    expect(e.message).toBe(`story.md:${line(5)}: unknown mood key "gloomy" (known: ${moodKeys.join(', ')})`);
  });

  it('rejects a beat outside a scene', () => {
    const e = bodyErrorOf(':: beat\nLost text.\n' + sceneOf(':: beat\nText.'));
    expect(e.message).toContain(`story.md:${line(1)}: beat outside a scene`);
  });

  it('rejects text outside a scene and text before the first beat', () => {
    const e = bodyErrorOf('Stray words.\n' + sceneOf('Early words.\n:: beat\nText.'));
    expect(e.message).toContain(`story.md:${line(1)}: text outside a scene`);
    expect(e.message).toContain(`story.md:${line(4)}: text before the first ":: beat" of scene "one"`);
  });

  it('rejects a duplicate id, naming both lines', () => {
    const e = bodyErrorOf(sceneOf(':: beat\nA.') + sceneOf(':: beat\nB.'));
    expect(e.message).toBe(`story.md:${line(6)}: duplicate id "one" (first used on line ${line(1)})`);
  });

  it('rejects a scene that reuses the note id', () => {
    const e = bodyErrorOf(sceneOf(':: beat\nA.', 'id=note name="Note" mood=wine'));
    expect(e.message).toMatch(/duplicate id "note"/);
  });

  it('rejects an empty scene and an empty beat', () => {
    expect(bodyErrorOf(sceneOf('')).message).toBe(`story.md:${line(1)}: empty scene "one": it has no paragraphs`);
    expect(bodyErrorOf(sceneOf(':: beat\n:: beat\nText.')).message).toMatch(/empty beat "one-1"/);
  });

  it('rejects an unclosed scene at the end of the file', () => {
    const e = bodyErrorOf(':: scene id=one name="One" mood=wine\n:: light Warm.\n:: beat\nText.\n');
    expect(e.message).toBe(`story.md:${line(1)}: unclosed mark: scene "one" is never closed with ":: end scene"`);
  });

  it('rejects a scene left open when the next one starts', () => {
    const e = bodyErrorOf(
      ':: scene id=one name="One" mood=wine\n:: light W.\n:: beat\nA.\n' +
        sceneOf(':: beat\nB.', 'id=two name="Two" mood=wine'),
    );
    expect(e.message).toMatch(new RegExp(`^story\\.md:${line(1)}: unclosed mark: scene "one"`));
  });

  it('rejects an unclosed voicemail and an unclosed emphasis', () => {
    expect(bodyErrorOf(sceneOf(':: beat\n:: voicemail\n"Hi."')).message).toContain(
      `story.md:${line(4)}: unclosed mark: ":: voicemail"`,
    );
    expect(bodyErrorOf(sceneOf(':: beat\nA *loud word.')).message).toContain(
      `story.md:${line(4)}: unclosed mark: an emphasis`,
    );
  });

  it('rejects unknown marks, attributes and front matter keys', () => {
    expect(bodyErrorOf(sceneOf(':: chapter\n:: beat\nA.')).message).toMatch(/unknown mark ":: chapter"/);
    expect(bodyErrorOf(sceneOf(':: beat\nA.', 'id=one name="One" mood=wine colour=red')).message).toMatch(
      /unknown scene attribute "colour"/,
    );
    expect(() => parseStory(FRONT.replace('lang: en', 'language: en') + sceneOf(':: beat\nA.'), 'x.md')).toThrow(
      /x\.md:1: front matter needs a "lang"[\s\S]*x\.md:3: unknown front matter key "language"/,
    );
  });

  it('rejects a scene without a light description or with a malformed id', () => {
    expect(bodyErrorOf(':: scene id=one name="One" mood=wine\n:: beat\nA.\n:: end scene').message).toMatch(
      /scene "one" has no ":: light" description/,
    );
    expect(bodyErrorOf(sceneOf(':: beat\nA.', 'id=One_1 name="One" mood=wine')).message).toMatch(
      /scene id "One_1" must be/,
    );
  });

  it('rejects a file without front matter or with unclosed front matter', () => {
    expect(() => parseStory(':: scene id=a name="A" mood=wine', 'f.md')).toThrow(/^f\.md:1: the file must open/);
    expect(() => parseStory('---\ntitle: T\n', 'f.md')).toThrow(/f\.md:1: unclosed mark: the front matter/);
  });

  it('reports every problem, sorted by line', () => {
    const e = bodyErrorOf(sceneOf(':: beat\nA.', 'id=one name="One" mood=sunny') + sceneOf(':: beat\nB.'));
    expect(e.problems.map((p) => p.line)).toEqual([line(1), line(6)]);
  });
});

describe('the light where it changes', () => {
  it('rejects a beat that changes the light without describing it', () => {
    const e = bodyErrorOf(sceneOf(':: beat\nA.\n:: beat mood=wine\nB.'));
    expect(e.message).toContain(
      `story.md:${line(5)}: beat "one-2" changes the light (mood=wine) but has no ":: light"`,
    );
  });

  it('rejects a light line in a beat that does not change the light', () => {
    const e = bodyErrorOf(sceneOf(':: beat\n:: light Brighter.\nA.'));
    expect(e.message).toContain(`story.md:${line(4)}: ":: light" in beat "one-1", which does not change the light`);
  });

  it('rejects a light line after the text of its beat, a second one, and an empty one', () => {
    expect(bodyErrorOf(sceneOf(':: beat mood=wine\nA.\n:: light Late.')).message).toContain(
      `story.md:${line(5)}: ":: light" after the text of beat "one-1"`,
    );
    expect(bodyErrorOf(sceneOf(':: beat mood=wine\n:: light One.\n:: light Two.\nA.')).message).toContain(
      `story.md:${line(5)}: beat "one-1" has two ":: light" descriptions`,
    );
    expect(bodyErrorOf(sceneOf(':: beat mood=wine\n:: light\nA.')).message).toContain(
      `story.md:${line(4)}: ":: light" needs a description of the light`,
    );
  });

  it('gives a light line to every beat that changes the light, and to no other', () => {
    const story = parseFixture('night');
    const beats = story.scenes.flatMap((s) => s.beats);
    expect(beats.filter((b) => b.light !== undefined).map((b) => b.id)).toEqual([
      'machine-2',
      'dial-2',
      'call-3',
      'call-4',
      'call-5',
      'call-6',
      'call-7',
      'call-8',
      'dawn-3',
    ]);
    for (const beat of beats) expect(beat.light === undefined, beat.id).toBe(beat.mood === undefined);
  });
});

describe('parseStory rejects', () => {
  const reasons = (e: ContentError) => e.message.split('\n');
  const one = (body: string) => {
    const e = bodyErrorOf(body);
    expect(e.problems, e.message).toHaveLength(1);
    return e.message;
  };

  it('a scene kind other than story or coda', () => {
    expect(one(sceneOf(':: beat\nA.', 'id=one name="One" mood=wine kind=note'))).toBe(
      `story.md:${line(1)}: scene kind "note" is not "story" or "coda"`,
    );
    expect(parseStory(FRONT + sceneOf(':: beat\nA.', 'id=one name="One" mood=wine kind=story')).scenes[1].kind).toBe(
      'story',
    );
  });

  it('a light line outside a scene, doubled or empty', () => {
    expect(one(':: light Lost.\n' + sceneOf(':: beat\nA.'))).toBe(`story.md:${line(1)}: ":: light" outside a scene`);
    expect(one(sceneOf(':: light Again.\n:: beat\nA.'))).toBe(
      `story.md:${line(3)}: scene "one" has two ":: light" descriptions`,
    );
    expect(
      reasons(bodyErrorOf(':: scene id=one name="One" mood=wine\n:: light   \n:: beat\nA.\n:: end scene')),
    ).toEqual([
      `story.md:${line(1)}: scene "one" has no ":: light" description`,
      `story.md:${line(2)}: ":: light" needs a description of the light`,
    ]);
  });

  it('a voicemail outside a beat, inside a voicemail, or closed without one', () => {
    expect(one(':: voicemail\n' + sceneOf(':: beat\nA.'))).toBe(`story.md:${line(1)}: ":: voicemail" outside a beat`);
    expect(one(sceneOf(':: voicemail\n:: beat\nA.'))).toBe(`story.md:${line(3)}: ":: voicemail" outside a beat`);
    expect(one(sceneOf(':: beat\n:: voicemail\n"A."\n:: voicemail\n"B."\n:: end voicemail'))).toBe(
      `story.md:${line(6)}: ":: voicemail" inside a voicemail`,
    );
    expect(one(sceneOf(':: beat\nA.\n:: end voicemail'))).toBe(
      `story.md:${line(5)}: ":: end voicemail" without an open voicemail`,
    );
  });

  it('a voicemail left open at the next beat or at the end of the scene', () => {
    expect(one(sceneOf(':: beat\n:: voicemail\n"A."\n:: beat\nB.'))).toBe(
      `story.md:${line(4)}: unclosed mark: ":: voicemail" is never closed before the next beat`,
    );
    expect(one(sceneOf(':: beat\n:: voicemail\n"A."'))).toBe(
      `story.md:${line(4)}: unclosed mark: ":: voicemail" is never closed with ":: end voicemail"`,
    );
  });

  it('only the voicemail is a recording: the paragraph after it is read again', () => {
    const story = parseStory(
      FRONT + sceneOf(':: beat\n:: voicemail\n"A."\n:: end voicemail\n"B."\n\nC.\n:: beat\n"D."'),
    );
    expect(story.scenes[1].beats.flatMap((b) => b.paragraphs.map((p) => p.kind))).toEqual([
      'voicemail',
      'dialogue',
      'narration',
      'dialogue',
    ]);
  });

  it('a stray or unknown end', () => {
    expect(one(sceneOf(':: beat\nA.') + ':: end scene\n')).toBe(
      `story.md:${line(6)}: ":: end scene" without an open scene`,
    );
    expect(one(sceneOf(':: beat\nA.\n:: end chapter'))).toBe(
      `story.md:${line(5)}: ":: end" must be followed by "scene" or "voicemail", not "chapter"`,
    );
  });

  it('a story with no scenes, at the last line', () => {
    expect(contentErrorOf(FRONT).message).toBe(`story.md:${line(1)}: the story has no scenes`);
    expect(contentErrorOf(FRONT + '\n\n').message).toBe(`story.md:${line(3)}: the story has no scenes`);
  });

  it('a scene without an id, a name or a mood', () => {
    expect(reasons(bodyErrorOf(sceneOf(':: beat\nA.', 'name="One" mood=wine')))).toEqual([
      `story.md:${line(1)}: a scene needs an id=`,
    ]);
    expect(one(sceneOf(':: beat\nA.', 'id=one name="" mood=wine'))).toBe(
      `story.md:${line(1)}: a scene needs a name="..."`,
    );
    expect(one(sceneOf(':: beat\nA.', 'id=one name="One"'))).toBe(`story.md:${line(1)}: a scene needs a mood=`);
  });

  it('an id that is not lower-case words joined by hyphens', () => {
    for (const id of ['one_Two', 'One', 'one-', '-one', 'one--two', 'one_two', 'x.y']) {
      expect(one(sceneOf(':: beat\nA.', `id=${id} name="One" mood=wine`))).toBe(
        `story.md:${line(1)}: scene id "${id}" must be lower-case words joined by "-"`,
      );
    }
    const story = parseStory(FRONT + sceneOf(':: beat\nA.', 'id=one-2-three name="One" mood=wine'));
    expect(story.scenes[1].id).toBe('one-2-three');
  });

  it('an attribute given twice, an unknown beat attribute, and attributes it cannot read', () => {
    expect(one(sceneOf(':: beat\nA.', 'id=one name="One" mood=wine mood=settle'))).toBe(
      `story.md:${line(1)}: attribute "mood" is given twice`,
    );
    expect(one(sceneOf(':: beat colour=red\nA.'))).toBe(
      `story.md:${line(3)}: unknown beat attribute "colour" (known: mood=, hold)`,
    );
    expect(one(sceneOf(':: beat peak\nA.'))).toBe(
      `story.md:${line(3)}: cannot read "peak": attributes are written name=value or name="a value"`,
    );
    expect(one(sceneOf(':: beat hold=yes\nA.'))).toBe(
      `story.md:${line(3)}: "hold" is written alone, without a value: ":: beat hold"`,
    );
    expect(one(sceneOf(':: beat hold hold\nA.'))).toBe(`story.md:${line(3)}: attribute "hold" is given twice`);
    expect(one(sceneOf(':: beat\nA.', 'id=one name="One" mood=wine and more'))).toBe(
      `story.md:${line(1)}: cannot read "and more": attributes are written name=value or name="a value"`,
    );
    expect(one(sceneOf(':: beat\nA.', 'id=one name="One Two" mood=wine "x'))).toContain('cannot read ""x"');
  });

  it('reads a peak, `:: beat hold`, alone or beside a mood, in either order', () => {
    const story = parseStory(
      FRONT +
        sceneOf(
          ':: beat\nA.\n:: beat hold\nB.\n:: beat hold mood=wine\n:: light Warm.\nC.\n:: beat mood=settle hold\n:: light Calm.\nD.',
        ),
    );
    const beats = story.scenes[1].beats;
    expect(beats.map((b) => b.hold ?? false)).toEqual([false, true, true, true]);
    expect(beats.map((b) => b.mood)).toEqual([undefined, undefined, 'wine', 'settle']);
  });

  it('reads the author, typeset, and leaves a story without one without one', () => {
    expect(
      parseStory(FRONT.replace('lang: en', "lang: en\nauthor: Anne O'Neill") + sceneOf(':: beat\nA.')).author,
    ).toBe('Anne O\u2019Neill');
    expect(parseStory(FRONT + sceneOf(':: beat\nA.'))).not.toHaveProperty('author');
  });

  it('reads attributes with quoted spaces and the marks with extra spaces', () => {
    const story = parseStory(
      FRONT +
        '  ::   scene   id=one   name="One and two"  mood=wine\n::light Warm.\n\t::beat mood=settle\n  ::  light Settled.\n  A\n  B.\n   \nShe wrote :: beat here.\n::  end   scene\n',
    );
    expect(story.scenes[1]).toMatchObject({ id: 'one', name: 'One and two', mood: 'wine', light: 'Warm.' });
    expect(story.scenes[1].beats[0].mood).toBe('settle');
    expect(story.scenes[1].beats[0].light).toBe('Settled.');
    // Paragraph lines are trimmed, a line of spaces ends a paragraph, and "::" inside a line is text.
    expect(story.scenes[1].beats[0].paragraphs.map((p) => p.text)).toEqual(['A B.', 'She wrote :: beat here.']);
  });

  it('a scene whose beats are all empty, as an empty scene', () => {
    expect(one(sceneOf(':: beat\n:: beat'))).toBe(`story.md:${line(1)}: empty scene "one": it has no paragraphs`);
  });

  it('text before the first beat, once per paragraph', () => {
    expect(one(sceneOf('Early.\n:: beat\nA.'))).toBe(
      `story.md:${line(3)}: text before the first ":: beat" of scene "one"`,
    );
  });

  it('a beat outside a scene without taking the next scene with it', () => {
    expect(reasons(bodyErrorOf(':: beat\n' + sceneOf(':: beat\nA.')))).toEqual([
      `story.md:${line(1)}: beat outside a scene`,
    ]);
  });
});

describe('the front matter', () => {
  it('reads a key after the note block, and keeps it out of the note', () => {
    const story = parseStory(
      FRONT.replace('lang: en\n', '').replace(
        '---\n\n'.slice(0, 0) + '  Second note paragraph.\n',
        '  Second note paragraph.\nlang: fr\n',
      ) + sceneOf(':: beat\nA.'),
    );
    expect(story.lang).toBe('fr');
    expect(story.scenes[0].beats[0].paragraphs.map((p) => p.text)).toEqual([
      'First note paragraph.',
      'Second note paragraph.',
    ]);
  });

  it('ends a note block at the closing line, even an indented one', () => {
    const story = parseStory(FRONT.replace(/\n---\n$/, '\n  ---\n') + sceneOf(':: beat\nA.'));
    expect(story.scenes[0].beats[0].paragraphs).toHaveLength(2);
    expect(story.scenes).toHaveLength(2);
  });

  it('reads the title, description and note typeset, and the note mood and light', () => {
    const story = parseStory(FRONT.replace('note-mood: title-card', 'note-mood: wine') + sceneOf(':: beat\nA.'));
    expect(story.title).toBe('Test \u201cStory\u201d');
    expect(story.description).toBe('A story for tests.');
    expect(story.scenes[0]).toMatchObject({ id: 'note', name: 'Author\u2019s note', kind: 'note', mood: 'wine' });
    expect(story.scenes[0].light).toBe('A grain of light.');
    expect(story.scenes[0].beats[0]).toMatchObject({ id: 'note-1', index: 0 });
    expect(story.scenes[0].beats[0].paragraphs[0]).toMatchObject({ kind: 'narration', line: 7 });
  });

  it('joins the lines of a note paragraph', () => {
    const story = parseStory(
      FRONT.replace('  First note paragraph.', '  First note\n    paragraph.') + sceneOf(':: beat\nA.'),
    );
    expect(story.scenes[0].beats[0].paragraphs[0].text).toBe('First note paragraph.');
  });

  it('rejects a key given twice, an unknown note mood, a missing note and a line that is no key', () => {
    const e = contentErrorOf(FRONT.replace('lang: en', 'lang: en\nlang: fr') + sceneOf(':: beat\nA.'));
    expect(e.message).toBe('story.md:4: front matter key "lang" is given twice');
    expect(
      contentErrorOf(FRONT.replace('note-mood: title-card', 'note-mood: dusk') + sceneOf(':: beat\nA.')).message,
    ).toMatch(/^story\.md:5: unknown mood key "dusk"/);
    expect(contentErrorOf(FRONT.replace('lang: en', 'Lang = en') + sceneOf(':: beat\nA.')).message).toBe(
      'story.md:1: front matter needs a "lang"\nstory.md:3: front matter lines are "key: value", not "Lang = en"',
    );
    expect(
      contentErrorOf(FRONT.replace(/note: \|[\s\S]*paragraph\.\n/, 'note: |\n') + sceneOf(':: beat\nA.')).message,
    ).toBe('story.md:7: front matter needs a "note"');
    expect(contentErrorOf(FRONT.replace('title: Test "Story"', 'title:') + sceneOf(':: beat\nA.')).message).toBe(
      'story.md:2: front matter needs a "title"',
    );
  });

  it('takes the note mood as title-card when it is not given', () => {
    const e = contentErrorOf(FRONT.replace('note-mood: title-card\n', '') + sceneOf(':: beat\nA.'));
    expect(e.message).toBe('story.md:1: front matter needs a "note-mood"');
  });

  it('reads the front matter with blank lines and a description left out', () => {
    const story = parseStory(
      FRONT.replace('description: A story for tests.\n', '   \n').replace('lang: en', 'lang: en  ') +
        sceneOf(':: beat\nA.'),
    );
    expect(story.description).toBe('');
    expect(story.lang).toBe('en');
    expect(story.title).toBe('Test \u201cStory\u201d');
  });

  it('rejects a key that is not lower-case, quoting the line without its spaces', () => {
    expect(contentErrorOf(FRONT.replace('lang: en', 'Lang: en  ') + sceneOf(':: beat\nA.')).message).toBe(
      'story.md:1: front matter needs a "lang"\nstory.md:3: front matter lines are "key: value", not "Lang: en"',
    );
  });

  it('rejects front matter that ends inside the note block', () => {
    expect(contentErrorOf('---\ntitle: T\nnote: |\n  A note.\n').message).toBe(
      'story.md:1: unclosed mark: the front matter opened here is never closed with "---"\nstory.md:5: the story has no scenes',
    );
  });

  it('rejects a file whose first line is not the opening line', () => {
    expect(contentErrorOf('\n' + FRONT + sceneOf(':: beat\nA.')).message).toMatch(/^story\.md:1: the file must open/);
    expect(parseStory('  ---  ' + FRONT.slice(3) + sceneOf(':: beat\nA.')).title).toBe('Test \u201cStory\u201d');
  });
});

describe('paragraphs', () => {
  it('are dialogue only when they open with a quotation mark', () => {
    const story = parseStory(
      FRONT + sceneOf(':: beat\nShe said "no" then.\n\n\u201cCurly.\u201d\n\n"Straight."\n\n\'Single.\''),
    );
    expect(story.scenes[1].beats[0].paragraphs.map((p) => p.kind)).toEqual([
      'narration',
      'dialogue',
      'dialogue',
      'narration',
    ]);
  });

  it('keep emphasis at the edges and around quotes', () => {
    const story = parseStory(FRONT + sceneOf(':: beat\n*All of it.*\n\n"*Hi*," she said.'));
    const [all, hi] = story.scenes[1].beats[0].paragraphs;
    expect(all.spans).toEqual([{ text: 'All of it.', em: true }]);
    expect(hi.spans).toEqual([{ text: '\u201c' }, { text: 'Hi', em: true }, { text: ',\u201d she said.' }]);
    expect(hi.text).toBe('\u201cHi,\u201d she said.');
  });

  it('count words with a letter or a digit, not dashes', () => {
    const story = parseStory(FRONT + sceneOf(':: beat\nOne - two 3 ... \u2014 *four*'));
    expect(story.scenes[1].beats[0].words).toBe(4);
    expect(story.words).toBe(6 + 4);
  });

  it('give the reading time in whole minutes, at least one', () => {
    expect(parseStory(FRONT + sceneOf(':: beat\nA.')).minutes).toBe(1);
    const words = (n: number) => parseStory(FRONT + sceneOf(`:: beat\n${'a '.repeat(n - 6)}`)).minutes;
    expect(words(WORDS_PER_MINUTE * 3)).toBe(3);
    expect(words(WORDS_PER_MINUTE * 3.5 - 1)).toBe(3);
    expect(words(WORDS_PER_MINUTE * 3.5)).toBe(4);
  });

  it('number beats inside their scene and across the story', () => {
    const story = parseFixture();
    expect(story.scenes.flatMap((s) => s.beats.map((b) => `${b.id}@${b.index}`))).toEqual([
      'note-1@0',
      'first-1@1',
      'first-2@2',
      'first-3@3',
      'second-1@4',
      'fin-1@5',
    ]);
    expect(story.scenes.map((s) => s.kind)).toEqual(['note', 'story', 'story', 'coda']);
  });
});

describe('content errors', () => {
  it('are named, and name story.md when no file is given', () => {
    let error: unknown;
    try {
      parseStory('');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).name).toBe('ContentError');
    expect((error as ContentError).file).toBe('story.md');
    expect((error as ContentError).message).toMatch(/^story\.md:1: the file must open/);
  });

  it('list the known front matter keys', () => {
    expect(contentErrorOf(FRONT.replace('lang: en', 'lang: en\nby: Me') + sceneOf(':: beat\nA.')).message).toBe(
      'story.md:4: unknown front matter key "by" (known: title, author, lang, description, note, note-mood, note-light)',
    );
  });

  it('count a note block of blank lines as no note, and name the note as the first use of its id', () => {
    expect(
      contentErrorOf(FRONT.replace(/note: \|[\s\S]*paragraph\.\n/, 'note: |\n\n\n') + sceneOf(':: beat\nA.')).message,
    ).toBe('story.md:7: front matter needs a "note"');
    const e = contentErrorOf(FRONT + sceneOf(':: beat\nA.', 'id=note name="Note" mood=wine'));
    expect(e.message).toBe(`story.md:${line(1)}: duplicate id "note" (first used on line 7)`);
  });

  it('still check the rest of a paragraph with an unclosed emphasis', () => {
    const e = bodyErrorOf(sceneOf(':: beat\nA *loud \u0007word.'));
    expect(e.problems.map((p) => p.reason)).toEqual([
      'unclosed mark: an emphasis "*" is opened but never closed',
      expect.stringMatching(/^U\+0007 \(BEL\)/),
    ]);
  });
});

describe('words', () => {
  it('are counted across double spaces and line breaks', () => {
    const story = parseStory(FRONT + sceneOf(':: beat\nOne  two\nthree   four'));
    expect(story.scenes[1].beats[0].words).toBe(4);
  });
});
