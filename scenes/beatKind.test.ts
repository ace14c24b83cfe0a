import { describe, expect, it } from 'vitest';
import { beatKind } from './beatKind';
import { parseStory } from './parse';
import { FRONT, parseFixture, scene } from './testing';
import type { Paragraph } from './types';

const para = (kind: Paragraph['kind']): Paragraph => ({ kind, spans: [], text: '', line: 1 });

describe('beatKind', () => {
  it('names the note and the coda by their scene, whatever they hold', () => {
    expect(beatKind([para('dialogue')], 'note', false)).toBe('note');
    expect(beatKind([para('voicemail')], 'coda', true)).toBe('coda');
  });

  it('calls the last beat of the story proper its ending, even the voicemail or dialogue', () => {
    expect(beatKind([para('voicemail')], 'story', true)).toBe('final');
    expect(beatKind([para('dialogue')], 'story', true)).toBe('final');
  });

  it('gives the voicemail anywhere in a beat precedence, then the first paragraph decides', () => {
    expect(beatKind([para('narration'), para('voicemail')], 'story', false)).toBe('voicemail');
    expect(beatKind([para('dialogue'), para('narration')], 'story', false)).toBe('dialogue');
    expect(beatKind([para('narration'), para('dialogue')], 'story', false)).toBe('narration');
    expect(beatKind([], 'story', false)).toBe('narration');
  });
});

describe('the parser sets every beat’s kind', () => {
  it('on the fixture story', () => {
    const kinds = parseFixture().scenes.flatMap((s) => s.beats.map((b) => [b.id, b.kind]));
    expect(kinds).toEqual([
      ['note-1', 'note'],
      ['first-1', 'narration'],
      ['first-2', 'dialogue'],
      ['first-3', 'voicemail'],
      ['second-1', 'final'],
      ['fin-1', 'coda'],
    ]);
  });

  it('from the whole beat, once the story is read', () => {
    const story = parseStory(
      FRONT +
        scene(
          ':: beat\nNarration first.\n\n"Then dialogue."\n:: beat\n"Dialogue first."\n\nThen narration.\n:: beat\nSaid.\n:: voicemail\n"A tape."\n:: end voicemail\n:: beat\nLast.',
        ),
    );
    expect(story.scenes.flatMap((s) => s.beats.map((b) => b.kind))).toEqual([
      'note',
      'narration',
      'dialogue',
      'voicemail',
      'final',
    ]);
  });

  it('calls no beat final in a story without a story scene', () => {
    const codaOnly = parseStory(FRONT + scene(':: beat\n-Fin-', 'id=fin name="Fin" mood=settle kind=coda'));
    expect(codaOnly.scenes.flatMap((s) => s.beats.map((b) => b.kind))).toEqual(['note', 'coda']);
  });
});
