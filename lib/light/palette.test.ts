import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseStory } from '@/scenes/parse';
import { moods } from '@/scenes/moods';
import { moodAt } from '@/lib/story/mood';
import { arcOf, fromCoord } from '@/lib/story/position';
import { COLUMN_BOUNDS, INK, contrast, fallbackColumn, inkOf, luminance, paletteOf } from './palette';

const arc = arcOf(parseStory(readFileSync('scenes/story.md', 'utf8')));

describe('palette', () => {
  it('each ink keeps 4.5:1 against the whole range its column allows', () => {
    expect(contrast(INK.night, [0, 0, 0])).toBeGreaterThan(4.5);
    const atNightMax = (COLUMN_BOUNDS.night.max + 0.05) / 1; // luminance + 0.05
    expect((luminance(INK.night) + 0.05) / atNightMax).toBeGreaterThanOrEqual(4.5);
    expect((COLUMN_BOUNDS.day.min + 0.05) / (luminance(INK.day) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the fallback column within the ink bounds at every position of the story', () => {
    for (let u = 0; u <= arc.beats.length; u += 0.05) {
      const mood = moodAt(arc, fromCoord(arc, u));
      const ink = inkOf(mood);
      for (const colour of fallbackColumn(mood)) {
        expect(contrast(INK[ink], colour), `at ${u.toFixed(2)} (${ink} ink)`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('is cold and dark at the start and warm and bright at dawn', () => {
    const cold = paletteOf(moods['cold-room']);
    const dawn = paletteOf(moods['dawn-gold']);
    expect(cold.top[2]).toBeGreaterThan(cold.top[0]);
    expect(luminance(cold.top)).toBeLessThan(0.02);
    expect(dawn.top[0]).toBeGreaterThan(dawn.top[2]);
    expect(luminance(dawn.top)).toBeGreaterThan(0.4);
  });
});
