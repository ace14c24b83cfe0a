import type { Story } from '@/scenes/types';
import { isBeatStep, type BeatStep, type Step } from './steps';

/**
 * What a screen reader hears when the presentation stops on a step: where it is, once,
 * then the step's words, once. Made from the content, as the step's markup is, so
 * nothing is paraphrased: the paragraphs are the story's own text.
 */

/** How long a step must stay before it is announced: paging through quickly announces only where it stops. */
export const SETTLE_MS = 500;

/**
 * How long the announcement stays in the page after it is made. Screen readers take the
 * words when they change; after that the copy would only be read a second time by
 * someone reading the page line by line. (React Aria's announcer keeps its own 7 s.)
 */
export const ANNOUNCEMENT_HOLD_MS = 7000;

/** The light of a step, in words: the scene's as it opens, then the beat's change. Empty when it does not change. */
export function lightText(step: BeatStep): string {
  return [step.opensScene && step.scene.light, step.beat.light].filter(Boolean).join(' ');
}

export function stepAnnouncement(
  step: Step,
  total: number,
  story: Pick<Story, 'title' | 'author' | 'minutes'>,
): string {
  const where = `Step ${step.index + 1} of ${total}.`;
  const by = story.author ? `, by ${story.author}` : '';
  if (!isBeatStep(step)) {
    if (step.kind === 'title') return `${where} A short story: ${story.title}${by}. A ${story.minutes}-minute read.`;
    return `${where} The end of ${story.title}${by}.`;
  }
  const light = lightText(step);
  return [
    where,
    // The closing line (the coda) is its own title, as on screen.
    step.opensScene && step.scene.kind !== 'coda' ? `${step.scene.name}.` : '',
    light ? `The light: ${light}` : '',
    ...step.beat.paragraphs.map((p) => p.text),
  ]
    .filter(Boolean)
    .join(' ');
}
