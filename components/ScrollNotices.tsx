'use client';

import { useEffect } from 'react';
import { forgetPlace, useResume } from '@/lib/drivers/useResume';
import type { Position } from '@/lib/story/position';
import { useStage } from './Stage';
import button from './ui/Button.module.css';
import panel from './ui/Panel.module.css';
import styles from './ScrollExperience.module.css';

interface Props {
  /** Why a link was not followed, or null. */
  notice: string | null;
  onNoticeRead: () => void;
  /** Takes the reader to the place they left off. */
  onContinue: (place: Position) => void;
  /** Hands over what answers the offer when the reader goes elsewhere by the scene menu. */
  registerDismiss: (dismiss: () => void) => void;
  /** The page opened on a link (a fragment), which chose its place. */
  linked: boolean;
}

/**
 * What the scroll page has to tell the reader, each a status in its live region: that a link pointed
 * nowhere, or the offer to continue where they left off. Loaded once the text has painted
 * (the offer is only known in the browser, from local storage), so none of it is in the
 * page's first script.
 */
export default function ScrollNotices({ notice, onNoticeRead, onContinue, registerDismiss, linked }: Props) {
  const { arc, store } = useStage();
  const resume = useResume(arc, store, linked);
  const { dismiss } = resume;
  useEffect(() => registerDismiss(dismiss), [registerDismiss, dismiss]);

  if (notice)
    return (
      <div className={`${panel.panel} ${styles.toast}`} role="status">
        <p>{notice}</p>
        <button type="button" className={button.button} data-size="small" onClick={onNoticeRead}>
          OK
        </button>
      </div>
    );
  if (!resume.offer) return null;
  const offer = resume.offer;
  return (
    // In the bar, over the place's label: the offer never covers the story (ScrollExperience.module.css).
    <div className={styles.offer} data-testid="resume" data-in-bar="" role="status">
      <p>Continue in “{arc.sceneNames[offer.scene]}”?</p>
      <button
        type="button"
        className={button.button}
        data-size="small"
        onClick={() => {
          onContinue(offer);
          dismiss();
        }}
      >
        Continue
      </button>
      <button
        type="button"
        className={button.button}
        data-size="small"
        onClick={() => {
          forgetPlace();
          dismiss();
        }}
      >
        Start from the beginning
      </button>
    </div>
  );
}
