import { describe, expect, it } from 'vitest';
import { isLater, isStamp, openingStamp, WindowClock, type Stamp } from './order';

describe('isLater', () => {
  it('orders by clock, then by window id', () => {
    expect(isLater({ clock: 2, from: 'a' }, { clock: 1, from: 'z' })).toBe(true);
    expect(isLater({ clock: 1, from: 'z' }, { clock: 2, from: 'a' })).toBe(false);
    expect(isLater({ clock: 3, from: 'b' }, { clock: 3, from: 'a' })).toBe(true);
    expect(isLater({ clock: 3, from: 'a' }, { clock: 3, from: 'b' })).toBe(false);
  });

  it('is not later than itself', () => {
    expect(isLater({ clock: 3, from: 'a' }, { clock: 3, from: 'a' })).toBe(false);
  });
});

describe('isStamp', () => {
  it('accepts a clock and a window id', () => {
    expect(isStamp({ clock: 0, from: '' })).toBe(true);
    expect(isStamp({ clock: 12, from: 'x1' })).toBe(true);
  });

  it('rejects anything else', () => {
    for (const value of [
      null,
      undefined,
      3,
      'stamp',
      { clock: 1 },
      { from: 'a' },
      { clock: -1, from: 'a' },
      { clock: 1.5, from: 'a' },
      { clock: Number.MAX_VALUE, from: 'a' },
      { clock: '1', from: 'a' },
      { clock: 1, from: 2 },
    ]) {
      expect(isStamp(value)).toBe(false);
    }
  });
});

describe('WindowClock', () => {
  it('stamps each change later than the last', () => {
    const clock = new WindowClock('a');
    const first = clock.stamp();
    const second = clock.stamp();
    expect(first).toEqual({ clock: 1, from: 'a' });
    expect(isLater(second, first)).toBe(true);
  });

  it('stamps after everything it has seen', () => {
    const clock = new WindowClock('a');
    expect(clock.receive({ clock: 7, from: 'b' })).toBe(true);
    expect(clock.stamp()).toEqual({ clock: 8, from: 'a' });
    // Seen but not applied still moves the clock on.
    expect(clock.receive({ clock: 3, from: 'z' })).toBe(false);
    expect(clock.receive({ clock: 20, from: 'b' })).toBe(true);
    expect(clock.stamp().clock).toBe(21);
  });

  it('answers a newcomer with what it shows', () => {
    const clock = new WindowClock('a');
    expect(clock.current()).toEqual({ clock: 0, from: 'a' });
    clock.receive({ clock: 4, from: 'b' });
    expect(clock.current()).toEqual({ clock: 4, from: 'b' });
    clock.stamp();
    expect(clock.current()).toEqual({ clock: 5, from: 'a' });
  });

  it('opens with a claim on a link (clock 1) and none on the default (clock 0)', () => {
    expect(openingStamp('a', 'link')).toEqual({ clock: 1, from: 'a' });
    expect(openingStamp('a', 'default')).toEqual({ clock: 0, from: 'a' });
    expect(new WindowClock('a', 'link').current()).toEqual({ clock: 1, from: 'a' });
    // A change made after opening on a link is later than the link.
    expect(new WindowClock('a', 'link').stamp()).toEqual({ clock: 2, from: 'a' });
  });

  it('lets a link win over a default, and never a default over a link, whatever the ids', () => {
    expect(new WindowClock('z').receive(openingStamp('a', 'link'))).toBe(true);
    expect(new WindowClock('a', 'link').receive(openingStamp('z', 'default'))).toBe(false);
  });

  it('breaks a tie between two defaults (or two links) by window id, alike in both windows', () => {
    expect(new WindowClock('z').receive(openingStamp('a', 'default'))).toBe(false);
    expect(new WindowClock('a').receive(openingStamp('z', 'default'))).toBe(true);
    expect(new WindowClock('z', 'link').receive(openingStamp('a', 'link'))).toBe(false);
    expect(new WindowClock('a', 'link').receive(openingStamp('z', 'link'))).toBe(true);
  });

  it('takes a change made in another window over its own opening', () => {
    expect(new WindowClock('z', 'link').receive({ clock: 2, from: 'a' })).toBe(true);
  });

  it('keeps the later of two changes, whichever arrives first', () => {
    const clock = new WindowClock('m');
    expect(clock.receive({ clock: 2, from: 'b' })).toBe(true);
    expect(clock.receive({ clock: 2, from: 'a' })).toBe(false);
    expect(clock.receive({ clock: 2, from: 'b' })).toBe(false);
    expect(clock.receive({ clock: 2, from: 'c' })).toBe(true);
  });
});

/**
 * Windows as usePresentationSync runs them: a change made here is stamped and sent to
 * every other window; a message is applied only when its clock says so.
 */
interface Win {
  clock: WindowClock;
  step: number;
  inbox: { step: number; stamp: Stamp }[];
}

function windows(ids: string[], step: number): Win[] {
  return ids.map((id) => ({ clock: new WindowClock(id), step, inbox: [] }));
}

function change(all: Win[], at: number, step: number) {
  const win = all[at];
  win.step = step;
  const stamp = win.clock.stamp();
  for (const other of all) if (other !== win) other.inbox.push({ step, stamp });
}

function deliverOne(win: Win) {
  const message = win.inbox.shift();
  if (message && win.clock.receive(message.stamp)) win.step = message.step;
}

type Event = { kind: 'change'; at: number; step: number } | { kind: 'deliver'; at: number };

/** Every order of two event lists that keeps each list's own order. */
function interleavings<T>(a: T[], b: T[]): T[][] {
  if (!a.length) return [b];
  if (!b.length) return [a];
  return [
    ...interleavings(a.slice(1), b).map((rest) => [a[0], ...rest]),
    ...interleavings(a, b.slice(1)).map((rest) => [b[0], ...rest]),
  ];
}

/** Plays the events, then delivers whatever is still on its way. */
function run(all: Win[], events: Event[]) {
  for (const event of events) {
    if (event.kind === 'change') change(all, event.at, event.step);
    else deliverOne(all[event.at]);
  }
  for (const win of all) while (win.inbox.length) deliverOne(win);
}

describe('two windows that change at the same moment', () => {
  const HOME = 0;
  const END = 41;

  it('end on the same step in every interleaving (Home in one, End in the other)', () => {
    // Each window presses its key and takes a message (if one has come): every order of those.
    const audience: Event[] = [
      { kind: 'change', at: 0, step: HOME },
      { kind: 'deliver', at: 0 },
    ];
    const presenter: Event[] = [
      { kind: 'change', at: 1, step: END },
      { kind: 'deliver', at: 1 },
    ];
    const orders = interleavings(audience, presenter);
    expect(orders).toHaveLength(6);
    const outcomes = new Set<number>();
    for (const order of orders) {
      const all = windows(['audience-id', 'presenter-id'], 10);
      run(all, order);
      expect(all[0].step).toBe(all[1].step);
      outcomes.add(all[0].step);
    }
    // When both changes cross, the same one wins everywhere.
    expect(outcomes.size).toBeLessThanOrEqual(2);
  });

  it('let a change made after seeing another win over it', () => {
    const all = windows(['b', 'a'], 10);
    change(all, 0, HOME);
    deliverOne(all[1]);
    // "a" sorts first, so it would lose a tie; having seen HOME, its change is later.
    change(all, 1, END);
    deliverOne(all[0]);
    expect(all.map((w) => w.step)).toEqual([END, END]);
  });

  it('converge after any storm of changes, once every message is delivered', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let trial = 0; trial < 200; trial++) {
      const all = windows(['x', 'y', 'z'], 5);
      for (let i = 0; i < 30; i++) {
        const at = Math.floor(random() * all.length);
        if (random() < 0.4) change(all, at, Math.floor(random() * 42));
        else deliverOne(all[at]);
      }
      run(all, []);
      expect(new Set(all.map((w) => w.step)).size).toBe(1);
    }
  });
});
