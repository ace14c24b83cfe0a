import { describe, expect, it } from 'vitest';
import { epubFileName, slugify } from './name';

describe('the EPUB file name', () => {
  it('is the title in lower case, words joined by hyphens', () => {
    expect(epubFileName('Come Home')).toBe('come-home.epub');
  });

  it('drops accents and punctuation, and hyphens at either end', () => {
    expect(slugify('  Café “Noir”: Part 2! ')).toBe('cafe-noir-part-2');
    expect(slugify('Señora Núñez')).toBe('senora-nunez');
  });

  it('is "story" when the title has no letter it can keep', () => {
    expect(slugify('帰宅')).toBe('story');
    expect(epubFileName('…')).toBe('story.epub');
  });
});
