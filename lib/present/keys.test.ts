import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  actionForKey,
  isActivationKey,
  isClickerKey,
  isCharacterKey,
  isToggle,
  KEY_TABLE,
  keyTableMarkdown,
  type KeyInput,
  type PresentAction,
} from './keys';

const type = (input: KeyInput | string, digits = '') =>
  actionForKey(typeof input === 'string' ? { key: input } : input, digits);

describe('actionForKey', () => {
  it.each(['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'Enter'])('goes forward with %j', (key) => {
    expect(type(key).action).toEqual({ type: 'next' });
  });

  it.each(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'])('goes back with %j', (key) => {
    expect(type(key).action).toEqual({ type: 'prev' });
  });

  it('goes back with Shift+Space', () => {
    expect(type({ key: ' ', shiftKey: true }).action).toEqual({ type: 'prev' });
  });

  it('goes to the ends with Home and End', () => {
    expect(type('Home').action).toEqual({ type: 'first' });
    expect(type('End').action).toEqual({ type: 'last' });
  });

  it('answers what presentation clickers send: PageUp, PageDown, B and the full stop', () => {
    expect(type('PageDown').action?.type).toBe('next');
    expect(type('PageUp').action?.type).toBe('prev');
    expect(type('b').action?.type).toBe('blackout');
    expect(type('B').action?.type).toBe('blackout');
    expect(type('.').action?.type).toBe('blackout');
  });

  it('maps the letters in either case', () => {
    for (const [key, action] of [
      ['f', 'fullscreen'],
      ['o', 'overview'],
      ['p', 'play'],
      ['s', 'presenter'],
    ]) {
      expect(type(key).action?.type).toBe(action);
      expect(type({ key: key.toUpperCase(), shiftKey: true }).action?.type).toBe(action);
    }
    // Escape is not the overview's: it closes what is open, or offers to leave.
    expect(type('Escape').action?.type).toBe('escape');
    expect(type({ key: '?', shiftKey: true }).action?.type).toBe('help');
  });

  it('changes the pace with + and -, shifted or not', () => {
    expect(type({ key: '+', shiftKey: true }).action).toEqual({ type: 'pace', direction: 1 });
    expect(type('=').action).toEqual({ type: 'pace', direction: 1 });
    expect(type('-').action).toEqual({ type: 'pace', direction: -1 });
    expect(type({ key: '_', shiftKey: true }).action).toEqual({ type: 'pace', direction: -1 });
  });

  it('jumps with digits then Enter', () => {
    let r = type('1');
    expect(r).toEqual({ action: { type: 'digits' }, digits: '1' });
    r = type('2', r.digits);
    expect(r.digits).toBe('12');
    expect(type('Enter', r.digits)).toEqual({ action: { type: 'goto', step: 12 }, digits: '' });
  });

  it('takes a digit back with Backspace and drops them all with Escape', () => {
    expect(type('Backspace', '12')).toEqual({ action: { type: 'digits' }, digits: '1' });
    expect(type('Escape', '12')).toEqual({ action: { type: 'digits' }, digits: '' });
  });

  it('keeps at most four digits', () => {
    expect(type('5', '1234').digits).toBe('2345');
  });

  it('drops the digits on any other action', () => {
    expect(type('ArrowRight', '12')).toEqual({ action: { type: 'next' }, digits: '' });
  });

  it('leaves Tab, unknown keys and shortcuts with modifiers to the browser', () => {
    expect(type('Tab').action).toBeNull();
    expect(type('x').action).toBeNull();
    expect(type({ key: 'ArrowRight', altKey: true }).action).toBeNull();
    expect(type({ key: 'Home', ctrlKey: true }).action).toBeNull();
    expect(type({ key: 'ArrowLeft', metaKey: true }).action).toBeNull();
    expect(type({ key: 'f', ctrlKey: true }).action).toBeNull();
    expect(type('x', '12').digits).toBe('12');
  });
});

describe('keys that look like digits', () => {
  it('types only a single digit key, not a function key or a word that holds one', () => {
    for (const key of ['F5', 'F1', '1a', 'a1', '10', 'Digit1', '\u0661']) {
      expect(type(key, '3').digits, key).toBe('3');
      expect(type(key).action?.type, key).not.toBe('digits');
    }
    expect(type('0')).toEqual({ action: { type: 'digits' }, digits: '0' });
    expect(actionForKey({ key: '5' })).toEqual({ action: { type: 'digits' }, digits: '5' });
    expect(type('9', '12')).toEqual({ action: { type: 'digits' }, digits: '129' });
  });

  it('leaves Enter, Backspace and Escape their own meaning when no digits are typed', () => {
    expect(type('Enter', '')).toEqual({ action: { type: 'next' }, digits: '' });
    expect(type('Backspace', '')).toEqual({ action: { type: 'prev' }, digits: '' });
    expect(type('Escape', '')).toEqual({ action: { type: 'escape' }, digits: '' });
    expect(type('Backspace', '7')).toEqual({ action: { type: 'digits' }, digits: '' });
    expect(type('Backspace', '123')).toEqual({ action: { type: 'digits' }, digits: '12' });
  });

  it('goes back with Shift and either name of the space bar, and forward without Shift', () => {
    expect(type({ key: 'Spacebar', shiftKey: true })).toEqual({ action: { type: 'prev' }, digits: '' });
    expect(type('Spacebar')).toEqual({ action: { type: 'next' }, digits: '' });
    expect(type({ key: 'ArrowRight', shiftKey: true }).action).toEqual({ type: 'next' });
    expect(type({ key: ' ', shiftKey: true }, '12')).toEqual({ action: { type: 'prev' }, digits: '' });
  });

  it('drops the digits on a mapped letter and keeps them on a key it leaves alone', () => {
    expect(type('p', '12')).toEqual({ action: { type: 'play' }, digits: '' });
    expect(type('Home', '12')).toEqual({ action: { type: 'first' }, digits: '' });
    expect(type('End', '12')).toEqual({ action: { type: 'last' }, digits: '' });
    expect(type({ key: '5', ctrlKey: true }, '12')).toEqual({ action: null, digits: '12' });
  });
});

describe('isToggle and isActivationKey', () => {
  it('repeats every move while a key is held, and toggles every switch once', () => {
    const moves: PresentAction[] = [
      { type: 'next' },
      { type: 'prev' },
      { type: 'first' },
      { type: 'last' },
      { type: 'digits' },
      { type: 'pace', direction: -1 },
    ];
    for (const action of moves) expect(isToggle(action), action.type).toBe(false);
    const switches: PresentAction[] = [
      { type: 'fullscreen' },
      { type: 'overview' },
      { type: 'blackout' },
      { type: 'play' },
      { type: 'help' },
      { type: 'presenter' },
      { type: 'escape' },
    ];
    for (const action of switches) expect(isToggle(action), action.type).toBe(true);
  });

  it('treats switches as toggles and moves as repeatable', () => {
    expect(isToggle({ type: 'blackout' })).toBe(true);
    expect(isToggle({ type: 'play' })).toBe(true);
    expect(isToggle({ type: 'next' })).toBe(false);
    expect(isToggle({ type: 'pace', direction: 1 })).toBe(false);
  });

  it('knows the keys a focused button answers itself', () => {
    expect(isActivationKey('Enter')).toBe(true);
    expect(isActivationKey(' ')).toBe(true);
    expect(isActivationKey('ArrowRight')).toBe(false);
    expect(isActivationKey('Spacebar')).toBe(true);
    expect(isActivationKey('Escape')).toBe(false);
  });
});

describe('isClickerKey', () => {
  it('counts every key that turns a step, jumps or blacks out, as a clicker sends them', () => {
    const keys = ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', ' ', 'Enter'];
    for (const key of [...keys, 'Backspace', 'Home', 'End', '7', 'b', 'B', '.']) {
      expect(isClickerKey({ key }), key).toBe(true);
    }
    expect(isClickerKey({ key: ' ', shiftKey: true })).toBe(true);
  });

  it('leaves every other key to bring the controls back', () => {
    for (const key of ['Tab', 'Escape', 'o', '?', 'p', 'f', 's', '+', 'Shift', 'a', 'F5']) {
      expect(isClickerKey({ key }), key).toBe(false);
    }
    // A browser shortcut is not the presentation's, even on a step key.
    expect(isClickerKey({ key: 'ArrowLeft', altKey: true })).toBe(false);
    expect(isClickerKey({ key: 'Tab', shiftKey: true })).toBe(false);
  });
});

describe('KEY_TABLE', () => {
  it('describes every action the map can return', () => {
    const described = KEY_TABLE.map((h) => h.does)
      .join(' ')
      .toLowerCase();
    for (const word of [
      'next',
      'previous',
      'first',
      'last',
      'go to',
      'overview',
      'black',
      'play',
      'faster',
      'slower',
      'full screen',
      'presenter',
      'help',
      'close',
      'leave',
    ]) {
      expect(described).toContain(word);
    }
  });

  it('maps each row’s keys to its action, and no key twice', () => {
    const seen = new Set<string>();
    for (const row of KEY_TABLE) {
      for (const key of row.keys) {
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
        if (row.action) expect(type(key).action, key).toEqual(row.action);
        else expect(type(key).action, key).toEqual({ type: 'digits' });
      }
    }
  });

  it('marks as a character shortcut exactly the rows whose keys type a character', () => {
    for (const row of KEY_TABLE) {
      for (const key of row.keys) expect(isCharacterKey(key), key).toBe(row.character);
    }
  });

  it('is the table docs/presentation.md shows', () => {
    const docs = readFileSync(path.join(__dirname, '..', '..', 'docs', 'presentation.md'), 'utf8');
    expect(docs).toContain(keyTableMarkdown());
  });
});

describe('single-character shortcuts turned off', () => {
  const off = (input: KeyInput | string, digits = '') =>
    actionForKey(typeof input === 'string' ? { key: input } : input, digits, { characters: false });

  it('leave every letter, digit and sign to the browser', () => {
    for (const key of ['o', 'O', 'b', 'B', '.', 'p', 'P', 'f', 'F', 's', 'S', '?', '+', '=', '-', '_', '0', '7']) {
      expect(off(key).action, key).toBeNull();
    }
    expect(off({ key: '?', shiftKey: true }).action).toBeNull();
    expect(off('7', '12')).toEqual({ action: null, digits: '12' });
  });

  it('keep the arrows, the page keys, Space, Home, End, Enter, Backspace and Escape', () => {
    for (const [key, type] of [
      ['ArrowRight', 'next'],
      ['ArrowDown', 'next'],
      ['PageDown', 'next'],
      [' ', 'next'],
      ['Enter', 'next'],
      ['ArrowLeft', 'prev'],
      ['ArrowUp', 'prev'],
      ['PageUp', 'prev'],
      ['Backspace', 'prev'],
      ['Home', 'first'],
      ['End', 'last'],
      ['Escape', 'escape'],
    ] as const) {
      expect(off(key).action?.type, key).toBe(type);
    }
    expect(off({ key: ' ', shiftKey: true }).action?.type).toBe('prev');
  });

  it('knows a character key from a named one', () => {
    for (const key of ['a', 'Z', '.', '?', '7', '−', 'é']) expect(isCharacterKey(key), key).toBe(true);
    for (const key of [' ', 'Spacebar', 'Enter', 'Escape', 'ArrowLeft', 'F5', 'Tab', 'Dead', '']) {
      expect(isCharacterKey(key), key).toBe(false);
    }
  });
});
