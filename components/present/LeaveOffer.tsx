'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import button from '../ui/Button.module.css';
import panel from '../ui/Panel.module.css';
import styles from './LeaveOffer.module.css';

interface Props {
  open: boolean;
  /** The scroll page's place for the step on screen ('' for the top). */
  anchor: string;
  onStay: () => void;
  /** Where focus goes back to when the offer goes while it held focus. */
  fallback: () => HTMLElement | null;
}

/**
 * What Escape offers when nothing is open: ways out of the presentation, and Stay. Not a
 * modal and never a navigation by itself: the presentation goes on behind it, any key
 * that moves the story puts it away, and only a chosen link leaves. Focus moves to it so
 * a keyboard or screen reader user hears it and can Tab to its links.
 */
export function LeaveOffer({ open, anchor, onStay, fallback }: Props) {
  const root = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!open) return;
    const el = root.current;
    el?.focus();
    return () => {
      // Gone while it held focus (Escape, Stay, a key that turned the page), focus goes back to the story;
      // by now its element is gone, and focus with it, to the body.
      if (el?.contains(document.activeElement) || document.activeElement === document.body) fallback()?.focus();
    };
  }, [open, fallback]);

  if (!open) return null;
  return (
    <section
      ref={root}
      className={`${panel.panel} ${styles.offer}`}
      aria-labelledby="leave-title"
      tabIndex={-1}
      data-testid="leave-offer"
    >
      <h2 id="leave-title" className={styles.title}>
        Leave the presentation?
      </h2>
      <p className={styles.ways}>
        <Link href={anchor ? `/#${anchor}` : '/'} className={button.button}>
          The story in light<span className="sr-only">, at this step</span>
        </Link>
        <a href="/read" className={button.button}>
          The text edition
        </a>
        <button type="button" className={button.button} onClick={onStay}>
          Stay
        </button>
      </p>
      <p className={styles.hint}>Esc again, or any key that turns the page, to stay.</p>
    </section>
  );
}
