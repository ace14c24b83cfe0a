import { describe, expect, it } from 'vitest';
import { COLOURS } from '@/lib/light/palette';
import { MOOD_UNIFORMS } from '@/lib/light/room';
import { glslName, paletteChunk } from './palette.glsl';
import { roomFragment } from './room.frag';

const declared = [...roomFragment.matchAll(/^uniform \w+ (\w+);/gm)].map((m) => m[1]);
const body = roomFragment.replace(/^uniform .*$/gm, '');

describe('the room shader’s colours', () => {
  it('declares every palette colour as a constant with the palette’s own values', () => {
    for (const [name, colour] of Object.entries(COLOURS)) {
      const m = paletteChunk.match(new RegExp(`const vec3 ${glslName(name)} = vec3\\(([^)]*)\\);`));
      expect(m, name).not.toBeNull();
      expect(m![1].split(',').map(Number), name).toEqual(colour);
    }
    expect(roomFragment).toContain(paletteChunk);
  });

  it('writes every float with a decimal point, as GLSL needs', () => {
    for (const [, args] of paletteChunk.matchAll(/vec3\(([^)]*)\)/g)) {
      for (const x of args.split(',')) expect(x.trim()).toMatch(/^-?\d+\.\d+$/);
    }
  });

  it('has no colour of its own: no vec3 of three numbers outside the palette', () => {
    const own = roomFragment.replace(paletteChunk, '').match(/vec3\(\s*[\d.]+\s*,\s*[\d.]+\s*,\s*[\d.]+\s*\)/g);
    // Rec. 709's luminance weights, the same as luminance() in the palette: not a colour.
    expect(own).toEqual(['vec3(0.2126, 0.7152, 0.0722)']);
  });

  it('names constants in GLSL’s upper case', () => {
    expect(glslName('dawnFloorRose')).toBe('DAWN_FLOOR_ROSE');
    expect(glslName('sodium')).toBe('SODIUM');
  });
});

describe('the room shader’s uniforms', () => {
  it('reads every uniform it declares', () => {
    expect(declared.length).toBeGreaterThan(10);
    for (const name of declared) expect(body, name).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('declares every uniform a mood channel is written to, and no mood uniform goes unread', () => {
    for (const name of Object.values(MOOD_UNIFORMS)) if (name) expect(declared).toContain(name);
  });
});
