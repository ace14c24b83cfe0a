import { noiseChunk } from './noise.glsl';
import { paletteChunk } from './palette.glsl';

/**
 * The room at night, lit by whatever the story needs at this moment. Every effect is
 * weighted by a mood uniform, so the same shader draws the whole arc and any position
 * of the story is one set of uniforms. Ambient motion (ripples, the blink, dust) reads
 * uTime; with reduced motion uTime stands still. The costliest details can be switched off
 * for a cheaper tier: the caustic net stops wobbling, the dust becomes its mean brightness,
 * so the colours and the arc stay the same, only plainer. GLSL ES 3.00, for WebGL 2.
 */
export const roomFragment = /* glsl */ `#version 300 es
precision highp float;
in vec2 vUv;
out vec4 fragColor;

uniform vec2 uRes;
uniform float uTime;
uniform vec3 uTop;
uniform vec3 uBottom;
uniform float uCaustics;
uniform float uCity;
uniform float uWine;
uniform float uBlink;
uniform float uGlow;
uniform float uHaze;
uniform float uPulse;
uniform float uHeadlights;
uniform float uStreet;
uniform float uDawn;
uniform float uGrain;
/* The reading column: its half width in uv, and 0 for pale night ink, 1 for dark day ink. */
uniform float uColumn;
uniform float uDayInk;
uniform vec2 uColumnBounds;
/* 1 draws the detail, 0 draws its mean (see lib/light/tiers.ts). */
uniform float uCausticDetail;
uniform float uDust;

${noiseChunk}

${paletteChunk}
/* The mean light of one cell of dust, measured by sampling it: what the beam keeps without it. */
const float DUST_MEAN = 0.0094;

/* Underwater light: the net of bright lines that sunlight draws on the floor of a pool
   (after the well-known "tileable water caustic" iteration), slowed right down. */
float caustic(vec2 uv, float t) {
  vec2 p = mod(uv * 6.28318, 6.28318) - 250.0;
  vec2 i = p;
  float c = 1.0;
  const float inten = 0.005;
  for (int n = 0; n < 4; n++) {
    float tt = t * (1.0 - (3.5 / float(n + 1)));
    i = p + vec2(cos(tt - i.x) + sin(tt + i.y), sin(tt - i.y) + cos(tt + i.x));
    c += 1.0 / length(vec2(p.x / (sin(i.x + tt) / inten), p.y / (cos(i.y + tt) / inten)));
  }
  c /= 4.0;
  c = 1.17 - pow(c, 1.4);
  return clamp(pow(abs(c), 8.0), 0.0, 1.0);
}

/* A soft round light. */
float glowAt(vec2 p, vec2 c, float r) {
  float d = length(p - c);
  return exp(-d * d / (r * r));
}

/* Sodium-lamp light through a four-pane window: a shaft from the top left, crossed by
   the frame's shadow, ending in a bright patch on the bed with the frame drawn in it. */
vec3 streetlight(vec2 p, float aspect, float t) {
  vec2 origin = vec2(-0.5 * aspect - 0.25, 0.72);
  vec2 dir = normalize(vec2(0.62, -1.0));
  vec2 across = vec2(-dir.y, dir.x);
  float s = dot(p - origin, dir);
  float w = dot(p - origin, across);
  float halfWidth = 0.1 + 0.16 * s;
  float u = w / halfWidth;
  float inside = smoothstep(1.0, 0.82, abs(u)) * smoothstep(0.0, 0.25, s);
  // The mullion and the two edges of the frame cast long darker bands along the shaft.
  float frame = 1.0 - 0.7 * (1.0 - smoothstep(0.0, 0.08, abs(u)));
  float fall = exp(-s * 0.9);
  float shaft = inside * frame * fall;
  // Dust turning slowly in the beam: sparse small motes, each drifting on its own.
  float dust = DUST_MEAN;
  if (uDust > 0.5) {
    vec2 dg = vec2(s * 14.0, w * 14.0) + vec2(t * 0.05, -t * 0.11);
    vec2 dcell = floor(dg);
    vec2 djit = vec2(hash12(dcell), hash12(dcell + 3.7)) - 0.5;
    vec2 dpos = fract(dg) - 0.5 - djit * 0.6 - 0.12 * vec2(sin(t * 0.3 + djit.x * 9.0), cos(t * 0.25 + djit.y * 7.0));
    dust = step(0.55, hash12(dcell + 11.0)) * exp(-dot(dpos, dpos) * 90.0) * (0.6 + 0.4 * sin(t * 0.8 + djit.x * 30.0));
  }
  // The patch where the light lands: the window's four panes on the bed.
  float s0 = 1.05;
  float len = 0.55;
  float v = (s - s0) / len;
  float landing = smoothstep(1.0, 0.9, abs(u)) * smoothstep(0.0, 0.08, v) * smoothstep(1.0, 0.9, v);
  float frameShadow = (1.0 - smoothstep(0.02, 0.06, abs(u))) + (1.0 - smoothstep(0.02, 0.06, abs(v - 0.5) * 1.4));
  landing *= 1.0 - 0.85 * clamp(frameShadow, 0.0, 1.0);
  vec3 col = SODIUM * (0.55 * shaft + 0.9 * landing);
  col += DUST * dust * inside * (0.35 + fall) * 0.9;
  // A little light spills round the room from the lamp.
  col += SODIUM * 0.05 * smoothstep(1.6, -0.4, length(p - vec2(-0.3 * aspect, 0.3)));
  return col;
}

void main() {
  vec2 uv = vUv;
  float aspect = uRes.x / uRes.y;
  vec2 p = vec2((uv.x - 0.5) * aspect, uv.y - 0.5);
  float t = uTime;

  vec3 col = mix(uBottom, uTop, smoothstep(0.0, 1.0, uv.y));

  if (uCaustics > 0.001) {
    // Seen from below the surface: the net drifts, and a slow swell of noise breathes through it.
    float swell = 0.45 + 0.55 * fbm(p * 1.2 + vec2(0.0, t * 0.04));
    vec2 q = p * 1.3;
    // The slow wobble of the net costs two more noises a pixel: a cheaper tier draws the net unbent.
    if (uCausticDetail > 0.5) q += vec2(fbm(p * 0.6 + t * 0.03), fbm(p * 0.6 - t * 0.025)) * 0.25;
    float net = caustic(q, t * 0.35 + 23.0) * swell;
    col += CAUSTIC_NET * net * uCaustics * (0.2 + 0.8 * uv.y) * 0.75;
    col += CAUSTIC_SWELL * uCaustics * swell * (0.3 + 0.7 * uv.y);
  }

  if (uCity > 0.001) {
    // Far-off city lights: a band of small soft points along the bottom.
    vec2 g = vec2(p.x * 22.0, (uv.y - 0.1) * 30.0);
    vec2 cell = floor(g);
    float r = hash12(cell);
    // Each light sits somewhere in its cell, so the city is not a grid.
    vec2 jitter = vec2(hash12(cell + 1.3), hash12(cell + 8.1)) - 0.5;
    vec2 f = fract(g) - 0.5 - jitter * 0.7;
    float lit = step(0.78, r) * smoothstep(1.0, 0.0, abs(cell.y + 0.5) / 2.5);
    float tw = 0.75 + 0.25 * sin(t * (0.4 + r) + r * 40.0);
    float dotL = exp(-dot(f, f) * 26.0) * lit * tw;
    vec3 tint = mix(CITY_WARM, CITY_COLD, hash12(cell + 7.0));
    col += tint * dotL * uCity * 0.55;
  }

  if (uWine > 0.001) {
    // Garnet warmth rising from below, moving like liquid.
    vec2 q = p * 1.8 + vec2(fbm(p * 1.2 + t * 0.08), fbm(p * 1.3 - t * 0.07));
    float body = smoothstep(0.75, -0.55, uv.y + 0.25 * (fbm(q) - 0.5));
    float sheen = pow(1.0 - abs(vnoise(q * 3.0 + t * 0.15) * 2.0 - 1.0), 8.0);
    col += WINE_BODY * body * uWine * 0.9;
    col += WINE_SHEEN * sheen * body * uWine * 0.35;
  }

  if (uGlow > 0.001) {
    col += LAMP * glowAt(p, vec2(0.18 * aspect, -0.3), 0.55) * uGlow * 0.32;
  }

  if (uBlink > 0.001) {
    // The answering machine: one small red light, breathing slowly (well under 3 per second).
    vec2 c = vec2(0.36 * aspect, -0.31);
    float beat = 0.5 + 0.5 * sin(t * 3.1416 * 0.9);
    float on = 0.35 + 0.65 * beat * beat;
    col += BLINK * (glowAt(p, c, 0.012) * 1.6 + glowAt(p, c, 0.12) * 0.22) * uBlink * on;
  }

  if (uPulse > 0.001) {
    // A heartbeat: two soft swells a little over once a second.
    float ph = fract(t * 1.05);
    float lub = exp(-pow((ph - 0.1) * 14.0, 2.0)) + 0.6 * exp(-pow((ph - 0.32) * 14.0, 2.0));
    col += HEARTBEAT * glowAt(p, vec2(0.0, -0.05), 0.6) * lub * uPulse * 0.35;
  }

  if (uHeadlights > 0.001) {
    // Headlights sweeping across the ceiling as he drives away, every few seconds.
    float sweep = fract(t / 5.5);
    float x = mix(-1.2, 1.2, sweep) * aspect * 0.5;
    float band = exp(-pow((p.x - x + (uv.y - 0.6) * 0.6) * 5.0, 2.0)) * smoothstep(0.35, 1.0, uv.y);
    col += HEADLIGHTS * band * uHeadlights * 0.28 * smoothstep(0.0, 0.15, sweep) * smoothstep(1.0, 0.8, sweep);
  }

  if (uStreet > 0.001) {
    col += streetlight(p, aspect, t) * uStreet;
  }

  if (uDawn > 0.001) {
    // Dawn through the window at the top right, rose then gold, filling the room.
    vec3 dawn = mix(ROSE, GOLD, smoothstep(0.5, 1.0, uDawn));
    vec2 win = vec2(0.42 * aspect, 0.42);
    float bloom = glowAt(p, win, 0.35 + 0.5 * uDawn);
    float fill = smoothstep(0.0, 1.0, uDawn);
    col += dawn * bloom * (0.3 + 0.35 * uDawn);
    // The window itself, where the morning comes in.
    col += mix(dawn, MORNING, 0.4) * glowAt(p, win, 0.12 + 0.08 * uDawn) * 0.5 * uDawn;
    // Warm motes of steam and light drifting upward in the morning air.
    float steam = fbm(vec2(p.x * 3.0, p.y * 2.0 - t * 0.08)) * smoothstep(-0.5, 0.4, p.y);
    col += dawn * steam * 0.08 * fill;
  }

  // Bright light rolls off softly instead of clipping to a flat lemon yellow.
  col = mix(col, 1.0 - exp(-col * 1.9), smoothstep(0.2, 1.0, uDawn) * 0.45);

  // Memory haze: the colour drains and the air softens.
  col = mix(col, vec3(luma(col)) * HAZE_TINT + 0.015, uHaze * 0.7);

  // The vignette keeps the edges of the room in shadow.
  float vig = smoothstep(1.25, 0.25, length(p * vec2(0.85, 1.15)));
  col *= mix(0.55, 1.0, vig);

  // Keep the reading column within what its ink needs (see COLUMN_BOUNDS, in linear
  // relative luminance like WCAG's, hence the gamma round trip).
  float column = 1.0 - smoothstep(uColumn, uColumn + 0.22, abs(uv.x - 0.5));
  float L = luma(pow(max(col, 0.0), vec3(2.2)));
  float over = column * (1.0 - uDayInk) * smoothstep(uColumnBounds.y * 0.4, uColumnBounds.y, L);
  col *= mix(1.0, pow(uColumnBounds.y * 0.8 / max(L, 1e-5), 1.0 / 2.2), over);
  // Day ink: a floor of dawn light the column never falls below (luminance about 0.34).
  vec3 dawnFloor = mix(DAWN_FLOOR_ROSE, DAWN_FLOOR_GOLD, smoothstep(0.5, 1.0, uDawn));
  col = mix(col, max(col, dawnFloor), column * uDayInk);

  // Film grain, last, so it sits on top of everything like the grain of the night.
  float grain = hash12(uv * uRes + fract(t * 7.0) * 100.0) - 0.5;
  col += grain * uGrain * 0.06;

  fragColor = vec4(clamp(col, 0.0, 1.0), 1.0);
}
`;
