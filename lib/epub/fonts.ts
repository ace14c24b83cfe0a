/**
 * The site's faces, carried in the book, so that it reads in the type it was set in wherever
 * a reading system honours the publisher's fonts (a reader can still choose another). The
 * same files the site serves (app/fonts.ts): the Latin subset of each variable face, which
 * holds every character the story uses. Both are under the SIL Open Font License, which
 * allows embedding them in a document.
 */
export interface BookFont {
  /** The file's name in the package. */
  href: string;
  family: 'Literata' | 'Fraunces';
  style: 'normal' | 'italic';
  /** The weight range the variable face covers. */
  weight: string;
  bytes: Uint8Array;
}

/** Where each face of the book comes from: a file of the @fontsource packages, from node_modules. */
export const SITE_FONTS: (Omit<BookFont, 'bytes'> & { file: string })[] = [
  {
    href: 'literata.woff2',
    family: 'Literata',
    style: 'normal',
    weight: '200 900',
    file: '@fontsource-variable/literata/files/literata-latin-wght-normal.woff2',
  },
  {
    href: 'literata-italic.woff2',
    family: 'Literata',
    style: 'italic',
    weight: '200 900',
    file: '@fontsource-variable/literata/files/literata-latin-wght-italic.woff2',
  },
  {
    href: 'fraunces.woff2',
    family: 'Fraunces',
    style: 'normal',
    weight: '100 900',
    file: '@fontsource-variable/fraunces/files/fraunces-latin-wght-normal.woff2',
  },
];

export const FONT_TYPE = 'font/woff2';

/** A manifest id for a font file (an XML name: no dots). */
export const fontId = (font: Pick<BookFont, 'href'>) => `font-${font.href.replace(/\.woff2$/, '')}`;

/** The @font-face rules for the faces the book carries. */
export const fontFaces = (fonts: readonly Omit<BookFont, 'bytes'>[]) =>
  fonts
    .map(
      (f) => `@font-face {
  font-family: "${f.family}";
  font-style: ${f.style};
  font-weight: ${f.weight};
  src: url(${f.href}) format("woff2");
}
`,
    )
    .join('\n');
