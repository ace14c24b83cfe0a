/**
 * The title as a file name: lower-case ASCII letters and digits joined by `-`, accents
 * dropped ("Café Noir" → `cafe-noir`). A title with no such letters (a Japanese one, say)
 * becomes `story`, so there is always a name to link to.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'story';
}

/** The EPUB's file name, the same in the build, the link on /read and the README: `come-home.epub`. */
export const epubFileName = (title: string) => `${slugify(title)}.epub`;
