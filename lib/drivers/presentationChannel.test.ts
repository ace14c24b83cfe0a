import { describe, expect, it } from 'vitest';
import { parseMessage, sameState, type PresentationState } from './presentationChannel';

const state: PresentationState = { step: 3, blackout: false, playing: true, wpm: 180 };

describe('parseMessage', () => {
  it('reads a state and a hello', () => {
    expect(parseMessage({ type: 'state', from: 'a', view: 'presenter', state })).toEqual({
      type: 'state',
      from: 'a',
      view: 'presenter',
      state,
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
      { type: 'state', from: 'a', view: 'nobody', state },
      { type: 'state', view: 'presenter', state },
      { type: 'state', from: 'a', view: 'presenter', state: { ...state, step: -1 } },
      { type: 'state', from: 'a', view: 'presenter', state: { ...state, step: 1.5 } },
      { type: 'state', from: 'a', view: 'presenter', state: { ...state, blackout: 'yes' } },
      { type: 'state', from: 'a', view: 'presenter', state: { ...state, wpm: Number.NaN } },
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
