'use client';

import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { useScrollPosition } from '@/lib/drivers/useScrollPosition';
import { decodeFragment, positionOfFragment } from '@/lib/story/link';
import { beatIndex, START, type Position } from '@/lib/story/position';
import { afterPaint } from '@/lib/idle';
import { useReadingColumn, useStage } from './Stage';
import type ScrollNoticesType from './ScrollNotices';
import { StoryChrome } from './StoryChrome';
import styles from './ScrollExperience.module.css';

/**
 * The scroll page's behaviour around the server-rendered story: the scroll driver, deep
 * links, the chrome, and, once the text has painted, the notices ("continue where you left
 * off") and the text's motion.
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
  // The notices (an unknown link, the offer to continue) load once the text has painted.
  const [Notices, setNotices] = useState<ComponentType<Parameters<typeof ScrollNoticesType>[0]> | null>(null);
  useEffect(
    () =>
      afterPaint(() => {
        void import('./ScrollNotices').then(({ default: loaded }) => setNotices(() => loaded));
      }),
    [],
  );
  // Read before anything reacts to the link: an unknown link is removed from the address.
  const [linked] = useState(() => typeof location !== 'undefined' && decodeFragment(location.hash) !== '');
  const dismissResume = useRef<() => void>(() => {});
  const registerDismiss = useCallback((dismiss: () => void) => {
    dismissResume.current = dismiss;
  }, []);

  // GSAP and the text's motion arrive after the text has painted, after the light (whose idle
  // callback is asked for first, with the same timeout): reading never waits for motion. With
  // reduced motion they never do, and turning it on puts the text at rest.
  useEffect(() => {
    if (motion !== 'full') return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    const cancel = afterPaint(() => {
      void import('@/lib/anim/scrollAnimations').then(({ startStoryMotion }) => {
        if (!cancelled && main.current) stop = startStoryMotion(main.current, driver, arc, store);
      });
    });
    return () => {
      cancelled = true;
      cancel();
      stop?.();
    };
  }, [motion, driver, arc, store]);

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

  const jump = useCallback(
    (scene: number) => {
      dismissResume.current();
      history.pushState(null, '', scene === 0 ? location.pathname : `#${arc.sceneIds[scene]}`);
      const place = { scene, beat: 0, progress: 0 };
      driver.scrollTo(place, motion === 'full');
      focusPlace(place);
    },
    [arc, driver, motion, focusPlace],
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
      {/* First in the tab order, past the bar to the title. Without script, the title card's link. */}
      <a
        href={`#${arc.sceneIds[0]}`}
        className="skip-link"
        onClick={(e) => {
          e.preventDefault();
          driver.scrollTo(START);
          focusPlace(START);
        }}
      >
        Skip to the story
      </a>
      <StoryChrome onJump={jump} />
      {/* A live region with no role: empty, it is nothing a screen reader walks into; what it holds
          says what it is (ScrollNotices: a status). */}
      <div className={styles.toasts} aria-live="polite" aria-atomic="true" data-toasts="">
        {Notices && (
          <Notices
            notice={notice}
            onNoticeRead={() => setNotice(null)}
            onContinue={(place) => {
              driver.scrollTo(place, motion === 'full');
              focusPlace(place);
            }}
            registerDismiss={registerDismiss}
            linked={linked}
          />
        )}
      </div>
      <main ref={column} id="story" className={styles.story} dangerouslySetInnerHTML={{ __html: storyHtml }} />
    </>
  );
}
