import { beforeEach, describe, expect, it } from 'vitest';
import { parseStory } from '@/scenes/parse';
import { FRONT, parseFixture, scene as sceneOf } from '@/scenes/testing';
import { moodChannels, moods, type Mood } from '@/scenes/moods';
import { moodAt, moodAtCoord, moodKeyframes, sceneMoodAt, type MoodKeyframe } from './mood';
import { arcOf, fromCoord, type Arc, type Position } from './position';

let arc: Arc;
let frames: MoodKeyframe[];
// Built in each test, not on import, so that mutation testing sees which tests run which code.
beforeEach(() => {
  arc = arcOf(parseFixture('night'));
  frames = moodKeyframes(arc);
});
const scene = (id: string) => arc.sceneIds.indexOf(id);
const distance = (a: Mood, b: Mood) => Math.max(...moodChannels.map((c) => Math.abs(a[c] - b[c])));

describe('moodKeyframes', () => {
  it('places keys in order, one per scene start at least', () => {
    for (let i = 1; i < frames.length; i++) expect(frames[i].at).toBeGreaterThan(frames[i - 1].at);
    for (const start of arc.sceneStarts) expect(frames.some((f) => f.at === start)).toBe(true);
  });
});

describe('moodAt', () => {
  it('is exact at every key', () => {
    for (const f of frames) expect(moodAtCoord(frames, f.at)).toEqual(moods[f.key]);
  });

  it('gives every scene its own key where it begins', () => {
    arc.sceneStarts.forEach((start, s) => {
      expect(moodAt(arc, { scene: s, beat: 0, progress: 0 })).toEqual(
        moods[arc.beats[start].mood ?? arc.sceneMoods[s]],
      );
    });
  });

  it('holds the scene light in the middle of a scene', () => {
    const s = scene('street');
    const middle: Position = { scene: s, beat: 5, progress: 0.3 };
    expect(moodAt(arc, middle)).toEqual(moods.streetlight);
  });

  it('brightens at a beat that names a brighter key, within its scene', () => {
    const call = scene('call');
    const comeHome = arc.beats.findIndex((b) => b.mood === 'come-home');
    expect(arc.beats[comeHome].scene).toBe(call);
    const atComeHome = moodAt(arc, fromCoord(arc, comeHome));
    const callStart = moodAt(arc, { scene: call, beat: 0, progress: 0 });
    expect(atComeHome).toEqual(moods['come-home']);
    expect(atComeHome.light).toBeGreaterThan(callStart.light + 0.2);
  });

  it('is continuous everywhere, including across scene borders', () => {
    const total = arc.beats.length;
    const step = 0.01;
    for (let u = 0; u < total; u += step) {
      // The steepest smoothstep, between keys half a beat apart, moves 3 per beat at most.
      expect(distance(moodAtCoord(frames, u), moodAtCoord(frames, u + step))).toBeLessThanOrEqual(3 * step + 1e-9);
    }
    for (const start of arc.sceneStarts.slice(1)) {
      const before = moodAtCoord(frames, start - 1e-6);
      const after = moodAtCoord(frames, start + 1e-6);
      expect(distance(before, after)).toBeLessThan(1e-4);
    }
  });

  it('moves every channel monotonically between consecutive keys', () => {
    for (let i = 0; i + 1 < frames.length; i++) {
      const a = frames[i];
      const b = frames[i + 1];
      for (const c of moodChannels) {
        const direction = Math.sign(moods[b.key][c] - moods[a.key][c]);
        let previous = moods[a.key][c];
        for (let t = 0.1; t <= 1.0001; t += 0.1) {
          const value = moodAtCoord(frames, a.at + (b.at - a.at) * Math.min(t, 1))[c];
          expect((value - previous) * direction).toBeGreaterThanOrEqual(-1e-12);
          if (direction === 0) expect(value).toBeCloseTo(previous, 12);
          previous = value;
        }
      }
    }
  });

  it('follows the arc: cold dark start, amber streetlight, brightest and warmest dawn', () => {
    const at = (id: string) => moodAt(arc, { scene: scene(id), beat: 0, progress: 0 });
    const cold = at('cold');
    const street = at('street');
    const dawn = moodAt(arc, { scene: scene('dawn'), beat: 2, progress: 0 });
    expect(cold.warmth).toBe(0);
    expect(cold.light).toBeLessThan(0.2);
    expect(street.streetlight).toBe(1);
    expect(dawn.dawn).toBe(1);
    for (const s of arc.sceneIds.keys()) {
      const m = moodAt(arc, { scene: s, beat: 0, progress: 0 });
      expect(dawn.light).toBeGreaterThanOrEqual(m.light);
      expect(dawn.warmth).toBeGreaterThanOrEqual(m.warmth);
    }
  });
});

describe('sceneMoodAt', () => {
  it('is one key per scene, whatever the beat', () => {
    const call = scene('call');
    expect(sceneMoodAt(arc, { scene: call, beat: 0, progress: 0 })).toEqual(moods['call-opens']);
    expect(sceneMoodAt(arc, { scene: call, beat: 5, progress: 0.9 })).toEqual(moods['call-opens']);
  });
});

describe('moodKeyframes of a small story', () => {
  it('lets a first beat with its own mood take over where its scene begins', () => {
    const story = parseStory(
      FRONT + sceneOf(':: beat mood=wine\n:: light Wine.\nA.\n:: beat\nB.', 'id=one name="One" mood=cold-room'),
      'small.md',
    );
    expect(moodKeyframes(arcOf(story))).toEqual([
      { at: 0, key: 'title-card' },
      { at: 0.5, key: 'title-card' },
      { at: 1, key: 'wine' },
      { at: 2.5, key: 'wine' },
    ]);
  });

  it('holds the first key before the story and the last one after it', () => {
    const small = moodKeyframes(arcOf(parseFixture()));
    expect(moodAtCoord(small, -1)).toEqual(moods['title-card']);
    expect(moodAtCoord(small, 99)).toEqual(moods.settle);
    const two = [
      { at: 0, key: 'wine' as const },
      { at: 1, key: 'settle' as const },
    ];
    expect(moodAtCoord(two, -1)).toEqual(moods.wine);
    expect(moodAtCoord(two, 0)).toEqual(moods.wine);
  });
});
