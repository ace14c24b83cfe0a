import { describe, expect, it } from 'vitest';
import { peakPlace } from './StoryParagraph';

describe('peakPlace', () => {
  it('marks nothing outside a peak', () => {
    expect(peakPlace(undefined, 0, 1)).toBeUndefined();
    expect(peakPlace(false, 1, 3)).toBeUndefined();
  });

  it('gives the first and last paragraphs of a peak the space around it', () => {
    expect(peakPlace(true, 0, 1)).toBe('first last');
    expect([0, 1, 2].map((i) => peakPlace(true, i, 3))).toEqual(['first', 'inside', 'last']);
    expect([0, 1].map((i) => peakPlace(true, i, 2))).toEqual(['first', 'last']);
  });
});
