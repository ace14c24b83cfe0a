'use client';

import { useGSAP } from '@gsap/react';
import type { RefObject } from 'react';
import { animateStory, configureScrollTrigger } from '@/lib/anim/scrollAnimations';

configureScrollTrigger();

/**
 * The scroll page's GSAP timelines, in a module of their own: GSAP and ScrollTrigger are
 * loaded with it, after the text has painted, alongside the light. Renders nothing; its
 * `useGSAP` scope reverts every tween and trigger when it unmounts (motion turned off).
 */
export default function StoryMotion({ root }: { root: RefObject<HTMLElement | null> }) {
  useGSAP(
    () => {
      if (!root.current) return;
      const stop = animateStory(root.current);
      // Text that has not arrived waits hidden from here on (ScrollStory.module.css); also a read-only test hook.
      const html = document.documentElement;
      html.dataset.textMotion = 'on';
      return () => {
        delete html.dataset.textMotion;
        stop();
      };
    },
    { scope: root },
  );
  return null;
}
