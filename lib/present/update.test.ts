import { describe, expect, it } from 'vitest';
import { updateAction } from './update';

describe('updateAction', () => {
  it('does nothing while no new build waits, kiosk or not, loop ending or not', () => {
    for (const kiosk of [false, true])
      for (const atLoopEnd of [false, true]) expect(updateAction({ waiting: false, kiosk, atLoopEnd })).toBe('none');
  });

  it('asks a reader, wherever they are', () => {
    expect(updateAction({ waiting: true, kiosk: false, atLoopEnd: false })).toBe('prompt');
    expect(updateAction({ waiting: true, kiosk: false, atLoopEnd: true })).toBe('prompt');
  });

  it('lets a kiosk finish its loop, then reload between two loops', () => {
    expect(updateAction({ waiting: true, kiosk: true, atLoopEnd: false })).toBe('wait');
    expect(updateAction({ waiting: true, kiosk: true, atLoopEnd: true })).toBe('reload');
  });
});
