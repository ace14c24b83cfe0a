/**
 * The presentation's keyboard: which key does what. Pure, so the whole map is tested
 * without a browser; the component only applies the actions it returns.
 *
 * Keys follow reveal.js and what presentation clickers send (PageUp, PageDown, B and
 * the full stop), so a remote made for slides works here unchanged.
 */

export type PresentAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  /** Jump to a step typed as digits then Enter; `step` is 1-based, as typed. */
  | { type: 'goto'; step: number }
  /** The typed digits changed (shown on screen while typing). */
  | { type: 'digits' }
  | { type: 'fullscreen' }
  | { type: 'overview' }
  | { type: 'blackout' }
  | { type: 'play' }
  | { type: 'pace'; direction: 1 | -1 }
  | { type: 'help' }
  | { type: 'presenter' };

/** The parts of a KeyboardEvent the map reads, so tests can pass plain objects. */
export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export interface KeyResult {
  action: PresentAction | null;
  /** The digits typed so far for a jump, after this key. */
  digits: string;
}

/** More digits than any story has steps would be a typo: the buffer keeps this many. */
const MAX_DIGITS = 4;

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', 'Enter', ' ', 'Spacebar']);
const PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

/**
 * Maps a key to an action, given the digits typed so far. Returns `action: null` for a
 * key the presentation leaves to the browser (Tab, shortcuts with Ctrl, Alt or Meta).
 *
 * Digits build a step number; Enter then jumps there instead of going forward, and
 * Backspace takes back a digit instead of going back. Any other key drops the digits.
 */
export function actionForKey(input: KeyInput, digits = ''): KeyResult {
  const { key } = input;
  // Browser and system shortcuts (Ctrl+Home, Cmd+←, Alt+←…) are never ours.
  if (input.ctrlKey || input.metaKey || input.altKey) return { action: null, digits };

  if (/^[0-9]$/.test(key)) {
    const typed = (digits + key).slice(-MAX_DIGITS);
    return { action: { type: 'digits' }, digits: typed };
  }
  if (digits) {
    if (key === 'Enter') return { action: { type: 'goto', step: Number(digits) }, digits: '' };
    if (key === 'Backspace') return { action: { type: 'digits' }, digits: digits.slice(0, -1) };
    if (key === 'Escape') return { action: { type: 'digits' }, digits: '' };
  }

  if ((key === ' ' || key === 'Spacebar') && input.shiftKey) return { action: { type: 'prev' }, digits: '' };
  if (NEXT.has(key)) return { action: { type: 'next' }, digits: '' };
  if (PREV.has(key)) return { action: { type: 'prev' }, digits: '' };

  const action = ((): PresentAction | null => {
    switch (key) {
      case 'Home':
        return { type: 'first' };
      case 'End':
        return { type: 'last' };
      case 'f':
      case 'F':
        return { type: 'fullscreen' };
      case 'o':
      case 'O':
      case 'Escape':
        return { type: 'overview' };
      case 'b':
      case 'B':
      case '.':
        return { type: 'blackout' };
      case 'p':
      case 'P':
        return { type: 'play' };
      case '+':
      case '=':
        return { type: 'pace', direction: 1 };
      case '-':
      case '_':
        return { type: 'pace', direction: -1 };
      case '?':
        return { type: 'help' };
      case 's':
      case 'S':
        return { type: 'presenter' };
      default:
        return null;
    }
  })();
  return { action, digits: action ? '' : digits };
}

/** Actions that toggle something: holding the key down must not flicker it. */
export function isToggle(action: PresentAction): boolean {
  return !['next', 'prev', 'first', 'last', 'digits', 'pace'].includes(action.type);
}

/** What a presenter's clicker does: moves through the story, or blanks the screen (B and the full stop). */
const CLICKER_ACTIONS = new Set<PresentAction['type']>(['next', 'prev', 'first', 'last', 'digits', 'goto', 'blackout']);

/**
 * Keys that move the story on (or black it out, as a clicker's button does) rather than
 * reach for the controls. A presenter turns every step with one of them, so they must not
 * bring back controls hidden on a big screen; any other key, Tab first, does. Digits count:
 * they are the first half of a jump to a step.
 */
export function isClickerKey(input: KeyInput): boolean {
  const { action } = actionForKey(input);
  return !!action && CLICKER_ACTIONS.has(action.type);
}

/**
 * Keys that a focused button or link already answers (Enter and Space click it). With
 * focus on such a control the presentation leaves them alone, or one press would both
 * click the control and turn the page.
 */
export function isActivationKey(key: string): boolean {
  return key === 'Enter' || key === ' ' || key === 'Spacebar';
}

/** One row of the help overlay: the keys, as shown, and what they do. */
export interface KeyHelp {
  keys: string[];
  does: string;
  /** The keys are pressed one after the other, not one or the other. */
  sequence?: boolean;
}

/** Every key of the presentation, for the help overlay. Kept beside the map it describes. */
// Stryker disable all: help text for people. Its wording is not behaviour; keys.test.ts checks that it names
// every action the map can return.
export const KEY_HELP: KeyHelp[] = [
  { keys: ['→', '↓', 'Space', 'Page Down', 'Enter'], does: 'Next step' },
  { keys: ['←', '↑', 'Shift + Space', 'Page Up', 'Backspace'], does: 'Previous step' },
  { keys: ['Home', 'End'], does: 'First step, last step' },
  { keys: ['0–9', 'Enter'], does: 'Go to the step with that number', sequence: true },
  { keys: ['O', 'Esc'], does: 'Overview of every scene and step' },
  { keys: ['B', '.'], does: 'Black out the screen, and back' },
  { keys: ['P'], does: 'Play or pause: turns the steps at a reading pace' },
  { keys: ['+', '−'], does: 'Read faster or slower while playing' },
  { keys: ['F'], does: 'Full screen' },
  { keys: ['S'], does: 'Open the presenter view in a new window' },
  { keys: ['?'], does: 'This help' },
];
// Stryker restore all
