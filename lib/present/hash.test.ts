import { describe, expect, it } from 'vitest';
import { parseStepHash, stepHash } from './hash';

describe('parseStepHash', () => {
  it('reads a step, counted from 1 in the address and from 0 inside', () => {
    expect(parseStepHash('#s-1', 68)).toEqual({ kind: 'step', step: 0 });
    expect(parseStepHash('#s-68', 68)).toEqual({ kind: 'step', step: 67 });
    expect(parseStepHash('s-12', 68)).toEqual({ kind: 'step', step: 11 });
  });

  it('has nothing to say about an empty fragment', () => {
    expect(parseStepHash('', 68)).toEqual({ kind: 'none' });
    expect(parseStepHash('#', 68)).toEqual({ kind: 'none' });
  });

  it('names what was asked for when it is not a step of the story', () => {
    expect(parseStepHash('#s-999', 68)).toEqual({ kind: 'unknown', fragment: 's-999' });
    expect(parseStepHash('#s-69', 68)).toEqual({ kind: 'unknown', fragment: 's-69' });
    expect(parseStepHash('#s-0', 68)).toEqual({ kind: 'unknown', fragment: 's-0' });
    expect(parseStepHash('#nonsense', 68)).toEqual({ kind: 'unknown', fragment: 'nonsense' });
    expect(parseStepHash('#s-1.5', 68)).toEqual({ kind: 'unknown', fragment: 's-1.5' });
    expect(parseStepHash('#s--2', 68)).toEqual({ kind: 'unknown', fragment: 's--2' });
    expect(parseStepHash('#s-99999999999', 68).kind).toBe('unknown');
  });

  it('decodes the fragment and survives a malformed escape', () => {
    expect(parseStepHash('#s%2D3', 68)).toEqual({ kind: 'step', step: 2 });
    expect(parseStepHash('#%E0%A4%A', 68)).toEqual({ kind: 'unknown', fragment: '%E0%A4%A' });
  });

  it('round-trips with stepHash', () => {
    for (let step = 0; step < 68; step++) expect(parseStepHash(stepHash(step), 68)).toEqual({ kind: 'step', step });
  });

  it('ignores spaces around the fragment, but nothing before the step', () => {
    expect(parseStepHash('#%20s-3%20', 68)).toEqual({ kind: 'step', step: 2 });
    expect(parseStepHash('# ', 68)).toEqual({ kind: 'none' });
    expect(parseStepHash('#xs-3', 68)).toEqual({ kind: 'unknown', fragment: 'xs-3' });
  });
});
