import { describe, expect, it } from 'vitest';
import { parseFixture } from '@/scenes/testing';
import { moodKeys, moods } from '@/scenes/moods';
import { mixMoods, moodAt } from '@/lib/story/mood';
import { arcOf, fromCoord } from '@/lib/story/position';
import {
  COLOURS,
  COLUMN_BOUNDS,
  INK,
  INK_FLIP,
  contrast,
  dawnColour,
  fallbackBackground,
  fallbackColumn,
  fitToInk,
  inkForLuminance,
  inkOf,
  luminance,
  paletteOf,
  cssHex,
  type Rgb,
} from './palette';

describe('palette', () => {
  it('each ink keeps 4.5:1 against the whole range its column allows', () => {
    expect(contrast(INK.night, [0, 0, 0])).toBeGreaterThan(4.5);
    const atNightMax = (COLUMN_BOUNDS.night.max + 0.05) / 1; // luminance + 0.05
    expect((luminance(INK.night) + 0.05) / atNightMax).toBeGreaterThanOrEqual(4.5);
    expect((COLUMN_BOUNDS.day.min + 0.05) / (luminance(INK.day) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the fallback column within the ink bounds at every position of a night through every mood', () => {
    const arc = arcOf(parseFixture('night'));
    expect(new Set([...arc.sceneMoods, ...arc.beats.flatMap((b) => b.mood ?? [])])).toEqual(new Set(moodKeys));
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

describe('the contrast maths', () => {
  it('gives the WCAG luminance of known colours', () => {
    expect(luminance([1, 1, 1])).toBe(1);
    expect(luminance([0, 0, 0])).toBe(0);
    expect(luminance([1, 0, 0])).toBeCloseTo(0.2126, 10);
    expect(luminance([0, 1, 0])).toBeCloseTo(0.7152, 10);
    expect(luminance([0, 0, 1])).toBeCloseTo(0.0722, 10);
    // Mid grey, #808080-ish: ((0.5 + 0.055) / 1.055) ^ 2.4.
    expect(luminance([0.5, 0.5, 0.5])).toBeCloseTo(0.214041, 6);
    // The linear segment near black, and its end.
    expect(luminance([0.02, 0.02, 0.02])).toBeCloseTo(0.02 / 12.92, 10);
    expect(luminance([0.04045, 0.04045, 0.04045])).toBeCloseTo(0.04045 / 12.92, 10);
    expect(luminance([0.05, 0.05, 0.05])).toBeCloseTo(((0.05 + 0.055) / 1.055) ** 2.4, 10);
  });

  it('gives the WCAG contrast ratios, in either order', () => {
    expect(contrast([1, 1, 1], [0, 0, 0])).toBe(21);
    expect(contrast([0, 0, 0], [1, 1, 1])).toBe(21);
    expect(contrast([0.5, 0.5, 0.5], [0.5, 0.5, 0.5])).toBe(1);
    expect(contrast([0.5, 0.5, 0.5], [0, 0, 0])).toBeCloseTo(5.28, 2);
    expect(contrast(INK.night, [0, 0, 0])).toBeCloseTo(17.77, 2);
  });
});

describe('the ink', () => {
  it('is pale by night and dark once the dawn fills the room', () => {
    const day = moodKeys.filter((k) => inkOf(moods[k]) === 'day');
    expect(day).toEqual(['dawn-rose', 'dawn-gold', 'settle']);
  });

  it(`turns to day ink only above a mean luminance of ${INK_FLIP}`, () => {
    expect(inkForLuminance(INK_FLIP)).toBe('night');
    expect(inkForLuminance(INK_FLIP + 1e-9)).toBe('day');
    expect(inkForLuminance(0)).toBe('night');
    expect(inkForLuminance(1)).toBe('day');
  });
});

describe('fitToInk', () => {
  it('leaves a colour already in range alone', () => {
    expect(fitToInk([0.05, 0.04, 0.03], 'night')).toEqual([0.05, 0.04, 0.03]);
    expect(fitToInk([0, 0, 0], 'night')).toEqual([0, 0, 0]);
    expect(fitToInk([0.9, 0.7, 0.5], 'day')).toEqual([0.9, 0.7, 0.5]);
    expect(fitToInk([0.3, 0.7, 0.6], 'day')).toEqual([0.3, 0.7, 0.6]);
  });

  it('darkens a night colour to just under its bound, keeping its hue', () => {
    const fitted = fitToInk([0.8, 0.6, 0.4], 'night');
    expect(luminance(fitted)).toBeLessThanOrEqual(COLUMN_BOUNDS.night.max * 0.96);
    expect(luminance(fitted)).toBeGreaterThan(COLUMN_BOUNDS.night.max * 0.85);
    expect(luminance(fitted)).toBeCloseTo(0.069487, 5);
    expect(fitted[0] / fitted[2]).toBeCloseTo(2, 10);
    expect(fitted[1] / fitted[2]).toBeCloseTo(1.5, 10);
  });

  it('brings a colour just outside its bound inside it', () => {
    // Greys of luminance 0.08 (the night bound) and 0.30 (the day bound).
    const atNightMax: Rgb = [0.3128, 0.3128, 0.3128];
    const atDayMin: Rgb = [0.5837, 0.5837, 0.5837];
    expect(luminance(atNightMax)).toBeCloseTo(0.08, 3);
    expect(luminance(atDayMin)).toBeCloseTo(0.3, 3);
    expect(luminance(fitToInk(atNightMax, 'night'))).toBeLessThanOrEqual(COLUMN_BOUNDS.night.max * 0.96);
    expect(luminance(fitToInk(atDayMin, 'day'))).toBeGreaterThanOrEqual(COLUMN_BOUNDS.day.min * 1.04);
  });

  it('lightens a day colour towards warm paper, a fifth at a time, to just over its bound', () => {
    const fitted = fitToInk([0, 0, 0], 'day');
    // Five steps of a fifth: 1 - 0.8^5 of the way to [1, 0.95, 0.86].
    expect(fitted[0]).toBeCloseTo(0.67232, 10);
    expect(fitted[1]).toBeCloseTo(0.95 * 0.67232, 10);
    expect(fitted[2]).toBeCloseTo(0.86 * 0.67232, 10);
    expect(luminance(fitted)).toBeGreaterThanOrEqual(COLUMN_BOUNDS.day.min * 1.04);
  });
});

describe('the colours of the room', () => {
  it('are the same arc as the shader: pinned for the moods that set them', () => {
    const hexes = (k: keyof typeof moods) => {
      const p = paletteOf(moods[k]);
      return [p.top, p.bottom, p.accent].map(cssHex);
    };
    expect(hexes('cold-room')).toEqual(['#03050b', '#040710', '#140d04']);
    expect(hexes('wine')).toEqual(['#20070c', '#2e0a12', '#3a0b11']);
    expect(hexes('memory-haze')).toEqual(['#060608', '#09090c', '#160d05']);
    expect(hexes('streetlight')).toEqual(['#140c12', '#1e111a', '#8c571f']);
    expect(hexes('dawn-rose')).toEqual(['#d69389', '#b07970', '#f2a69a']);
    expect(hexes('blinking-light')).toEqual(['#050509', '#07070d', '#5d0b06']);
    expect(hexes('waiting')).toEqual(['#0a091b', '#0e0c27', '#170e05']);
  });

  it('turns from rose to gold as the dawn grows', () => {
    expect(dawnColour(0)).toEqual(COLOURS.rose);
    expect(dawnColour(0.5)).toEqual(COLOURS.rose);
    expect(dawnColour(1)).toEqual(COLOURS.gold);
    dawnColour(0.75).forEach((c, i) => expect(c).toBeCloseTo((COLOURS.rose[i] + COLOURS.gold[i]) / 2, 10));
    dawnColour(0.6).forEach((c, i) => expect(c).toBeCloseTo([0.96416, 0.66832, 0.5992][i], 10));
  });

  it('writes a colour as CSS hex, clamped to the gamut', () => {
    expect(cssHex([1, 0, 0.5])).toBe('#ff0080');
    expect(cssHex([0.02, 0.5, 1])).toBe('#0580ff');
    expect(cssHex([-1, 2, 0])).toBe('#00ff00');
  });
});

describe('fallbackBackground, the light without WebGL', () => {
  it('is the room in gradients, with the streetlight, the dawn and the blinking light as their own layers', () => {
    expect(fallbackBackground({ ...moods.settle, blink: 0.5, streetlight: 0.3 })).toBe(
      [
        'radial-gradient(ellipse 26% 90% at 6% 18%, rgba(255,158,56,0.150) 0%, transparent 100%)',
        'radial-gradient(ellipse at 85% 10%, #fbb67d 0%, transparent 60%)',
        'radial-gradient(circle at 82% 78%, rgba(230,20,20,0.225) 0, transparent 6%)',
        'radial-gradient(ellipse 40% 60% at 0% 100%, #fbb67d 0%, transparent 100%)',
        'radial-gradient(ellipse 40% 60% at 100% 100%, #fbb67d 0%, transparent 100%)',
        'linear-gradient(to bottom, #dc9f6d, #c39974)',
      ].join(', '),
    );
  });

  it('has only the room and its accents when none of those lights is on', () => {
    expect(fallbackBackground({ ...moods['cold-room'], streetlight: 0.01, dawn: 0.01, blink: 0.01 })).toBe(
      [
        'radial-gradient(ellipse 40% 60% at 0% 100%, #140d04 0%, transparent 100%)',
        'radial-gradient(ellipse 40% 60% at 100% 100%, #140d04 0%, transparent 100%)',
        'linear-gradient(to bottom, #03050b, #040710)',
      ].join(', '),
    );
  });

  it('fits the column to the ink: the day column of the rose dawn is lifted', () => {
    const [top, bottom] = fallbackColumn(moods['dawn-rose']);
    expect(cssHex(top)).toBe('#d69389');
    expect(cssHex(bottom)).toBe('#c09186');
    expect(fallbackBackground(moods['dawn-rose'])).toMatch(/linear-gradient\(to bottom, #d69389, #c09186\)$/);
  });
});

describe('paletteOf at the edges of each light', () => {
  it('adds the streetlight, wine, blinking light and dawn to the accent only above 0.01', () => {
    const base = moods['call-warm'];
    for (const channel of ['streetlight', 'wine', 'blink', 'dawn'] as const) {
      expect(paletteOf({ ...base, [channel]: 0.01 }).accent, channel).toEqual(
        paletteOf({ ...base, [channel]: 0 }).accent,
      );
      expect(paletteOf({ ...base, [channel]: 0.02 }).accent, channel).not.toEqual(paletteOf(base).accent);
    }
  });

  it('takes the ink from the mean light of the top and the bottom of the room', () => {
    // On the way from the streetlight to the rose dawn the top brightens first.
    const towardsDawn = (t: number) => mixMoods(moods.streetlight, moods['dawn-rose'], t);
    expect(inkOf(towardsDawn(0.65))).toBe('night');
    expect(inkOf(towardsDawn(0.7))).toBe('night');
    expect(inkOf(towardsDawn(0.75))).toBe('day');
  });
});
