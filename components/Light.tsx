'use client';

import { useEffect, useRef } from 'react';
import { LightController } from '@/lib/light/controller';
import { fallbackBackground } from '@/lib/light/palette';
import { moodAt, sceneMoodAt } from '@/lib/story/mood';
import { START } from '@/lib/story/position';
import { afterPaint } from '@/lib/idle';
import { useReadingColumnElement, useStage } from './Stage';
import styles from './Light.module.css';

/**
 * The light behind the story: a CSS gradient from the first paint, replaced by the
 * three.js room once the text is on screen and the browser is idle. Decorative, so
 * hidden from assistive technology; each scene describes its light in words instead.
 */
export function Light() {
  const { arc, store, motion } = useStage();
  const root = useRef<HTMLDivElement>(null);
  const fallback = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const controller = useRef<LightController | null>(null);
  const column = useReadingColumnElement();

  useEffect(() => {
    const light = new LightController(
      { root: root.current!, fallback: fallback.current!, canvas: canvas.current! },
      moodAt(arc, store.get()),
    );
    controller.current = light;
    const cancel = afterPaint(() => {
      // A page that hides the light (the handouts, /present?print) has no use for the room.
      if (getComputedStyle(root.current!).display !== 'none') void light.load();
    });
    return () => {
      cancel();
      light.dispose();
      controller.current = null;
    };
  }, [arc, store]);

  useEffect(() => {
    const light = controller.current;
    if (!light) return;
    const reduced = motion === 'reduce';
    light.setReducedMotion(reduced);
    const follow = () => light.setMood(reduced ? sceneMoodAt(arc, store.get()) : moodAt(arc, store.get()));
    follow();
    return store.subscribe(follow);
  }, [arc, store, motion]);

  // The light under the reading column stays within what its ink needs: the page hands the
  // column over, and it is handed again to a controller made anew.
  useEffect(() => {
    controller.current?.setColumn(column);
  }, [arc, store, column]);

  return (
    <div ref={root} className={styles.light} aria-hidden="true" data-light-layer="" data-mode="pending">
      <div
        ref={fallback}
        className={styles.fallback}
        data-light-fallback=""
        style={{ background: fallbackBackground(moodAt(arc, START)) }}
      />
      <canvas ref={canvas} className={styles.canvas} data-light-canvas="" />
    </div>
  );
}
