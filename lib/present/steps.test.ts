import { beforeEach, describe, expect, it } from 'vitest';
import { parseStory } from '@/scenes/parse';
import { FRONT, parseFixture, scene } from '@/scenes/testing';
import type { Beat, Story } from '@/scenes/types';
import { arcOf } from '@/lib/story/position';
import { bookendSummary, excerptOf, isBeatStep, stepsOf, stepSize, type BeatStep, type Step } from './steps';
import { stepCount } from '@/lib/story/position';

let story: Story;
let all: Step[];
/** The story's own steps, between the title slide and the closing card. */
let steps: BeatStep[];
// Built in each test, not on import, so that mutation testing sees which tests run which code.
beforeEach(() => {
  story = parseFixture('night');
  all = stepsOf(story);
  steps = all.filter(isBeatStep);
});

describe('stepsOf', () => {
  it('makes one step per beat, in the order of the arc, between the title slide and the closing card', () => {
    const arc = arcOf(story);
    expect(steps.map((s) => s.beat.id)).toEqual(arc.beats.map((b) => b.id));
    expect(all).toHaveLength(stepCount(arc));
    all.forEach((s, i) => expect(s.index).toBe(i));
    expect(all.map((s) => isBeatStep(s))).toEqual([false, ...steps.map(() => true), false]);
  });

  it('opens with the title and closes with the closing card, both read in no time and linked to the page', () => {
    const [title, closing] = [all[0], all.at(-1)!];
    expect(title).toMatchObject({ kind: 'title', label: story.title, words: 0, anchor: '', opensScene: true });
    expect(closing).toMatchObject({ kind: 'closing', label: 'The end', words: 0, anchor: 'the-end', opensScene: true });
    if (isBeatStep(title) || isBeatStep(closing)) throw new Error('bookends are not beats');
    expect(bookendSummary(title)).toBe('The title slide');
    expect(bookendSummary(closing)).toMatch(/^The closing card/);
    expect(steps.map((s) => [s.label, s.anchor, s.words])).toEqual(
      steps.map((s) => [s.scene.name, s.beat.id, s.beat.words]),
    );
  });

  it('opens with the author’s note and closes with the coda, after the final lines', () => {
    expect(steps[0].kind).toBe('note');
    expect(steps.at(-1)!.kind).toBe('coda');
    expect(steps.at(-2)!.kind).toBe('final');
    expect(steps.filter((s) => s.kind === 'final')).toHaveLength(1);
  });

  it('knows the voicemail and the dialogue', () => {
    const voicemail = steps.filter((s) => s.kind === 'voicemail');
    expect(voicemail).toHaveLength(1);
    expect(voicemail[0].scene.id).toBe('machine');
    expect(steps.find((s) => s.beat.id === 'call-1')!.kind).toBe('dialogue');
    expect(steps.find((s) => s.beat.id === 'call-2')!.kind).toBe('narration');
  });

  it('marks the first step of every scene', () => {
    expect(steps.filter((s) => s.opensScene)).toHaveLength(story.scenes.length);
  });
});

describe('stepSize and excerptOf', () => {
  it('sets short steps larger than long ones', () => {
    expect(stepSize(5)).toBe('xl');
    expect(stepSize(200)).toBe('l');
    expect(stepSize(400)).toBe('m');
    expect(stepSize(700)).toBe('s');
  });

  it('shortens a step to its first words', () => {
    const fin = steps.at(-1)!.beat;
    expect(excerptOf(fin)).toBe('\u2013Fin\u2013');
    expect(excerptOf(steps[1].beat, 4)).toBe('Three in the morning.');
    expect(excerptOf(steps[1].beat, 3)).toBe('Three in the…');
  });
});

describe('steps of a small story', () => {
  let small: Story;
  let smallSteps: BeatStep[];
  beforeEach(() => {
    small = parseFixture();
    smallSteps = stepsOf(small).filter(isBeatStep);
  });

  it('reads each step the way it is written', () => {
    expect(smallSteps.map((s) => [s.beat.id, s.kind, s.opensScene])).toEqual([
      ['note-1', 'note', true],
      ['first-1', 'narration', true],
      ['first-2', 'dialogue', false],
      ['first-3', 'voicemail', false],
      ['second-1', 'final', true],
      ['fin-1', 'coda', true],
    ]);
    expect(smallSteps.map((s) => s.scene.id)).toEqual(['note', 'first', 'first', 'first', 'second', 'fin']);
  });

  it('sizes a step by all of its characters', () => {
    expect(smallSteps.map((s) => s.size)).toEqual(['xl', 'xl', 'xl', 'xl', 'xl', 'xl']);
    const long = parseStory(
      FRONT + scene(`:: beat\n${'Word '.repeat(30).trim()}\n\n${'Word '.repeat(30).trim()}\n\n${'Word '.repeat(30)}`),
    );
    // Three paragraphs of 149 characters: 447 in all.
    expect(stepsOf(long)[2].size).toBe('m');
  });

  it('keeps each size up to its limit, inclusive', () => {
    expect(stepSize(0)).toBe('xl');
    expect(stepSize(80)).toBe('xl');
    expect(stepSize(81)).toBe('l');
    expect(stepSize(240)).toBe('l');
    expect(stepSize(241)).toBe('m');
    expect(stepSize(450)).toBe('m');
    expect(stepSize(451)).toBe('s');
  });

  it('takes each step’s kind from its beat', () => {
    expect(smallSteps.map((s) => s.kind)).toEqual(small.scenes.flatMap((sc) => sc.beats.map((b) => b.kind)));
  });

  it('cuts an excerpt after its number of words, counting all paragraphs', () => {
    const beat = small.scenes[1].beats[0];
    expect(excerptOf(beat, 6)).toBe('A cold room, late at night.');
    expect(excerptOf(beat, 5)).toBe('A cold room, late at\u2026');
    expect(excerptOf(small.scenes[0].beats[0], 4)).toBe('First note paragraph. Second\u2026');
    expect(excerptOf(small.scenes[0].beats[0])).toBe('First note paragraph. Second note paragraph.');
  });
});

describe('excerptOf on any beat', () => {
  it('gives nothing for a beat without paragraphs', () => {
    const empty: Beat = { id: 'x-1', index: 0, kind: 'narration', paragraphs: [], words: 0 };
    expect(excerptOf(empty)).toBe('');
  });

  it('skip double spaces in an excerpt', () => {
    const beat = parseStory(FRONT + scene(':: beat\nOne  two   three four')).scenes[1].beats[0];
    expect(excerptOf(beat, 3)).toBe('One two three\u2026');
    expect(excerptOf(beat, 4)).toBe('One two three four');
  });
});
