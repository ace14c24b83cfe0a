import type { MoodKey } from '@/scenes/moods';
import type { Story } from '@/scenes/types';
import { clamp01 } from '@/lib/math';

/**
 * Where the reader is: a scene, a beat inside it (both from 0) and how far through
 * that beat (0..1). It is the only state the site keeps; everything a reader sees is
 * a function of it.
 */
export interface Position {
  scene: number;
  beat: number;
  progress: number;
}

/**
 * The shape of a story with the text left out: what the engine needs to count
 * positions and lay moods along them. Small enough to hand to every client module.
 */
export interface Arc {
  sceneIds: string[];
  sceneNames: string[];
  sceneMoods: MoodKey[];
  /** Global index of each scene's first beat. */
  sceneStarts: number[];
  /** Per global beat: its scene, its index inside the scene, its own mood key if any, its words. */
  beats: { scene: number; beat: number; mood?: MoodKey; words: number; id: string }[];
}

export function arcOf(story: Story): Arc {
  const arc: Arc = { sceneIds: [], sceneNames: [], sceneMoods: [], sceneStarts: [], beats: [] };
  story.scenes.forEach((scene, s) => {
    arc.sceneIds.push(scene.id);
    arc.sceneNames.push(scene.name);
    arc.sceneMoods.push(scene.mood);
    arc.sceneStarts.push(arc.beats.length);
    scene.beats.forEach((beat, b) =>
      arc.beats.push({ scene: s, beat: b, mood: beat.mood, words: beat.words, id: beat.id }),
    );
  });
  return arc;
}

export const START: Position = { scene: 0, beat: 0, progress: 0 };

/** Global index of the position's beat. */
export function beatIndex(arc: Arc, p: Position): number {
  return arc.sceneStarts[p.scene] + p.beat;
}

/**
 * The position as one number along the story: beat index plus progress, from 0 to the
 * number of beats. Everything continuous (the light) is laid out along it.
 */
export function toCoord(arc: Arc, p: Position): number {
  return beatIndex(arc, p) + p.progress;
}

export function fromCoord(arc: Arc, coord: number): Position {
  const total = arc.beats.length;
  if (!(coord > 0)) return { ...START };
  if (coord >= total) {
    const last = arc.beats[total - 1];
    return { scene: last.scene, beat: last.beat, progress: 1 };
  }
  const i = Math.floor(coord);
  const { scene, beat } = arc.beats[i];
  return { scene, beat, progress: coord - i };
}

/** A position made safe: indices inside the story, progress inside 0..1. */
export function clampPosition(arc: Arc, p: Position): Position {
  const scene = Math.min(Math.max(0, Math.trunc(p.scene) || 0), arc.sceneIds.length - 1);
  const beats = (arc.sceneStarts[scene + 1] ?? arc.beats.length) - arc.sceneStarts[scene];
  const beat = Math.min(Math.max(0, Math.trunc(p.beat) || 0), beats - 1);
  return { scene, beat, progress: clamp01(Number.isFinite(p.progress) ? p.progress : 0) };
}

export function samePosition(a: Position, b: Position, epsilon = 1e-4): boolean {
  return a.scene === b.scene && a.beat === b.beat && Math.abs(a.progress - b.progress) < epsilon;
}

export function sceneIndexOf(arc: Arc, id: string): number {
  return arc.sceneIds.indexOf(id);
}

/** Where a beat of the page begins and ends, in document pixels. */
export interface BeatBox {
  start: number;
  end: number;
}

/**
 * Scroll to position. `boxes` are the beats' spans in document order (a scene's heading
 * belongs to its first beat, the gap after a beat to that beat), so they tile the page
 * and the mapping is continuous and never goes backwards. `line` is the reading line:
 * the document y at which the reader is taken to be reading.
 */
export function positionAtScroll(arc: Arc, boxes: BeatBox[], line: number): Position {
  if (!boxes.length || line <= boxes[0].start) return { ...START };
  let lo = 0;
  let hi = boxes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (boxes[mid].start <= line) lo = mid;
    else hi = mid - 1;
  }
  const box = boxes[lo];
  const span = box.end - box.start;
  const progress = span > 0 ? clamp01((line - box.start) / span) : 1;
  return fromCoord(arc, lo + progress);
}

/** The inverse: the reading-line y at which the page shows the position. */
export function lineForPosition(arc: Arc, boxes: BeatBox[], p: Position): number {
  if (!boxes.length) return 0;
  const i = Math.min(beatIndex(arc, p), boxes.length - 1);
  const box = boxes[i];
  return box.start + clamp01(p.progress) * (box.end - box.start);
}

/**
 * Steps (presentation mode) are stops along the story: its title where the story begins, each
 * beat where it begins, and the closing card where the story ends. A beat's step is where the
 * scroll page shows that beat arriving at the reading line and where a scene's mood key sits.
 * The first beat begins with the title (the scroll page's title card): its step, the author's
 * note, is a little way into it, still in the opening's light.
 */
export const STEP_PROGRESS = 0;
export const FIRST_BEAT_STEP_PROGRESS = 0.25;

/** How many steps the story has: the title, one a beat, and the closing card. */
export function stepCount(arc: Arc): number {
  return arc.beats.length + 2;
}

/** Whether step `step` (from 0) is the title (first) or the closing card (last). */
export function bookendOf(arc: Arc, step: number): 'title' | 'closing' | undefined {
  return step === 0 ? 'title' : step === stepCount(arc) - 1 ? 'closing' : undefined;
}

export function positionOfStep(arc: Arc, step: number): Position {
  const total = arc.beats.length;
  const i = Math.min(Math.max(0, Math.trunc(step) || 0), total + 1);
  if (i === 0) return { ...START };
  if (i === total + 1) return fromCoord(arc, total);
  const { scene, beat } = arc.beats[i - 1];
  return { scene, beat, progress: i === 1 ? FIRST_BEAT_STEP_PROGRESS : STEP_PROGRESS };
}

/** The step a position shows: the last stop at or before it. */
export function stepOf(arc: Arc, p: Position): number {
  const coord = toCoord(arc, p);
  if (coord >= arc.beats.length) return arc.beats.length + 1;
  if (coord < FIRST_BEAT_STEP_PROGRESS) return 0;
  return beatIndex(arc, p) + 1;
}
