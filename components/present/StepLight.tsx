import { lightText } from '@/lib/present/announcement';
import type { BeatStep } from '@/lib/present/steps';

/**
 * The light of a step, told to a screen reader with the step that brings it: the
 * scene's light when the step opens a scene, and the change when the step's beat
 * changes the light. Both views announce the same words.
 */
export function StepLight({ step }: { step: BeatStep }) {
  const light = lightText(step);
  return light ? <p className="sr-only">The light: {light}</p> : null;
}
