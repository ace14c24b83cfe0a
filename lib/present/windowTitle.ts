/**
 * The document title of each window of the presentation, so a window switcher, a tab and
 * a screen reader's window list tell them apart: the audience's screen, the presenter's
 * notes and the handouts. The same pattern as every page of the site (`%s · title`, in
 * app/layout.tsx): what the window is first, then the story's title, from the content.
 */

export type PresentationWindow = 'audience' | 'presenter' | 'handouts';

const NAMES: Record<PresentationWindow, string> = {
  // The page's static title (app/(stage)/present/page.tsx), so it holds before any script runs.
  audience: 'Presentation',
  presenter: 'Presenter notes',
  handouts: 'Handouts',
};

export function windowTitle(window: PresentationWindow, storyTitle: string): string {
  return `${NAMES[window]} · ${storyTitle}`;
}
