import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseStory } from '@/scenes/parse';
import { arcOf } from '@/lib/story/position';
import { excerptOf, stepsOf, stepSize } from './steps';

const story = parseStory(readFileSync('scenes/story.md', 'utf8'));
const steps = stepsOf(story);

describe('stepsOf', () => {
  it('makes one step per beat, in the order of the arc', () => {
    const arc = arcOf(story);
    expect(steps.map((s) => s.beat.id)).toEqual(arc.beats.map((b) => b.id));
    steps.forEach((s, i) => expect(s.index).toBe(i));
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
    expect(voicemail[0].scene.id).toBe('the-blinking-light');
    expect(steps.find((s) => s.beat.id === 'the-call-1')!.kind).toBe('dialogue');
    expect(steps.find((s) => s.beat.id === 'the-call-6')!.kind).toBe('narration');
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
    expect(excerptOf(fin)).toBe('-Fin-');
    expect(excerptOf(steps[1].beat, 4)).toBe('She can’t help but…');
  });
});
