import { END_ANCHOR } from '@/lib/story/link';
import type { Beat, BeatKind, Scene, Story } from '@/scenes/types';

/**
 * How much text a step holds, which decides its type size: a short line fills the
 * screen, a long paragraph still fits on it.
 */
export type StepSize = 'xl' | 'l' | 'm' | 's';

interface StepBase {
  /** From 0, as the position's steps count them (`stepOf`). */
  index: number;
  size: StepSize;
  /** Words to read aloud, for autoplay's dwell and the running time. */
  words: number;
  /** What the step is called where a scene's name would go (the overview, the status line). */
  label: string;
  /** Where the scroll page shows the same moment, as its fragment ('' for the top). */
  anchor: string;
}

/** A beat of the story. */
export interface BeatStep extends StepBase {
  beat: Beat;
  scene: Scene;
  /** The first step of its scene, which shows the scene's name. */
  opensScene: boolean;
  /** The beat's kind, which decides how the step enters. */
  kind: BeatKind;
}

/** The title slide before the story and the closing card after it: the story's own words, none of the manuscript's. */
export interface BookendStep extends StepBase {
  kind: 'title' | 'closing';
  opensScene: true;
}

export type Step = BeatStep | BookendStep;
export type StepKind = Step['kind'];

export function isBeatStep(step: Step): step is BeatStep {
  return step.kind !== 'title' && step.kind !== 'closing';
}

/** Where the scroll page's closing card is (components/ClosingCard.tsx). */
export const CLOSING_ANCHOR = END_ANCHOR;

/** Size by characters; the limits were chosen by measuring the longest steps on a 1280×720 screen. */
export function stepSize(chars: number): StepSize {
  if (chars <= 80) return 'xl';
  if (chars <= 240) return 'l';
  if (chars <= 450) return 'm';
  return 's';
}

/**
 * The story as steps: the title slide, one step per beat, in order, from the author's note to
 * the coda, and the closing card.
 */
export function stepsOf(story: Story): Step[] {
  const steps: Step[] = [];
  const bookend = (kind: BookendStep['kind'], label: string, anchor: string): BookendStep => ({
    index: steps.length,
    kind,
    opensScene: true,
    size: 'xl',
    words: 0,
    label,
    anchor,
  });
  steps.push(bookend('title', story.title, ''));
  for (const scene of story.scenes) {
    scene.beats.forEach((beat, b) => {
      const chars = beat.paragraphs.reduce((n, p) => n + p.text.length, 0);
      steps.push({
        index: steps.length,
        beat,
        scene,
        opensScene: b === 0,
        kind: beat.kind,
        size: stepSize(chars),
        words: beat.words,
        label: scene.name,
        anchor: beat.id,
      });
    });
  }
  steps.push(bookend('closing', 'The end', CLOSING_ANCHOR));
  return steps;
}

/** What a bookend step is, in words, where a beat's first words would go (the overview, the presenter's preview). */
export function bookendSummary(step: BookendStep): string {
  return step.kind === 'title' ? 'The title slide' : 'The closing card: the title, the author and the ways on';
}

/** The first words of a step, for the overview's list: enough to recognise it. */
export function excerptOf(beat: Beat, words = 9): string {
  const text = beat.paragraphs.map((p) => p.text).join(' ');
  const all = text.split(/\s/).filter(Boolean);
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ')}…`;
}
