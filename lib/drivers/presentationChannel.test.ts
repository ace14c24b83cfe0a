import { describe, expect, it } from 'vitest';
import { parseMessage, sameState, type PresentationState } from './presentationChannel';

const state: PresentationState = { step: 3, blackout: false, playing: true, wpm: 180 };
const stamp = { clock: 4, from: 'a' };

describe('parseMessage', () => {
  it('reads a state and a hello', () => {
    expect(parseMessage({ type: 'state', from: 'a', view: 'presenter', state, stamp })).toEqual({
      type: 'state',
      from: 'a',
      view: 'presenter',
      state,
      stamp,
    });
    expect(parseMessage({ type: 'hello', from: 'b', view: 'audience' })).toEqual({
      type: 'hello',
      from: 'b',
      view: 'audience',
    });
  });

  it('ignores anything of the wrong shape', () => {
    for (const data of [
      null,
      'next',
      42,
      { type: 'state', from: 'a', view: 'presenter' },
      { type: 'state', from: 'a', view: 'presenter', state },
      { type: 'state', from: 'a', view: 'presenter', state, stamp: { clock: -1, from: 'a' } },
      { type: 'state', from: 'a', view: 'nobody', state, stamp },
      { type: 'state', view: 'presenter', state, stamp },
      { type: 'state', from: 'a', view: 'presenter', state: { ...state, step: -1 }, stamp },
      { type: 'state', from: 'a', view: 'presenter', state: { ...state, step: 1.5 }, stamp },
      { type: 'state', from: 'a', view: 'presenter', state: { ...state, blackout: 'yes' }, stamp },
      { type: 'state', from: 'a', view: 'presenter', state: { ...state, wpm: Number.NaN }, stamp },
      { type: 'goto', from: 'a', view: 'presenter' },
    ]) {
      expect(parseMessage(data)).toBeNull();
    }
  });
});

describe('sameState', () => {
  it('compares every field', () => {
    expect(sameState(state, { ...state })).toBe(true);
    expect(sameState(state, { ...state, step: 4 })).toBe(false);
    expect(sameState(state, { ...state, blackout: true })).toBe(false);
    expect(sameState(state, { ...state, playing: false })).toBe(false);
    expect(sameState(state, { ...state, wpm: 200 })).toBe(false);
  });
});
