'use client';

import { useEffect, useRef, useState } from 'react';
import {
  openPresentationChannel,
  sameState,
  type PresentationChannel,
  type PresentationState,
  type PresentationView,
} from './presentationChannel';

/**
 * Keeps this window in step with the presentation's other windows (see
 * presentationChannel). Sends this window's state when it changes here, applies what the
 * others send, and never sends back what it was just told, so two windows cannot echo a
 * change back and forth. Starts once `enabled` (when the page knows its own step), so a
 * window opening does not push its first guess onto the others: it says hello and is
 * answered instead.
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
  const channel = useRef<PresentationChannel | null>(null);
  /** The state every window is known to share: the last one sent or received. */
  const shared = useRef<PresentationState | null>(null);
  const latest = useRef(state);
  const applyRef = useRef(apply);
  useEffect(() => {
    latest.current = state;
    applyRef.current = apply;
  });

  useEffect(() => {
    if (!enabled) return;
    shared.current = latest.current;
    const opened = openPresentationChannel(view, (message) => {
      if (message.view === 'audience' && view === 'presenter') setAudienceHeard(true);
      if (message.type === 'hello') {
        opened?.send(latest.current);
        shared.current = latest.current;
        return;
      }
      shared.current = message.state;
      applyRef.current(message.state);
    });
    channel.current = opened;
    opened?.hello();
    return () => {
      opened?.close();
      channel.current = null;
    };
  }, [enabled, view]);

  useEffect(() => {
    if (!channel.current || !shared.current || sameState(shared.current, state)) return;
    shared.current = state;
    channel.current.send(state);
  }, [state]);

  return audienceHeard;
}
