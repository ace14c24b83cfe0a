import type { Paragraph, Span } from '@/scenes/types';
import { STYLE_SHEET } from './paths';
import { escapeXml } from './xml';

interface Document {
  lang: string;
  title: string;
  body: string;
  bodyClass?: string;
}

/**
 * An EPUB 3 content document: XHTML, so every element is closed and the text escaped; the
 * story's language on the root for hyphenation and voices; `epub:type` available for the
 * semantics reading systems use (title page, chapter, table of contents).
 */
export function xhtmlDocument({ lang, title, body, bodyClass }: Document): string {
  const l = escapeXml(lang);
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${l}" xml:lang="${l}">
<head>
<meta charset="UTF-8"/>
<title>${escapeXml(title)}</title>
<link rel="stylesheet" type="text/css" href="${STYLE_SHEET}"/>
</head>
<body${bodyClass ? ` class="${escapeXml(bodyClass)}"` : ''}>
${body}
</body>
</html>
`;
}

/** A paragraph's runs, with the author's emphasis kept as <em>. */
export const spansXhtml = (spans: Span[]) =>
  spans.map((s) => (s.em ? `<em>${escapeXml(s.text)}</em>` : escapeXml(s.text))).join('');

/** A paragraph of the story; the voicemail is a quotation of another time and place, as on /read. */
export function paragraphXhtml(paragraph: Paragraph, className?: string): string {
  const p = `<p${className ? ` class="${className}"` : ''}>${spansXhtml(paragraph.spans)}</p>`;
  return paragraph.kind === 'voicemail' ? `<blockquote class="voicemail">${p}</blockquote>` : p;
}

/** The light, told in a quiet aside where it is set or changes, in /read's words. */
export const lightXhtml = (light: string) =>
  `<p class="light"><span class="light__label">The light: </span>${escapeXml(light)}</p>`;
