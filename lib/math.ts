/**
 * The few small pure helpers the engine and the light share, named as GLSL names them so
 * the TypeScript side of a colour reads like its shader side.
 */

/** `x` held within 0..1 (NaN stays NaN, so a bad input is not hidden as an edge). */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** From `a` at t = 0 to `b` at t = 1, in a straight line (not clamped: t outside 0..1 extrapolates). */
export function mix(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/**
 * 0 below `edge0`, 1 above `edge1`, easing in and out between: it never turns back, so a
 * value eased by it moves monotonically. As GLSL's `smoothstep`.
 */
export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = clamp01((x - edge0) / (edge1 - edge0));
  return t * t * (3 - 2 * t);
}
