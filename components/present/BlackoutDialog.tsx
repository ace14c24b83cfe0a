'use client';

import { useRef } from 'react';
import { useModalDialog } from '@/lib/drivers/useModalDialog';
import styles from './BlackoutDialog.module.css';

interface Props {
  open: boolean;
  onClose: () => void;
  fallback: () => HTMLElement | null;
}

/**
 * The black screen (B or the full stop, as on a clicker). A modal, so nothing behind it
 * can be reached while the room sees nothing; its one control stays out of sight until
 * it has keyboard focus, so the screen is truly black.
 */
export function BlackoutDialog({ open, onClose, fallback }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useModalDialog(dialog, open, onClose, fallback);

  return (
    <dialog
      ref={dialog}
      className={styles.blackout}
      aria-label="The screen is blacked out"
      tabIndex={-1}
      data-testid="blackout"
      onClick={(event) => {
        // A click or tap anywhere on the black brings the story back.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {open && (
        <button type="button" className={styles.back} onClick={onClose}>
          Back to the story <span aria-hidden="true">(B)</span>
        </button>
      )}
    </dialog>
  );
}
