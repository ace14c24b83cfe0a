import { describe, expect, it } from 'vitest';
import { DEFAULT_WPM, MAX_WPM, MIN_WPM, WPM_STEP } from './autoplay';
import type { PresentAction } from './keys';
import {
  autoplaying,
  INITIAL_SHOW,
  reduce,
  type ShowAction,
  type ShowContext,
  type ShowEffect,
  type ShowState,
} from './reduce';

const at: ShowContext = { step: 4, total: 10, view: 'audience', loop: false };
const press = (action: PresentAction): ShowAction => ({ type: 'act', action });
const run = (action: ShowAction, state: Partial<ShowState> = {}, context: Partial<ShowContext> = {}) =>
  reduce({ ...INITIAL_SHOW, ...state }, action, { ...at, ...context });
const go = (step: number): ShowEffect => ({ type: 'go', step });

const every: PresentAction[] = [
  { type: 'next' },
  { type: 'prev' },
  { type: 'first' },
  { type: 'last' },
  { type: 'goto', step: 3 },
  { type: 'digits' },
  { type: 'fullscreen' },
  { type: 'overview' },
  { type: 'blackout' },
  { type: 'play' },
  { type: 'pace', direction: 1 },
  { type: 'help' },
  { type: 'presenter' },
  { type: 'escape' },
];

describe('reduce: moving', () => {
  it('goes one step forward and back, and to either end', () => {
    expect(run(press({ type: 'next' }))).toEqual({ state: INITIAL_SHOW, effects: [go(5)], handled: true });
    expect(run(press({ type: 'prev' })).effects).toEqual([go(3)]);
    expect(run(press({ type: 'first' })).effects).toEqual([go(0)]);
    expect(run(press({ type: 'last' })).effects).toEqual([go(9)]);
  });

  it('stays within the story at its ends', () => {
    expect(run(press({ type: 'next' }), {}, { step: 9 }).effects).toEqual([go(9)]);
    expect(run(press({ type: 'prev' }), {}, { step: 0 }).effects).toEqual([go(0)]);
  });

  it('goes to a typed step (1-based), or says there is none', () => {
    expect(run(press({ type: 'goto', step: 1 })).effects).toEqual([go(0)]);
    expect(run(press({ type: 'goto', step: 10 })).effects).toEqual([go(9)]);
    for (const step of [0, 11]) {
      const t = run(press({ type: 'goto', step }));
      expect(t.effects).toEqual([{ type: 'notice', text: `There is no step ${step}: the story has 10.` }]);
      expect(t.handled).toBe(true);
    }
  });

  it('keeps the state object when nothing about the show changes', () => {
    const state = { ...INITIAL_SHOW };
    expect(reduce(state, press({ type: 'next' }), at).state).toBe(state);
    expect(reduce(state, press({ type: 'digits' }), at)).toEqual({ state, effects: [], handled: true });
  });
});

describe('reduce: the show', () => {
  it('asks for full screen', () => {
    expect(run(press({ type: 'fullscreen' }))).toEqual({
      state: INITIAL_SHOW,
      effects: [{ type: 'fullscreen' }],
      handled: true,
    });
  });

  it('opens the overview and the help', () => {
    expect(run(press({ type: 'overview' })).state.panel).toBe('overview');
    expect(run(press({ type: 'help' })).state.panel).toBe('help');
  });

  it('blacks the screen out, and back in the presenter view', () => {
    expect(run(press({ type: 'blackout' })).state.blackout).toBe(true);
    expect(run(press({ type: 'blackout' }), { blackout: true }, { view: 'presenter' }).state.blackout).toBe(false);
  });

  it('plays and pauses, saying so', () => {
    expect(run(press({ type: 'play' }), { wpm: 200 })).toEqual({
      state: { ...INITIAL_SHOW, wpm: 200, playing: true },
      effects: [{ type: 'notice', text: 'Playing at 200 words a minute.' }],
      handled: true,
    });
    expect(run(press({ type: 'play' }), { playing: true })).toEqual({
      state: INITIAL_SHOW,
      effects: [{ type: 'notice', text: 'Paused.' }],
      handled: true,
    });
  });

  it('plays from the first step when asked at the last, moving and playing in one transition', () => {
    const t = run(press({ type: 'play' }), {}, { step: 9 });
    expect(t.state.playing).toBe(true);
    expect(t.effects).toEqual([go(0), { type: 'notice', text: `Playing at ${DEFAULT_WPM} words a minute.` }]);
  });

  it('changes the pace within its bounds, saying the new pace briefly', () => {
    expect(run(press({ type: 'pace', direction: 1 }))).toEqual({
      state: { ...INITIAL_SHOW, wpm: DEFAULT_WPM + WPM_STEP },
      effects: [{ type: 'notice', text: `${DEFAULT_WPM + WPM_STEP} words a minute.`, ms: 2000 }],
      handled: true,
    });
    expect(run(press({ type: 'pace', direction: -1 })).state.wpm).toBe(DEFAULT_WPM - WPM_STEP);
    expect(run(press({ type: 'pace', direction: 1 }), { wpm: MAX_WPM }).state.wpm).toBe(MAX_WPM);
    expect(run(press({ type: 'pace', direction: -1 }), { wpm: MIN_WPM }).state.wpm).toBe(MIN_WPM);
  });

  it('opens the presenter view at this step from the audience, and leaves S alone in the presenter view', () => {
    const t = run(press({ type: 'presenter' }));
    expect(t.handled).toBe(true);
    expect(t.effects).toEqual([
      {
        type: 'open-presenter',
        url: '/present?view=presenter#s-5',
        blocked: expect.stringContaining('blocked the presenter view') as string,
      },
    ]);
    expect(run(press({ type: 'presenter' }), {}, { view: 'presenter' })).toEqual({
      state: INITIAL_SHOW,
      effects: [],
      handled: false,
    });
  });
});

describe('reduce: a black screen', () => {
  const black = { blackout: true };

  it('ends with B or Escape and nothing else', () => {
    for (const action of every) {
      const t = run(press(action), black);
      const ends = action.type === 'blackout' || action.type === 'escape';
      expect(t.state, action.type).toEqual({ ...INITIAL_SHOW, blackout: !ends });
      expect(t.effects, action.type).toEqual([]);
      // Every key is kept from the browser, except the typed digits, which are shown as typed.
      expect(t.handled, action.type).toBe(action.type !== 'digits');
    }
  });

  it('does not hold the presenter view, which keeps working while the room sees black', () => {
    expect(run(press({ type: 'next' }), black, { view: 'presenter' }).effects).toEqual([go(5)]);
  });

  it('comes before an open panel', () => {
    expect(run(press({ type: 'escape' }), { ...black, panel: 'help' }).state).toEqual({
      ...INITIAL_SHOW,
      panel: 'help',
    });
  });

  it('ends by its own way back', () => {
    expect(run({ type: 'end-blackout' }, black).state.blackout).toBe(false);
  });
});

describe('reduce: an open panel', () => {
  it('closes with its own key or Escape, and switches with the other panel’s key', () => {
    expect(run(press({ type: 'overview' }), { panel: 'overview' })).toEqual({
      state: INITIAL_SHOW,
      effects: [],
      handled: true,
    });
    expect(run(press({ type: 'help' }), { panel: 'help' }).state.panel).toBeNull();
    expect(run(press({ type: 'help' }), { panel: 'overview' }).state.panel).toBe('help');
    expect(run(press({ type: 'overview' }), { panel: 'help' }).state.panel).toBe('overview');
    // Escape closes either.
    expect(run(press({ type: 'escape' }), { panel: 'help' }).state.panel).toBeNull();
    expect(run(press({ type: 'escape' }), { panel: 'overview' }).state.panel).toBeNull();
  });

  it('leaves every other key to the panel', () => {
    for (const action of every.filter((a) => !['overview', 'help', 'escape'].includes(a.type))) {
      expect(run(press(action), { panel: 'overview' }), action.type).toEqual({
        state: { ...INITIAL_SHOW, panel: 'overview' },
        effects: [],
        handled: false,
      });
    }
  });

  it('closes by its Close button', () => {
    expect(run({ type: 'close-panel' }, { panel: 'help' }).state.panel).toBeNull();
  });

  it('closes on a jump from the overview, and the story moves there', () => {
    expect(run({ type: 'jump', step: 7 }, { panel: 'overview' })).toEqual({
      state: INITIAL_SHOW,
      effects: [go(7)],
      handled: true,
    });
  });
});

describe('reduce: autoplay and the other windows', () => {
  it('turns to the next step when a step has had its time', () => {
    expect(run({ type: 'dwell' }, { playing: true }).effects).toEqual([go(5)]);
  });

  it('stops at the end, saying so, or starts again with ?loop', () => {
    expect(run({ type: 'dwell' }, { playing: true }, { step: 9 })).toEqual({
      state: INITIAL_SHOW,
      effects: [{ type: 'notice', text: 'The end. Autoplay has stopped.' }],
      handled: true,
    });
    expect(run({ type: 'dwell' }, { playing: true }, { step: 9, loop: true })).toEqual({
      state: { ...INITIAL_SHOW, playing: true },
      effects: [go(0)],
      handled: true,
    });
  });

  it('plays on its own in a kiosk', () => {
    expect(run({ type: 'kiosk' }).state.playing).toBe(true);
  });

  it('takes another window’s state whole, in one transition, and keeps its own panel', () => {
    const t = run({ type: 'remote', state: { step: 2, blackout: true, playing: true, wpm: 220 } }, { panel: 'help' });
    expect(t).toEqual({
      state: { panel: 'help', leaving: false, blackout: true, playing: true, wpm: 220 },
      effects: [go(2)],
      handled: true,
    });
  });

  it('bounds what another window says: the pace and the step', () => {
    const t = run({ type: 'remote', state: { step: 99, blackout: false, playing: false, wpm: 10_000 } });
    expect(t.state.wpm).toBe(MAX_WPM);
    expect(t.effects).toEqual([go(9)]);
  });
});

describe('autoplaying', () => {
  const playing = { ...INITIAL_SHOW, playing: true };

  it('runs while playing with nothing over the story', () => {
    expect(autoplaying(playing, 'audience', false)).toBe(true);
    expect(autoplaying(INITIAL_SHOW, 'audience', false)).toBe(false);
    expect(autoplaying({ ...playing, blackout: true }, 'audience', false)).toBe(false);
    expect(autoplaying({ ...playing, panel: 'help' }, 'audience', false)).toBe(false);
  });

  it('is timed by the audience’s window; a presenter view times it only alone', () => {
    expect(autoplaying(playing, 'audience', true)).toBe(true);
    expect(autoplaying(playing, 'presenter', false)).toBe(true);
    expect(autoplaying(playing, 'presenter', true)).toBe(false);
  });
});

describe('reduce: Escape with nothing open', () => {
  it('never opens the overview: it offers to leave, and moves nothing', () => {
    expect(run(press({ type: 'escape' }))).toEqual({
      state: { ...INITIAL_SHOW, leaving: true },
      effects: [],
      handled: true,
    });
  });

  it('leaves full screen first, and offers to leave only after that', () => {
    expect(run(press({ type: 'escape' }), {}, { fullscreen: true })).toEqual({
      state: INITIAL_SHOW,
      effects: [{ type: 'exit-fullscreen' }],
      handled: true,
    });
  });

  it('puts the offer away with Escape again, or with Stay', () => {
    expect(run(press({ type: 'escape' }), { leaving: true }).state).toEqual(INITIAL_SHOW);
    expect(run({ type: 'stay' }, { leaving: true }).state).toEqual(INITIAL_SHOW);
  });

  it('lets any other action through the offer, and puts the offer away', () => {
    for (const action of every.filter((a) => a.type !== 'escape')) {
      const through = run(press(action), { leaving: true });
      const alone = run(press(action));
      expect(through.state, action.type).toEqual({ ...alone.state, leaving: false });
      expect(through.effects, action.type).toEqual(alone.effects);
    }
  });

  it('closes what is open before anything else: the black screen, then a panel', () => {
    expect(run(press({ type: 'escape' }), { blackout: true, panel: 'help' }).state).toEqual({
      ...INITIAL_SHOW,
      panel: 'help',
    });
    expect(run(press({ type: 'escape' }), { panel: 'overview' }, { fullscreen: true })).toEqual({
      state: INITIAL_SHOW,
      effects: [],
      handled: true,
    });
  });
});
