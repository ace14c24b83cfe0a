const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for XML, in content and in attribute values alike: the content file may
 * hold any of these characters (a title in quotes, "A & B"), and one unescaped `<` or `&`
 * makes a document that no reading system will open.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
