import { readFileSync } from 'node:fs';
import path from 'node:path';
import { epubOf } from '@/lib/epub/book';
import { editionDate } from '@/lib/epub/date';
import { SITE_FONTS } from '@/lib/epub/fonts';
import { epubFileName } from '@/lib/epub/name';
import { loadStory } from '@/scenes/story';

/**
 * The story as an EPUB 3, written by `next build` into out/ as one static file named after
 * the title (`/come-home.epub`). A route handler, because the build is where the parsed
 * story lives; the segment is dynamic only so that the name can follow the title, and
 * that one name is all it answers to.
 */
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return [{ edition: epubFileName(loadStory().title) }];
}

export function GET() {
  const cover = readFileSync(path.join(process.cwd(), 'public', 'og.png'));
  const fonts = SITE_FONTS.map(({ file, ...font }) => ({
    ...font,
    bytes: readFileSync(path.join(process.cwd(), 'node_modules', file)),
  }));
  const book = epubOf(loadStory(), { cover, date: editionDate(), fonts });
  return new Response(book, { headers: { 'Content-Type': 'application/epub+zip' } });
}
