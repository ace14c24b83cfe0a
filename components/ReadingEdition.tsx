import type { Story } from '@/scenes/types';
import { LightNote, peakPlace, StoryParagraph } from './StoryParagraph';
import styles from './ReadingEdition.module.css';

const formatWords = (n: number) => new Intl.NumberFormat('en').format(n);

/**
 * The whole story as plain semantic HTML: the edition for screen readers, search
 * engines, browsers without JavaScript and anyone who would rather just read.
 */
export function ReadingEdition({ story }: { story: Story }) {
  const [note, ...scenes] = story.scenes;
  const chapters = scenes.filter((s) => s.kind === 'story');
  return (
    <div className={styles.edition}>
      <header className={styles.header}>
        <p className={styles.label}>A short story</p>
        <h1 className={styles.title}>{story.title}</h1>
        <p className={`${styles.label} ${styles.meta}`}>
          {story.minutes}-minute read · {formatWords(story.words)} words
        </p>
      </header>

      <section className={styles.note} aria-labelledby="note-heading" id={note.id}>
        <h2 id="note-heading" className={styles.label}>
          {note.name}
        </h2>
        {note.beats
          .flatMap((b) => b.paragraphs)
          .map((p, i) => (
            <StoryParagraph key={i} paragraph={p} />
          ))}
      </section>

      <nav className={styles.toc} aria-labelledby="toc-heading">
        <h2 id="toc-heading" className={styles.label}>
          Contents
        </h2>
        <ol>
          {chapters.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.name}</a>
            </li>
          ))}
        </ol>
      </nav>

      <hr className={styles.rule} />

      <article id="story" className={styles.story} tabIndex={-1} aria-label={story.title}>
        {scenes.map((scene) => (
          <section
            key={scene.id}
            id={scene.id}
            aria-labelledby={scene.kind === 'coda' ? undefined : `${scene.id}-heading`}
            className={styles.scene}
            data-kind={scene.kind}
          >
            {/* The closing card's one line is its own title: a heading would say "Fin" twice. */}
            {scene.kind !== 'coda' && (
              <h2 id={`${scene.id}-heading`} className={styles.sceneTitle}>
                {scene.name}
              </h2>
            )}
            <LightNote light={scene.light} />
            {scene.beats.flatMap((b) => [
              b.light && <LightNote key={`${b.id}-light`} light={b.light} />,
              ...b.paragraphs.map((p, i) => (
                <StoryParagraph
                  key={`${b.id}-${i}`}
                  paragraph={p}
                  coda={scene.kind === 'coda'}
                  peak={peakPlace(b.hold, i, b.paragraphs.length)}
                />
              )),
            ])}
          </section>
        ))}
      </article>
    </div>
  );
}
