import type { Beat, Story } from '@/scenes/types';
import { Spans } from './Spans';
import { ClosingCard } from './ClosingCard';
import { Tape } from './Tape';
import styles from './ScrollStory.module.css';

function BeatView({ beat, first }: { beat: Beat; first: boolean }) {
  return (
    <div
      className={styles.beat}
      id={beat.id}
      tabIndex={-1}
      data-beat-index={beat.index}
      data-beat-first={first ? '' : undefined}
      data-kind={beat.kind}
      data-hold={beat.hold ? '' : undefined}
    >
      {/* Told where the light changes, right before the words it lights; sighted readers see it. */}
      {beat.light && <p className="sr-only">The light: {beat.light}</p>}
      <div className={styles.body} data-anim="body">
        {beat.paragraphs.map((p, i) =>
          p.kind === 'voicemail' ? (
            <Tape key={i} paragraph={p} />
          ) : (
            <p key={i} className={styles.para} data-paragraph={p.kind} data-anim="line">
              <Spans spans={p.spans} />
            </p>
          ),
        )}
      </div>
    </div>
  );
}

/**
 * The story as the scroll page shows it: a title card, then one section per scene, one
 * block per beat, and the closing card in the last scene. Rendered on the server, complete and readable without JavaScript;
 * the scroll driver and GSAP only add motion on top.
 */
export function ScrollStory({ story }: { story: Story }) {
  const [note, ...scenes] = story.scenes;
  return (
    <>
      <section className={styles.titleCard} id={note.id} data-scene-index={0} aria-labelledby="story-title">
        <p className={styles.label}>A short story</p>
        <h1 id="story-title" className={styles.title} tabIndex={-1}>
          {story.title}
        </h1>
        {story.author && <p className={styles.author}>by {story.author}</p>}
        <p className={styles.label}>{story.minutes}-minute read</p>
        <p className="sr-only">The light: {note.light}</p>
        <div className={styles.note}>
          <h2 className={styles.label}>{note.name}</h2>
          {note.beats.map((beat, i) => (
            <BeatView key={beat.id} beat={beat} first={i === 0} />
          ))}
        </div>
        <p className={`${styles.label} ${styles.hint}`} aria-hidden="true">
          Scroll
        </p>
      </section>
      {scenes.map((scene, s) => (
        <section
          key={scene.id}
          id={scene.id}
          className={styles.scene}
          data-kind={scene.kind}
          data-scene-index={s + 1}
          aria-labelledby={scene.kind === 'coda' ? undefined : `${scene.id}-title`}
        >
          {/* The closing card's one line is its own title: a heading would say "Fin" twice. */}
          {scene.kind !== 'coda' && (
            <h2 id={`${scene.id}-title`} className={styles.sceneTitle} tabIndex={-1} data-scene-anchor="">
              {scene.name}
            </h2>
          )}
          <p className="sr-only">The light: {scene.light}</p>
          {scene.beats.map((beat, i) => (
            <BeatView key={beat.id} beat={beat} first={i === 0} />
          ))}
          {s === scenes.length - 1 && <ClosingCard story={story} on="scroll" />}
        </section>
      ))}
    </>
  );
}
