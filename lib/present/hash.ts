import { decodeFragment } from '@/lib/story/link';

/**
 * Every step has an address, `/present#s-N` with N counted from 1 as people count. These
 * turn a URL fragment into a step and back; steps inside the code count from 0.
 */

export type StepHash =
  /** No fragment at all: the presentation starts at the beginning, nothing to say. */
  | { kind: 'none' }
  | { kind: 'step'; step: number }
  /** A fragment that names no step of this story; `fragment` is what was asked for. */
  | { kind: 'unknown'; fragment: string };

const STEP = /^s-([0-9]{1,6})$/;

/** Parses `location.hash` (with or without its "#") for a story of `total` steps. */
export function parseStepHash(hash: string, total: number): StepHash {
  const fragment = decodeFragment(hash);
  if (!fragment) return { kind: 'none' };
  const match = STEP.exec(fragment);
  const n = match ? Number(match[1]) : NaN;
  if (n >= 1 && n <= total) return { kind: 'step', step: n - 1 };
  return { kind: 'unknown', fragment };
}

/** The fragment of a step (from 0), with its "#". */
export function stepHash(step: number): string {
  return `#s-${step + 1}`;
}
