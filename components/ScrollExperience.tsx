'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useResume, forgetPlace } from '@/lib/drivers/useResume';
import { useScrollPosition } from '@/lib/drivers/useScrollPosition';
import { decodeFragment, positionOfFragment } from '@/lib/story/link';
import { beatIndex, START, type Position } from '@/lib/story/position';
import { afterPaint } from '@/lib/idle';
import { useReadingColumn, useStage } from './Stage';
import { StoryChrome } from './StoryChrome';
import button from './ui/Button.module.css';
import panel from './ui/Panel.module.css';
import styles from './ScrollExperience.module.css';

const StoryMotion = dynamic(() => import('./StoryMotion'), { ssr: false });

/**
 * The scroll page's behaviour around the server-rendered story: the scroll driver, deep
 * links, "continue where you left off", the chrome, and the GSAP timelines.
 *
 * The story arrives as HTML made at build time (`storyHtml`): hydration adopts those
 * nodes as they are, so only the chrome and the drivers are React's to hydrate. The string
 * never changes, so React never touches the text again.
 */
export function ScrollExperience({ storyHtml }: { storyHtml: string }) {
  const { arc, store, motion } = useStage();
  const main = useRef<HTMLElement>(null);
  const column = useReadingColumn(main);
  const driver = useScrollPosition(main, arc, store);
  const [notice, setNotice] = useState<string | null>(null);
  const resume = useResume(arc, store);

  // GSAP arrives after the text has painted, like the light: reading never waits for motion.
  const [animate, setAnimate] = useState(false);
  useEffect(() => afterPaint(() => setAnimate(true), 1200), []);

  /**
   * Puts focus where the reader has arrived (a scene's heading, or the beat itself), so a
   * screen reader and the Tab key carry on from there, not from the top of the page.
   * The driver has already put the place on the reading line, below the fixed bar.
   */
  const focusPlace = useCallback(
    (place: Position) => {
      const beat = document.getElementById(arc.beats[beatIndex(arc, place)].id);
      const opening = place.beat === 0 && place.progress === 0;
      // The closing card has no heading: its one line is its own title.
      const heading = place.scene === 0 ? 'story-title' : `${arc.sceneIds[place.scene]}-title`;
      const target = (opening && document.getElementById(heading)) || beat;
      target?.focus({ preventScroll: true });
    },
    [arc],
  );

  const { dismiss: dismissResume } = resume;
  const jump = useCallback(
    (scene: number) => {
      dismissResume();
      history.pushState(null, '', scene === 0 ? location.pathname : `#${arc.sceneIds[scene]}`);
      const place = { scene, beat: 0, progress: 0 };
      driver.scrollTo(place, motion === 'full');
      focusPlace(place);
    },
    [arc, driver, motion, focusPlace, dismissResume],
  );

  useEffect(() => {
    const follow = () => {
      const id = decodeFragment(location.hash);
      if (!id) return;
      const target = positionOfFragment(arc, id);
      if (target) {
        driver.scrollTo(target);
        focusPlace(target);
        return;
      }
      // An unknown place: start at the beginning and say why, rather than fail.
      history.replaceState(null, '', location.pathname + location.search);
      driver.scrollTo(START);
      setNotice(`This link points to “${id}”, which is not a place in the story, so it opens at the beginning.`);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [arc, driver, focusPlace]);

  return (
    <>
      <StoryChrome onJump={jump} />
      <div className={styles.toasts} role="status" data-toasts="">
        {notice && (
          <div className={`${panel.panel} ${styles.toast}`}>
            <p>{notice}</p>
            <button type="button" className={button.button} data-size="small" onClick={() => setNotice(null)}>
              OK
            </button>
          </div>
        )}
        {resume.offer && !notice && (
          <div className={`${panel.panel} ${styles.toast}`} data-testid="resume">
            <p>Continue where you left off, in “{arc.sceneNames[resume.offer.scene]}”?</p>
            <button
              type="button"
              className={button.button}
              data-size="small"
              onClick={() => {
                driver.scrollTo(resume.offer!, motion === 'full');
                focusPlace(resume.offer!);
                resume.dismiss();
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
                resume.dismiss();
              }}
            >
              Start from the beginning
            </button>
          </div>
        )}
      </div>
      {animate && motion === 'full' && <StoryMotion root={main} />}
      <main ref={column} id="story" className={styles.story} dangerouslySetInnerHTML={{ __html: storyHtml }} />
    </>
  );
}
