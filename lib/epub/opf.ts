import type { Story } from '@/scenes/types';
import { bookIdentifier } from './identifier';
import {
  COVER_IMAGE,
  COVER_PAGE,
  NAV,
  PACKAGE,
  PACKAGE_DIR,
  sceneHref,
  sceneXmlId,
  STYLE_SHEET,
  TITLE_PAGE,
} from './paths';
import { escapeXml } from './xml';
import { w3cDateTime } from './date';
import { FONT_TYPE, fontId, type BookFont } from './fonts';

/** The one fixed file a reading system opens first: it names the package document. */
export const containerXml = () => `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="${PACKAGE_DIR}/${PACKAGE}" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;

interface Item {
  id: string;
  href: string;
  type: string;
  properties?: string;
  /** In the reading order, and where. */
  spine?: boolean;
}

const XHTML = 'application/xhtml+xml';

/** Every file of the package, in reading order for those in the spine. */
export function manifestOf(story: Story, fonts: readonly Pick<BookFont, 'href'>[] = []): Item[] {
  const scenes = story.scenes.slice(1);
  return [
    { id: 'cover', href: COVER_PAGE, type: XHTML, spine: true },
    { id: 'title', href: TITLE_PAGE, type: XHTML, spine: true },
    { id: 'nav', href: NAV, type: XHTML, properties: 'nav', spine: true },
    ...scenes.map((s) => ({ id: sceneXmlId(s), href: sceneHref(s), type: XHTML, spine: true })),
    { id: 'cover-image', href: COVER_IMAGE, type: 'image/png', properties: 'cover-image' },
    { id: 'style', href: STYLE_SHEET, type: 'text/css' },
    ...fonts.map((f) => ({ id: fontId(f), href: f.href, type: FONT_TYPE })),
  ];
}

/**
 * The conformance claim, worded as EPUB Accessibility 1.1's conformance reporting asks: the book is tested
 * against it on every build (e2e/epub.spec.ts: EPUBCheck and DAISY Ace, no finding).
 */
export const CONFORMS_TO = 'EPUB Accessibility 1.1 - WCAG 2.2 Level AA';

/**
 * Who stands behind the claim: the book is evaluated by whoever publishes it, the author, or,
 * for an unsigned story, the site that carries its name.
 */
export const certifierOf = (story: Pick<Story, 'author' | 'title'>) => story.author || story.title;

/**
 * The package document: what the book is (title, language, identifier, date and how it
 * can be read, for readers who rely on accessibility metadata), its files and their order.
 */
export function packageDocument(story: Story, modified: Date, fonts: readonly Pick<BookFont, 'href'>[] = []): string {
  const items = manifestOf(story, fonts);
  const meta = (property: string, value: string) => `<meta property="${property}">${escapeXml(value)}</meta>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${escapeXml(story.lang)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${bookIdentifier(story.title)}</dc:identifier>
<dc:title>${escapeXml(story.title)}</dc:title>
${story.author ? `<dc:creator>${escapeXml(story.author)}</dc:creator>\n` : ''}<dc:language>${escapeXml(story.lang)}</dc:language>
<dc:description>${escapeXml(story.description)}</dc:description>
${meta('dcterms:modified', w3cDateTime(modified))}
${meta('schema:accessMode', 'textual')}
${meta('schema:accessMode', 'visual')}
${meta('schema:accessModeSufficient', 'textual')}
${meta('schema:accessibilityFeature', 'structuralNavigation')}
${meta('schema:accessibilityFeature', 'tableOfContents')}
${meta('schema:accessibilityFeature', 'readingOrder')}
${meta('schema:accessibilityFeature', 'alternativeText')}
${meta('schema:accessibilityHazard', 'none')}
${meta('schema:accessibilitySummary', 'The whole story as text, with every change of its light described in words where it happens. The one image, the cover, has a text alternative.')}
${meta('dcterms:conformsTo', CONFORMS_TO)}
${meta('a11y:certifiedBy', certifierOf(story))}
<meta name="cover" content="cover-image"/>
</metadata>
<manifest>
${items.map((i) => `<item id="${i.id}" href="${escapeXml(i.href)}" media-type="${i.type}"${i.properties ? ` properties="${i.properties}"` : ''}/>`).join('\n')}
</manifest>
<spine>
${items
  .filter((i) => i.spine)
  .map((i) => `<itemref idref="${i.id}"/>`)
  .join('\n')}
</spine>
</package>
`;
}
