/**
 * Pixel statistics of a PNG screenshot, the same figures e2e/fixtures.ts's lightStats gives
 * in Chromium (mean sRGB channels 0..255, mean relative luminance and its 5th and 95th
 * percentiles, every 4th pixel), decoded in Node because WebDriver returns the PNG as is.
 */
import { PNG } from 'pngjs';

const lin = (c) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/**
 * @param {Buffer} png
 * @param {{ x: number, y: number, width: number, height: number }} [clip] in CSS pixels
 * @param {number} [cssWidth] the viewport's CSS width, to scale the clip to the image's pixels
 */
export function pixelStats(png, clip, cssWidth) {
  const { width, height, data } = PNG.sync.read(png);
  const scale = cssWidth ? width / cssWidth : 1;
  const x0 = clip ? Math.max(0, Math.round(clip.x * scale)) : 0;
  const y0 = clip ? Math.max(0, Math.round(clip.y * scale)) : 0;
  const x1 = clip ? Math.min(width, Math.round((clip.x + clip.width) * scale)) : width;
  const y1 = clip ? Math.min(height, Math.round((clip.y + clip.height) * scale)) : height;
  let r = 0;
  let g = 0;
  let b = 0;
  const lums = [];
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (n++ % 4) continue;
      const i = (y * width + x) * 4;
      r += data[i];
      g += data[i + 1];
      b += data[i + 2];
      lums.push(0.2126 * lin(data[i]) + 0.7152 * lin(data[i + 1]) + 0.0722 * lin(data[i + 2]));
    }
  }
  const count = lums.length;
  if (!count) throw new Error(`empty region ${JSON.stringify(clip)} in a ${width}×${height} screenshot`);
  lums.sort((p, q) => p - q);
  return {
    r: r / count,
    g: g / count,
    b: b / count,
    luminance: lums.reduce((a, v) => a + v, 0) / count,
    p05: lums[Math.floor(count * 0.05)],
    p95: lums[Math.floor(count * 0.95)],
    size: { width, height },
  };
}

/** Share of pixels whose colour differs by more than `threshold` (0..255) on some channel. */
export function changedShare(pngA, pngB, threshold = 3) {
  const a = PNG.sync.read(pngA);
  const b = PNG.sync.read(pngB);
  if (a.width !== b.width || a.height !== b.height) return 1;
  let changed = 0;
  let n = 0;
  for (let i = 0; i < a.data.length; i += 16) {
    n++;
    if (
      Math.abs(a.data[i] - b.data[i]) > threshold ||
      Math.abs(a.data[i + 1] - b.data[i + 1]) > threshold ||
      Math.abs(a.data[i + 2] - b.data[i + 2]) > threshold
    ) {
      changed++;
    }
  }
  return changed / n;
}
