import type { BeatKind, Paragraph, SceneKind } from './types';

/**
 * How a beat reads, decided once for every view: the scroll page's arrival, the
 * presentation's entrance and its type all follow it. The voicemail anywhere in a beat
 * makes it the voicemail's; a beat that opens with a line of dialogue is an exchange;
 * the last beat of the story proper is its ending, whatever it holds.
 */
export function beatKind(paragraphs: readonly Paragraph[], scene: SceneKind, isFinal: boolean): BeatKind {
  if (scene === 'note') return 'note';
  if (scene === 'coda') return 'coda';
  if (isFinal) return 'final';
  if (paragraphs.some((p) => p.kind === 'voicemail')) return 'voicemail';
  return paragraphs[0]?.kind === 'dialogue' ? 'dialogue' : 'narration';
}
