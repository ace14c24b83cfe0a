/**
 * The named mood keys a content file may use. A mood is a point in the space of the
 * light layer's parameters; the light between two keys is interpolated, so every key
 * is a pose of one continuous room, not a separate effect.
 *
 * All channels are 0..1. Colour choices live in the shader and in the CSS fallback;
 * here only "how much of each light" is decided.
 */
export interface Mood {
  /** Overall light level in the room. */
  light: number;
  /** 0 = cold blue, 1 = warm amber. */
  warmth: number;
  /** Underwater ripples of light. */
  caustics: number;
  /** Distant city lights along the bottom. */
  city: number;
  /** Garnet, wine-dark liquid warmth. */
  wine: number;
  /** The answering machine's small red light. */
  blink: number;
  /** The glow of his recorded voice. */
  glow: number;
  /** Memory haze: desaturation and softness. */
  haze: number;
  /** A heartbeat-like pulse of faint light. */
  pulse: number;
  /** Car headlights sweeping across the ceiling. */
  headlights: number;
  /** Calm deep indigo. */
  indigo: number;
  /** The sodium streetlight shaft through the window. */
  streetlight: number;
  /** Dawn through the window: rose at 0.5, gold at 1. */
  dawn: number;
  /** Film grain. */
  grain: number;
}

export type MoodChannel = keyof Mood;

const still: Mood = {
  light: 0.05,
  warmth: 0.2,
  caustics: 0,
  city: 0,
  wine: 0,
  blink: 0,
  glow: 0,
  haze: 0,
  pulse: 0,
  headlights: 0,
  indigo: 0,
  streetlight: 0,
  dawn: 0,
  grain: 0.25,
};

const key = (m: Partial<Mood>): Mood => ({ ...still, ...m });

export const moods = {
  'title-card': key({ light: 0.04, warmth: 0.8, glow: 0.35, grain: 0.35 }),
  'cold-room': key({ light: 0.12, warmth: 0, caustics: 0.85, city: 0.7, grain: 0.3 }),
  wine: key({ light: 0.2, warmth: 0.45, caustics: 0.35, city: 0.2, wine: 0.9, grain: 0.3 }),
  'blinking-light': key({ light: 0.06, warmth: 0.15, blink: 1, grain: 0.3 }),
  message: key({ light: 0.14, warmth: 0.45, blink: 0.8, glow: 0.8, grain: 0.3 }),
  'memory-haze': key({ light: 0.16, warmth: 0.1, haze: 0.9, grain: 0.65 }),
  heartbeat: key({ light: 0.07, warmth: 0.3, pulse: 1, grain: 0.3 }),
  'line-opens': key({ light: 0.16, warmth: 0.55, pulse: 0.35, glow: 0.4, grain: 0.3 }),
  'call-opens': key({ light: 0.18, warmth: 0.55, glow: 0.35, grain: 0.28 }),
  'call-warm': key({ light: 0.3, warmth: 0.72, glow: 0.5, grain: 0.25 }),
  'song-swell': key({ light: 0.36, warmth: 0.75, glow: 0.7, wine: 0.3, grain: 0.25 }),
  'come-home': key({ light: 0.52, warmth: 0.85, glow: 0.9, grain: 0.2 }),
  headlights: key({ light: 0.3, warmth: 0.6, glow: 0.4, headlights: 1, grain: 0.25 }),
  'call-after': key({ light: 0.26, warmth: 0.6, glow: 0.45, grain: 0.25 }),
  waiting: key({ light: 0.14, warmth: 0.2, indigo: 1, grain: 0.2 }),
  streetlight: key({ light: 0.22, warmth: 0.9, indigo: 0.45, streetlight: 1, grain: 0.3 }),
  'dawn-rose': key({ light: 0.75, warmth: 0.75, dawn: 0.55, grain: 0.2 }),
  'dawn-gold': key({ light: 1, warmth: 0.95, dawn: 1, grain: 0.15 }),
  settle: key({ light: 0.72, warmth: 0.85, dawn: 0.8, grain: 0.15 }),
} satisfies Record<string, Mood>;

export type MoodKey = keyof typeof moods;

export const moodKeys = Object.keys(moods) as MoodKey[];

export const moodChannels = Object.keys(still) as MoodChannel[];

export function isMoodKey(value: string): value is MoodKey {
  return Object.hasOwn(moods, value);
}
