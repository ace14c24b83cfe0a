import type { Metadata } from 'next';
import { ReadingEdition } from '@/components/ReadingEdition';
import { epubFileName } from '@/lib/epub/name';
import { loadStory } from '@/scenes/story';
import styles from './page.module.css';

const story = loadStory();

export const metadata: Metadata = {
  title: 'Read as text',
  description: `${story.description} The complete text, ${story.minutes} minutes to read.`,
  alternates: { canonical: '/read' },
};

export default function ReadPage() {
  return (
    <div>
      <a href="#story" className="skip-link">
        Skip to the story
      </a>
      <main>
        <ReadingEdition story={story} />
      </main>
      <footer className={styles.footer}>
        {/* Plain links: this page ships without the framework (scripts/strip-runtime.mjs), so a
            link here is an ordinary page load, and the page it opens brings its own. */}
        <nav aria-label="Other ways in">
          <a href="/">The story in light</a>
          <a href="/present">Presentation mode</a>
          {/* A file, not a page: a plain link, which the browser downloads (built by app/[edition]/route.ts):
              an EPUB is not a page it can show. No `download` attribute: Chromium fetches such a link past
              the service worker, so offline it would fail, where the ebook is precached (scripts/service-worker.mjs).
              The format in small capitals, not written in capitals, which some voices spell letter by letter. */}
          <a href={`/${epubFileName(story.title)}`}>
            Download the ebook <span className={styles.format}>(epub)</span>
          </a>
        </nav>
      </footer>
    </div>
  );
}
