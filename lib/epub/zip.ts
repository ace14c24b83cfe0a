import { strToU8, zipSync, type Zippable } from 'fflate';

export interface BookFile {
  /** Path inside the zip. */
  path: string;
  content: string | Uint8Array;
}

/**
 * The book as an EPUB's zip (the Open Container Format). The `mimetype` file must come first,
 * stored (not compressed) and with no extra field, so that its bytes sit at a fixed place
 * at the start of the file, where tools recognise an EPUB without unzipping it. The rest is
 * deflated; images and WOFF2 fonts are already compressed, so they are stored as well.
 * Every entry carries the same time (`date`), so the same book gives the same bytes.
 */
export function zipBook(files: BookFile[], date: Date): Uint8Array<ArrayBuffer> {
  const [first, ...rest] = files;
  if (first?.path !== 'mimetype') throw new Error('an EPUB must start with its mimetype file');
  const entries: Zippable = {};
  for (const { path, content } of [first, ...rest]) {
    if (path in entries) throw new Error(`two files at ${path}`);
    const bytes = typeof content === 'string' ? strToU8(content) : content;
    const stored = path === 'mimetype' || /\.(png|jpe?g|gif|webp|woff2)$/.test(path);
    entries[path] = [bytes, { level: stored ? 0 : 9, mtime: date }];
  }
  // fflate writes into a buffer of its own (never a SharedArrayBuffer), which a Response can send.
  return zipSync(entries) as Uint8Array<ArrayBuffer>;
}
