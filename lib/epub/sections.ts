import type { Scene, Story } from '@/scenes/types';
import { COVER_IMAGE, sceneXmlId } from './paths';
import { semantics } from './semantics';
import { escapeXml } from './xml';
import { lightXhtml, paragraphXhtml, xhtmlDocument } from './xhtml';

/** The cover (the social card) described, for readers who cannot see it. */
export const coverAlt = (story: Story) => `${story.title}: dawn light filling a room`;

export function coverPage(story: Story): string {
  return xhtmlDocument({
    lang: story.lang,
    title: story.title,
    bodyClass: 'cover',
    body: `<section ${semantics('cover')}><img src="${COVER_IMAGE}" alt="${escapeXml(coverAlt(story))}"/></section>`,
  });
}

/** The title page: what /read opens with, the title and the author's note (the story's first "scene"). */
export function titlePage(story: Story): string {
  const note = story.scenes[0];
  const paragraphs = note.beats.flatMap((b) => b.paragraphs).map((p) => paragraphXhtml(p));
  return xhtmlDocument({
    lang: story.lang,
    title: story.title,
    body: [
      `<section class="title-page" ${semantics('titlepage')}>`,
      '<p class="kicker">A short story</p>',
      `<h1>${escapeXml(story.title)}</h1>`,
      '</section>',
      `<section id="note" class="note" ${semantics('preface')} aria-labelledby="note-heading">`,
      `<h2 id="note-heading" class="label">${escapeXml(note.name)}</h2>`,
      ...paragraphs,
      '</section>',
    ].join('\n'),
  });
}

/**
 * One scene, in /read's running order (components/ReadingEdition.tsx): its heading, the
 * light as it opens, then each beat, a beat that changes the light telling it first. The
 * coda has no heading: its one line is its own title, as on the site.
 */
export function sceneDocument(story: Story, scene: Scene): string {
  const coda = scene.kind === 'coda';
  const blocks = [
    coda ? '' : `<h2 id="${sceneXmlId(scene)}-heading">${escapeXml(scene.name)}</h2>`,
    lightXhtml(scene.light),
    ...scene.beats.flatMap((beat) => [
      beat.light ? lightXhtml(beat.light) : '',
      ...beat.paragraphs.map((p) => paragraphXhtml(p, coda ? 'fin' : undefined)),
    ]),
  ].filter(Boolean);
  const section = coda
    ? `<section id="${sceneXmlId(scene)}" class="coda">`
    : `<section id="${sceneXmlId(scene)}" ${semantics('chapter')} aria-labelledby="${sceneXmlId(scene)}-heading">`;
  return xhtmlDocument({
    lang: story.lang,
    title: scene.name,
    body: [section, ...blocks, '</section>'].join('\n'),
  });
}
