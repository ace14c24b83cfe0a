/**
 * Keeps the presentation's windows together: the audience's screen and the presenter
 * view talk over a BroadcastChannel (same origin, no server). Each says where it is
 * (the step, which the receiver turns into a position) and whether it is blacked out or
 * playing; a window that opens says hello and is answered with the current state. Every
 * state carries the stamp of the change that made it (lib/present/order), so windows
 * that change at the same moment agree on which change wins.
 */

import { isStamp, type Stamp } from '@/lib/present/order';

export type PresentationView = 'audience' | 'presenter';

export interface PresentationState {
  /** The step, from 0. */
  step: number;
  blackout: boolean;
  playing: boolean;
  /** The autoplay pace, words a minute. */
  wpm: number;
}

export type PresentationMessage =
  | { type: 'hello'; from: string; view: PresentationView }
  | { type: 'state'; from: string; view: PresentationView; state: PresentationState; stamp: Stamp };

export const CHANNEL_NAME = 'come-home:presentation';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isView = (v: unknown): v is PresentationView => v === 'audience' || v === 'presenter';

/**
 * Reads a message from another window. Anything of the wrong shape (another version of
 * the site, another tool on the channel) is ignored rather than trusted.
 */
export function parseMessage(data: unknown): PresentationMessage | null {
  if (!isRecord(data) || typeof data.from !== 'string' || !isView(data.view)) return null;
  if (data.type === 'hello') return { type: 'hello', from: data.from, view: data.view };
  if (data.type !== 'state' || !isRecord(data.state) || !isStamp(data.stamp)) return null;
  const { step, blackout, playing, wpm } = data.state;
  if (!Number.isInteger(step) || (step as number) < 0) return null;
  if (typeof blackout !== 'boolean' || typeof playing !== 'boolean') return null;
  if (typeof wpm !== 'number' || !Number.isFinite(wpm)) return null;
  return {
    type: 'state',
    from: data.from,
    view: data.view,
    state: { step: step as number, blackout, playing, wpm },
    stamp: { clock: data.stamp.clock, from: data.stamp.from },
  };
}

export function sameState(a: PresentationState, b: PresentationState): boolean {
  return a.step === b.step && a.blackout === b.blackout && a.playing === b.playing && a.wpm === b.wpm;
}

export interface PresentationChannel {
  /** This window's id, so it can tell its own echo from another window's news. */
  readonly id: string;
  hello(): void;
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
    hello: () => channel.postMessage({ type: 'hello', from: id, view } satisfies PresentationMessage),
    send: (state, stamp) =>
      channel.postMessage({ type: 'state', from: id, view, state, stamp } satisfies PresentationMessage),
    close: () => channel.close(),
  };
}
