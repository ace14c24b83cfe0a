import type { Paragraph } from '@/scenes/types';
import { Spans } from './Spans';
import styles from './StoryParagraph.module.css';

/** A paragraph of the story as plain text on a page, in /read's style (and the handouts'). */
export function StoryParagraph({ paragraph, coda = false }: { paragraph: Paragraph; coda?: boolean }) {
  // The coda's one line is a closing card, set apart from the prose.
  const body = (
    <p data-paragraph={coda ? 'coda' : paragraph.kind} className={styles.para}>
      <Spans spans={paragraph.spans} />
    </p>
  );
  // A recording is a quotation of another time and place; mark it as one.
  return !coda && paragraph.kind === 'voicemail' ? <blockquote className={styles.voicemail}>{body}</blockquote> : body;
}

/** The light, in a quiet aside, where it is set or changes: at a scene's start, and at the beat that changes it. */
export function LightNote({ light }: { light: string }) {
  return (
    <p className={styles.note} data-light-note="">
      <span className={styles.noteLabel}>The light: </span>
      {light}
    </p>
  );
}
