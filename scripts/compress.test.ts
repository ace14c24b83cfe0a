import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  existsSync,
  utimesSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { compressDir, MIN_SIZE } from './compress.mjs';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('compressDir', () => {
  it('writes .br and .gz copies of text files that decode to the file and carry its time', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'compress-test-'));
    mkdirSync(path.join(dir, '_next/static/chunks'), { recursive: true });
    const text = 'self.__next_f.push([1,"the light in the window"]);\n'.repeat(100);
    const js = path.join(dir, '_next/static/chunks/a.js');
    writeFileSync(js, text);
    // Built a while ago: a copy written now must still carry the file's own time.
    utimesSync(js, 1_700_000_000, 1_700_000_000);
    writeFileSync(path.join(dir, 'small.html'), '<p>hi</p>');
    writeFileSync(path.join(dir, 'og.png'), Buffer.alloc(MIN_SIZE * 4));
    symlinkSync(js, path.join(dir, 'link.js'));

    expect(compressDir(dir).files).toBe(1);
    expect(brotliDecompressSync(readFileSync(`${js}.br`)).toString()).toBe(text);
    expect(gunzipSync(readFileSync(`${js}.gz`)).toString()).toBe(text);
    // Same Last-Modified (whole seconds) whichever copy a server sends.
    const seconds = (file: string) => Math.floor(statSync(file).mtimeMs / 1000);
    expect(seconds(`${js}.br`)).toBe(seconds(js));
    expect(seconds(`${js}.gz`)).toBe(seconds(js));
    // Too small to gain anything, already compressed, or not the export's own file:
    for (const name of ['small.html', 'og.png', 'link.js']) {
      expect(existsSync(path.join(dir, `${name}.gz`)), name).toBe(false);
      expect(existsSync(path.join(dir, `${name}.br`)), name).toBe(false);
    }
    // Again: the same copies, none of a copy.
    const before = readFileSync(`${js}.gz`);
    expect(compressDir(dir).files).toBe(1);
    expect(readFileSync(`${js}.gz`)).toEqual(before);
    expect(existsSync(`${js}.gz.gz`)).toBe(false);
  });
});
