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
 * One reel's hub: a ring with six teeth, so that a turn can be seen. Its own <svg>, not a
 * group inside the cassette's, so the motion rotates an ordinary box about its centre
 * (GSAP treats a group inside an <svg> by SVG's rules, with another origin).
 */
function Reel({ side }: { side: 'left' | 'right' }) {
  return (
    <svg className={styles.reel} data-side={side} data-anim="reel" viewBox="-6 -6 12 12" focusable="false">
      <circle className={styles.hub} r="4.6" />
      <circle className={styles.spindle} r="2.7" />
      {[0, 60, 120, 180, 240, 300].map((a) => (
        <rect key={a} className={styles.hub} x="-0.55" y="-2.9" width="1.1" height="1.5" transform={`rotate(${a})`} />
      ))}
    </svg>
  );
}

/**
 * The voicemail as a tape: a drawn cassette, whose reels turn and whose tape winds from
 * one reel to the other as the message plays, beside (or, in a narrow column, over) the
 * message itself.
 *
 * The sentence is set once, as one run of text: that is what a screen reader reads as one
 * phrase, what touch exploration finds and what a selection copies. Over it lies a copy
 * split into words, each of which goes from the soft ink to the full ink as the tape plays;
 * the copy is decoration only, hidden from assistive technology and from selection, and laid
 * out exactly over the text it covers. Only the copy paints its glyphs (the run beneath is
 * transparent): two copies stacked would darken every lit word's edges and make it look bolder.
 */
export function Tape({ paragraph, size = 'page', mark = true }: Props) {
  const words = paragraph.text.split(/(?<=\s)/);
  return (
    <figure className={styles.tape} aria-label="Voicemail" data-size={size} data-anim="tape">
      <div className={styles.cassette} aria-hidden="true">
        <svg className={styles.body} viewBox="0 0 100 64" focusable="false">
          <rect className={styles.shell} x="1" y="1" width="98" height="62" rx="4" />
          {[
            [5, 5],
            [95, 5],
            [5, 59],
            [95, 59],
          ].map(([cx, cy]) => (
            <circle key={`${cx}-${cy}`} className={styles.screw} cx={cx} cy={cy} r="1.3" />
          ))}
          <rect className={styles.label} x="8" y="5" width="84" height="39" rx="2" />
          <rect className={styles.stripe} x="8" y="11" width="84" height="2.5" />
          <line className={styles.ruling} x1="13" y1="9.6" x2="62" y2="9.6" />
          {/* A name written on the label in pen: a scribble, not words, so nothing reads it twice. */}
          <path
            className={styles.writing}
            d="M14 9 c1 -2.6 2 -2.6 2.4 0 s1.4 -2.4 2.6 -0.3 s1.2 -2 2.3 -0.2 c0.8 -1.6 1.6 -1.6 2.3 0.1 s1.6 -2.2 2.8 -0.3 m2.4 0.2 c0.9 -2.2 1.8 -2.2 2.4 -0.1 s1.5 -1.8 2.5 -0.1"
          />
          <rect className={styles.window} x="21" y="16" width="58" height="20" rx="10" />
          {/* The tape wound on each reel, at its fullest: it fits the window (CSS scales it as it plays). */}
          <circle className={`${styles.pack} ${styles.supply}`} cx="33" cy="26" r="9.5" />
          <circle className={`${styles.pack} ${styles.takeup}`} cx="67" cy="26" r="9.5" />
          <rect className={styles.frame} x="21" y="16" width="58" height="20" rx="10" />
          <path className={styles.head} d="M21 63 L26 49 H74 L79 63" />
          <line className={styles.tapeRun} x1="23" y1="60" x2="77" y2="60" />
          <circle className={styles.screw} cx="32" cy="56" r="1.6" />
          <circle className={styles.screw} cx="68" cy="56" r="1.6" />
          <rect className={styles.screw} x="46" y="53" width="8" height="4" rx="0.8" />
        </svg>
        <Reel side="left" />
        <Reel side="right" />
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
