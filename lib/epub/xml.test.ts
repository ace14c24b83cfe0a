import { describe, expect, it } from 'vitest';
import { escapeXml } from './xml';

describe('escapeXml', () => {
  it('escapes the five characters XML gives meaning to, in text and in attributes', () => {
    expect(escapeXml(`Tom & "Jerry" <'s>`)).toBe('Tom &amp; &quot;Jerry&quot; &lt;&#39;s&gt;');
  });

  it('escapes an ampersand once, even one that looks like a reference already', () => {
    expect(escapeXml('&amp; &#39;')).toBe('&amp;amp; &amp;#39;');
  });

  it('leaves typographic punctuation and other text as it is', () => {
    expect(escapeXml('“It’s me…” – Lucas')).toBe('“It’s me…” – Lucas');
  });
});
