/**
 * Keeps the presentation's windows together: the audience's screen and the presenter
 * view talk over a BroadcastChannel (same origin, no server). Each says where it is
 * (the step, which the receiver turns into a position) and whether it is blacked out or
 * playing; a window that opens says hello with its own state and is answered with the
 * others'. Every state carries the stamp of the change that made it, or of how its
 * window opened (lib/present/order), so windows that open or change at the same moment
 * agree on which state wins: a deep link over a default, a later change over both.
 */

import { isStamp, type Stamp, type WindowClock } from '@/lib/present/order';

export type PresentationView = 'audience' | 'presenter';

export interface PresentationState {
  /** The step, from 0. */
  step: number;
  blackout: boolean;
  playing: boolean;
  /** The autoplay pace, words a minute. */
  wpm: number;
}

/** A window's state: `hello` when it has just opened and asks for the others' in return. */
export interface PresentationMessage {
  type: 'hello' | 'state';
  from: string;
  view: PresentationView;
  state: PresentationState;
  stamp: Stamp;
}

export const CHANNEL_NAME = 'come-home:presentation';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isView = (v: unknown): v is PresentationView => v === 'audience' || v === 'presenter';

/**
 * Reads a message from another window. Anything of the wrong shape (another version of
 * the site, another tool on the channel) is ignored rather than trusted.
 */
export function parseMessage(data: unknown): PresentationMessage | null {
  if (!isRecord(data) || typeof data.from !== 'string' || !isView(data.view)) return null;
  if (data.type !== 'state' && data.type !== 'hello') return null;
  if (!isRecord(data.state) || !isStamp(data.stamp)) return null;
  const { step, blackout, playing, wpm } = data.state;
  if (!Number.isInteger(step) || (step as number) < 0) return null;
  if (typeof blackout !== 'boolean' || typeof playing !== 'boolean') return null;
  if (typeof wpm !== 'number' || !Number.isFinite(wpm)) return null;
  return {
    type: data.type,
    from: data.from,
    view: data.view,
    state: { step: step as number, blackout, playing, wpm },
    stamp: { clock: data.stamp.clock, from: data.stamp.from },
  };
}

export function sameState(a: PresentationState, b: PresentationState): boolean {
  return a.step === b.step && a.blackout === b.blackout && a.playing === b.playing && a.wpm === b.wpm;
}

/**
 * The one rule of the windows, for a message from another: apply its state when its stamp
 * is later than what this window shows; answer a hello with what this window shows, unless
 * the newcomer's own state won (then it already has it).
 */
export function onMessage(clock: WindowClock, message: PresentationMessage): { apply: boolean; answer: boolean } {
  const apply = clock.receive(message.stamp);
  return { apply, answer: message.type === 'hello' && !apply };
}

export interface PresentationChannel {
  /** This window's id, so it can tell its own echo from another window's news. */
  readonly id: string;
  hello(state: PresentationState, stamp: Stamp): void;
  send(state: PresentationState, stamp: Stamp): void;
  close(): void;
}

/**
 * Opens the channel, or returns null where BroadcastChannel is missing: the presentation
 * then simply runs in one window.
 */
export function openPresentationChannel(
  view: PresentationView,
  onMessage: (message: PresentationMessage) => void,
  id: string = Math.random().toString(36).slice(2),
): PresentationChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = parseMessage(event.data);
    if (message && message.from !== id) onMessage(message);
  };
  return {
    id,
    hello: (state, stamp) =>
      channel.postMessage({ type: 'hello', from: id, view, state, stamp } satisfies PresentationMessage),
    send: (state, stamp) =>
      channel.postMessage({ type: 'state', from: id, view, state, stamp } satisfies PresentationMessage),
    close: () => channel.close(),
  };
}
