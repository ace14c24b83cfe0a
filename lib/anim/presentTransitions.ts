import { gsap } from 'gsap';
import type { StepKind } from '@/lib/present/steps';
import { play } from './clock';

/** Markup and motion meet at data-anim attributes: the step's heading, lines, tape, reels and words. */
const sel = (name: string) => `[data-anim="${name}"]`;

/**
 * How a step of the presentation arrives. Short, because a reader is waiting for the
 * words; shaped by what the words are: narration rises and sharpens, dialogue comes
 * line by line from alternating sides, the voicemail plays like a tape, and the story's
 * last lines and "-Fin-" land slowly. Called inside a `useGSAP` scope, so a step
 * left mid-transition is reverted to its plain state. Never called with reduced motion.
 * It plays on the page's frame loop, like every timeline (lib/anim/clock.ts).
 */
export function enterStep(step: HTMLElement, kind: StepKind): gsap.core.Timeline {
  return play(() => transitionOf(step, kind));
}

function transitionOf(step: HTMLElement, kind: StepKind): gsap.core.Timeline {
  const tl = gsap.timeline({ defaults: { ease: 'power2.out' } });
  const heading = step.querySelector<HTMLElement>(sel('scene'));
  const paras = gsap.utils.toArray<HTMLElement>(`${sel('line')}, ${sel('tape')}`, step);

  if (heading) {
    tl.from(heading, { opacity: 0, letterSpacing: '0.6em', duration: 0.9, ease: 'power3.out' }, 0);
  }
  const at = heading ? 0.25 : 0;

  if (step.dataset.hold !== undefined) {
    // A peak (`:: beat hold`): each paragraph rises slowly, one after the other, and stays.
    tl.from(paras, { opacity: 0, y: 30, duration: 1.8, stagger: 0.9, ease: 'power2.out' }, at);
    return tl;
  }
  switch (kind) {
    case 'title':
    case 'closing':
      // The title, then what follows it, surfacing slowly out of the dark.
      tl.from(step.querySelectorAll(':scope > div > *, :scope > section > *'), {
        opacity: 0,
        y: 16,
        duration: 1.4,
        stagger: 0.35,
      });
      break;
    case 'dialogue': {
      // An exchange: each line on its own beat, voices from alternating sides.
      let side = -1;
      paras.forEach((p, i) => {
        const spoken = p.dataset.kind === 'dialogue';
        if (spoken) side = -side;
        tl.from(
          p,
          { opacity: 0, x: spoken ? side * 28 : 0, y: spoken ? 0 : 14, duration: 0.55, ease: 'power3.out' },
          at + i * 0.32,
        );
      });
      break;
    }
    case 'voicemail': {
      // The tape: it appears, the reels turn and the words play out one after another.
      const tape = step.querySelector<HTMLElement>(sel('tape'));
      const words = gsap.utils.toArray<HTMLElement>(sel('tape-word'), step);
      if (tape) tl.from(tape, { opacity: 0, scale: 0.97, duration: 0.5 }, at);
      tl.from(step.querySelectorAll(sel('reel')), { rotate: -540, duration: 3, ease: 'none' }, at);
      if (tape) tl.from(tape, { '--played': 0, duration: 3, ease: 'none' }, at);
      // From the soft ink, as on the scroll page: a word is always legible, and only its colour changes.
      tl.from(words, { '--unlit': 1, duration: 0.25, stagger: 0.055, ease: 'none' }, at + 0.35);
      break;
    }
    case 'final':
      // The last lines arrive slowly, with weight.
      tl.from(paras, { opacity: 0, y: 40, filter: 'blur(8px)', duration: 1.6, stagger: 0.7, ease: 'power3.out' }, at);
      break;
    case 'coda':
      // "-Fin-" gathers itself in from wide spacing, and stays.
      tl.from(paras, { opacity: 0, letterSpacing: '1.2em', duration: 2.2, ease: 'power2.out' }, at);
      break;
    case 'note':
      tl.from(paras, { opacity: 0, y: 12, duration: 1, stagger: 0.35 }, at);
      break;
    case 'narration':
      tl.from(paras, { opacity: 0, y: 26, filter: 'blur(5px)', duration: 0.8, stagger: 0.22 }, at);
      break;
  }
  return tl;
}
