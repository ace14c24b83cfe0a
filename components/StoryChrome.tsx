'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useRecedingBar } from '@/lib/chrome/useRecedingBar';
import { stepOf, toCoord, type Position } from '@/lib/story/position';
import { useStage } from './Stage';
import { ProgressBar } from './ui/ProgressBar';
import button from './ui/Button.module.css';
import panel from './ui/Panel.module.css';
import { place } from './ui/place';
import styles from './StoryChrome.module.css';

interface Props {
  /** Jumps to the start of a scene (the scroll page scrolls there). */
  onJump: (scene: number) => void;
}

/**
 * The slim fixed bar over the story: the way out to the text edition (first in the tab
 * order), progress and the current scene, the scene menu, the motion switch and the way
 * into presentation mode at the current beat. It steps aside while the reader reads down
 * (lib/chrome/recede.ts), and on a phone it is one row: the motion switch moves into the menu.
 */
export function StoryChrome({ onJump }: Props) {
  const { arc, store, motion, setMotion } = useStage();
  const [scene, setScene] = useState(store.get().scene);
  const [open, setOpen] = useState(false);
  const bar = useRef<HTMLDivElement>(null);
  const present = useRef<HTMLAnchorElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const header = useRef<HTMLElement>(null);
  useRecedingBar(header, open);

  useEffect(() => {
    const total = arc.beats.length;
    const show = (p: Position) => {
      setScene(p.scene);
      bar.current?.style.setProperty('transform', `scaleX(${(toCoord(arc, p) / total).toFixed(4)})`);
      present.current?.setAttribute('href', `/present#s-${stepOf(arc, p) + 1}`);
    };
    show(store.get());
    return store.subscribe(show);
  }, [arc, store]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        menuButton.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !menuButton.current?.contains(target)) setOpen(false);
    };
    // Focus leaving the menu (Tab past its last link, Shift+Tab past the button) closes it.
    // Where focus went is known a moment later (it may have left the page altogether).
    let leaving = 0;
    const onFocusOut = () => {
      window.clearTimeout(leaving);
      leaving = window.setTimeout(() => {
        const now = document.activeElement;
        if (now && now !== document.body && (menu.current?.contains(now) || menuButton.current?.contains(now))) return;
        setOpen(false);
      });
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    const links = menu.current;
    const button = menuButton.current;
    links?.addEventListener('focusout', onFocusOut);
    button?.addEventListener('focusout', onFocusOut);
    // The scene the reader is in, not the first link in page order.
    (links?.querySelector<HTMLElement>('[aria-current="true"]') ?? links?.querySelector<HTMLElement>('a'))?.focus();
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
      links?.removeEventListener('focusout', onFocusOut);
      button?.removeEventListener('focusout', onFocusOut);
      window.clearTimeout(leaving);
    };
  }, [open]);

  const motionSwitch = (where: 'bar' | 'menu') => (
    <button
      type="button"
      className={`${button.button} ${where === 'bar' ? styles.motionInBar : styles.motionInMenu}`}
      data-size="small"
      aria-pressed={motion === 'reduce'}
      onClick={() => setMotion(motion === 'reduce' ? 'full' : 'reduce')}
    >
      Reduce motion
    </button>
  );

  const name = arc.sceneNames[scene];
  const chapter = scene > 0 && scene < arc.sceneIds.length - 1 ? `${scene} of ${arc.sceneIds.length - 2}` : '';

  return (
    <header ref={header} className={styles.chrome} data-chrome="">
      <ProgressBar barRef={bar} className={styles.progress} />
      <div className={styles.row}>
        {/* A plain link: a client-side navigation would render /read with the framework, which
            the text edition is shipped without (scripts/strip-runtime.mjs). */}
        <a href="/read" className={button.button} data-size="small">
          <span className="phone:sr-only">Read as text</span>
          <span className="hidden phone:inline" aria-hidden="true">
            Text
          </span>
        </a>
        {/* For the eye only: the scene's heading says the same in the story itself, a moment later. */}
        <p className={`${place} ${styles.scene}`} data-testid="scene-name" aria-hidden="true">
          {chapter && <span className="opacity-85">{chapter} · </span>}
          <span>{name}</span>
        </p>
        <div className={styles.actions}>
          <button
            ref={menuButton}
            type="button"
            className={button.button}
            data-size="small"
            aria-expanded={open}
            aria-controls={menuId}
            onClick={() => setOpen((o) => !o)}
          >
            Scenes
          </button>
          {motionSwitch('bar')}
          <a ref={present} href="/present#s-1" className={button.button} data-size="small">
            Present
          </a>
        </div>
      </div>
      <div ref={menu} id={menuId} className={`${panel.panel} ${styles.menu}`} hidden={!open}>
        <nav aria-label="Scenes">
          <ol>
            {arc.sceneIds.map((id, s) =>
              s === arc.sceneIds.length - 1 ? null : (
                <li key={id}>
                  <a
                    href={`#${id}`}
                    aria-current={s === scene ? 'true' : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      setOpen(false);
                      onJump(s);
                    }}
                  >
                    {s === 0 ? 'Title' : arc.sceneNames[s]}
                  </a>
                </li>
              ),
            )}
          </ol>
        </nav>
        {motionSwitch('menu')}
      </div>
    </header>
  );
}
