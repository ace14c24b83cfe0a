import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ReadingEdition } from '@/components/ReadingEdition';
import { parseStory } from '@/scenes/parse';
import { FRONT, parseFixture, scene } from '@/scenes/testing';
import type { Story } from '@/scenes/types';
import { bookFiles, epubOf } from './book';
import type { BookFont } from './fonts';
import { blocksOf, bookBlocks, firstMissingInOrder, openBook } from './testing';

const DATE = new Date('2026-11-25T12:00:00Z');
const COVER = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const book = (story: Story) => openBook(epubOf(story, { cover: COVER, date: DATE }));

/** A copy of a story with one paragraph's runs replaced. */
function withSpans(story: Story, spans: { text: string; em?: boolean }[]): Story {
  const copy = structuredClone(story);
  const paragraph = copy.scenes[1].beats[0].paragraphs[0];
  paragraph.spans = spans;
  paragraph.text = spans.map((s) => s.text).join('');
  return copy;
}

describe('the EPUB container', () => {
  it('starts with the mimetype, stored, uncompressed and with no extra field', () => {
    const bytes = epubOf(parseFixture(), { cover: COVER, date: DATE });
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50); // a local file header
    expect(view.getUint16(8, true)).toBe(0); // method: stored
    const nameLength = view.getUint16(26, true);
    expect(view.getUint16(28, true)).toBe(0); // no extra field
    expect(new TextDecoder().decode(bytes.subarray(30, 30 + nameLength))).toBe('mimetype');
    expect(new TextDecoder().decode(bytes.subarray(30 + nameLength, 30 + nameLength + 20))).toBe(
      'application/epub+zip',
    );
  });

  it('holds exactly the book files, the container naming the package', () => {
    const story = parseFixture();
    const opened = book(story);
    expect([...opened.files.keys()]).toEqual(bookFiles(story, { cover: COVER, date: DATE }).map((f) => f.path));
    expect(opened.packagePath).toBe('OEBPS/package.opf');
    expect(opened.files.get('OEBPS/cover.png')).toEqual(COVER);
  });

  it('carries the fonts it is given: stored as they are, listed as WOFF2, each declared by an @font-face', () => {
    const fonts: BookFont[] = [
      { href: 'body.woff2', family: 'Literata', style: 'normal', weight: '200 900', bytes: new Uint8Array([1, 2, 3]) },
      { href: 'body-italic.woff2', family: 'Literata', style: 'italic', weight: '200 900', bytes: new Uint8Array([4]) },
    ];
    const bytes = epubOf(parseFixture(), { cover: COVER, date: DATE, fonts });
    const opened = openBook(bytes);
    const opf = opened.text(opened.packagePath);
    const css = opened.text('OEBPS/style.css');
    for (const font of fonts) {
      expect(opened.files.get(`OEBPS/${font.href}`)).toEqual(font.bytes);
      expect(opf).toContain(`href="${font.href}" media-type="font/woff2"/>`);
      const face = new RegExp(
        `@font-face \\{[^}]*font-family: "${font.family}";\\s*font-style: ${font.style};[^}]*src: url\\(${font.href}\\) format\\("woff2"\\);`,
      );
      expect(css).toMatch(face);
    }
    expect(css).toMatch(/body \{\s*font-family: "Literata", serif;/);
    // Already compressed: stored, so a reading system reads it without inflating it.
    const name = new TextEncoder().encode('OEBPS/body.woff2');
    const at = bytes.findIndex((_, i) => name.every((b, j) => bytes[i + j] === b));
    const header = new DataView(bytes.buffer, bytes.byteOffset + at - 30);
    expect(header.getUint32(0, true)).toBe(0x04034b50);
    expect(header.getUint16(8, true)).toBe(0);
  });

  it('declares no face it does not carry', () => {
    const opened = book(parseFixture());
    expect(opened.text('OEBPS/style.css')).not.toContain('@font-face');
    expect(opened.text(opened.packagePath)).not.toContain('font/woff2');
  });

  it('gives the same bytes for the same story and date', () => {
    const story = parseFixture();
    expect(epubOf(story, { cover: COVER, date: DATE })).toEqual(epubOf(story, { cover: COVER, date: DATE }));
  });
});

describe('the package document', () => {
  it('describes the book from the story, escaped', () => {
    const opened = book({ ...parseFixture(), title: 'Tom & "Jerry" <3' });
    const opf = opened.text(opened.packagePath);
    expect(opf).toContain('<dc:title>Tom &amp; &quot;Jerry&quot; &lt;3</dc:title>');
    expect(opf).toContain('<dc:language>en</dc:language>');
    expect(opf).toContain('<meta property="dcterms:modified">2026-11-25T12:00:00Z</meta>');
    expect(opf).toMatch(/<dc:identifier id="book-id">urn:uuid:[0-9a-f-]{36}<\/dc:identifier>/);
    expect(opf).toContain('<item id="cover-image" href="cover.png" media-type="image/png" properties="cover-image"/>');
    expect(opf).toMatch(/<item id="nav" href="nav.xhtml" media-type="application\/xhtml\+xml" properties="nav"\/>/);
  });

  it('names the author as the creator, and names none for a story that does not say', () => {
    const signed = book({ ...parseFixture(), author: 'Anne & Co' });
    expect(signed.text(signed.packagePath)).toContain('<dc:creator>Anne &amp; Co</dc:creator>');
    const unsigned = book(parseFixture());
    expect(unsigned.text(unsigned.packagePath)).not.toContain('dc:creator');
  });

  it('declares how the book can be read, for readers who rely on accessibility metadata', () => {
    const opened = book(parseFixture());
    const opf = opened.text(opened.packagePath);
    const metadata = [...opf.matchAll(/<meta property="schema:(\w+)">([^<]*)<\/meta>/g)].map((m) => [m[1], m[2]]);
    expect(metadata).toEqual([
      ['accessMode', 'textual'],
      ['accessMode', 'visual'],
      ['accessModeSufficient', 'textual'],
      ['accessibilityFeature', 'structuralNavigation'],
      ['accessibilityFeature', 'tableOfContents'],
      ['accessibilityFeature', 'readingOrder'],
      ['accessibilityFeature', 'alternativeText'],
      ['accessibilityHazard', 'none'],
      [
        'accessibilitySummary',
        'The whole story as text, with every change of its light described in words where it happens. The one image, the cover, has a text alternative.',
      ],
    ]);
    expect(opf).toContain('<meta name="cover" content="cover-image"/>');
  });

  it('claims EPUB Accessibility 1.1 at WCAG 2.2 AA, and says who stands behind the claim', () => {
    const signed = book({ ...parseFixture(), author: 'Anne & Co' });
    const opf = signed.text(signed.packagePath);
    expect(opf).toContain('<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>');
    expect(opf).toContain('<meta property="a11y:certifiedBy">Anne &amp; Co</meta>');
    const unsigned = book(parseFixture());
    expect(unsigned.text(unsigned.packagePath)).toContain(`<meta property="a11y:certifiedBy">Test “Story”</meta>`);
  });

  it('lists every file but itself in the manifest, and reads cover, title, contents, then each scene', () => {
    const opened = book(parseFixture());
    const opf = opened.text(opened.packagePath);
    const manifest = [...opf.matchAll(/ href="([^"]+)"/g)].map((m) => `OEBPS/${m[1]}`).sort();
    const packaged = [...opened.files.keys()].filter((p) => p.startsWith('OEBPS/') && p !== opened.packagePath);
    expect(manifest).toEqual(packaged.sort());
    expect(opened.spine).toEqual([
      'OEBPS/cover.xhtml',
      'OEBPS/title.xhtml',
      'OEBPS/nav.xhtml',
      'OEBPS/scene-first.xhtml',
      'OEBPS/scene-second.xhtml',
      'OEBPS/scene-fin.xhtml',
    ]);
  });
});

describe('the content documents', () => {
  it('carry the story language and a title each', () => {
    const opened = book(parseFixture());
    for (const path of opened.spine) {
      expect(opened.text(path)).toMatch(/<html [^>]*lang="en" xml:lang="en"/);
      expect(opened.text(path)).toMatch(/<title>[^<]+<\/title>/);
    }
  });

  it('hold every paragraph of the story, in order, word for word', () => {
    const story = parseFixture('night');
    const paragraphs = story.scenes.flatMap((s) => s.beats.flatMap((b) => b.paragraphs.map((p) => p.text)));
    expect(paragraphs).toHaveLength(32);
    expect(firstMissingInOrder(bookBlocks(book(story)), paragraphs)).toBeUndefined();
    expect(firstMissingInOrder(bookBlocks(book(story)), [...paragraphs].reverse())).toBe(paragraphs.at(-2));
  });

  it('set the scenes as /read does: headings, light notes and paragraphs in the same places', () => {
    const story = parseFixture('night');
    const read = renderToStaticMarkup(createElement(ReadingEdition, { story }));
    const article = read.slice(read.indexOf('<article'));
    const opened = book(story);
    const scenes = opened.spine.filter((p) => p.includes('/scene-'));
    expect(scenes.flatMap((p) => blocksOf(opened.text(p)))).toEqual(blocksOf(article));
  });

  it('tell the scene light right after the heading, and a change of light right before its beat', () => {
    const opened = book(parseFixture());
    const first = blocksOf(opened.text('OEBPS/scene-first.xhtml'));
    expect(first).toEqual([
      'The first',
      'The light: Cold.',
      'A cold room, late at night.',
      '“Is anyone there?” she asks.',
      'The light: The message glows.',
      '“It’s me. Call me back.”',
    ]);
    expect(opened.text('OEBPS/scene-first.xhtml')).toContain(
      '<p class="light"><span class="light__label">The light: </span>The message glows.</p>\n<blockquote class="voicemail"><p>',
    );
  });

  it('give the coda no heading, as on the site', () => {
    const fin = book(parseFixture()).text('OEBPS/scene-fin.xhtml');
    expect(fin).not.toMatch(/<h\d/);
    expect(fin).toContain('<p class="fin">\u2013Fin\u2013</p>');
  });

  it('open with a title page holding the author’s note', () => {
    expect(blocksOf(book(parseFixture()).text('OEBPS/title.xhtml'))).toEqual([
      'A short story',
      'Test “Story”',
      'Author’s note',
      'First note paragraph.',
      'Second note paragraph.',
    ]);
  });

  it('keep the emphasis and escape the text', () => {
    const story = withSpans(parseFixture(), [{ text: 'Tom & <Jerry> ' }, { text: 'said "no"', em: true }]);
    const first = book(story).text('OEBPS/scene-first.xhtml');
    expect(first).toContain('<p>Tom &amp; &lt;Jerry&gt; <em>said &quot;no&quot;</em></p>');
    expect(first).not.toContain('<Jerry>');
  });

  it('list the contents as /read does, and the landmarks', () => {
    const story = parseFixture('night');
    const nav = book(story).text('OEBPS/nav.xhtml');
    const toc = nav.slice(0, nav.indexOf('</nav>'));
    expect([...toc.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['title.xhtml#note', 'Author’s note'],
      ...story.scenes.filter((s) => s.kind === 'story').map((s) => [`scene-${s.id}.xhtml`, s.name]),
    ]);
    expect(nav).toContain(
      '<nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-heading">\n<h2 id="toc-heading"',
    );
    expect(toc).toContain('>Contents</h2>\n<ol>');
    const landmarks = nav.slice(nav.indexOf('<nav epub:type="landmarks" id="landmarks" hidden="hidden">'));
    expect(landmarks).toContain('<h2>Landmarks</h2>\n<ol>');
    expect(
      [...landmarks.matchAll(/<li><a epub:type="(\w+)" href="([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => m.slice(1)),
    ).toEqual([
      ['cover', 'cover.xhtml', 'Cover'],
      ['titlepage', 'title.xhtml', 'Title page'],
      ['toc', 'nav.xhtml', 'Contents'],
      ['bodymatter', 'scene-cold.xhtml', 'Start of the story'],
    ]);
    expect(nav).toMatch(/<\/ol>\n<\/nav>\n<nav epub:type="landmarks"[^]*<\/ol>\n<\/nav>/);
  });

  it('give a story with no chapter no landmark for its start', () => {
    const codaOnly = parseStory(FRONT + scene(':: beat\n-Fin-', 'id=fin name="Fin" mood=settle kind=coda'));
    const nav = book(codaOnly).text('OEBPS/nav.xhtml');
    expect(nav).toContain('epub:type="toc" href="nav.xhtml"');
    expect(nav).not.toContain('bodymatter');
  });

  it('give every structural type that has a DPUB-ARIA role that role too', () => {
    const opened = book(parseFixture('night'));
    // The landmarks' links name where they go, not what they are: no role there.
    const typed = opened.spine
      .flatMap((p) => [...opened.text(p).matchAll(/<(\w+) [^>]*epub:type="(\w+)"[^>]*>/g)])
      .filter((m) => m[1] !== 'a');
    const roles = Object.fromEntries(typed.map((m) => [m[2], /role="([\w-]+)"/.exec(m[0])?.[1] ?? null]));
    expect(roles).toEqual({
      cover: null,
      titlepage: null,
      preface: 'doc-preface',
      toc: 'doc-toc',
      landmarks: null,
      chapter: 'doc-chapter',
    });
    // Every chapter, not only the first.
    const chapters = typed.filter((m) => m[2] === 'chapter');
    expect(chapters.length).toBeGreaterThan(1);
    for (const m of chapters) expect(m[0]).toContain('role="doc-chapter"');
  });

  it('show the cover image, described', () => {
    const cover = book(parseFixture()).text('OEBPS/cover.xhtml');
    expect(cover).toContain('<img src="cover.png" alt="Test “Story”: dawn light filling a room"/>');
  });
});
