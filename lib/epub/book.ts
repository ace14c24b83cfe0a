import type { Story } from '@/scenes/types';
import { navDocument } from './nav';
import { containerXml, packageDocument } from './opf';
import {
  CONTAINER,
  COVER_IMAGE,
  COVER_PAGE,
  MIMETYPE,
  NAV,
  PACKAGE,
  PACKAGE_DIR,
  sceneHref,
  STYLE_SHEET,
  TITLE_PAGE,
} from './paths';
import { coverPage, sceneDocument, titlePage } from './sections';
import type { BookFont } from './fonts';
import { styleOf } from './style';
import { zipBook, type BookFile } from './zip';

export interface BookOptions {
  /** The cover image, a PNG (the site's social card). */
  cover: Uint8Array;
  /** When the edition was made (see editionDate). */
  date: Date;
  /** The faces the book carries (lib/epub/fonts.ts); without them it asks for a serif. */
  fonts?: readonly BookFont[];
}

/**
 * The story as the files of an EPUB 3, in the order they go into the zip: made from the
 * parsed story, like every page of the site, never from the site's HTML.
 */
export function bookFiles(story: Story, { cover, date, fonts = [] }: BookOptions): BookFile[] {
  const inPackage = (path: string, content: string | Uint8Array): BookFile => ({
    path: `${PACKAGE_DIR}/${path}`,
    content,
  });
  return [
    { path: MIMETYPE, content: 'application/epub+zip' },
    { path: CONTAINER, content: containerXml() },
    inPackage(PACKAGE, packageDocument(story, date, fonts)),
    inPackage(COVER_PAGE, coverPage(story)),
    inPackage(TITLE_PAGE, titlePage(story)),
    inPackage(NAV, navDocument(story)),
    ...story.scenes.slice(1).map((scene) => inPackage(sceneHref(scene), sceneDocument(story, scene))),
    inPackage(STYLE_SHEET, styleOf(fonts)),
    inPackage(COVER_IMAGE, cover),
    ...fonts.map((f) => inPackage(f.href, f.bytes)),
  ];
}

/** The EPUB file itself. */
export const epubOf = (story: Story, options: BookOptions) => zipBook(bookFiles(story, options), options.date);
