import type { Paragraph } from '@/scenes/types';
import { Spans } from './Spans';
import styles from './StoryParagraph.module.css';

/** A paragraph of the story as plain text on a page, in /read's style (and the handouts'). */
/**
 * Where a paragraph stands in a peak (`:: beat hold`): the peak's first and last paragraphs take
 * the space around it (a peak of one paragraph is both).
 */
export type PeakPlace = 'first' | 'last' | 'first last' | 'inside';

/** The place of paragraph `i` of `count` in a peak, or nothing outside one. */
export function peakPlace(hold: boolean | undefined, i: number, count: number): PeakPlace | undefined {
  if (!hold) return undefined;
  const place = [i === 0 && 'first', i === count - 1 && 'last'].filter(Boolean).join(' ');
  return (place || 'inside') as PeakPlace;
}

export function StoryParagraph({
  paragraph,
  coda = false,
  peak,
}: {
  paragraph: Paragraph;
  coda?: boolean;
  peak?: PeakPlace;
}) {
  // The coda's one line is a closing card, set apart from the prose.
  const body = (
    <p data-paragraph={coda ? 'coda' : paragraph.kind} data-hold={peak} className={styles.para}>
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
