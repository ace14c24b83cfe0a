import { beforeEach, describe, expect, it } from 'vitest';
import { parseFixture } from '@/scenes/testing';
import { moodAt } from './mood';
import {
  arcOf,
  beatIndex,
  bookendOf,
  clampPosition,
  FIRST_BEAT_STEP_PROGRESS,
  fromCoord,
  lineForPosition,
  positionAtScroll,
  positionOfStep,
  samePosition,
  sceneIndexOf,
  START,
  stepCount,
  stepOf,
  toCoord,
  type Arc,
  type BeatBox,
} from './position';

let arc: Arc;
/** A page whose beats have uneven heights, as a real page has. */
let boxes: BeatBox[];
let y: number;
// Built in each test, not on import, so that mutation testing sees which tests run which code.
beforeEach(() => {
  arc = arcOf(parseFixture('night'));
  boxes = [];
  y = 300;
  for (let i = 0; i < arc.beats.length; i++) {
    const height = 120 + ((i * 37) % 200);
    boxes.push({ start: y, end: y + height });
    y += height;
  }
});

describe('arc', () => {
  it('counts scenes and beats from the story', () => {
    const story = parseFixture('night');
    expect(arc.sceneIds).toEqual(story.scenes.map((s) => s.id));
    expect(arc.sceneIds[0]).toBe('note');
    expect(arc.sceneStarts[0]).toBe(0);
    expect(arc.beats.map((b) => b.id)).toEqual(story.scenes.flatMap((s) => s.beats.map((b) => b.id)));
    expect(arc.beats).toHaveLength(31);
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
    const p = fromCoord(arc, 22.3);
    const wider = boxes.map((b) => ({ start: b.start * 0.6, end: b.end * 0.6 }));
    const back = positionAtScroll(arc, wider, lineForPosition(arc, wider, p));
    expect(toCoord(arc, back)).toBeCloseTo(22.3, 6);
  });
});

describe('steps', () => {
  it('maps every step to its stop and back: the title, each beat, the closing card', () => {
    expect(stepCount(arc)).toBe(arc.beats.length + 2);
    for (let step = 0; step < stepCount(arc); step++) {
      expect(stepOf(arc, positionOfStep(arc, step))).toBe(step);
    }
    expect(stepOf(arc, positionOfStep(arc, 10_000))).toBe(arc.beats.length + 1);
  });

  it('puts the title where the story begins, each beat where it begins, the closing card at the end', () => {
    expect(positionOfStep(arc, 0)).toEqual(START);
    expect(positionOfStep(arc, 1)).toEqual({ scene: 0, beat: 0, progress: FIRST_BEAT_STEP_PROGRESS });
    expect(positionOfStep(arc, 2)).toEqual({ scene: 1, beat: 0, progress: 0 });
    expect(toCoord(arc, positionOfStep(arc, stepCount(arc) - 1))).toBe(arc.beats.length);
    expect(toCoord(arc, positionOfStep(arc, stepCount(arc) - 2))).toBe(arc.beats.length - 1);
    expect([0, 1, 2, stepCount(arc) - 1].map((s) => bookendOf(arc, s))).toEqual([
      'title',
      undefined,
      undefined,
      'closing',
    ]);
  });

  it('shows the last stop at or before a position, so the note keeps the opening light', () => {
    expect(stepOf(arc, { scene: 0, beat: 0, progress: 0.1 })).toBe(0);
    expect(stepOf(arc, { scene: 0, beat: 0, progress: 0.6 })).toBe(1);
    expect(stepOf(arc, fromCoord(arc, 7.5))).toBe(8);
    expect(stepOf(arc, fromCoord(arc, arc.beats.length - 0.01))).toBe(arc.beats.length);
    // The first beat's stop is lit as the title is: both sit before the opening light starts to change.
    expect(moodAt(arc, positionOfStep(arc, 1))).toEqual(moodAt(arc, positionOfStep(arc, 0)));
  });
});

describe('positions restored from anywhere', () => {
  // The fixture: note (1 beat), first (3 beats), second (1 beat), fin (1 beat).
  let small: Arc;
  beforeEach(() => {
    small = arcOf(parseFixture());
  });

  it('keeps a beat inside its own scene', () => {
    expect(small.sceneStarts).toEqual([0, 1, 4, 5]);
    expect(clampPosition(small, { scene: 1, beat: 3, progress: 0.5 })).toEqual({ scene: 1, beat: 2, progress: 0.5 });
    expect(clampPosition(small, { scene: 1, beat: 2, progress: 0.5 })).toEqual({ scene: 1, beat: 2, progress: 0.5 });
    expect(clampPosition(small, { scene: 1, beat: 99, progress: 0 })).toEqual({ scene: 1, beat: 2, progress: 0 });
    expect(clampPosition(small, { scene: 3, beat: 1, progress: 0 })).toEqual({ scene: 3, beat: 0, progress: 0 });
  });

  it('leaves a valid position alone and mends what is not a number', () => {
    expect(clampPosition(small, { scene: 2, beat: 0, progress: 0.25 })).toEqual({ scene: 2, beat: 0, progress: 0.25 });
    expect(clampPosition(small, { scene: 1.9, beat: 1.9, progress: 0 })).toEqual({ scene: 1, beat: 1, progress: 0 });
    expect(clampPosition(small, { scene: Number.NaN, beat: Number.NaN, progress: Number.NaN })).toEqual({
      scene: 0,
      beat: 0,
      progress: 0,
    });
    expect(clampPosition(small, { scene: -2, beat: 0, progress: Infinity })).toEqual({
      scene: 0,
      beat: 0,
      progress: 0,
    });
  });

  it('keeps progress inside 0..1, at both ends', () => {
    expect(clampPosition(small, { scene: 1, beat: 1, progress: -0.5 }).progress).toBe(0);
    expect(clampPosition(small, { scene: 1, beat: 1, progress: 1.5 }).progress).toBe(1);
    expect(clampPosition(small, { scene: 1, beat: 1, progress: 1 }).progress).toBe(1);
    expect(clampPosition(small, { scene: 1, beat: 1, progress: 0 }).progress).toBe(0);
  });
});

describe('samePosition', () => {
  const p = { scene: 1, beat: 2, progress: 0.5 };

  it('tells apart positions in another scene, another beat or further on', () => {
    expect(samePosition(p, { ...p })).toBe(true);
    expect(samePosition(p, { ...p, beat: 1 })).toBe(false);
    expect(samePosition(p, { ...p, scene: 2 })).toBe(false);
    expect(samePosition(p, { ...p, progress: 0.6 })).toBe(false);
    expect(samePosition(p, { ...p, progress: 0.4 })).toBe(false);
  });

  it('treats a difference smaller than epsilon as none', () => {
    expect(samePosition(p, { ...p, progress: 0.50009 })).toBe(true);
    expect(samePosition(p, { ...p, progress: 0.49991 })).toBe(true);
    expect(samePosition(p, { ...p, progress: 0.50011 })).toBe(false);
    expect(samePosition({ ...p, progress: 0 }, { ...p, progress: 0.0001 })).toBe(false);
    expect(samePosition(p, { ...p, progress: 0.52 }, 0.05)).toBe(true);
    expect(samePosition(p, { ...p, progress: 0.55 }, 0.05)).toBe(false);
  });
});

describe('the ends of the story and of the page', () => {
  let small: Arc;
  beforeEach(() => {
    small = arcOf(parseFixture());
  });
  const page: BeatBox[] = [0, 1, 2, 3, 4, 5].map((i) => ({ start: 100 + i * 100, end: 200 + i * 100 }));

  it('maps coordinates at and past the ends', () => {
    expect(fromCoord(small, 0)).toEqual({ scene: 0, beat: 0, progress: 0 });
    expect(fromCoord(small, 6)).toEqual({ scene: 3, beat: 0, progress: 1 });
    expect(fromCoord(small, 5.5)).toEqual({ scene: 3, beat: 0, progress: 0.5 });
    expect(fromCoord(small, 3.25)).toEqual({ scene: 1, beat: 2, progress: 0.25 });
    expect(fromCoord(small, 0.5)).toEqual({ scene: 0, beat: 0, progress: 0.5 });
  });

  it('reads the page at every box, its edges included', () => {
    expect(positionAtScroll(small, [], 500)).toEqual({ scene: 0, beat: 0, progress: 0 });
    expect(positionAtScroll(small, page, 100)).toEqual({ scene: 0, beat: 0, progress: 0 });
    expect(positionAtScroll(small, page, 150)).toEqual({ scene: 0, beat: 0, progress: 0.5 });
    expect(positionAtScroll(small, page, 200)).toEqual({ scene: 1, beat: 0, progress: 0 });
    expect(positionAtScroll(small, page, 325)).toEqual({ scene: 1, beat: 1, progress: 0.25 });
    expect(positionAtScroll(small, page, 499)).toEqual({ scene: 1, beat: 2, progress: expect.closeTo(0.99, 9) });
    expect(positionAtScroll(small, page, 500)).toEqual({ scene: 2, beat: 0, progress: 0 });
    expect(positionAtScroll(small, page, 650)).toEqual({ scene: 3, beat: 0, progress: 0.5 });
    expect(positionAtScroll(small, page, 5000)).toEqual({ scene: 3, beat: 0, progress: 1 });
  });

  it('takes an empty box as read through', () => {
    const flat = [{ start: 100, end: 200 }, { start: 200, end: 200 }, ...page.slice(2)];
    expect(positionAtScroll(small, flat, 200)).toEqual({ scene: 1, beat: 1, progress: 0 });
  });

  it('finds the line for a position, clamping to the page', () => {
    expect(lineForPosition(small, [], { scene: 1, beat: 0, progress: 0 })).toBe(0);
    expect(lineForPosition(small, page, { scene: 1, beat: 1, progress: 0.25 })).toBe(325);
    expect(lineForPosition(small, page.slice(0, 2), { scene: 3, beat: 0, progress: 0.5 })).toBe(250);
    expect(lineForPosition(small, page, { scene: 0, beat: 0, progress: -1 })).toBe(100);
    expect(lineForPosition(small, page, { scene: 0, beat: 0, progress: 2 })).toBe(200);
  });

  it('maps steps at and past the ends, and finds scenes by id', () => {
    expect(positionOfStep(small, -3)).toEqual({ scene: 0, beat: 0, progress: 0 });
    expect(positionOfStep(small, NaN)).toEqual({ scene: 0, beat: 0, progress: 0 });
    expect(positionOfStep(small, 3.7)).toEqual({ scene: 1, beat: 1, progress: 0 });
    expect(positionOfStep(small, 6)).toEqual({ scene: 3, beat: 0, progress: 0 });
    expect(positionOfStep(small, 7)).toEqual({ scene: 3, beat: 0, progress: 1 });
    expect(positionOfStep(small, 9)).toEqual({ scene: 3, beat: 0, progress: 1 });
    expect(sceneIndexOf(small, 'second')).toBe(2);
    expect(sceneIndexOf(small, 'nowhere')).toBe(-1);
  });

  it('describes the story without its text', () => {
    expect(small).toEqual({
      sceneIds: ['note', 'first', 'second', 'fin'],
      sceneNames: ['Author\u2019s note', 'The first', 'The second', 'Fin'],
      sceneMoods: ['title-card', 'cold-room', 'wine', 'settle'],
      sceneStarts: [0, 1, 4, 5],
      beats: [
        { scene: 0, beat: 0, mood: undefined, words: 6, id: 'note-1' },
        { scene: 1, beat: 0, mood: undefined, words: 6, id: 'first-1' },
        { scene: 1, beat: 1, mood: undefined, words: 5, id: 'first-2' },
        { scene: 1, beat: 2, mood: 'message', words: 5, id: 'first-3' },
        { scene: 2, beat: 0, mood: undefined, words: 7, id: 'second-1' },
        { scene: 3, beat: 0, mood: undefined, words: 1, id: 'fin-1' },
      ],
    });
  });
});
