import type { Beat, Scene, Story } from '@/scenes/types';

/**
 * How a step reads, which decides how it enters: narration, an exchange of dialogue,
 * the voicemail, the author's note, the story's last lines, and the coda (-Fin-).
 */
export type StepKind = 'note' | 'narration' | 'dialogue' | 'voicemail' | 'final' | 'coda';

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
  kind: StepKind;
  size: StepSize;
}

export function stepKind(beat: Beat, scene: Scene, isFinal: boolean): StepKind {
  if (scene.kind === 'note') return 'note';
  if (scene.kind === 'coda') return 'coda';
  if (isFinal) return 'final';
  if (beat.paragraphs.some((p) => p.kind === 'voicemail')) return 'voicemail';
  return beat.paragraphs[0]?.kind === 'dialogue' ? 'dialogue' : 'narration';
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
  const lastStory = story.scenes.findLast((s) => s.kind === 'story');
  for (const scene of story.scenes) {
    scene.beats.forEach((beat, b) => {
      const chars = beat.paragraphs.reduce((n, p) => n + p.text.length, 0);
      const isFinal = scene === lastStory && b === scene.beats.length - 1;
      steps.push({
        index: steps.length,
        beat,
        scene,
        opensScene: b === 0,
        kind: stepKind(beat, scene, isFinal),
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
