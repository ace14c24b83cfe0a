import { createHash } from 'node:crypto';

/** The namespace of this site's books (a random UUID, fixed once): ids made here collide with no one else's. */
const NAMESPACE = 'ee4e8ca5-136a-433c-9288-eae3af331a22';

/**
 * The book's dc:identifier, a name-based UUID (version 5, RFC 9562) of its title. It comes
 * from the title alone, not from the text or the build, so every build of the story is the
 * same book to a reading system: a new build replaces the old one in a library instead of
 * appearing beside it. Nor does it depend on the address the site is served from.
 */
export function bookIdentifier(title: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(title, 'utf8')
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
