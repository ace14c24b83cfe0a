import { describe, expect, it } from 'vitest';
import { bookIdentifier } from './identifier';

describe('bookIdentifier', () => {
  it('is a version 5 UUID URN', () => {
    expect(bookIdentifier('Come Home')).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('is the same for the same title, build after build', () => {
    // Pinned: a change here would make every reader's copy look like another book.
    expect(bookIdentifier('Come Home')).toMatchInlineSnapshot(`"urn:uuid:40d6dc50-d2e7-5776-b313-235ff8100c73"`);
  });

  it('differs between titles', () => {
    expect(bookIdentifier('Come Home')).not.toBe(bookIdentifier('Come home'));
  });
});
