import type { Story } from '@/scenes/types';
import { epubFileName } from '@/lib/epub/name';
import { CLOSING_ANCHOR } from '@/lib/present/steps';
import styles from './ClosingCard.module.css';

/** Where the reader may go from the end: the other ways in, the one they are on left out. */
export type Route = 'scroll' | 'present';

interface Props {
  story: Story;
  /** The way in the card closes: its own link is "Read again", back to its beginning. */
  on: Route;
  /** The heading's id, unique on its page. */
  headingId?: string;
}

/**
 * The end of the story: its title, its author and where to go next. The same card closes the
 * scroll page and, as its last step, the presentation. Plain links, because it is part of
 * markup made at build time that no component hydrates (components/staticMarkup.ts), and /read
 * and the ebook are documents of their own, not pages of the app.
 */
export function ClosingCard({ story, on, headingId = 'closing-title' }: Props) {
  return (
    // Named "The end of <title>": the title card is the region named by the title alone.
    <section
      className={styles.card}
      id={on === 'scroll' ? CLOSING_ANCHOR : undefined}
      aria-labelledby={`${headingId}-label ${headingId}`}
    >
      <p className={styles.label} id={`${headingId}-label`}>
        The end of
      </p>
      <h2 id={headingId} className={styles.title}>
        {story.title}
      </h2>
      {story.author && <p className={styles.author}>by {story.author}</p>}
      <nav className={styles.ways} aria-label="After the story">
        <ul>
          <li>
            <a href={on === 'scroll' ? '#note' : '#s-1'} data-read-again="">
              Read again
            </a>
          </li>
          <li>
            <a href="/read">The text edition</a>
          </li>
          <li>
            {/* Downloaded as the file it is; no `download` attribute, which offline would miss the precache (app/read/page.tsx). */}
            <a href={`/${epubFileName(story.title)}`}>
              The ebook <span className={styles.format}>(epub)</span>
            </a>
          </li>
          <li>{on === 'scroll' ? <a href="/present">The presentation</a> : <a href="/">The story in light</a>}</li>
        </ul>
      </nav>
    </section>
  );
}
