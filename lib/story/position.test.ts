import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseStory } from '@/scenes/parse';
import {
  arcOf,
  beatIndex,
  clampPosition,
  fromCoord,
  lineForPosition,
  positionAtScroll,
  positionOfStep,
  stepOf,
  toCoord,
  type BeatBox,
} from './position';

const arc = arcOf(parseStory(readFileSync('scenes/story.md', 'utf8')));

/** A page whose beats have uneven heights, like the real one. */
const boxes: BeatBox[] = [];
let y = 300;
for (let i = 0; i < arc.beats.length; i++) {
  const height = 120 + ((i * 37) % 200);
  boxes.push({ start: y, end: y + height });
  y += height;
}

describe('arc', () => {
  it('counts scenes and beats from the story', () => {
    expect(arc.sceneIds[0]).toBe('note');
    expect(arc.sceneIds).toContain('after-three');
    expect(arc.sceneStarts[0]).toBe(0);
    expect(arc.beats.length).toBeGreaterThan(60);
    arc.sceneStarts.forEach((start, s) => expect(arc.beats[start]).toMatchObject({ scene: s, beat: 0 }));
  });
});

describe('coordinates', () => {
  it('round-trips every beat and progress', () => {
    for (let i = 0; i < arc.beats.length; i++) {
      for (const progress of [0, 0.25, 0.999]) {
        const p = fromCoord(arc, i + progress);
        expect(beatIndex(arc, p)).toBe(i);
        expect(toCoord(arc, p)).toBeCloseTo(i + progress, 9);
      }
    }
  });

  it('clamps outside the story', () => {
    expect(fromCoord(arc, -3)).toEqual({ scene: 0, beat: 0, progress: 0 });
    expect(fromCoord(arc, Number.NaN)).toEqual({ scene: 0, beat: 0, progress: 0 });
    const end = fromCoord(arc, 1e9);
    expect(end.scene).toBe(arc.sceneIds.length - 1);
    expect(end.progress).toBe(1);
    expect(clampPosition(arc, { scene: 99, beat: -4, progress: 7 })).toEqual({
      scene: arc.sceneIds.length - 1,
      beat: 0,
      progress: 1,
    });
  });
});

describe('positionAtScroll', () => {
  it('starts at the top and ends at the last beat', () => {
    expect(positionAtScroll(arc, boxes, 0)).toEqual({ scene: 0, beat: 0, progress: 0 });
    const end = positionAtScroll(arc, boxes, y + 5000);
    expect(toCoord(arc, end)).toBe(arc.beats.length);
  });

  it('is monotonic and continuous as the reading line moves down the page', () => {
    let previous = -1;
    for (let line = 0; line <= y + 100; line += 7) {
      const coord = toCoord(arc, positionAtScroll(arc, boxes, line));
      expect(coord).toBeGreaterThanOrEqual(previous);
      // 7px can move at most 7 / (smallest beat height) along the story.
      if (previous >= 0) expect(coord - previous).toBeLessThanOrEqual(7 / 120 + 1e-9);
      previous = coord;
    }
  });

  it('is the inverse of lineForPosition', () => {
    for (let i = 0; i < arc.beats.length; i += 3) {
      const p = fromCoord(arc, i + 0.4);
      const back = positionAtScroll(arc, boxes, lineForPosition(arc, boxes, p));
      expect(back.scene).toBe(p.scene);
      expect(back.beat).toBe(p.beat);
      expect(back.progress).toBeCloseTo(0.4, 6);
    }
  });

  it('keeps the reader on the same beat when the page reflows', () => {
    const p = fromCoord(arc, 42.3);
    const wider = boxes.map((b) => ({ start: b.start * 0.6, end: b.end * 0.6 }));
    const back = positionAtScroll(arc, wider, lineForPosition(arc, wider, p));
    expect(toCoord(arc, back)).toBeCloseTo(42.3, 6);
  });
});

describe('steps', () => {
  it('maps every step to its beat and back', () => {
    for (let step = 0; step < arc.beats.length; step++) {
      expect(stepOf(arc, positionOfStep(arc, step))).toBe(step);
    }
    expect(stepOf(arc, positionOfStep(arc, 10_000))).toBe(arc.beats.length - 1);
  });
});
