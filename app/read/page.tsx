import type { Metadata } from 'next';
import { ReadingEdition } from '@/components/ReadingEdition';
import { loadStory } from '@/scenes/story';

const story = loadStory();

export const metadata: Metadata = {
  title: 'Read as text',
  description: `${story.description} The complete text, ${story.minutes} minutes to read.`,
  alternates: { canonical: '/read' },
};

export default function ReadPage() {
  return (
    <div className="page-read">
      <a href="#story" className="skip-link">
        Skip to the story
      </a>
      <main>
        <ReadingEdition story={story} />
      </main>
      <footer className="edition__footer">
        {/* Plain links: this page ships without the framework (scripts/strip-runtime.mjs), so a
            link here is an ordinary page load, and the page it opens brings its own. */}
        <nav aria-label="Other ways in">
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- on purpose, see above */}
          <a href="/">The story in light</a>
          <a href="/present">Presentation mode</a>
        </nav>
      </footer>
    </div>
  );
}
