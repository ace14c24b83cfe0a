#!/usr/bin/env node
/**
 * Post-build step, the last one: writes a brotli (.br) and a gzip (.gz) copy next to each text
 * file of the static export (HTML, scripts, styles, RSC payloads, SVG…).
 *
 * Compressing once at build time instead of on every request: the copies are made at the highest
 * levels, which would be too slow per request, and any static host can send them as they are
 * (nginx gzip_static/brotli_static, Caddy's precompressed, sirv in scripts/serve.mjs).
 * Each copy gets its source's modification time, so Last-Modified does not depend on the
 * encoding sent. A step that changed a file afterwards would leave its copies stale, hence last.
 *
 *   node scripts/compress.mjs [--dir out]
 */
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Files that are text, so compress well; images and fonts are compressed formats already. */
const TEXT = /\.(html|js|mjs|css|json|txt|xml|svg|webmanifest|map)$/;
/** Below this a response fits in one packet either way; the copies would only be clutter. */
export const MIN_SIZE = 1024;

/** @param {string} root @param {string} [dir] @returns {string[]} paths relative to root */
function textFiles(root, dir = '') {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return textFiles(root, rel);
    // Symlinks are not followed: only the export's own files are compressed.
    return entry.isFile() && TEXT.test(entry.name) ? [rel] : [];
  });
}

/**
 * Writes the .br and .gz copies of every text file of at least MIN_SIZE bytes under `root`
 * (each only when it is smaller than the file). Running it again rewrites the same copies.
 * @param {string} root
 * @returns {{ files: number, bytes: number, brotli: number, gzip: number }} what was compressed
 */
export function compressDir(root) {
  const total = { files: 0, bytes: 0, brotli: 0, gzip: 0 };
  for (const rel of textFiles(root)) {
    const file = path.join(root, rel);
    const data = readFileSync(file);
    if (data.length < MIN_SIZE) continue;
    // In seconds, as utimes takes them: a Date would round the time to the millisecond.
    const { atimeMs, mtimeMs } = statSync(file);
    const copies = {
      brotli: [
        '.br',
        brotliCompressSync(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
      ],
      gzip: ['.gz', gzipSync(data, { level: constants.Z_BEST_COMPRESSION })],
    };
    total.files++;
    total.bytes += data.length;
    for (const [name, [ext, packed]] of /** @type {[ 'brotli' | 'gzip', [string, Buffer]][]} */ (
      Object.entries(copies)
    )) {
      if (packed.length >= data.length) continue;
      writeFileSync(file + ext, packed);
      utimesSync(file + ext, atimeMs / 1000, mtimeMs / 1000);
      total[name] += packed.length;
    }
  }
  return total;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--dir');
  const root = path.resolve(i >= 0 ? args[i + 1] : 'out');
  try {
    const { files, bytes, brotli, gzip } = compressDir(root);
    const kb = (/** @type {number} */ n) => `${Math.round(n / 1024)} KiB`;
    console.log(`compress: ${files} text files, ${kb(bytes)} → ${kb(brotli)} brotli, ${kb(gzip)} gzip`);
  } catch (error) {
    console.error(`compress: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
