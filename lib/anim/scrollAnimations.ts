import { gsap } from 'gsap';
import { ScrollTrigger } from 'gsap/ScrollTrigger';

/**
 * The scroll page's text motion. Called inside a `useGSAP` scope, so every tween and
 * trigger made here is reverted when the scope is cleaned up.
 *
 * A beat arrives when its top crosses ARRIVAL_LINE: it rises and fades in over about a
 * second, whatever the reader does next, so text that has stopped on screen is always
 * at rest, sharp and in its full ink (the arrival is played, not scrubbed: a scrubbed
 * arrival stays half-done wherever the reader stops). Only `transform` and `opacity`
 * move, which the compositor animates without repainting the text; GSAP's
 * `force3D: 'auto'` promotes a block to its own layer only while it moves.
 *
 * Text that has gone by softens to the soft ink at one moment, with a short CSS
 * transition (`[data-past]` in app/globals.css): one repaint per beat, not one per
 * scrolled frame. Both inks keep 4.5:1 against the light (the e2e tests check it).
 */
export const ARRIVAL_LINE = 0.92;
/** Where a beat's end has gone by (a fraction of the screen's height from the top). */
export const PAST_LINE = 0.22;

const sel = (name: string) => `[data-anim="${name}"]`;

export function animateStory(root: HTMLElement) {
  const beats = gsap.utils.toArray<HTMLElement>('[data-beat-index]', root);
  const last = beats.length - 1;

  beats.forEach((beat, i) => {
    const body = beat.querySelector<HTMLElement>(sel('body'));
    if (!body) return;
    const kind = beat.dataset.kind;
    const ending = i >= last - 1;
    const arrival = gsap.timeline({ paused: true, defaults: { ease: 'power2.out', duration: 0.9 } });

    if (kind === 'dialogue') {
      // Dialogue: the lines come in one after another, a quick exchange rather than a swell.
      const lines = gsap.utils.toArray<HTMLElement>(sel('line'), body);
      arrival.from(lines, { opacity: 0, y: 22, x: (n: number) => (n % 2 ? 10 : -10), stagger: 0.22, duration: 0.7 });
    } else if (ending) {
      // The last line and "-Fin-" land slowly, with weight.
      arrival.from(body, { opacity: 0, y: 60, scale: 0.96, duration: 1.4, ease: 'power3.out' });
    } else {
      arrival.from(body, { opacity: 0, y: 36 });
    }
    arrive(beat, arrival);

    if (kind === 'voicemail') playTape(beat, body);

    if (i < last) markPast(beat);
  });

  // Fonts change line breaks, and so every trigger's start and end.
  void document.fonts?.ready.then(() => ScrollTrigger.refresh());
}

/**
 * Plays `arrival` when the beat's top crosses the arrival line going down, and rewinds it
 * when the beat drops back below the line, so it can arrive again. A beat that is already
 * above the line when the page loads (a deep link, a reload) is simply there.
 */
function arrive(beat: HTMLElement, arrival: gsap.core.Timeline) {
  const trigger = ScrollTrigger.create({
    trigger: beat,
    start: `top ${ARRIVAL_LINE * 100}%`,
    onEnter: () => arrival.play(),
    onLeaveBack: () => arrival.reverse(),
  });
  if (trigger.scroll() >= trigger.start) arrival.progress(1);
}

/** Softens a beat to the soft ink once its end has gone up past PAST_LINE, and back. */
function markPast(beat: HTMLElement) {
  const trigger = ScrollTrigger.create({
    trigger: beat,
    start: `bottom ${PAST_LINE * 100}%`,
    onEnter: () => beat.setAttribute('data-past', ''),
    onLeaveBack: () => beat.removeAttribute('data-past'),
  });
  if (trigger.scroll() >= trigger.start) beat.setAttribute('data-past', '');
}

/**
 * The tape: its words light up one after another as the reader scrolls through it, and
 * the reels turn. Scrubbed on purpose: the reader plays the message. Unlit words are in
 * the soft ink, legible at every moment (components/Tape.tsx), and the tape is small.
 */
function playTape(beat: HTMLElement, body: HTMLElement) {
  const tape = gsap.timeline({
    defaults: { ease: 'none' },
    scrollTrigger: { trigger: beat, start: 'top 80%', end: 'bottom 45%', scrub: 0.6 },
  });
  const words = gsap.utils.toArray<HTMLElement>(sel('tape-word'), body);
  tape.from(words, { '--unlit': 1, duration: 0.2, stagger: 0.06 }, 0);
  tape.from(body.querySelectorAll(sel('reel')), { rotate: -360, duration: 2 }, 0);
}

export function configureScrollTrigger() {
  gsap.registerPlugin(ScrollTrigger);
  // A phone's address bar resizing the viewport must not move anything.
  ScrollTrigger.config({ ignoreMobileResize: true });
  // After a long frame (a weak phone, a busy tab) an arrival jumps to where it should be by
  // now, instead of crawling on: text is never held half-arrived because frames were slow.
  gsap.ticker.lagSmoothing(0);
}
