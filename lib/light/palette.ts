import type { Mood } from '@/scenes/moods';
import { clamp01, mix, smoothstep } from '@/lib/math';

/** An sRGB colour with channels in 0..1. */
export type Rgb = [number, number, number];

const mixRgb = (a: Rgb, b: Rgb, t: number): Rgb => [mix(a[0], b[0], t), mix(a[1], b[1], t), mix(a[2], b[2], t)];
const scale = (a: Rgb, k: number): Rgb => [a[0] * k, a[1] * k, a[2] * k];

/**
 * Every colour of the room, in one place. The shader declares each as a constant of the
 * same name in upper case (shaders/palette.glsl.ts), the CSS fallback and the stage's
 * tokens (app/palette.css, `npm run tokens`) are made from them, and tests check all agree.
 */
export const COLOURS = {
  /** The ambient room: three in the morning, lamplight, the calm indigo, wine. */
  cold: [0.02, 0.035, 0.075] as Rgb,
  warm: [0.16, 0.075, 0.04] as Rgb,
  indigo: [0.07, 0.06, 0.2] as Rgb,
  wine: [0.3, 0.03, 0.09] as Rgb,
  /** The streetlight's sodium orange, and the dust in its beam. */
  sodium: [1.0, 0.62, 0.22] as Rgb,
  dust: [1.0, 0.8, 0.55] as Rgb,
  /** Dawn: rose first, then gold; the white of the window where it comes in. */
  rose: [0.96, 0.66, 0.62] as Rgb,
  gold: [1.0, 0.74, 0.42] as Rgb,
  morning: [1.0, 0.95, 0.85] as Rgb,
  /** The floor of dawn light under the reading column with day ink, rose then gold (luminance about 0.34). */
  dawnFloorRose: [0.8, 0.56, 0.52] as Rgb,
  dawnFloorGold: [0.77, 0.6, 0.4] as Rgb,
  /** The pool-light caustics: the bright net and the slow swell of blue under it. */
  causticNet: [0.16, 0.42, 0.62] as Rgb,
  causticSwell: [0.02, 0.06, 0.11] as Rgb,
  /** Far-off city lights, tinted between a warm and a cold lamp. */
  cityWarm: [1.0, 0.78, 0.5] as Rgb,
  cityCold: [0.6, 0.75, 1.0] as Rgb,
  /** Wine rising from below, and the sheen on it. */
  wineBody: [0.42, 0.03, 0.1] as Rgb,
  wineSheen: [0.7, 0.12, 0.2] as Rgb,
  /** A lamp's glow low in the room. */
  lamp: [1.0, 0.66, 0.36] as Rgb,
  /** The answering machine's red light; dimmer as the fallback's accent, a softer red as its CSS spot. */
  blink: [1.0, 0.08, 0.05] as Rgb,
  blinkAccent: [0.55, 0.04, 0.03] as Rgb,
  blinkSpot: [0.9, 0.08, 0.08] as Rgb,
  /** The heartbeat while the phone rings: a crimson glow, its own red (not the call's amber), in a
      room it sinks to a dark crimson (a shade the room's light is multiplied by). */
  heartbeat: [0.72, 0.04, 0.14] as Rgb,
  heartRoom: [1.0, 0.42, 0.62] as Rgb,
  /** Headlights sweeping the ceiling. */
  headlights: [0.9, 0.88, 0.8] as Rgb,
  /** Memory haze drains colour towards this cool grey (a tint, so a channel may pass 1). */
  hazeTint: [0.92, 0.96, 1.05] as Rgb,
  /** The milky veil of memory haze, a cold white that lifts the dark. */
  hazeVeil: [0.78, 0.83, 0.9] as Rgb,
  /** What a too-dark colour is lifted towards to take day ink. */
  paper: [1.0, 0.95, 0.86] as Rgb,
};

export type ColourName = keyof typeof COLOURS;

/** WCAG relative luminance of an sRGB colour. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour of dawn at a given amount: rose first, then gold. */
export function dawnColour(dawn: number): Rgb {
  return mixRgb(COLOURS.rose, COLOURS.gold, smoothstep(0.5, 1, dawn));
}

export interface Palette {
  /** Ambient colour at the top and the bottom of the room. */
  top: Rgb;
  bottom: Rgb;
  /** The strongest light of the moment (for accents in the fallback). */
  accent: Rgb;
}

/** The ambient room colours of a mood: the base the shader lights on, and the CSS fallback. */
export function paletteOf(m: Mood): Palette {
  let base = mixRgb(COLOURS.cold, COLOURS.warm, m.warmth);
  base = mixRgb(base, COLOURS.indigo, m.indigo * 0.85);
  base = mixRgb(base, COLOURS.wine, m.wine * 0.55);
  base = scale(base, 0.55 + m.light * 1.6);
  const dawnAmount = smoothstep(0, 0.6, m.dawn);
  const dawnLight = scale(dawnColour(m.dawn), 0.55 + 0.45 * m.light);
  let top = mixRgb(scale(base, 0.75), dawnLight, dawnAmount);
  let bottom = mixRgb(scale(base, 1.1), scale(dawnLight, 0.82), dawnAmount);
  const grey = (c: Rgb) => {
    const l = 0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2];
    return mixRgb(c, [l, l, l], m.haze * 0.75);
  };
  top = grey(top);
  bottom = grey(bottom);
  let accent: Rgb = scale(COLOURS.sodium, 0.08 + 0.3 * m.warmth * m.light);
  if (m.streetlight > 0.01) accent = mixRgb(accent, scale(COLOURS.sodium, 0.55), m.streetlight);
  if (m.wine > 0.01) accent = mixRgb(accent, COLOURS.wine, m.wine * 0.7);
  if (m.blink > 0.01) accent = mixRgb(accent, COLOURS.blinkAccent, m.blink * 0.6);
  if (m.dawn > 0.01) accent = mixRgb(accent, dawnColour(m.dawn), smoothstep(0, 0.6, m.dawn));
  const c = (x: Rgb): Rgb => [clamp01(x[0]), clamp01(x[1]), clamp01(x[2])];
  return { top: c(top), bottom: c(bottom), accent: c(accent) };
}

/**
 * Which ink the text is set in: pale ink by night, dark ink once the dawn has filled
 * the room. The light layer keeps the reading column inside the range each ink needs.
 */
export type Ink = 'night' | 'day';

/** The room's mean luminance above which the text turns to day ink. */
export const INK_FLIP = 0.17;

/** The ink for a room of this mean luminance: day ink only once it is brighter than `INK_FLIP`. */
export function inkForLuminance(l: number): Ink {
  return l > INK_FLIP ? 'day' : 'night';
}

/** The ink flips where the room's ambient light crosses the middle of the gap between the ink bounds. */
export function inkOf(m: Mood): Ink {
  const { top, bottom } = paletteOf(m);
  return inkForLuminance((luminance(top) + luminance(bottom)) / 2);
}

/** The text's ink on the stage (`/` and `/present`), by night and by day. */
export const INK: Record<Ink, Rgb> = {
  night: [0.953, 0.922, 0.875],
  day: [0.17, 0.11, 0.07],
};

/**
 * The soft ink, for text that has gone by and for labels. It keeps 4.5:1 too, up to its
 * column's bound (day soft ink was #3e2d20: 4.38:1 on the darkest day column allowed).
 */
export const INK_SOFT: Record<Ink, Rgb> = {
  night: [0.847, 0.808, 0.749],
  day: [0.228, 0.165, 0.117],
};

/**
 * The stage's own background under the light layer, for each ink: what shows before the
 * light has painted, and what a contrast checker sees behind the text.
 */
export const BACKDROP: Record<Ink, Rgb> = {
  night: [0.02, 0.024, 0.043],
  day: [0.91, 0.788, 0.627],
};

/**
 * Luminance bounds for the light behind the reading column under each ink, so the text
 * keeps a contrast of at least 4.5:1 (with margin): the night column is never brighter
 * than `max`, the day column never darker than `min`.
 */
export const COLUMN_BOUNDS: Record<Ink, { min: number; max: number }> = {
  night: { min: 0, max: 0.08 },
  day: { min: 0.3, max: 1 },
};

/** Brings a colour inside the luminance bounds of an ink: darker for night ink, lighter for day ink. */
export function fitToInk(colour: Rgb, ink: Ink): Rgb {
  const { min, max } = COLUMN_BOUNDS[ink];
  let c = colour;
  for (let i = 0; i < 12; i++) {
    const l = luminance(c);
    if (l > max * 0.96) c = scale(c, Math.sqrt((max * 0.96) / l));
    else if (l < min * 1.04) c = mixRgb(c, COLOURS.paper, 0.2);
    else break;
  }
  return c;
}

/** A colour as CSS hex, `#rrggbb`, each channel held within 0..1 first. */
export const cssHex = (c: Rgb) =>
  '#' +
  c
    .map((x) =>
      Math.round(clamp01(x) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');

/** A colour as the `r g b` of CSS's `rgb(r g b / a)` (0..255). */
const rgb255 = (c: Rgb) => c.map((x) => Math.round(clamp01(x) * 255)).join(',');

/** The CSS fallback for the light layer: the same arc as the shader, as gradients. */
export function fallbackBackground(m: Mood): string {
  const { accent } = paletteOf(m);
  const layers: string[] = [];
  if (m.streetlight > 0.01) {
    const a = (0.5 * m.streetlight).toFixed(3);
    layers.push(
      `radial-gradient(ellipse 26% 90% at 6% 18%, rgba(${rgb255(COLOURS.sodium)},${a}) 0%, transparent 100%)`,
    );
  }
  if (m.dawn > 0.01) {
    layers.push(`radial-gradient(ellipse at 85% 10%, ${cssHex(dawnColour(m.dawn))} 0%, transparent 60%)`);
  }
  if (m.blink > 0.01)
    layers.push(
      `radial-gradient(circle at 82% 78%, rgba(${rgb255(COLOURS.blinkSpot)},${(0.45 * m.blink).toFixed(3)}) 0, transparent 6%)`,
    );
  layers.push(`radial-gradient(ellipse 40% 60% at 0% 100%, ${cssHex(accent)} 0%, transparent 100%)`);
  layers.push(`radial-gradient(ellipse 40% 60% at 100% 100%, ${cssHex(accent)} 0%, transparent 100%)`);
  const [columnTop, columnBottom] = fallbackColumn(m);
  layers.push(`linear-gradient(to bottom, ${cssHex(columnTop)}, ${cssHex(columnBottom)})`);
  return layers.join(', ');
}

/** The fallback's colour behind the reading column, at its top and bottom (for the contrast check). */
export function fallbackColumn(m: Mood): Rgb[] {
  const { top, bottom } = paletteOf(m);
  const ink = inkOf(m);
  return [fitToInk(top, ink), fitToInk(bottom, ink)];
}
