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
  | { type: 'presenter' }
  /** Close what is open; with nothing open, leave full screen, then offer to leave. */
  | { type: 'escape' };

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

/** What the reader has chosen about the keys. */
export interface KeyOptions {
  /**
   * Single-character shortcuts (letters, digits, signs) act. They can be turned off in the
   * help (WCAG 2.1.4): speech input and some assistive tools type characters, and a
   * shortcut on a bare letter would take them. The arrows, Page Up and Down, Space,
   * Home, End, Enter, Backspace and Esc always work.
   */
  characters: boolean;
}

export const DEFAULT_KEY_OPTIONS: KeyOptions = { characters: true };

/** One row of the key table: the keys, what they do, and how the help shows them. */
export interface KeyRow {
  /** `KeyboardEvent.key` values. */
  keys: readonly string[];
  /** The keys as people read them, in the help and the docs. */
  shown: readonly string[];
  /** What they do, for the help. */
  does: string;
  /** The action; none for the digits, which build a number (see `actionForKey`). */
  action?: PresentAction;
  /** Single-character keys: shortcuts that can be turned off. */
  character: boolean;
  /** The keys are pressed one after the other, not one or the other. */
  sequence?: boolean;
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * Every key of the presentation. The handler (`actionForKey`), the help dialog and the
 * table in docs/presentation.md are all made from this one list, so they cannot disagree.
 */
// Stryker disable all: the wording of `shown` and `does` is for people; keys.test.ts checks the mapping.
export const KEY_TABLE: readonly KeyRow[] = [
  {
    keys: ['ArrowRight', 'ArrowDown', ' ', 'Spacebar', 'PageDown', 'Enter'],
    shown: ['→', '↓', 'Space', 'Page Down', 'Enter'],
    does: 'Next step',
    action: { type: 'next' },
    character: false,
  },
  {
    // Shift + Space is read before this table (the space bar alone goes forward).
    keys: ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'],
    shown: ['←', '↑', 'Shift + Space', 'Page Up', 'Backspace'],
    does: 'Previous step',
    action: { type: 'prev' },
    character: false,
  },
  { keys: ['Home'], shown: ['Home'], does: 'First step', action: { type: 'first' }, character: false },
  { keys: ['End'], shown: ['End'], does: 'Last step', action: { type: 'last' }, character: false },
  {
    keys: ['Escape'],
    shown: ['Esc'],
    does: 'Close what is open; with nothing open, leave full screen, then offer to leave',
    action: { type: 'escape' },
    character: false,
  },
  {
    keys: DIGITS,
    shown: ['0–9', 'Enter'],
    does: 'Go to the step with that number',
    character: true,
    sequence: true,
  },
  {
    keys: ['o', 'O'],
    shown: ['O'],
    does: 'Overview of every scene and step',
    action: { type: 'overview' },
    character: true,
  },
  {
    keys: ['b', 'B', '.'],
    shown: ['B', '.'],
    does: 'Black out the screen, and back',
    action: { type: 'blackout' },
    character: true,
  },
  {
    keys: ['p', 'P'],
    shown: ['P'],
    does: 'Play or pause: turns the steps at a reading pace',
    action: { type: 'play' },
    character: true,
  },
  {
    keys: ['+', '='],
    shown: ['+'],
    does: 'Read faster while playing',
    action: { type: 'pace', direction: 1 },
    character: true,
  },
  {
    keys: ['-', '_'],
    shown: ['−'],
    does: 'Read slower while playing',
    action: { type: 'pace', direction: -1 },
    character: true,
  },
  { keys: ['f', 'F'], shown: ['F'], does: 'Full screen', action: { type: 'fullscreen' }, character: true },
  {
    keys: ['s', 'S'],
    shown: ['S'],
    does: 'Open the presenter view in a new window',
    action: { type: 'presenter' },
    character: true,
  },
  {
    keys: ['?'],
    shown: ['?'],
    does: 'Help: every key, and the switch for single-key shortcuts',
    action: { type: 'help' },
    character: true,
  },
];
// Stryker restore all

const BY_KEY = new Map<string, PresentAction>(
  KEY_TABLE.flatMap(({ keys, action }) => (action ? keys.map((key) => [key, action] as const) : [])),
);

/** More digits than any story has steps would be a typo: the buffer keeps this many. */
const MAX_DIGITS = 4;

/** A key that types one character (a letter, a digit, a sign), as opposed to Space, the arrows, Enter… */
export function isCharacterKey(key: string): boolean {
  return [...key].length === 1 && key.trim() !== '';
}

/**
 * Maps a key to an action, given the digits typed so far. Returns `action: null` for a
 * key the presentation leaves to the browser (Tab, shortcuts with Ctrl, Alt or Meta, and
 * every single-character key while those shortcuts are turned off).
 *
 * Digits build a step number; Enter then jumps there instead of going forward, and
 * Backspace takes back a digit instead of going back, Escape drops them. Any other key
 * drops the digits.
 */
export function actionForKey(input: KeyInput, digits = '', options: KeyOptions = DEFAULT_KEY_OPTIONS): KeyResult {
  const { key } = input;
  // Browser and system shortcuts (Ctrl+Home, Cmd+←, Alt+←…) are never ours.
  if (input.ctrlKey || input.metaKey || input.altKey) return { action: null, digits };
  if (!options.characters && isCharacterKey(key)) return { action: null, digits };

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
  const action = BY_KEY.get(key) ?? null;
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

/** The key table as a Markdown table, as docs/presentation.md shows it (a unit test keeps the two the same). */
export function keyTableMarkdown(): string {
  const cell = (row: KeyRow) => row.shown.map((k) => `\`${k}\``).join(row.sequence ? ' then ' : ' or ');
  const kind = (row: KeyRow) => (row.character ? 'single-key shortcut' : 'always');
  return [
    '| Keys | What they do | When |',
    '| --- | --- | --- |',
    ...KEY_TABLE.map((row) => `| ${cell(row)} | ${row.does} | ${kind(row)} |`),
  ].join('\n');
}
