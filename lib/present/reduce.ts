/**
 * The presentation's state machine: what each action means given the panel, the
 * blackout, autoplay and the view. Pure: it returns the next state and, as data, what
 * the page must do (move the story, say something, go full screen, open the presenter
 * view), which the component carries out. The step is not part of the state: it lives
 * in the one position store, so moving is an effect like any other.
 */

import { clampWpm, DEFAULT_WPM, stepPace } from './autoplay';
import { stepHash } from './hash';
import type { PresentAction } from './keys';
import type { PresentationState, PresentationView } from '@/lib/drivers/presentationChannel';

export type Panel = 'overview' | 'help' | null;

/** What the presentation keeps about the show, as opposed to where the story is. */
export interface ShowState {
  panel: Panel;
  /** The offer to leave the presentation (Escape with nothing open) is on screen. */
  leaving: boolean;
  blackout: boolean;
  playing: boolean;
  /** The autoplay pace, words a minute. */
  wpm: number;
}

export const INITIAL_SHOW: ShowState = {
  panel: null,
  leaving: false,
  blackout: false,
  playing: false,
  wpm: DEFAULT_WPM,
};

/** What the machine reads but does not own. */
export interface ShowContext {
  /** The step shown, from 0. */
  step: number;
  /** How many steps the story has. */
  total: number;
  view: PresentationView;
  /** `?loop`: autoplay starts again after the last step. */
  loop: boolean;
  /** The page is full screen (Escape leaves it before offering to leave the presentation). */
  fullscreen?: boolean;
}

export type ShowAction =
  /** A key, a button or a gesture. */
  | { type: 'act'; action: PresentAction }
  /** Another window's state, over the channel. */
  | { type: 'remote'; state: PresentationState }
  /** Autoplay has shown the current step for its time. */
  | { type: 'dwell' }
  /** A kiosk's page (`?autoplay`) is ready: it plays on its own. */
  | { type: 'kiosk' }
  /** A step chosen in the overview. */
  | { type: 'jump'; step: number }
  /** The open panel's Close button, or Escape inside it. */
  | { type: 'close-panel' }
  /** The blackout's own way back: its button, a tap on the black, Escape. */
  | { type: 'end-blackout' }
  /** The offer to leave: its Stay button. */
  | { type: 'stay' };

export type ShowEffect =
  /** Move the story to this step (already within the story). */
  | { type: 'go'; step: number }
  /** Tell the reader, for `ms` (the notice's default when absent). */
  | { type: 'notice'; text: string; ms?: number }
  /** Full screen on or off; the browser may refuse, and that is said. */
  | { type: 'fullscreen' }
  /** Leave full screen (Escape), where the browser has not already. */
  | { type: 'exit-fullscreen' }
  /** Open the presenter view at `url`, or bring it forward if it is open; `blocked` is said if it cannot open. */
  | { type: 'open-presenter'; url: string; blocked: string };

export interface Transition {
  state: ShowState;
  /**
   * In order. A transition that moves the story and changes the shared state (playing from
   * the last step, another window's state) holds both, so the page applies them in one
   * render and the other windows are sent the whole change at once, never half of it.
   */
  effects: ShowEffect[];
  /** Whether the action was used (a key's default is then prevented). */
  handled: boolean;
}

/** The next state (the same object when nothing changes, so the page need not render again). */
function to(state: ShowState, next: Partial<ShowState>, effects: ShowEffect[] = [], handled = true): Transition {
  const changed = (Object.keys(next) as (keyof ShowState)[]).some((key) => next[key] !== state[key]);
  return { state: changed ? { ...state, ...next } : state, effects, handled };
}

const go = (step: number, { total }: ShowContext): ShowEffect => ({
  type: 'go',
  step: Math.min(total - 1, Math.max(0, step)),
});

export function reduce(state: ShowState, action: ShowAction, context: ShowContext): Transition {
  const done = (next: Partial<ShowState>, effects?: ShowEffect[]) => to(state, next, effects);
  switch (action.type) {
    case 'act':
      return act(state, action.action, context);
    case 'remote':
      // Not the panel: what is open in one window is that window's own business.
      return done({ blackout: action.state.blackout, playing: action.state.playing, wpm: clampWpm(action.state.wpm) }, [
        go(action.state.step, context),
      ]);
    case 'dwell':
      if (context.step < context.total - 1) return done({}, [go(context.step + 1, context)]);
      if (context.loop) return done({}, [go(0, context)]);
      return done({ playing: false }, [{ type: 'notice', text: 'The end. Autoplay has stopped.' }]);
    case 'kiosk':
      return done({ playing: true });
    case 'jump':
      return done({ panel: null }, [go(action.step, context)]);
    case 'close-panel':
      return done({ panel: null });
    case 'end-blackout':
      return done({ blackout: false });
    case 'stay':
      return done({ leaving: false });
  }
}

/** What a key, a button or a gesture means now. */
function act(state: ShowState, action: PresentAction, context: ShowContext): Transition {
  const { step, total, view } = context;
  const done = (next: Partial<ShowState>, effects?: ShowEffect[], handled?: boolean) =>
    to(state, next, effects, handled);
  const escape = action.type === 'escape';

  if (state.blackout && view === 'audience') {
    // A black screen waits for the key that ends it (its own, or Escape); nothing moves behind it.
    const ends = action.type === 'blackout' || escape;
    return done(ends ? { blackout: false } : {}, [], action.type !== 'digits');
  }
  if (state.panel) {
    // Escape, or the key that opened it, closes a panel; the other panel's key switches to it.
    if (escape || action.type === state.panel) return done({ panel: null });
    if (action.type === 'overview' || action.type === 'help') return done({ panel: action.type });
    // Everything else belongs to the open panel: Tab, Enter and arrows work inside it.
    return done({}, [], false);
  }
  if (state.leaving) {
    // The offer is not modal: Escape puts it away, any other action does what it does and puts it away too.
    if (escape) return done({ leaving: false });
    const next = act({ ...state, leaving: false }, action, context);
    return { ...next, state: next.state.leaving ? next.state : { ...next.state, leaving: false } };
  }
  switch (action.type) {
    case 'escape':
      // Nothing is open: full screen is what Escape leaves first, then the offer to leave, never a navigation.
      if (context.fullscreen) return done({}, [{ type: 'exit-fullscreen' }]);
      return done({ leaving: true });
    case 'next':
      return done({}, [go(step + 1, context)]);
    case 'prev':
      return done({}, [go(step - 1, context)]);
    case 'first':
      return done({}, [go(0, context)]);
    case 'last':
      return done({}, [go(total - 1, context)]);
    case 'goto':
      if (action.step >= 1 && action.step <= total) return done({}, [go(action.step - 1, context)]);
      return done({}, [{ type: 'notice', text: `There is no step ${action.step}: the story has ${total}.` }]);
    case 'digits':
      return done({});
    case 'fullscreen':
      return done({}, [{ type: 'fullscreen' }]);
    case 'overview':
    case 'help':
      return done({ panel: action.type });
    case 'blackout':
      return done({ blackout: !state.blackout });
    case 'play':
      if (state.playing) return done({ playing: false }, [{ type: 'notice', text: 'Paused.' }]);
      return done({ playing: true }, [
        // Playing from the last step starts the story again.
        ...(step === total - 1 ? [go(0, context)] : []),
        { type: 'notice', text: `Playing at ${state.wpm} words a minute.` },
      ]);
    case 'pace': {
      const wpm = stepPace(state.wpm, action.direction);
      return done({ wpm }, [{ type: 'notice', text: `${wpm} words a minute.`, ms: 2000 }]);
    }
    case 'presenter':
      if (view !== 'audience') return done({}, [], false);
      return done({}, [
        {
          type: 'open-presenter',
          url: `/present?view=presenter${stepHash(step)}`,
          blocked: 'The browser blocked the presenter view. Allow pop-ups, or open /present?view=presenter yourself.',
        },
      ]);
  }
}

/**
 * Whether autoplay turns the pages now: never behind a black screen or an open panel. The
 * audience's window times it; a presenter view only while no audience window is there.
 */
export function autoplaying(state: ShowState, view: PresentationView, audienceHeard: boolean): boolean {
  return state.playing && !state.blackout && !state.panel && (view === 'audience' || !audienceHeard);
}
