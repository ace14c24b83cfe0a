/**
 * The EPUB structural semantics the book uses, with the DPUB-ARIA role that says the same to
 * assistive technology: reading systems read `epub:type`, screen readers read `role`, and
 * DAISY Ace asks for both wherever a role exists. The title page and the landmarks have no
 * role of their own; the cover's (`doc-cover`) belongs on an image, not on its section.
 */
const ROLES = {
  chapter: 'doc-chapter',
  preface: 'doc-preface',
  toc: 'doc-toc',
  cover: null,
  titlepage: null,
  landmarks: null,
} as const;

export type EpubType = keyof typeof ROLES;

/** The attributes that give an element its structural semantics: `epub:type`, and its role if it has one. */
export function semantics(type: EpubType): string {
  const role = ROLES[type];
  return role ? `epub:type="${type}" role="${role}"` : `epub:type="${type}"`;
}
