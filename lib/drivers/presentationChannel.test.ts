import { describe, expect, it } from 'vitest';
import { WindowClock, type Opening } from '@/lib/present/order';
import {
  onMessage,
  parseMessage,
  sameState,
  type PresentationMessage,
  type PresentationState,
} from './presentationChannel';

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
    expect(parseMessage({ type: 'hello', from: 'b', view: 'audience', state, stamp })).toEqual({
      type: 'hello',
      from: 'b',
      view: 'audience',
      state,
      stamp,
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
      { type: 'goto', from: 'a', view: 'presenter', state, stamp },
      // A hello says where its window is, with its stamp.
      { type: 'hello', from: 'b', view: 'audience' },
      { type: 'hello', from: 'b', view: 'audience', state },
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

/**
 * Windows opening together, as usePresentationSync runs them: each says hello with its
 * state and how it opened, applies what `onMessage` says to apply and answers what it
 * says to answer. Messages arrive in any order.
 */
describe('windows that open at the same moment', () => {
  interface Win {
    clock: WindowClock;
    step: number;
    inbox: PresentationMessage[];
  }

  const broadcast = (all: Win[], from: Win, type: PresentationMessage['type']) => {
    const message: PresentationMessage = {
      type,
      from: from.clock.id,
      view: 'audience',
      state: { ...state, step: from.step },
      stamp: from.clock.current(),
    };
    for (const other of all) if (other !== from) other.inbox.push(message);
  };

  const deliver = (all: Win[], win: Win, index: number) => {
    const [message] = win.inbox.splice(index, 1);
    const { apply, answer } = onMessage(win.clock, message);
    if (apply) win.step = message.state.step;
    if (answer) broadcast(all, win, 'state');
  };

  /** Opens the windows, each on its step and opening, and delivers every message in a random order. */
  function open(windows: { id: string; step: number; opening: Opening }[], random: () => number): number[] {
    const all: Win[] = windows.map(({ id, step, opening }) => ({
      clock: new WindowClock(id, opening),
      step,
      inbox: [],
    }));
    // Each says hello as it opens; a window may hear another's hello before saying its own.
    const unopened = [...all];
    while (unopened.length || all.some((w) => w.inbox.length)) {
      const pending = all.filter((w) => w.inbox.length);
      if (unopened.length && (!pending.length || random() < 0.5)) {
        const [win] = unopened.splice(Math.floor(random() * unopened.length), 1);
        broadcast(all, win, 'hello');
      } else {
        const win = pending[Math.floor(random() * pending.length)];
        deliver(all, win, Math.floor(random() * win.inbox.length));
      }
    }
    return all.map((w) => w.step);
  }

  const seeded = (seed: number) => () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };

  it('keep the deep link, whichever window opens or hears first', () => {
    for (let trial = 0; trial < 300; trial++) {
      const random = seeded(trial + 1);
      // The audience on /present#s-10, the presenter on ?view=presenter: the id order must not matter.
      const [audience, presenter] = random() < 0.5 ? ['a', 'z'] : ['z', 'a'];
      expect(
        open(
          [
            { id: audience, step: 9, opening: 'link' },
            { id: presenter, step: 0, opening: 'default' },
          ],
          random,
        ),
      ).toEqual([9, 9]);
    }
  });

  it('agree when an audience on a link and two presenters open together', () => {
    for (let trial = 0; trial < 300; trial++) {
      const random = seeded(1000 + trial);
      const steps = open(
        [
          { id: 'm', step: 9, opening: 'link' },
          { id: 'z', step: 0, opening: 'default' },
          { id: 'a', step: 0, opening: 'default' },
        ],
        random,
      );
      expect(steps).toEqual([9, 9, 9]);
    }
  });

  it('agree on one of two deep links, the same in every window', () => {
    for (let trial = 0; trial < 300; trial++) {
      const steps = open(
        [
          { id: 'b', step: 4, opening: 'link' },
          { id: 'c', step: 30, opening: 'link' },
          { id: 'a', step: 0, opening: 'default' },
        ],
        seeded(5000 + trial),
      );
      expect(steps).toEqual([30, 30, 30]);
    }
  });
});

describe('onMessage', () => {
  const message = (type: PresentationMessage['type'], clock: number, from: string): PresentationMessage => ({
    type,
    from,
    view: 'presenter',
    state,
    stamp: { clock, from },
  });

  it('applies a later state and answers a hello only when its own state is the later one', () => {
    expect(onMessage(new WindowClock('m'), message('hello', 1, 'a'))).toEqual({ apply: true, answer: false });
    expect(onMessage(new WindowClock('m', 'link'), message('hello', 0, 'z'))).toEqual({ apply: false, answer: true });
    expect(onMessage(new WindowClock('m', 'link'), message('state', 0, 'z'))).toEqual({ apply: false, answer: false });
    expect(onMessage(new WindowClock('m'), message('state', 3, 'a'))).toEqual({ apply: true, answer: false });
  });
});
