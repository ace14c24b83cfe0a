import { describe, expect, it } from 'vitest';
import { decodeFragment, END_ANCHOR, positionOfFragment } from './link';
import type { Arc } from './position';

/** Two scenes of two beats: enough to tell scenes from beats. */
const arc: Arc = {
  sceneIds: ['opening', 'ending'],
  sceneNames: ['Opening', 'Ending'],
  sceneMoods: ['cold-room', 'settle'],
  sceneStarts: [0, 2],
  beats: [
    { scene: 0, beat: 0, words: 5, id: 'opening-1' },
    { scene: 0, beat: 1, words: 5, id: 'opening-2' },
    { scene: 1, beat: 0, words: 5, id: 'ending-1' },
    { scene: 1, beat: 1, words: 5, id: 'the-kiss' },
  ],
};

describe('decodeFragment', () => {
  it('decodes an address fragment, with or without its #', () => {
    expect(decodeFragment('#the-call')).toBe('the-call');
    expect(decodeFragment('the-call')).toBe('the-call');
    expect(decodeFragment('#caf%C3%A9')).toBe('café');
    expect(decodeFragment('#%20spaced%20')).toBe('spaced');
    expect(decodeFragment('')).toBe('');
    expect(decodeFragment('#')).toBe('');
  });

  it('reads a malformed escape as it is written instead of throwing', () => {
    expect(decodeFragment('#50%')).toBe('50%');
    expect(decodeFragment('#%')).toBe('%');
    expect(decodeFragment('#%zz')).toBe('%zz');
    expect(decodeFragment('#%E0%A4%A')).toBe('%E0%A4%A');
    expect(decodeFragment('# 50% ')).toBe('50%');
  });
});

describe('positionOfFragment', () => {
  it('finds a scene at its start', () => {
    expect(positionOfFragment(arc, 'ending')).toEqual({ scene: 1, beat: 0, progress: 0 });
    expect(positionOfFragment(arc, 'opening')).toEqual({ scene: 0, beat: 0, progress: 0 });
  });

  it('finds a beat at its start', () => {
    expect(positionOfFragment(arc, 'the-kiss')).toEqual({ scene: 1, beat: 1, progress: 0 });
    expect(positionOfFragment(arc, 'opening-2')).toEqual({ scene: 0, beat: 1, progress: 0 });
    // The very first beat of the story too.
    expect(positionOfFragment(arc, 'opening-1')).toEqual({ scene: 0, beat: 0, progress: 0 });
  });

  it('finds the end, where the closing card is', () => {
    const last = arc.beats.at(-1)!;
    expect(positionOfFragment(arc, END_ANCHOR)).toEqual({ scene: last.scene, beat: last.beat, progress: 1 });
    expect(positionOfFragment(arc, 'The-end')).toBeNull();
  });

  it('knows no other place', () => {
    expect(positionOfFragment(arc, '50%')).toBeNull();
    expect(positionOfFragment(arc, '')).toBeNull();
    expect(positionOfFragment(arc, 'Ending')).toBeNull();
  });
});
