'use client';

import { useRef, type ReactNode } from 'react';
import { useModalDialog } from '@/lib/drivers/useModalDialog';
import button from '../ui/Button.module.css';
import panel from '../ui/Panel.module.css';
import styles from './PanelDialog.module.css';

interface Props {
  open: boolean;
  /** Names the id of its title (`<name>-title`). */
  name: string;
  title: string;
  /** A line under the title. */
  hint?: string;
  onClose: () => void;
  fallback: () => HTMLElement | null;
  /** Where focus goes on opening, found in the dialog; the dialog itself when absent. */
  initialFocus?: (dialog: HTMLDialogElement) => HTMLElement | null;
  children: ReactNode;
}

/**
 * A panel of the presentation (the overview, the help): a modal with its title and a
 * Close button, its content rendered only while open. Focus, Escape and the return of
 * focus are useModalDialog's.
 */
export function PanelDialog({ open, name, title, hint, onClose, fallback, initialFocus, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useModalDialog(dialog, open, onClose, fallback, initialFocus && (() => initialFocus(dialog.current!)));

  return (
    <dialog ref={dialog} className={`${panel.panel} ${styles.dialog}`} aria-labelledby={`${name}-title`}>
      {open && (
        <>
          <div className={styles.header}>
            <h2 id={`${name}-title`} className={styles.title}>
              {title}
            </h2>
            {hint && <p className={styles.hint}>{hint}</p>}
            <button type="button" className={`${button.button} ml-auto`} onClick={onClose}>
              Close
            </button>
          </div>
          {children}
        </>
      )}
    </dialog>
  );
}
