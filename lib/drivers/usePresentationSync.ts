'use client';

import { useEffect, useEffectEvent, useRef, useState } from 'react';
import {
  onMessage,
  openPresentationChannel,
  sameState,
  type PresentationChannel,
  type PresentationState,
  type PresentationView,
} from './presentationChannel';
import { WindowClock, type Opening } from '@/lib/present/order';

/**
 * Keeps this window in step with the presentation's other windows (see
 * presentationChannel). Sends this window's state when it changes here, applies what the
 * others send, and never sends back what it was just told, so two windows cannot echo a
 * change back and forth. Starts once `enabled` (when the page knows its own step). A
 * window that opens says hello with its state and how it opened (`opening`): on a step's
 * address, its step is a claim that wins over windows showing only the default first
 * step; otherwise it takes what the others answer. States are ordered by a logical clock
 * (lib/present/order, `onMessage`): of two simultaneous openings or changes every window
 * keeps the same one.
 *
 * Returns whether an audience window has been heard from: autoplay is timed there, and
 * a presenter view times it itself only when it is alone.
 */
export function usePresentationSync(
  view: PresentationView,
  enabled: boolean,
  opening: Opening,
  state: PresentationState,
  apply: (state: PresentationState) => void,
): boolean {
  const [audienceHeard, setAudienceHeard] = useState(false);
  const channel = useRef<{ channel: PresentationChannel; clock: WindowClock } | null>(null);
  /** The state every window is known to share: the last one sent or received. */
  const shared = useRef<PresentationState | null>(null);
  const current = useEffectEvent(() => state);
  const applyHere = useEffectEvent(apply);
  // Read once, as the channel opens: how the window opened does not change after.
  const openedAs = useEffectEvent(() => opening);

  useEffect(() => {
    if (!enabled) return;
    shared.current = current();
    const clock = new WindowClock(Math.random().toString(36).slice(2), openedAs());
    const opened = openPresentationChannel(
      view,
      (message) => {
        if (message.view === 'audience' && view === 'presenter') setAudienceHeard(true);
        // An older state than the one shown here (the other window has this one too, or
        // will in a moment) is dropped, so simultaneous changes cannot swap windows.
        const { apply, answer } = onMessage(clock, message);
        if (apply) {
          shared.current = message.state;
          applyHere(message.state);
        }
        if (answer) {
          const now = current();
          opened?.send(now, clock.current());
          shared.current = now;
        }
      },
      clock.id,
    );
    channel.current = opened ? { channel: opened, clock } : null;
    opened?.hello(shared.current, clock.current());
    return () => {
      opened?.close();
      channel.current = null;
    };
  }, [enabled, view]);

  useEffect(() => {
    if (!channel.current || !shared.current || sameState(shared.current, state)) return;
    shared.current = state;
    channel.current.channel.send(state, channel.current.clock.stamp());
  }, [state]);

  return audienceHeard;
}
