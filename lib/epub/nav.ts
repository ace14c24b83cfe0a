import type { Story } from '@/scenes/types';
import { COVER_PAGE, NAV, sceneHref, TITLE_PAGE } from './paths';
import { semantics } from './semantics';
import { escapeXml } from './xml';
import { xhtmlDocument } from './xhtml';

/**
 * The navigation document: the contents, as /read lists them (the author's note, then
 * every scene but the coda), and the landmarks reading systems offer as "go to" places.
 * It is also in the spine, right after the title page, where /read shows its contents.
 */
export function navDocument(story: Story): string {
  const [note, ...scenes] = story.scenes;
  const chapters = scenes.filter((s) => s.kind === 'story');
  const item = (href: string, label: string) => `<li><a href="${escapeXml(href)}">${escapeXml(label)}</a></li>`;
  return xhtmlDocument({
    lang: story.lang,
    title: 'Contents',
    body: [
      `<nav ${semantics('toc')} id="toc" aria-labelledby="toc-heading">`,
      '<h2 id="toc-heading" class="label">Contents</h2>',
      '<ol>',
      item(`${TITLE_PAGE}#note`, note.name),
      ...chapters.map((s) => item(sceneHref(s), s.name)),
      '</ol>',
      '</nav>',
      `<nav ${semantics('landmarks')} id="landmarks" hidden="hidden">`,
      '<h2>Landmarks</h2>',
      '<ol>',
      `<li><a epub:type="cover" href="${COVER_PAGE}">Cover</a></li>`,
      `<li><a epub:type="titlepage" href="${TITLE_PAGE}">Title page</a></li>`,
      `<li><a epub:type="toc" href="${NAV}">Contents</a></li>`,
      ...(chapters.length
        ? [`<li><a epub:type="bodymatter" href="${sceneHref(chapters[0])}">Start of the story</a></li>`]
        : []),
      '</ol>',
      '</nav>',
    ].join('\n'),
  });
}
