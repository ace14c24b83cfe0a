import { PNG } from 'pngjs';

/**
 * Pixel measures of screenshots, in Node. (The engines' runner has the same measures in
 * e2e-engines/pixels.mjs: Playwright compiles these tests to CommonJS, which cannot load
 * that ES module on Node 20.)
 */

/** Mean colour (0..255) and linear luminance of a screenshot, with its 5th and 95th percentiles. */
export interface PixelStats {
  r: number;
  g: number;
  b: number;
  luminance: number;
  p05: number;
  p95: number;
}

const linear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** Every fourth pixel is plenty for a mean and percentiles, and four times faster. */
export function pixelStats(png: Buffer): PixelStats {
  const { data } = PNG.sync.read(png);
  let r = 0;
  let g = 0;
  let b = 0;
  const lums: number[] = [];
  for (let i = 0; i < data.length; i += 16) {
    r += data[i];
    g += data[i + 1];
    b += data[i + 2];
    lums.push(0.2126 * linear(data[i]) + 0.7152 * linear(data[i + 1]) + 0.0722 * linear(data[i + 2]));
  }
  const n = lums.length;
  lums.sort((x, y) => x - y);
  return {
    r: r / n,
    g: g / n,
    b: b / n,
    luminance: lums.reduce((a, v) => a + v, 0) / n,
    p05: lums[Math.floor(n * 0.05)],
    p95: lums[Math.floor(n * 0.95)],
  };
}

/** The share of pixels whose colour differs by more than `threshold` (0..255) on some channel. */
export function changedShare(a: Buffer, b: Buffer, threshold: number): number {
  const p = PNG.sync.read(a);
  const q = PNG.sync.read(b);
  if (p.width !== q.width || p.height !== q.height) return 1;
  let changed = 0;
  for (let i = 0; i < p.data.length; i += 4) {
    const d = Math.max(
      Math.abs(p.data[i] - q.data[i]),
      Math.abs(p.data[i + 1] - q.data[i + 1]),
      Math.abs(p.data[i + 2] - q.data[i + 2]),
    );
    if (d > threshold) changed += 1;
  }
  return changed / (p.data.length / 4);
}

/** Relative luminance of an sRGB pixel (0..255 channels). */
export const pixelLuminance = (r: number, g: number, b: number) =>
  0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);

/** The mean linear luminance of each tile of a `cols`×`rows` grid over a screenshot, row by row. */
export function tileLuminance(png: Buffer, cols: number, rows: number): number[] {
  const { data, width, height } = PNG.sync.read(png);
  const sums = new Array<number>(cols * rows).fill(0);
  const counts = new Array<number>(cols * rows).fill(0);
  for (let y = 0; y < height; y += 2) {
    const row = Math.min(rows - 1, Math.floor((y / height) * rows));
    for (let x = 0; x < width; x += 2) {
      const i = (y * width + x) * 4;
      const tile = row * cols + Math.min(cols - 1, Math.floor((x / width) * cols));
      sums[tile] += pixelLuminance(data[i], data[i + 1], data[i + 2]);
      counts[tile] += 1;
    }
  }
  return sums.map((s, i) => s / counts[i]);
}

/** The brightest pixel of a screenshot (by its largest channel), with its hue in degrees and its saturation. */
export function brightestPixel(png: Buffer): { rgb: [number, number, number]; hue: number; saturation: number } {
  const { data } = PNG.sync.read(png);
  let best = 0;
  let at = 0;
  for (let i = 0; i < data.length; i += 4) {
    const m = data[i] + data[i + 1] + data[i + 2] + 4 * Math.max(data[i], data[i + 1], data[i + 2]);
    if (m > best) [best, at] = [m, i];
  }
  const rgb: [number, number, number] = [data[at], data[at + 1], data[at + 2]];
  const [r, g, b] = rgb;
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  let hue = 0;
  if (d > 0) {
    if (max === r) hue = ((g - b) / d) % 6;
    else if (max === g) hue = (b - r) / d + 2;
    else hue = (r - g) / d + 4;
  }
  return { rgb, hue: (hue * 60 + 360) % 360, saturation: max === 0 ? 0 : d / max };
}

/**
 * The most flashes in any one second of a luminance series, as WCAG 2.3.1 counts them: a
 * transition is a change of relative luminance of 0.1 or more against the last extreme, with
 * the darker side below 0.8; a flash is a pair of opposing transitions.
 */
export function flashesPerSecond(series: { t: number; l: number }[]): number {
  const transitions: number[] = [];
  let lo = series[0]?.l ?? 0;
  let hi = lo;
  let direction = 0;
  for (const { t, l } of series) {
    if (direction <= 0 && l - lo >= 0.1 && lo < 0.8) {
      transitions.push(t);
      [direction, hi] = [1, l];
    } else if (direction >= 0 && hi - l >= 0.1 && l < 0.8) {
      transitions.push(t);
      [direction, lo] = [-1, l];
    }
    hi = Math.max(hi, l);
    lo = Math.min(lo, l);
  }
  let most = 0;
  for (let i = 0; i < transitions.length; i++) {
    const inSecond = transitions.filter((t) => t >= transitions[i] && t < transitions[i] + 1000).length;
    most = Math.max(most, Math.floor(inSecond / 2));
  }
  return most;
}
