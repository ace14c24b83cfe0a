import { COLOURS, type ColourName, type Rgb } from '@/lib/light/palette';

/** `dawnFloorRose` → `DAWN_FLOOR_ROSE`: the constant's name in GLSL. */
export const glslName = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

/** A GLSL float literal: always with a decimal point, or the compiler reads an int. */
const float = (x: number) => (Number.isInteger(x) ? x.toFixed(1) : String(x));

const vec3 = ([r, g, b]: Rgb) => `vec3(${float(r)}, ${float(g)}, ${float(b)})`;

/**
 * The room's colours as GLSL constants, written from lib/light/palette.ts when the module
 * loads, so the shader has no colour of its own to drift from the CSS fallback's.
 */
export const paletteChunk = (Object.entries(COLOURS) as [ColourName, Rgb][])
  .map(([name, colour]) => `const vec3 ${glslName(name)} = ${vec3(colour)};`)
  .join('\n');
