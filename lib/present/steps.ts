import type { Beat, BeatKind, Scene, Story } from '@/scenes/types';

/**
 * How much text a step holds, which decides its type size: a short line fills the
 * screen, a long paragraph still fits on it.
 */
export type StepSize = 'xl' | 'l' | 'm' | 's';

export interface Step {
  /** From 0, the same as the beat's index. */
  index: number;
  beat: Beat;
  scene: Scene;
  /** The first step of its scene, which shows the scene's name. */
  opensScene: boolean;
  /** The beat's kind, which decides how the step enters. */
  kind: BeatKind;
  size: StepSize;
}

/** Size by characters; the limits were chosen by measuring the longest steps on a 1280×720 screen. */
export function stepSize(chars: number): StepSize {
  if (chars <= 80) return 'xl';
  if (chars <= 240) return 'l';
  if (chars <= 450) return 'm';
  return 's';
}

/** The story as steps: one per beat, in order, from the author's note to the coda. */
export function stepsOf(story: Story): Step[] {
  const steps: Step[] = [];
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
      });
    });
  }
  return steps;
}

/** The first words of a step, for the overview's list: enough to recognise it. */
export function excerptOf(beat: Beat, words = 9): string {
  const text = beat.paragraphs.map((p) => p.text).join(' ');
  const all = text.split(/\s/).filter(Boolean);
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ')}…`;
}
