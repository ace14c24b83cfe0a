/**
 * Stories for tests. Tests about the engine's behaviour use a small fixture story, so they
 * do not change when the story does; tests about this story use `loadStory()`.
 */
import { readFileSync } from 'node:fs';
import { ContentError, parseStory } from './parse';
import { STORY_FILE } from './story';
import type { Story } from './types';

let real: Story | undefined;

/**
 * The real story, parsed by the first test of a test file that asks for it. Call it inside a
 * test or a `beforeEach`, not on import: code run on import counts as "static" for mutation
 * testing, which then runs every test against each of its mutants.
 */
export function loadStory(): Story {
  real ??= parseStory(readFileSync(STORY_FILE, 'utf8'), STORY_FILE);
  return real;
}

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
