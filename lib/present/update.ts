/**
 * What a page does when the service worker has a new build of the site waiting
 * (public/register-sw.js finds it): a reader is told, quietly, and chooses when to reload;
 * a kiosk, which nobody there will answer, reloads itself, but only where the story
 * begins again, between two loops, never in the middle of a reading.
 */
export type UpdateAction = 'none' | 'prompt' | 'wait' | 'reload';

export interface UpdateContext {
  /** A new build's worker has installed and waits to take over. */
  waiting: boolean;
  /** The page is a kiosk: a looping autoplay on /present. */
  kiosk: boolean;
  /** The kiosk has shown the last step and is about to begin again. */
  atLoopEnd: boolean;
}

export function updateAction({ waiting, kiosk, atLoopEnd }: UpdateContext): UpdateAction {
  if (!waiting) return 'none';
  if (!kiosk) return 'prompt';
  return atLoopEnd ? 'reload' : 'wait';
}
