/**
 * How much light the room can afford. The light measures what each frame costs and steps
 * through these tiers to stay within a budget; every tier draws the same palette and the
 * same arc, only softer and stiller as it goes down.
 */
export interface Tier {
  /** The fraction of the (capped) device pixels the room is drawn at; the browser scales it up. */
  resolution: number;
  /** Ambient motion (ripples, the blink, dust) is drawn at most this often. */
  ambientFps: number;
  /**
   * A change of place (the reader scrolling) is drawn at most this often. The arc's colours
   * move slowly with the scroll, so a weak device can follow it at a few frames a second
   * and leave every other frame to the text.
   */
  followFps: number;
  /** The underwater net bent by a slow wobble of noise; without, the net is drawn unbent (two noises a pixel fewer). */
  caustics: boolean;
  /** The motes turning in the streetlight's beam; without them the beam keeps its mean brightness. */
  dust: boolean;
}

/** From the least to the most costly: a tier's index is its number (0 = minimum, 3 = full). */
export const TIERS: readonly Tier[] = [
  { resolution: 0.3, ambientFps: 8, followFps: 10, caustics: false, dust: false },
  { resolution: 0.35, ambientFps: 16, followFps: 20, caustics: true, dust: false },
  { resolution: 0.42, ambientFps: 24, followFps: 30, caustics: true, dust: true },
  { resolution: 0.5, ambientFps: 24, followFps: 60, caustics: true, dust: true },
];

export const TOP_TIER = TIERS.length - 1;

/**
 * The governor's thresholds. Each step up costs at most about 1.5× the tier below it, so
 * rising only below half the budget lands under it: the headroom is the hysteresis.
 */
export const GOVERNOR = {
  /** What one frame of light may cost, in milliseconds. */
  budgetMs: 4,
  /** Consecutive samples over the budget, at the current tier, before a step down. */
  overSamples: 3,
  /** A sample is headroom when it costs under this fraction of the budget. */
  headroom: 0.5,
  /** An unbroken run of headroom must last this long, and hold this many samples, before a step up. */
  upAfterMs: 3000,
  upMinSamples: 8,
  /** A step up undone within this long was a failed probe: the next run of headroom must last twice as long... */
  failedProbeMs: 10_000,
  /** ...up to this long, so a tier that does not fit is tried at most once a minute. */
  maxUpAfterMs: 60_000,
};

export type GovernorSettings = typeof GOVERNOR;

/** What one drawn frame cost, the tier it was drawn at, and when it was measured (ms). */
export interface CostSample {
  ms: number;
  tier: number;
  at: number;
}

export interface GovernorState {
  tier: number;
  /** Consecutive samples over the budget at this tier. */
  over: number;
  /** When the current unbroken run of headroom at this tier began, and how many samples it holds. */
  calmSince: number | null;
  calm: number;
  /** How long the run of headroom must last for the next step up. */
  upAfterMs: number;
  /** When the tier last rose; null once it has fallen since. */
  roseAt: number | null;
}

export function initialGovernor(tier: number = TOP_TIER, settings: GovernorSettings = GOVERNOR): GovernorState {
  return { tier, over: 0, calmSince: null, calm: 0, upAfterMs: settings.upAfterMs, roseAt: null };
}

/**
 * The governor: one cost sample in, the tier to draw at out. It steps down after a few
 * frames in a row over the budget and up only after a long calm well under it, one step at
 * a time. Samples drawn at another tier (still in flight when the tier changed) say nothing
 * about this one and are ignored, so each step is judged on frames of its own.
 */
export function nextTier(
  state: GovernorState,
  sample: CostSample,
  settings: GovernorSettings = GOVERNOR,
): GovernorState {
  if (sample.tier !== state.tier || !Number.isFinite(sample.ms)) return state;
  const fresh = { over: 0, calmSince: null, calm: 0 };
  if (sample.ms > settings.budgetMs) {
    const over = state.over + 1;
    if (over < settings.overSamples || state.tier === 0) return { ...state, over, calmSince: null, calm: 0 };
    const failedProbe = state.roseAt !== null && sample.at - state.roseAt < settings.failedProbeMs;
    return {
      ...state,
      ...fresh,
      tier: state.tier - 1,
      upAfterMs: failedProbe ? Math.min(settings.maxUpAfterMs, state.upAfterMs * 2) : state.upAfterMs,
      roseAt: null,
    };
  }
  if (sample.ms >= settings.budgetMs * settings.headroom) return { ...state, ...fresh };
  const calmSince = state.calmSince ?? sample.at;
  const calm = state.calm + 1;
  const rise =
    state.tier < TIERS.length - 1 && calm >= settings.upMinSamples && sample.at - calmSince >= state.upAfterMs;
  if (rise) return { ...state, ...fresh, tier: state.tier + 1, roseAt: sample.at };
  return { ...state, over: 0, calmSince, calm };
}

/** The query parameter that pins the tier, for tests and screenshots: `?light-tier=3`. */
export const PIN_PARAM = 'light-tier';

/** The tier a page address pins, if it names a valid one. */
export function pinnedTier(search: string): number | undefined {
  const value = new URLSearchParams(search).get(PIN_PARAM);
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const tier = Number(value);
  return tier <= TOP_TIER ? tier : undefined;
}

/** The query parameter that sets where the governor starts, for tests: `?light-start=3`. */
export const START_PARAM = 'light-start';

/** Renderers that draw on the CPU: no tier above the lowest fits a frame's budget there. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * Where the governor starts. A software renderer starts at the lowest tier: stepping down
 * to it costs a resize of the drawing buffer per step, each a long pause on the very
 * machines that can least afford it. Anything else starts at the top and adapts.
 */
export function startingTier(renderer: string, search: string): number {
  const value = new URLSearchParams(search).get(START_PARAM);
  if (value !== null && /^\d+$/.test(value) && Number(value) <= TOP_TIER) return Number(value);
  return SOFTWARE.test(renderer) ? 0 : TOP_TIER;
}
