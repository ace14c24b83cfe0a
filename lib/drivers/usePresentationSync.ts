'use client';

import { useEffect, useEffectEvent, useRef, useState } from 'react';
import {
  openPresentationChannel,
  sameState,
  type PresentationChannel,
  type PresentationState,
  type PresentationView,
} from './presentationChannel';
import { WindowClock } from '@/lib/present/order';

/**
 * Keeps this window in step with the presentation's other windows (see
 * presentationChannel). Sends this window's state when it changes here, applies what the
 * others send, and never sends back what it was just told, so two windows cannot echo a
 * change back and forth. Starts once `enabled` (when the page knows its own step), so a
 * window opening does not push its first guess onto the others: it says hello and is
 * answered instead. Changes are ordered by a logical clock (lib/present/order): of two
 * simultaneous changes every window keeps the same one.
 *
 * Returns whether an audience window has been heard from: autoplay is timed there, and
 * a presenter view times it itself only when it is alone.
 */
export function usePresentationSync(
  view: PresentationView,
  enabled: boolean,
  state: PresentationState,
  apply: (state: PresentationState) => void,
): boolean {
  const [audienceHeard, setAudienceHeard] = useState(false);
  const channel = useRef<{ channel: PresentationChannel; clock: WindowClock } | null>(null);
  /** The state every window is known to share: the last one sent or received. */
  const shared = useRef<PresentationState | null>(null);
  const current = useEffectEvent(() => state);
  const applyHere = useEffectEvent(apply);

  useEffect(() => {
    if (!enabled) return;
    shared.current = current();
    const clock = new WindowClock(Math.random().toString(36).slice(2));
    const opened = openPresentationChannel(
      view,
      (message) => {
        if (message.view === 'audience' && view === 'presenter') setAudienceHeard(true);
        if (message.type === 'hello') {
          const now = current();
          opened?.send(now, clock.current());
          shared.current = now;
          return;
        }
        // An older change than the one shown here (the other window has this one too,
        // or will in a moment) is dropped, so simultaneous changes cannot swap windows.
        if (!clock.receive(message.stamp)) return;
        shared.current = message.state;
        applyHere(message.state);
      },
      clock.id,
    );
    channel.current = opened ? { channel: opened, clock } : null;
    opened?.hello();
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
