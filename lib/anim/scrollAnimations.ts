import { gsap } from 'gsap';
import { frameLoop } from '@/lib/frame/loop';
import type { Arc } from '@/lib/story/position';
import { easeTape, hasArrived, hasGoneBy, scrollTopAt, tapeProgress, type PageLayout } from '@/lib/story/reveal';
import type { PositionStore } from '@/lib/story/store';
import { play } from './clock';

/*
 * The scroll page's text motion, driven by the position.
 *
 * Nothing here measures the page or listens to the scroll: each frame of the frame loop that
 * moved the position, the text state is read off it (lib/story/reveal.ts) with the scroll
 * driver's one measurement of where the beats are, and the timelines follow.
 *
 * A beat arrives when its top crosses the arrival line: it rises and fades in over about a
 * second, whatever the reader does next, so text that has stopped on screen is always at rest,
 * sharp and in its full ink (the arrival is played, not scrubbed: a scrubbed arrival stays
 * half-done wherever the reader stops). Only `transform` and `opacity` move, which the
 * compositor animates without repainting the text; GSAP's `force3D: 'auto'` promotes a block
 * to its own layer only while it moves.
 *
 * Text that has gone by softens to the soft ink at one moment, with a short CSS transition
 * (`[data-past]` in components/ScrollStory.module.css): one repaint per beat, not one per
 * scrolled frame. Both inks keep 4.5:1 against the light (the e2e tests check it).
 *
 * The voicemail is the one thing scrubbed: its tape's progress follows the position, eased
 * over a short lag.
 */

const sel = (name: string) => `[data-anim="${name}"]`;

/** Where the scroll driver keeps its measurement of the page. */
export interface LayoutSource {
  readonly layout: PageLayout;
  /** Changes whenever the page is measured again. */
  readonly measured: number;
}

/**
 * Starts the scroll page's text motion, loaded with GSAP once the text has painted (reading
 * never waits for motion); returns what stops it and puts every line back at rest.
 */
export function startStoryMotion(root: HTMLElement, source: LayoutSource, arc: Arc, store: PositionStore) {
  const stop = animateStory(root, source, arc, store);
  // Text that has not arrived waits hidden from here on (ScrollStory.module.css).
  const html = document.documentElement;
  html.dataset.textMotion = 'on';
  return () => {
    delete html.dataset.textMotion;
    stop();
  };
}

/** Starts the motion of the story under `root`; returns what stops it and puts the text back at rest. */
export function animateStory(root: HTMLElement, source: LayoutSource, arc: Arc, store: PositionStore): () => void {
  const beats: HTMLElement[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('[data-beat-index]')) beats[Number(el.dataset.beatIndex)] = el;
  const arrivals = new Map<number, gsap.core.Timeline>();
  const arrived: boolean[] = [];
  const past: boolean[] = [];
  const tapes = beats.flatMap((beat, i) =>
    beat.dataset.kind === 'voicemail' ? [{ i, timeline: play(() => tapeOf(beat)), shown: 0, target: 0 }] : [],
  );

  const arrive = (i: number) => {
    const beat = beats[i];
    const leaving = arrivals.get(i);
    if (leaving) {
      // Leaving, and back above the line before it had gone: it comes back.
      if (leaving.reversed()) leaving.play();
      return;
    }
    beat.setAttribute('data-arrived', '');
    const timeline = play(() => arrivalOf(beat));
    timeline.eventCallback('onReverseComplete', () => {
      beat.removeAttribute('data-arrived');
      arrivals.delete(i);
      timeline.revert();
    });
    arrivals.set(i, timeline);
  };
  // Back below the line (the reader scrolled up): it leaves as it came, so it can arrive again.
  const depart = (i: number) => {
    const timeline = arrivals.get(i);
    if (timeline) {
      if (!timeline.reversed()) timeline.reverse();
    } else beats[i].removeAttribute('data-arrived');
  };

  let last: { position: ReturnType<PositionStore['get']>; measured: number } | undefined;
  let easing = false;
  let lastNow = 0;

  /** One frame of the text: the state read off the position, then the tapes eased towards theirs. */
  const frame = (now: number, first = false): boolean => {
    const position = store.get();
    // The store hands out a new position only when it changes.
    const moved = !last || last.measured !== source.measured || last.position !== position;
    if (!moved && !easing) return false;
    const layout = source.layout;
    if (moved && layout.beats.length === beats.length) {
      last = { position, measured: source.measured };
      const top = scrollTopAt(arc, layout, position);
      beats.forEach((beat, i) => {
        const isIn = hasArrived(layout, i, top);
        // What is already above the line when the motion starts (a deep link, a reload) is simply there.
        if (first) {
          if (isIn) beat.setAttribute('data-arrived', '');
        } else if (isIn !== arrived[i]) {
          if (isIn) arrive(i);
          else depart(i);
        }
        arrived[i] = isIn;
        const gone = hasGoneBy(layout, i, top);
        if (gone !== (past[i] ?? false)) beat.toggleAttribute('data-past', gone);
        past[i] = gone;
      });
      for (const tape of tapes) {
        tape.target = tapeProgress(layout, tape.i, top);
        if (first) tape.shown = tape.target;
      }
    }
    // A tape eases from where it was shown: over the frames of one run, or a frame's worth after a rest.
    const dt = easing ? now - lastNow : 1000 / 60;
    lastNow = now;
    for (const tape of tapes) {
      if (first || tape.shown !== tape.target) {
        if (!first) tape.shown = easeTape(tape.shown, tape.target, dt);
        tape.timeline.progress(tape.shown);
      }
    }
    easing = tapes.some((t) => t.shown !== t.target);
    return easing;
  };

  // The state at rest is set at once, before the text that has not arrived is hidden.
  frame(performance.now(), true);
  const remove = frameLoop.add('text', (now) => frame(now));

  return () => {
    remove();
    for (const timeline of arrivals.values()) timeline.revert();
    for (const tape of tapes) tape.timeline.revert();
    for (const beat of beats) {
      beat.removeAttribute('data-arrived');
      beat.removeAttribute('data-past');
    }
  };
}

/** How a beat arrives, by kind. */
function arrivalOf(beat: HTMLElement): gsap.core.Timeline {
  const body = beat.querySelector<HTMLElement>(sel('body'));
  const timeline = gsap.timeline({ defaults: { ease: 'power2.out', duration: 0.9 } });
  if (!body) return timeline;
  if (beat.dataset.hold !== undefined) {
    // A peak (`:: beat hold`) takes its time: each paragraph rises slowly, one after the other,
    // and the page then holds it in place (ScrollStory.module.css) while the room changes.
    const lines = gsap.utils.toArray<HTMLElement>(sel('line'), body);
    timeline.from(lines, { opacity: 0, y: 28, duration: 1.8, stagger: 0.9, ease: 'power2.out' });
  } else if (beat.dataset.kind === 'dialogue') {
    // Dialogue: the lines come in one after another, a quick exchange rather than a swell.
    const lines = gsap.utils.toArray<HTMLElement>(sel('line'), body);
    timeline.from(lines, { opacity: 0, y: 22, x: (n: number) => (n % 2 ? 10 : -10), stagger: 0.22, duration: 0.7 });
  } else if (beat.dataset.kind === 'final' || beat.dataset.kind === 'coda') {
    // The last line and "-Fin-" land slowly, with weight.
    timeline.from(body, { opacity: 0, y: 60, scale: 0.96, duration: 1.2, ease: 'power3.out' });
  } else {
    timeline.from(body, { opacity: 0, y: 36 });
  }
  return timeline;
}

/**
 * The tape: its words light up one after another as the reader scrolls through it, and the
 * reels turn. Scrubbed on purpose: the reader plays the message. Unlit words are in the soft
 * ink, legible at every moment (components/Tape.tsx), and the tape is small. Paused: the
 * position sets its progress.
 */
function tapeOf(beat: HTMLElement): gsap.core.Timeline {
  const tape = gsap.timeline({ paused: true, defaults: { ease: 'none' } });
  const words = beat.querySelectorAll(sel('tape-word'));
  tape.from(words, { '--unlit': 1, duration: 0.2, stagger: 0.06 }, 0);
  // The reels turn and the tape winds over as long as the words take, so the cassette stops with the last word.
  const length = Math.max(2, 0.2 + 0.06 * (words.length - 1));
  tape.from(beat.querySelectorAll(sel('reel')), { rotate: -720, duration: length }, 0);
  tape.from(beat.querySelectorAll(sel('tape')), { '--played': 0, duration: length }, 0);
  return tape;
}
