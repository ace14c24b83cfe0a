'use client';

import { formatDuration, runMs } from '@/lib/present/autoplay';
import { KEY_TABLE } from '@/lib/present/keys';
import type { Step } from '@/lib/present/steps';
import { useStage } from '../Stage';
import { PanelDialog } from './PanelDialog';
import button from '../ui/Button.module.css';
import styles from './HelpDialog.module.css';

interface Props {
  open: boolean;
  wpm: number;
  steps: Step[];
  /** The single-character shortcuts act (lib/present/keys, KeyOptions). */
  shortcuts: boolean;
  onShortcuts: (on: boolean) => void;
  onClose: () => void;
  fallback: () => HTMLElement | null;
}

/** The single-character keys and the others, as the help names them, from the one key table. */
const shownKeys = (character: boolean) => [
  ...new Set(KEY_TABLE.filter((row) => row.character === character).flatMap((row) => row.shown)),
];
// Enter ends a typed number, but is no shortcut of its own.
const CHARACTER_KEYS = shownKeys(true).filter((key) => key !== 'Enter');
const OTHER_KEYS = shownKeys(false);

/**
 * Every key of the presentation, with the switch for its single-character shortcuts,
 * touch, the autoplay pace and the motion switch (the same one as on the scroll page).
 * The table comes from the key map itself (lib/present/keys, KEY_TABLE).
 */
export function HelpDialog({ open, wpm, steps, shortcuts, onShortcuts, onClose, fallback }: Props) {
  const { motion, setMotion } = useStage();
  const run = formatDuration(
    runMs(
      steps.map((s) => s.words),
      wpm,
    ),
  );

  return (
    <PanelDialog
      open={open}
      name="help"
      title="Keys"
      onClose={onClose}
      fallback={fallback}
      initialFocus={(dialog) => dialog.querySelector<HTMLElement>('button')}
    >
      <table className={styles.keys}>
        <caption className="sr-only">Keyboard shortcuts of the presentation</caption>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {KEY_TABLE.map((row) => (
            <tr key={row.does} data-off={row.character && !shortcuts ? '' : undefined}>
              <td>
                {row.shown.map((key, i) => (
                  <span key={key}>
                    {i > 0 && <span className={styles.or}> {row.sequence ? 'then' : 'or'} </span>}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>
                {row.does}
                {row.character && !shortcuts && <span className={styles.or}> (turned off)</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={`${styles.note} ${styles.row}`}>
        <label className={styles.switch}>
          <input
            type="checkbox"
            role="switch"
            checked={shortcuts}
            onChange={(event) => onShortcuts(event.target.checked)}
            aria-describedby="shortcuts-hint"
          />
          Single-key shortcuts
        </label>
        <span id="shortcuts-hint">
          {CHARACTER_KEYS.join(' ')} act with one key press. Turn them off if they get in the way of speech input or
          another tool; {OTHER_KEYS.join(', ')} still work, and the buttons do everything. Remembered on this device.
        </span>
      </p>
      <p className={styles.note}>
        With a screen reader: in its browse (or virtual cursor) mode most letter keys belong to the screen reader, not
        to the presentation. Switch to focus (or forms) mode to use the keys above, or use the buttons below the story:
        Previous, Next, Autoplay, Overview and Help. The step you stop on is read out once, after a short pause.
      </p>
      <p className={styles.note}>
        On a touch screen, swipe left for the next step and right for the previous one, or tap the right or left third
        of the screen. A presentation clicker works as it does with slides.
      </p>
      <p className={`${styles.note} ${styles.row}`}>
        <button
          type="button"
          className={button.button}
          aria-pressed={motion === 'reduce'}
          onClick={() => setMotion(motion === 'reduce' ? 'full' : 'reduce')}
        >
          Reduce motion
        </button>
        <span>Steps appear without transitions and the light stays still.</span>
      </p>
      <p className={`${styles.note} ${styles.row}`}>
        {/* A full load: the presentation reads ?print once, as it opens. */}
        <a href="/present?print" className={button.button}>
          Print handouts
        </a>
        <span>Every step on a page of its own, with its scene and number, to print or save as a PDF.</span>
      </p>
      <p className={styles.note}>
        Autoplay reads at {wpm} words a minute: each step stays as long as it takes to read it aloud, at least a few
        seconds, with a breath before the next. The whole story takes about {run} at this pace.
      </p>
    </PanelDialog>
  );
}
