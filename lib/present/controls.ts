import type { PresentAction } from './keys';

/** What the presentation's views need to show its state and drive it. */
export interface Controls {
  /** Does what an action means now; returns whether it was used. */
  act: (action: PresentAction) => boolean;
  blackout: boolean;
  playing: boolean;
  wpm: number;
  step: number;
  total: number;
}
