import { gsap } from 'gsap';
import { ScrollTrigger } from 'gsap/ScrollTrigger';

/*
 * The scroll page's text motion.
 *
 * A beat arrives when its top crosses ARRIVAL_LINE: it rises and fades in over about a
 * second, whatever the reader does next, so text that has stopped on screen is always
 * at rest, sharp and in its full ink (the arrival is played, not scrubbed: a scrubbed
 * arrival stays half-done wherever the reader stops). Only `transform` and `opacity`
 * move, which the compositor animates without repainting the text; GSAP's
 * `force3D: 'auto'` promotes a block to its own layer only while it moves.
 *
 * Text that has gone by softens to the soft ink at one moment, with a short CSS
 * transition (`[data-past]` in components/ScrollStory.module.css): one repaint per beat, not one per
 * scrolled frame. Both inks keep 4.5:1 against the light (the e2e tests check it).
 *
 * Lines are watched by two IntersectionObservers, not a ScrollTrigger per beat: the
 * browser tells when a beat crosses a line, with no layout read on the main thread per
 * beat and nothing built for a beat until it arrives.
 */

/** Where a beat arrives (a fraction of the screen's height from the top). */
export const ARRIVAL_LINE = 0.92;
/** Where a beat's end has gone by (a fraction of the screen's height from the top). */
export const PAST_LINE = 0.22;

const sel = (name: string) => `[data-anim="${name}"]`;

/** Starts the motion of the story under `root`; returns what stops it and puts the text back at rest. */
export function animateStory(root: HTMLElement): () => void {
  const beats = [...root.querySelectorAll<HTMLElement>('[data-beat-index]')];
  const arrivals = new Map<HTMLElement, gsap.core.Timeline>();

  // What is already above the line when the motion starts (a deep link, a reload) is simply there.
  const line = innerHeight * ARRIVAL_LINE;
  for (const beat of beats) if (beat.getBoundingClientRect().top < line) beat.setAttribute('data-arrived', '');

  const arrive = (beat: HTMLElement) => {
    const leaving = arrivals.get(beat);
    if (leaving) {
      // Leaving, and back above the line before it had gone: it comes back.
      if (leaving.reversed()) leaving.play();
      return;
    }
    if (beat.hasAttribute('data-arrived')) return;
    beat.setAttribute('data-arrived', '');
    const timeline = arrivalOf(beat);
    timeline.eventCallback('onReverseComplete', () => {
      beat.removeAttribute('data-arrived');
      arrivals.delete(beat);
      timeline.revert();
    });
    arrivals.set(beat, timeline);
  };
  // Back below the line (the reader scrolled up): it leaves as it came, so it can arrive again.
  const depart = (beat: HTMLElement) => {
    const timeline = arrivals.get(beat);
    if (timeline) {
      if (!timeline.reversed()) timeline.reverse();
    } else beat.removeAttribute('data-arrived');
  };

  const arrivalObserver = new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting, boundingClientRect, rootBounds } of entries) {
        const beat = target as HTMLElement;
        const below = !isIntersecting && boundingClientRect.top >= (rootBounds?.bottom ?? innerHeight);
        if (below) depart(beat);
        else arrive(beat);
      }
    },
    { rootMargin: `0px 0px -${Math.round((1 - ARRIVAL_LINE) * 100)}% 0px` },
  );
  const pastObserver = new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting, boundingClientRect, rootBounds } of entries) {
        const gone = !isIntersecting && boundingClientRect.bottom <= (rootBounds?.top ?? 0);
        target.toggleAttribute('data-past', gone);
      }
    },
    { rootMargin: `-${Math.round(PAST_LINE * 100)}% 0px 0px 0px` },
  );
  beats.forEach((beat, i) => {
    arrivalObserver.observe(beat);
    // The last beat is the end of the story: it never goes by.
    if (i < beats.length - 1) pastObserver.observe(beat);
  });

  const tapes = beats.filter((b) => b.dataset.kind === 'voicemail').map(playTape);

  // Fonts change line breaks, and so the tape's start and end.
  void document.fonts?.ready.then(() => ScrollTrigger.refresh());

  return () => {
    arrivalObserver.disconnect();
    pastObserver.disconnect();
    for (const timeline of arrivals.values()) timeline.revert();
    for (const tape of tapes) tape.revert();
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
  if (beat.dataset.kind === 'dialogue') {
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
 * The tape: its words light up one after another as the reader scrolls through it, and
 * the reels turn. Scrubbed on purpose: the reader plays the message. Unlit words are in
 * the soft ink, legible at every moment (components/Tape.tsx), and the tape is small.
 */
function playTape(beat: HTMLElement): gsap.core.Timeline {
  const tape = gsap.timeline({
    defaults: { ease: 'none' },
    scrollTrigger: { trigger: beat, start: 'top 80%', end: 'bottom 45%', scrub: 0.6 },
  });
  tape.from(beat.querySelectorAll(sel('tape-word')), { '--unlit': 1, duration: 0.2, stagger: 0.06 }, 0);
  tape.from(beat.querySelectorAll(sel('reel')), { rotate: -360, duration: 2 }, 0);
  return tape;
}

export function configureScrollTrigger() {
  gsap.registerPlugin(ScrollTrigger);
  // A phone's address bar resizing the viewport must not move anything.
  ScrollTrigger.config({ ignoreMobileResize: true });
  // After a long frame (a weak phone, a busy tab) an arrival jumps to where it should be by
  // now, instead of crawling on: text is never held half-arrived because frames were slow.
  gsap.ticker.lagSmoothing(0);
}
