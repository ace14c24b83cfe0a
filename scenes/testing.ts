/**
 * Stories for tests. Tests about the engine's behaviour use a small fixture story, so they
 * do not change when the story does; tests about this story use `loadStory()`.
 */
import { readFileSync } from 'node:fs';
import { ContentError, parseStory } from './parse';
import { STORY_FILE } from './story';
import type { Story } from './types';

/**
 * The real story, read and parsed once, as the build does. Only `scenes/story.test.ts` reads it:
 * every other test runs on fixtures, so that another story can be told without breaking them.
 * Call it inside a test or a `beforeEach`, not on import: code run on import counts as "static"
 * for mutation testing, which then runs every test against each of its mutants.
 */
export { loadStory } from './story';

/** The real story's text, for the tests that change it before parsing it. */
export const storySource = () => readFileSync(STORY_FILE, 'utf8');

/** A valid front matter; its note has two paragraphs (6 words). */
export const FRONT = `---
title: Test "Story"
lang: en
description: A story for tests.
note-mood: title-card
note-light: A grain of light.
note: |
  First note paragraph.

  Second note paragraph.
---
`;

/** The line of the file on which the body after `FRONT` begins. */
export const BODY_LINE = FRONT.split('\n').length;

/** A scene with its light, around `inner` (beats and text). */
export const scene = (inner: string, attrs = 'id=one name="One" mood=cold-room') =>
  `:: scene ${attrs}\n:: light Cold.\n${inner}\n:: end scene\n`;

const FIXTURES = {
  /**
   * Three scenes after the note: one of three beats (narration, dialogue and a voicemail,
   * a mood change), one of one beat, and the coda. Five beats in all, counting the note.
   */
  small: `${FRONT}
${scene(
  `:: beat
A cold room, late at night.

:: beat
"Is anyone there?" she asks.

:: beat mood=message
:: light The message glows.
:: voicemail
"It's me. Call me back."
:: end voicemail`,
  'id=first name="The first" mood=cold-room',
)}
${scene(':: beat\nShe calls him back, and he answers.', 'id=second name="The second" mood=wine')}
${scene(':: beat\n-Fin-', 'id=fin name="Fin" mood=settle kind=coda')}`,

  /**
   * A whole night of light: every mood key of `scenes/moods.ts`, in the order they are listed
   * there (the order of a night, from the cold room to the dawn), in scenes of one to eight beats,
   * with beats that change the light, a voicemail and an emphasis. 31 beats and 32 paragraphs,
   * counting the note's.
   */
  night: `${FRONT}
${scene(':: beat\nThree in the morning.\n\n:: beat\nThe city hums below.', 'id=cold name="Cold" mood=cold-room')}
${scene(':: beat\nA glass of *wine*.', 'id=glass name="Glass" mood=wine')}
${scene(
  `:: beat
A small red light.

:: beat mood=message
:: light The message glows.
:: voicemail
"It's me."
:: end voicemail`,
  'id=machine name="The machine" mood=blinking-light',
)}
${scene(':: beat\nAn old summer.\n\n:: beat\nA footnote to it.', 'id=memory name="Memory" mood=memory-haze')}
${scene(':: beat\nThe phone rings.\n\n:: beat mood=line-opens\n:: light The line opens.\nA click.', 'id=dial name="Dial" mood=heartbeat')}
${scene(
  `:: beat
"Hello?" he says.

:: beat
She cannot speak at first.

:: beat mood=call-warm
:: light Warmer.
"It's you," he says.

:: beat mood=song-swell
:: light A song swells.
A song plays on his end.

:: beat mood=call-warm
:: light Warm again.
They laugh.

:: beat mood=come-home
:: light Bright and warm.
"Come home," she says.

:: beat mood=headlights
:: light Headlights sweep the ceiling.
He takes his keys.

:: beat mood=call-after
:: light The glow stays.
The line is quiet.`,
  'id=call name="The call" mood=call-opens',
)}
${scene(':: beat\nShe waits.', 'id=wait name="Waiting" mood=waiting')}
${scene(
  Array.from({ length: 7 }, (_, i) => `:: beat\nThe streetlight, hour ${i + 1}.`).join('\n\n'),
  'id=street name="The street" mood=streetlight',
)}
${scene(
  `:: beat
The sky pales.

:: beat
A car in the street.

:: beat mood=dawn-gold
:: light Gold fills the room.
He is home.

:: beat
They sleep.`,
  'id=dawn name="Dawn" mood=dawn-rose',
)}
${scene(':: beat\n-Fin-', 'id=fin name="Fin" mood=settle kind=coda')}`,
};

export type FixtureName = keyof typeof FIXTURES;

/** The source text of a fixture story. */
export function fixtureSource(name: FixtureName = 'small'): string {
  return FIXTURES[name];
}

/** A fixture story, parsed. */
export function parseFixture(name: FixtureName = 'small'): Story {
  return parseStory(fixtureSource(name), `${name}.md`);
}

/** The content error a source is rejected with; fails when it is accepted. */
export function contentErrorOf(source: string, file = 'story.md'): ContentError {
  try {
    parseStory(source, file);
  } catch (e) {
    if (e instanceof ContentError) return e;
    throw e;
  }
  throw new Error('expected the content to be rejected');
}

/** The content error of a body after the valid `FRONT`. */
export const bodyErrorOf = (body: string, file = 'story.md') => contentErrorOf(FRONT + body, file);

/** File line of the n-th line of a body after `FRONT` (from 1). */
export const bodyLine = (n: number) => BODY_LINE - 1 + n;
