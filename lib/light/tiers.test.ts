import { describe, expect, it } from 'vitest';
import {
  GOVERNOR,
  PIN_PARAM,
  TIERS,
  TOP_TIER,
  initialGovernor,
  nextTier,
  pinnedTier,
  startingTier,
  type CostSample,
  type GovernorState,
} from './tiers';

/** Feeds samples of a cost (per tier, or one cost for all) at a frame rate, from a start time. */
function run(
  state: GovernorState,
  cost: number | ((tier: number) => number),
  { frames, fps = 24, from = 0 }: { frames: number; fps?: number; from?: number },
) {
  const tiers: number[] = [];
  for (let i = 0; i < frames; i++) {
    const ms = typeof cost === 'number' ? cost : cost(state.tier);
    state = nextTier(state, { ms, tier: state.tier, at: from + (i * 1000) / fps });
    tiers.push(state.tier);
  }
  return { state, tiers };
}

const at = (tier: number, ms: number, time = 0): CostSample => ({ ms, tier, at: time });

describe('the tier table', () => {
  it('runs from the least to the most costly, and the top tier draws as the light always has', () => {
    expect(TOP_TIER).toBe(3);
    // The top tier follows the reader at every frame, as the light always has.
    expect(TIERS[TOP_TIER]).toEqual({ resolution: 0.5, ambientFps: 24, followFps: 60, caustics: true, dust: true });
    for (let i = 1; i < TIERS.length; i++) {
      expect(TIERS[i].resolution).toBeGreaterThan(TIERS[i - 1].resolution);
      expect(TIERS[i].ambientFps).toBeGreaterThanOrEqual(TIERS[i - 1].ambientFps);
      expect(TIERS[i].followFps).toBeGreaterThan(TIERS[i - 1].followFps);
      // An effect dropped at a tier stays dropped below it.
      if (TIERS[i - 1].caustics) expect(TIERS[i].caustics).toBe(true);
      if (TIERS[i - 1].dust) expect(TIERS[i].dust).toBe(true);
    }
    expect(TIERS[0]).toEqual({ resolution: 0.3, ambientFps: 8, followFps: 10, caustics: false, dust: false });
    // Even the lowest tier follows a scroll at least as often as its ambient motion.
    for (const tier of TIERS) expect(tier.followFps).toBeGreaterThanOrEqual(tier.ambientFps);
  });

  it('makes each step up cost at most what the headroom leaves: rising below half the budget lands under it', () => {
    for (let i = 1; i < TIERS.length; i++) {
      const pixels = (TIERS[i].resolution / TIERS[i - 1].resolution) ** 2;
      expect(pixels * GOVERNOR.headroom, `tier ${i - 1} to ${i}`).toBeLessThan(0.8);
    }
  });
});

describe('the governor', () => {
  it('starts at the top tier unless told otherwise', () => {
    expect(initialGovernor()).toEqual({
      tier: 3,
      over: 0,
      calmSince: null,
      calm: 0,
      upAfterMs: GOVERNOR.upAfterMs,
      roseAt: null,
    });
    expect(initialGovernor(1).tier).toBe(1);
  });

  it('steps down after three frames in a row over the budget, not two', () => {
    let s = initialGovernor();
    s = nextTier(s, at(3, 4.5));
    s = nextTier(s, at(3, 9));
    expect(s.tier).toBe(3);
    expect(s.over).toBe(2);
    s = nextTier(s, at(3, 5));
    expect(s.tier).toBe(2);
    expect(s.over).toBe(0);
  });

  it('counts a frame at exactly the budget as fitting, and lets it break a run over the budget', () => {
    let s = initialGovernor();
    s = nextTier(s, at(3, 5));
    s = nextTier(s, at(3, 5));
    s = nextTier(s, at(3, GOVERNOR.budgetMs));
    expect(s).toMatchObject({ tier: 3, over: 0 });
    s = nextTier(s, at(3, 5));
    s = nextTier(s, at(3, 5));
    expect(s).toMatchObject({ tier: 3, over: 2 });
  });

  it('takes one step per run: the next step down needs three frames of the new tier', () => {
    let s = initialGovernor();
    for (let i = 0; i < 3; i++) s = nextTier(s, at(3, 20, i));
    expect(s.tier).toBe(2);
    // Frames drawn at tier 3 still arriving (GPU timings come back a few frames late) change nothing.
    for (let i = 0; i < 5; i++) s = nextTier(s, at(3, 20, 10 + i));
    expect(s).toMatchObject({ tier: 2, over: 0 });
    s = nextTier(s, at(2, 20, 20));
    s = nextTier(s, at(2, 20, 21));
    expect(s.tier).toBe(2);
    s = nextTier(s, at(2, 20, 22));
    expect(s.tier).toBe(1);
  });

  it('ignores a sample that is not a number', () => {
    const s = initialGovernor();
    expect(nextTier(s, at(3, Number.NaN))).toBe(s);
    expect(nextTier(s, at(3, Number.POSITIVE_INFINITY))).toBe(s);
  });

  it('settles on the lowest tier when even that is over the budget (software rendering), and stays there', () => {
    const { state, tiers } = run(initialGovernor(), 20, { frames: 200 });
    expect(state.tier).toBe(0);
    expect(tiers.indexOf(0)).toBe(8);
    expect(tiers.slice(8).every((t) => t === 0)).toBe(true);
  });

  it('climbs back to the top one step at a time once there is headroom, and stays there', () => {
    const { state, tiers } = run(initialGovernor(0), 0.5, { frames: 24 * 20 });
    expect(state.tier).toBe(3);
    const changes = tiers.flatMap((t, i) => (t !== (tiers[i - 1] ?? 0) ? [i] : []));
    expect(changes).toHaveLength(3);
    // Each step waits the full calm of its own tier: 3 s at 24 fps.
    expect(changes[0]).toBe(72);
    expect(changes[1] - changes[0]).toBe(73);
    expect(changes[2] - changes[1]).toBe(73);
  });

  it('rises only after both the calm time and enough samples', () => {
    let s = initialGovernor(1);
    // Seven samples spread over 6 s: long enough, but too few.
    for (let i = 0; i < 7; i++) s = nextTier(s, at(1, 1, i * 1000));
    expect(s).toMatchObject({ tier: 1, calm: 7, calmSince: 0 });
    s = nextTier(s, at(1, 1, 7000));
    expect(s.tier).toBe(2);
    expect(s.roseAt).toBe(7000);
    // Many samples, but not yet 3 s.
    for (let i = 0; i < 30; i++) s = nextTier(s, at(2, 1, 7000 + 1 + i * 99));
    expect(s.tier).toBe(2);
    s = nextTier(s, at(2, 1, 7001 + GOVERNOR.upAfterMs));
    expect(s.tier).toBe(3);
  });

  it('counts only frames under half the budget as headroom, and restarts the calm after any other', () => {
    const half = GOVERNOR.budgetMs * GOVERNOR.headroom;
    let s = initialGovernor(1);
    for (let i = 0; i < 10; i++) s = nextTier(s, at(1, half - 0.01, i * 400));
    expect(s.tier).toBe(2);
    s = initialGovernor(1);
    for (let i = 0; i < 10; i++) s = nextTier(s, at(1, half, i * 400));
    expect(s).toMatchObject({ tier: 1, calm: 0, calmSince: null });
    // A frame between half the budget and the budget neither steps down nor counts as calm.
    s = initialGovernor(1);
    for (let i = 0; i < 6; i++) s = nextTier(s, at(1, 1, i * 400));
    s = nextTier(s, at(1, 3, 2400));
    expect(s).toMatchObject({ tier: 1, calm: 0, calmSince: null, over: 0 });
    s = nextTier(s, at(1, 1, 2800));
    expect(s).toMatchObject({ calm: 1, calmSince: 2800 });
  });

  it('restarts the calm on a frame over the budget', () => {
    let s = initialGovernor(1);
    for (let i = 0; i < 6; i++) s = nextTier(s, at(1, 1, i * 400));
    s = nextTier(s, at(1, 9, 2400));
    expect(s).toMatchObject({ tier: 1, calm: 0, calmSince: null, over: 1 });
  });

  it('never rises above the top tier nor falls below the lowest', () => {
    expect(run(initialGovernor(), 0.1, { frames: 24 * 60 }).state.tier).toBe(3);
    const low = run(initialGovernor(0), 50, { frames: 100 }).state;
    expect(low.tier).toBe(0);
    expect(low.over).toBe(100);
  });

  it('does not oscillate: a tier that does not fit is tried again later and later, at most once a minute', () => {
    // Tier 2 fits with headroom, tier 3 does not fit at all.
    const cost = (tier: number) => (tier === 3 ? 6 : 1);
    const { state, tiers } = run(initialGovernor(2), cost, { frames: 24 * 600 });
    const rises = tiers.flatMap((t, i) => (i > 0 && t > tiers[i - 1] ? [i / 24] : []));
    // 3 s, then 6, 12, 24, 48 and 60 s of calm between tries: ten tries in ten minutes, each of three frames.
    expect(rises.length).toBeLessThanOrEqual(15);
    const gaps = rises.slice(1).map((r, i) => r - rises[i]);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(Math.min(gaps[i - 1], 60));
    expect(Math.max(...gaps)).toBeLessThan(61);
    expect(Math.max(...gaps)).toBeGreaterThan(59);
    expect(state.upAfterMs).toBe(GOVERNOR.maxUpAfterMs);
    expect(tiers.filter((t) => t === 3).length).toBe(rises.length * 3);
  });

  it('doubles the wait only after a step up that had to be undone soon', () => {
    let s: GovernorState = { ...initialGovernor(3), roseAt: 1000 };
    for (let i = 0; i < 3; i++) s = nextTier(s, at(3, 9, 1000 + GOVERNOR.failedProbeMs - 3 + i));
    expect(s).toMatchObject({ tier: 2, upAfterMs: 2 * GOVERNOR.upAfterMs, roseAt: null });
    // Undone later than that: the load changed, the probe was right at the time.
    s = { ...initialGovernor(3), roseAt: 1000 };
    for (let i = 0; i < 3; i++) s = nextTier(s, at(3, 9, 1000 + GOVERNOR.failedProbeMs + i));
    expect(s).toMatchObject({ tier: 2, upAfterMs: GOVERNOR.upAfterMs, roseAt: null });
    // Never waits more than a minute.
    s = { ...initialGovernor(3), roseAt: 0, upAfterMs: 40_000 };
    for (let i = 0; i < 3; i++) s = nextTier(s, at(3, 9, i));
    expect(s.upAfterMs).toBe(GOVERNOR.maxUpAfterMs);
  });

  it('takes its thresholds from the settings it is given', () => {
    const settings = { ...GOVERNOR, budgetMs: 10, overSamples: 1 };
    expect(nextTier(initialGovernor(), at(3, 9), settings).tier).toBe(3);
    expect(nextTier(initialGovernor(), at(3, 11), settings).tier).toBe(2);
  });
});

describe('pinning a tier', () => {
  it('reads the tier from the address', () => {
    expect(PIN_PARAM).toBe('light-tier');
    expect(pinnedTier('?light-tier=3')).toBe(3);
    expect(pinnedTier('?light-tier=0')).toBe(0);
    expect(pinnedTier('?view=presenter&light-tier=1')).toBe(1);
  });

  it('ignores what is not a tier', () => {
    for (const search of ['', '?light-tier', '?light-tier=', '?light-tier=4', '?light-tier=-1', '?light-tier=1.5']) {
      expect(pinnedTier(search), search).toBeUndefined();
    }
    expect(pinnedTier('?light-tier=top')).toBeUndefined();
    expect(pinnedTier('?light-tier=2x')).toBeUndefined();
    expect(pinnedTier('?tier=2')).toBeUndefined();
  });
});

describe('startingTier', () => {
  it('starts a software renderer at the lowest tier and a GPU at the top', () => {
    expect(
      startingTier('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', ''),
    ).toBe(0);
    expect(startingTier('llvmpipe (LLVM 15.0.6, 256 bits)', '')).toBe(0);
    expect(startingTier('Microsoft Basic Render Driver', '')).toBe(0);
    expect(startingTier('ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)', '')).toBe(TOP_TIER);
    expect(startingTier('Adreno (TM) 640', '')).toBe(TOP_TIER);
    expect(startingTier('', '')).toBe(TOP_TIER);
  });

  it('starts where the address says, for tests, when it names a tier', () => {
    expect(startingTier('SwiftShader', '?light-start=3')).toBe(3);
    expect(startingTier('Adreno (TM) 640', '?light-start=0')).toBe(0);
    expect(startingTier('Adreno (TM) 640', '?light-start=1&x=2')).toBe(1);
    expect(startingTier('SwiftShader', '?light-start=4')).toBe(0);
    expect(startingTier('Adreno', '?light-start=-1')).toBe(TOP_TIER);
    expect(startingTier('Adreno', '?light-start=two')).toBe(TOP_TIER);
    expect(startingTier('Adreno', '?light-start=')).toBe(TOP_TIER);
  });
});
