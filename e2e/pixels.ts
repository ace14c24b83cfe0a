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
