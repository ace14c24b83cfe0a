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
/* The heartbeat's swell now (0..1) and where the headlights' one sweep is (0..1, 1 once it has
   crossed), timed on the CPU (lib/light/beats.ts) so they can be held still and tested. */
uniform float uBeat;
uniform float uSweep;
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

/* The room's one window, off the top left: the streetlight and the dawn both come through
   it. Returns where p is in its beam: along it from the window (s), and across it in units
   of the beam's half width (u), so its frame falls in the same place whatever the light. */
vec3 windowBeam(vec2 p, float aspect) {
  vec2 origin = vec2(-0.5 * aspect - 0.25, 0.72);
  vec2 dir = normalize(vec2(0.62, -1.0));
  vec2 across = vec2(-dir.y, dir.x);
  float s = dot(p - origin, dir);
  float w = dot(p - origin, across);
  return vec3(s, w, w / (0.1 + 0.16 * s));
}

/* Dust turning slowly in a beam: sparse small motes, each drifting on its own. */
float beamDust(float s, float w, float t) {
  if (uDust < 0.5) return DUST_MEAN;
  vec2 dg = vec2(s * 14.0, w * 14.0) + vec2(t * 0.05, -t * 0.11);
  vec2 dcell = floor(dg);
  vec2 djit = vec2(hash12(dcell), hash12(dcell + 3.7)) - 0.5;
  vec2 dpos = fract(dg) - 0.5 - djit * 0.6 - 0.12 * vec2(sin(t * 0.3 + djit.x * 9.0), cos(t * 0.25 + djit.y * 7.0));
  return step(0.55, hash12(dcell + 11.0)) * exp(-dot(dpos, dpos) * 90.0) * (0.6 + 0.4 * sin(t * 0.8 + djit.x * 30.0));
}

/* The patch where the window's light lands on the bed: its four panes, the frame drawn dark in it. */
float panes(float s, float u) {
  float v = (s - 1.05) / 0.55;
  float landing = smoothstep(1.0, 0.9, abs(u)) * smoothstep(0.0, 0.08, v) * smoothstep(1.0, 0.9, v);
  float frameShadow = (1.0 - smoothstep(0.02, 0.06, abs(u))) + (1.0 - smoothstep(0.02, 0.06, abs(v - 0.5) * 1.4));
  return landing * (1.0 - 0.85 * clamp(frameShadow, 0.0, 1.0));
}

/* Sodium-lamp light through the four-pane window: a shaft from the top left, crossed by
   the frame's shadow, ending in a bright patch on the bed with the frame drawn in it. */
vec3 streetlight(vec2 p, float aspect, float t) {
  vec3 beam = windowBeam(p, aspect);
  float s = beam.x;
  float u = beam.z;
  float inside = smoothstep(1.0, 0.82, abs(u)) * smoothstep(0.0, 0.25, s);
  // The mullion and the two edges of the frame cast long darker bands along the shaft.
  float frame = 1.0 - 0.7 * (1.0 - smoothstep(0.0, 0.08, abs(u)));
  float fall = exp(-s * 0.9);
  float shaft = inside * frame * fall;
  float dust = beamDust(s, beam.y, t);
  float landing = panes(s, u);
  vec3 col = SODIUM * (0.55 * shaft + 0.9 * landing);
  col += DUST * dust * inside * (0.35 + fall) * 0.9;
  // A little light spills round the room from the lamp.
  col += SODIUM * 0.05 * smoothstep(1.6, -0.4, length(p - vec2(-0.3 * aspect, 0.3)));
  return col;
}

/* Dawn through the same window: a low sun, so a broader, softer beam than the lamp's and
   reaching further, with the same mullion and the same four panes on the bed, warm motes in
   it, and the glow of the window spilling into the room around where it comes in. */
vec3 dawnlight(vec2 p, float aspect, float t, vec3 tint) {
  vec3 beam = windowBeam(p, aspect);
  float s = beam.x;
  float u = beam.z;
  float inside = smoothstep(1.25, 0.75, abs(u)) * smoothstep(0.0, 0.3, s);
  float frame = 1.0 - 0.55 * (1.0 - smoothstep(0.0, 0.1, abs(u)));
  float fall = exp(-s * 0.5);
  float shaft = inside * frame * fall;
  vec3 col = tint * (0.55 * shaft + 0.75 * panes(s, u));
  col += mix(tint, MORNING, 0.6) * beamDust(s, beam.y, t) * inside * (0.35 + fall) * 1.4;
  col += tint * 0.4 * glowAt(p, vec2(-0.5 * aspect, 0.45), 0.75);
  return col;
}

/* The brightest a dawn channel may reach: bright light rolls off towards it on a shoulder. */
const float DAWN_PEAK = 0.95;

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
    // The answering machine: one small red light, breathing slowly (well under 3 per second),
    // and the red it throws on the table round it, so the dark room has one place to look.
    vec2 c = vec2(0.36 * aspect, -0.31);
    float beat = 0.5 + 0.5 * sin(t * 3.1416 * 0.9);
    float on = 0.35 + 0.65 * beat * beat;
    col += BLINK * (glowAt(p, c, 0.012) * 1.6 + glowAt(p, c, 0.12) * 0.26 + glowAt(p, c * vec2(1.0, 1.3), 0.45) * 0.07) * uBlink * on;
  }

  if (uPulse > 0.001) {
    // A heartbeat, waiting in the dark: the room sinks to a dark crimson and a crimson glow, its
    // own red and not the call's amber, rests in its middle between beats; with each beat, lub
    // then dub, the glow and the room's own light swell with it.
    float heart = uBeat * uPulse;
    col *= mix(vec3(1.0), HEART_ROOM, uPulse);
    // A swell, not a flood: waiting in the dark, the red never fills the room.
    col *= 1.0 + 0.6 * heart;
    vec2 heartAt = vec2(0.0, -0.1);
    float glow = glowAt(p, heartAt, 0.58) * (0.46 + 0.2 * heart) + glowAt(p, heartAt, 0.2) * (0.1 + 0.09 * heart);
    col += HEARTBEAT * glow * uPulse;
    col += HEARTBEAT * 0.025 * heart;
  }

  if (uHeadlights > 0.001 && uSweep < 1.0) {
    // Headlights as he drives away: thrown through the window onto the ceiling, its four panes
    // cross once from right to left, skewing as the car turns, brightest halfway.
    float env = sin(3.1416 * uSweep);
    float x = mix(0.65, -0.65, uSweep) * aspect;
    vec2 q = vec2(p.x - x - (p.y - 0.3) * mix(-0.6, 0.6, uSweep), p.y - 0.3);
    vec2 e = abs(q) / vec2(0.3, 0.17);
    float lit = smoothstep(1.0, 0.6, e.x) * smoothstep(1.0, 0.55, e.y);
    float frameShadow = (1.0 - smoothstep(0.015, 0.045, abs(q.x))) + (1.0 - smoothstep(0.015, 0.045, abs(q.y)));
    lit *= 1.0 - 0.8 * clamp(frameShadow, 0.0, 1.0);
    float halo = glowAt(q, vec2(0.0), 0.45) * smoothstep(-0.3, 0.2, p.y);
    col += HEADLIGHTS * (0.8 * lit + 0.22 * halo) * env * uHeadlights;
  }

  if (uStreet > 0.001) {
    col += streetlight(p, aspect, t) * uStreet;
  }

  if (uDawn > 0.001) {
    // Dawn through the streetlight's window, rose then gold: the room's morning light is
    // deeper away from the window so the beam, its frame and its panes read, then fills in.
    vec3 dawn = mix(ROSE, GOLD, smoothstep(0.5, 1.0, uDawn));
    float fill = smoothstep(0.0, 1.0, uDawn);
    float away = smoothstep(-0.6, 0.9, p.x / aspect - p.y * 0.6);
    col *= mix(1.0, mix(0.92, 0.8, away) * mix(0.85, 1.0, fill), smoothstep(0.0, 0.5, uDawn));
    col += dawnlight(p, aspect, t, dawn) * smoothstep(0.0, 0.5, uDawn) * (0.75 + 0.35 * fill);
    // Warm motes of steam and light drifting upward in the morning air.
    float steam = fbm(vec2(p.x * 3.0, p.y * 2.0 - t * 0.08)) * smoothstep(-0.5, 0.4, p.y);
    col += dawn * steam * 0.06 * fill;
    // Bright light rolls off on a soft shoulder of its brightest channel, so the hue holds:
    // the gold stays gold where it is brightest instead of clipping to a flat lemon.
    float peak = max(col.r, max(col.g, col.b));
    float knee = 0.7;
    float rolled = peak < knee ? peak : knee + (DAWN_PEAK - knee) * (1.0 - exp(-(peak - knee) / (DAWN_PEAK - knee)));
    col *= mix(1.0, rolled / max(peak, 1e-4), smoothstep(0.0, 0.15, uDawn));
  }

  // Memory haze: the colour drains to a cold grey (the milky veil comes after the vignette).
  col = mix(col, vec3(luma(col)) * HAZE_TINT, uHaze * 0.85);

  // The vignette keeps the edges of the room in shadow.
  float vig = smoothstep(1.25, 0.25, length(p * vec2(0.85, 1.15)));
  col *= mix(0.55, 1.0, vig);

  if (uHaze > 0.001) {
    // ...and over everything, to its edges, a milky veil that lifts the dark as remembered
    // light does, thicker in slow drifting banks: a haze, not an absence of light.
    float mist = fbm(p * vec2(1.1, 1.8) + vec2(t * 0.012, -t * 0.007));
    float veil = uHaze * (0.16 + 0.32 * mist * mist + 0.05 * uv.y);
    col = 1.0 - (1.0 - col) * (1.0 - HAZE_VEIL * veil);
  }

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
