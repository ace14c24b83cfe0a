/**
 * Reading an EPUB back, for tests: the unit tests of the book and the e2e test of the
 * built file read it the same way, the way a reading system does (container, package,
 * spine), not by knowing where the builder put things.
 */
import { strFromU8, unzipSync } from 'fflate';

export interface OpenedBook {
  /** Every file in the zip, by path, in zip order. */
  files: Map<string, Uint8Array>;
  text: (path: string) => string;
  /** The package document's path. */
  packagePath: string;
  /** The content documents of the spine, in reading order, as paths in the zip. */
  spine: string[];
}

export function openBook(bytes: Uint8Array): OpenedBook {
  const files = new Map(Object.entries(unzipSync(bytes)));
  const text = (path: string) => {
    const file = files.get(path);
    if (!file) throw new Error(`the book has no ${path}`);
    return strFromU8(file);
  };
  const packagePath = /full-path="([^"]+)"/.exec(text('META-INF/container.xml'))?.[1];
  if (!packagePath) throw new Error('the container names no package document');
  const opf = text(packagePath);
  const dir = packagePath.includes('/') ? packagePath.slice(0, packagePath.lastIndexOf('/') + 1) : '';
  const hrefs = new Map([...opf.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => {
    const href = hrefs.get(m[1]);
    if (!href) throw new Error(`the spine names ${m[1]}, which the manifest does not list`);
    return dir + decodeXml(href);
  });
  return { files, text, packagePath, spine };
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (ref, body: string) => {
    if (body[0] !== '#') return NAMED[body] ?? ref;
    return String.fromCodePoint(
      body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1)),
    );
  });
}

/**
 * The text of an (X)HTML body as its blocks, in order: each paragraph, heading and list item
 * one string, tags stripped, references decoded, white space collapsed.
 */
export function blocksOf(html: string): string[] {
  const body = html.replace(/^[\s\S]*?<body[^>]*>/, '').replace(/<\/body>[\s\S]*$/, '');
  return decodeXml(
    body.replace(/<\/?(p|h[1-6]|li|blockquote|section|nav|ol|header|div)\b[^>]*>/g, '\n').replace(/<[^>]*>/g, ''),
  )
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The book's text in reading order: the blocks of every spine document, one after another. */
export const bookBlocks = (book: OpenedBook) => book.spine.flatMap((path) => blocksOf(book.text(path)));

/**
 * The first of `texts` that is not a whole block of `blocks` after the block of the text before
 * it; undefined when every text is there, in order.
 */
export function firstMissingInOrder(blocks: string[], texts: string[]): string | undefined {
  let at = 0;
  for (const text of texts) {
    const found = blocks.indexOf(text, at);
    if (found < 0) return text;
    at = found + 1;
  }
  return undefined;
}
