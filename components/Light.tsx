'use client';

import { useEffect, useRef } from 'react';
import type { StageLight } from '@/lib/light/stageLight';
import { afterPaint } from '@/lib/idle';
import { useReadingColumnElement, useStage } from './Stage';
import styles from './Light.module.css';

/**
 * The light behind the story: from the first paint the CSS light of the opening (`background`,
 * made at build time), then, once the text is on screen and the browser is idle, the light that
 * follows the story (lib/light/stageLight.ts): the CSS light along the arc, and the room fading
 * in over it from its first frame. Nothing of the light is loaded before the words. Decorative,
 * so hidden from assistive technology; each scene describes its light in words instead.
 */
export function Light({ background }: { background: string }) {
  const { arc, store, motion } = useStage();
  const root = useRef<HTMLDivElement>(null);
  const fallback = useRef<HTMLDivElement>(null);
  const holder = useRef<HTMLDivElement>(null);
  const light = useRef<StageLight | null>(null);
  const column = useReadingColumnElement();
  // What a light started later must know: the motion preference and the column handed over.
  const latest = useRef({ motion, column });

  useEffect(() => {
    let cancelled = false;
    const cancel = afterPaint(() => {
      // A page that hides the light (the handouts, /present?print) has no use for it.
      if (getComputedStyle(root.current!).display === 'none') return;
      // Marked before anything of the light is asked for, so the benchmark can tell the light's JavaScript from the page's.
      performance.mark('light:loading');
      void import('@/lib/light/stageLight').then(({ StageLight }) => {
        if (cancelled) return;
        const elements = { fallback: fallback.current!, holder: holder.current!, canvasClass: styles.canvas };
        const stage = new StageLight(arc, store, elements, latest.current.motion === 'reduce');
        stage.setColumn(latest.current.column);
        stage.load();
        light.current = stage;
      });
    });
    return () => {
      cancelled = true;
      cancel();
      light.current?.dispose();
      light.current = null;
    };
  }, [arc, store]);

  useEffect(() => {
    latest.current.motion = motion;
    light.current?.setReducedMotion(motion === 'reduce');
  }, [motion]);

  // The light under the reading column stays within what its ink needs: the page hands it over.
  useEffect(() => {
    latest.current.column = column;
    light.current?.setColumn(column);
  }, [column]);

  return (
    <div ref={root} className={styles.light} aria-hidden="true" data-light-layer="">
      <div ref={fallback} className={styles.fallback} data-light-fallback="" style={{ background }} />
      <div ref={holder} className={styles.holder} />
    </div>
  );
}
