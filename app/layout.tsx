import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { loadStory } from '@/scenes/story';
import { SITE_URL, THEME_COLOR } from '@/lib/site';
import { fraunces, literata } from './fonts';
import './globals.css';

const story = loadStory();

export const metadata: Metadata = {
  metadataBase: new URL(SITE_URL),
  title: { default: story.title, template: `%s · ${story.title}` },
  description: story.description,
  applicationName: story.title,
  openGraph: {
    type: 'article',
    title: story.title,
    description: story.description,
    siteName: story.title,
    images: [{ url: '/og.png', width: 1200, height: 630, alt: `${story.title}: dawn light filling a room` }],
  },
  twitter: { card: 'summary_large_image', title: story.title, description: story.description, images: ['/og.png'] },
  icons: { icon: '/favicon.svg' },
};

export const viewport: Viewport = {
  colorScheme: 'dark light',
  themeColor: THEME_COLOR,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={story.lang} className={`${literata.variable} ${fraunces.variable}`}>
      <body>
        {children}
        {/* The offline service worker exists only in the built export (scripts/service-worker.mjs);
            `next dev` must not register one, whose cache would then serve stale code. */}
        {process.env.NODE_ENV === 'production' && <script src="/register-sw.js" defer />}
      </body>
    </html>
  );
}
