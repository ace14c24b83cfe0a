import type { MetadataRoute } from 'next';
import { THEME_COLOR } from '@/lib/site';
import { loadStory } from '@/scenes/story';

export const dynamic = 'force-static';

/** The web app manifest, so that the story can be put on a home screen (it opens offline: see sw.js). */
export default function manifest(): MetadataRoute.Manifest {
  const story = loadStory();
  return {
    name: story.title,
    short_name: story.title,
    description: story.description,
    lang: story.lang,
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: THEME_COLOR,
    theme_color: THEME_COLOR,
    icons: [
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
