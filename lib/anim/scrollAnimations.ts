import { gsap } from 'gsap';
import { ScrollTrigger } from 'gsap/ScrollTrigger';

/**
 * Builds the scrubbed timelines of the scroll page. Called inside a `useGSAP` scope, so
 * every tween and trigger made here is reverted when the scope is cleaned up.
 *
 * Each beat rises and sharpens as it enters the reading zone and is fully at rest by the
 * time its top reaches 58% of the screen, above the reading line; it dims a little once
 * it has left the top of the zone. Beats are measured by their outer box, so only inner
 * wrappers move.
 */
/**
 * Arriving text sharpens out of a blur and warms from the soft ink to the full ink; text
 * that has gone by cools back to the soft ink. Never transparency: both inks keep 4.5:1
 * against the light, so any text on screen stays legible (axe checks it in the e2e tests).
 * `--arrive` and `--past` are read by the beat's colour in app/globals.css.
 */
const SOFT = { '--arrive': 1 };

export function animateStory(root: HTMLElement) {
  gsap.registerPlugin(ScrollTrigger);
  const beats = gsap.utils.toArray<HTMLElement>('[data-beat-index]', root);
  const last = beats.length - 1;

  beats.forEach((beat, i) => {
    const body = beat.querySelector<HTMLElement>('.beat__body');
    const dim = beat.querySelector<HTMLElement>('.beat__dim');
    if (!body || !dim) return;
    const kind = beat.dataset.kind;
    const ending = i >= last - 1;
    const enter = gsap.timeline({
      defaults: { ease: 'power2.out' },
      scrollTrigger: {
        trigger: beat,
        start: 'top 96%',
        end: ending ? 'top 48%' : 'top 62%',
        scrub: 0.6,
      },
    });

    if (kind === 'dialogue') {
      // Dialogue: each line arrives on its own, a quick exchange rather than a swell.
      const lines = gsap.utils.toArray<HTMLElement>('.para', body);
      enter.from(lines, {
        ...SOFT,
        y: 22,
        x: (n: number) => (n % 2 ? 10 : -10),
        filter: 'blur(3px)',
        stagger: 0.35,
        duration: 1,
      });
    } else if (kind === 'voicemail') {
      // The tape: the words play out one after another as the reader scrolls.
      enter.from(body, { ...SOFT, y: 24, filter: 'blur(4px)', duration: 0.5 });
      const words = gsap.utils.toArray<HTMLElement>('.tape__word', body);
      // Words light up from the soft ink (still legible) to full ink as the tape plays.
      enter.from(words, { '--unlit': 1, duration: 0.2, stagger: 0.06, ease: 'none' }, '>-0.1');
      enter.from(body.querySelectorAll('.tape__reel'), { rotate: -360, duration: 2, ease: 'none' }, 0);
    } else if (ending) {
      // The last line and "-Fin-" land slowly, with weight.
      enter.from(body, { ...SOFT, y: 60, scale: 0.96, filter: 'blur(5px)', duration: 1, ease: 'power3.out' });
      const fin = body.querySelector('.para--fin');
      if (fin) enter.from(fin, { letterSpacing: '0.9em', duration: 1 }, 0);
    } else {
      enter.from(body, { ...SOFT, y: 36, filter: 'blur(4px)', duration: 1 });
    }

    if (i < last) {
      gsap.to(dim, {
        '--past': 1,
        ease: 'none',
        scrollTrigger: { trigger: beat, start: 'bottom 30%', end: 'bottom 4%', scrub: true },
      });
    }
  });

  // Fonts change line breaks, and so every trigger's start and end.
  void document.fonts?.ready.then(() => ScrollTrigger.refresh());
}

export function configureScrollTrigger() {
  gsap.registerPlugin(ScrollTrigger);
  // A phone's address bar resizing the viewport must not move anything.
  ScrollTrigger.config({ ignoreMobileResize: true });
}
