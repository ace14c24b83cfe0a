import { describe, expect, it } from 'vitest';
import { actionForKey, isActivationKey, isToggle, KEY_HELP, type KeyInput } from './keys';

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
    expect(type('Escape').action?.type).toBe('overview');
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

describe('isToggle and isActivationKey', () => {
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
  });
});

describe('KEY_HELP', () => {
  it('lists every action the map can return', () => {
    const described = KEY_HELP.map((h) => h.does)
      .join(' ')
      .toLowerCase();
    for (const word of [
      'next',
      'previous',
      'first',
      'go to',
      'overview',
      'black',
      'play',
      'faster',
      'full screen',
      'presenter',
      'help',
    ]) {
      expect(described).toContain(word);
    }
  });
});
