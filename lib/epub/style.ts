import { fontFaces, type BookFont } from './fonts';

/**
 * The book's style: the printed /read, made modest. Reading systems let the reader choose
 * the face, the size, the margins and the colours, so this sets only what carries meaning
 * (the quiet light notes, the voicemail as a quotation, the centred coda) and the book's
 * own typography, and leaves the rest to them: no colours on the text or the page, sizes in
 * em. The site's faces where the book carries them (lib/epub/fonts.ts), a serif where not.
 * Paragraphs as in the printed edition: justified and hyphenated in the book's language
 * (lang on each document), no space between them and the first line indented, except the
 * first after a heading or an aside, and around the voicemail, a quotation set apart.
 */
export const styleOf = (fonts: readonly Omit<BookFont, 'bytes'>[] = []) => `@charset "UTF-8";

${fontFaces(fonts)}

body {
  font-family: "Literata", serif;
  line-height: 1.5;
}
h1,
h2,
.kicker,
.label,
.light__label,
.fin {
  font-family: "Fraunces", serif;
}
h1,
h2 {
  font-weight: normal;
  line-height: 1.25;
  page-break-after: avoid;
  break-after: avoid;
  hyphens: none;
  -epub-hyphens: none;
}
h1 {
  font-size: 2.2em;
  margin: 0 0 2em;
  text-align: center;
}
h2 {
  font-size: 1.35em;
  margin: 2em 0 0.6em;
}
p {
  margin: 0;
  text-indent: 0;
  text-align: justify;
  hyphens: auto;
  -epub-hyphens: auto;
  widows: 2;
  orphans: 2;
}
p + p {
  text-indent: 1.5em;
}
blockquote + p,
p + blockquote {
  margin-top: 0.8em;
}
.light + p,
blockquote + p {
  text-indent: 0;
}

/* What is not running text: set ragged, unbroken and unindented. */
.title-page p,
.note p,
.light,
.voicemail p,
.fin,
nav p {
  text-indent: 0;
  text-align: left;
  hyphens: manual;
  -epub-hyphens: manual;
}
/* The author's note is a letter, not a chapter: its paragraphs are spaced. */
.note p + p {
  margin-top: 0.8em;
}

.title-page {
  margin-top: 20%;
  text-align: center;
}
.title-page p {
  text-align: center;
}
.kicker,
.label,
.light__label {
  font-variant: small-caps;
  letter-spacing: 0.08em;
}
.kicker {
  margin-bottom: 0.5em;
}
.label {
  font-size: 1em;
  margin: 0 0 0.6em;
}
.note {
  font-style: italic;
}
.note .label {
  font-style: normal;
}

/* The light: an aside, smaller and set apart, so the story reads on without it. */
.light {
  font-size: 0.85em;
  font-style: italic;
  opacity: 0.75;
  margin: 1.2em 0;
  padding-left: 0.8em;
  border-left: 1px solid;
}
.light__label {
  font-style: normal;
}

/* The voicemail: a recording, quoted. */
.voicemail {
  margin: 0.8em 0 0;
  padding-left: 1em;
  border-left: 2px solid;
  font-style: italic;
}

.coda {
  margin-top: 30%;
}
p.fin {
  text-align: center;
  letter-spacing: 0.3em;
}

nav ol {
  list-style: none;
  padding: 0;
}
nav li {
  margin: 0.3em 0;
}

.cover {
  margin: 0;
  padding: 0;
  text-align: center;
}
.cover img {
  max-width: 100%;
  max-height: 100%;
}
`;
