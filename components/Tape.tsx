import type { Paragraph } from '@/scenes/types';
import styles from './Tape.module.css';

interface Props {
  paragraph: Paragraph;
  /** The scroll page's column (`page`) or a presentation step's large type (`step`). */
  size?: 'page' | 'step';
  /** Whether this copy carries the `data-paragraph` mark (once per page for each paragraph). */
  mark?: boolean;
}

/**
 * The voicemail as a tape. The sentence is set once, as one run of text in the soft ink:
 * that is what a screen reader reads as one phrase, what touch exploration finds and what
 * a selection copies. Over it lies a copy split into words, each of which lights up in
 * the full ink as the tape plays; the copy is decoration only, hidden from assistive
 * technology and from selection, and laid out exactly over the text it covers.
 */
export function Tape({ paragraph, size = 'page', mark = true }: Props) {
  const words = paragraph.text.split(/(?<=\s)/);
  return (
    <figure className={styles.tape} aria-label="Voicemail" data-size={size} data-anim="tape">
      <div className={styles.reels} aria-hidden="true">
        <span className={styles.reel} data-anim="reel" />
        <span className={styles.reel} data-anim="reel" />
      </div>
      <p className={styles.text}>
        <span className={styles.words} data-paragraph={mark ? 'voicemail' : undefined}>
          {paragraph.text}
        </span>
        <span className={styles.lit} aria-hidden="true">
          {words.map((word, i) => (
            <span key={i} className={styles.word} data-anim="tape-word">
              {word}
            </span>
          ))}
        </span>
      </p>
    </figure>
  );
}
