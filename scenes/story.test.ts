/**
 * Facts about this story, "Come Home": the only unit test that reads `scenes/story.md`. Every other
 * test runs the engine on fixture stories, so telling another story changes this file alone (and
 * the e2e tests, which are about this site). `npm run test:another-story` proves it.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { ReadingEdition } from '@/components/ReadingEdition';
import { ScrollStory } from '@/components/ScrollStory';
import { staticMarkup } from '@/components/staticMarkup';
import { blocksOf, bookBlocks, firstMissingInOrder, openBook } from '@/lib/epub/testing';
import { epubOf } from '@/lib/epub/book';
import { contrast, fallbackColumn, INK, inkOf } from '@/lib/light/palette';
import { DEFAULT_WPM, formatDuration, runMs } from '@/lib/present/autoplay';
import { excerptOf, isBeatStep, stepsOf } from '@/lib/present/steps';
import { moodAt, sceneMoodAt } from '@/lib/story/mood';
import { arcOf, fromCoord, type Arc } from '@/lib/story/position';
import { moodKeys, moods } from './moods';
import { parseStory } from './parse';
import { STORY_FILE } from './story';
import { loadStory, storySource } from './testing';
import type { Story } from './types';

let story: Story;
let arc: Arc;
// Read in each test, not on import, so that mutation testing sees which tests run which code.
beforeEach(() => {
  story = loadStory();
  arc = arcOf(story);
});
const sceneNamed = (id: string) => arc.sceneIds.indexOf(id);
const paragraphsOf = (s: Story) => s.scenes.flatMap((sc) => sc.beats.flatMap((b) => b.paragraphs));

describe('the content file', () => {
  it('is parsed once per build', () => {
    expect(STORY_FILE).toBe('scenes/story.md');
    expect(story.title).toBe('Come Home');
    expect(loadStory()).toBe(story);
  });

  it('parses: every scene has beats and a light, every mood key is known', () => {
    expect(story.scenes[0].kind).toBe('note');
    expect(story.scenes.at(-1)?.kind).toBe('coda');
    expect(story.scenes).toHaveLength(11);
    for (const s of story.scenes) {
      expect(s.beats.length).toBeGreaterThan(0);
      expect(moodKeys).toContain(s.mood);
      expect(s.light.length).toBeGreaterThan(10);
    }
    const paragraphs = paragraphsOf(story);
    expect(paragraphs).toHaveLength(2 + 102);
    expect(paragraphs.filter((p) => p.kind === 'voicemail')).toHaveLength(1);
    expect(story.minutes).toBe(14);
  });

  it('holds its three peaks: the title line, "I love you" and the kiss', () => {
    const peaks = story.scenes.flatMap((s) => s.beats.filter((b) => b.hold));
    expect(peaks.map((b) => b.paragraphs[0].text.slice(0, 26))).toEqual([
      '\u201cCome home,\u201d he says with ',
      '\u201cI love you,\u201d she whispers',
      'She slips out of his grip ',
    ]);
    expect(peaks[2].paragraphs[0].text).toContain('presses his lips to hers');
  });

  it('parses the same from a CR LF copy', () => {
    expect(parseStory(storySource().replace(/\n/g, '\r\n'), STORY_FILE)).toEqual(story);
  });

  it('tells the light where it changes, and never before', () => {
    for (const beat of story.scenes.flatMap((s) => s.beats)) {
      expect(beat.light === undefined, beat.id).toBe(beat.mood === undefined);
    }
    // A scene's opening light tells nothing that happens later in it.
    const call = story.scenes.find((s) => s.id === 'the-call')!;
    expect(call.light).not.toMatch(/come home|headlights|keys|door/i);
    const morning = story.scenes.find((s) => s.id === 'morning')!;
    expect(morning.light).not.toMatch(/gold|kiss/i);
  });
});

describe('its steps', () => {
  it('have the voicemail in the blinking light, and the call open with dialogue', () => {
    const steps = stepsOf(story).filter(isBeatStep);
    expect(steps.length).toBeGreaterThan(60);
    expect(steps.filter((s) => s.kind === 'voicemail').map((s) => s.scene.id)).toEqual(['the-blinking-light']);
    expect(steps.find((s) => s.beat.id === 'the-call-1')!.kind).toBe('dialogue');
    expect(steps.find((s) => s.beat.id === 'the-call-6')!.kind).toBe('narration');
    expect(excerptOf(steps[1].beat, 4)).toBe('She can’t help but…');
  });

  it('take as long at the default pace as docs/presentation.md says', () => {
    const run = formatDuration(
      runMs(
        stepsOf(story).map((s) => s.words),
        DEFAULT_WPM,
      ),
    );
    expect(readFileSync('docs/presentation.md', 'utf8')).toContain(`a full autoplay run takes ${run}`);
  });
});

describe('its light', () => {
  it('follows the night: cold dark start, amber streetlight after three, brightest and warmest dawn', () => {
    const at = (id: string, beat = 0) => moodAt(arc, { scene: sceneNamed(id), beat, progress: 0 });
    const cold = at('three-in-the-morning');
    const dawn = at('morning', 2);
    expect(cold.warmth).toBe(0);
    expect(cold.light).toBeLessThan(0.2);
    expect(at('after-three').streetlight).toBe(1);
    expect(moodAt(arc, { scene: sceneNamed('after-three'), beat: 5, progress: 0.3 })).toEqual(moods.streetlight);
    expect(dawn.dawn).toBe(1);
    for (const s of arc.sceneIds.keys()) {
      const m = moodAt(arc, { scene: s, beat: 0, progress: 0 });
      expect(dawn.light).toBeGreaterThanOrEqual(m.light);
      expect(dawn.warmth).toBeGreaterThanOrEqual(m.warmth);
    }
  });

  it('brightens at "Come home", in the call, whose scene light stays the call opening', () => {
    const call = sceneNamed('the-call');
    const comeHome = arc.beats.findIndex((b) => b.mood === 'come-home');
    expect(arc.beats[comeHome].scene).toBe(call);
    const atComeHome = moodAt(arc, fromCoord(arc, comeHome));
    expect(atComeHome).toEqual(moods['come-home']);
    expect(atComeHome.light).toBeGreaterThan(moodAt(arc, { scene: call, beat: 0, progress: 0 }).light + 0.2);
    expect(sceneMoodAt(arc, { scene: call, beat: 21, progress: 0.9 })).toEqual(moods['call-opens']);
  });

  it('keeps the fallback column within the ink bounds at every position', () => {
    for (let u = 0; u <= arc.beats.length; u += 0.05) {
      const mood = moodAt(arc, fromCoord(arc, u));
      const ink = inkOf(mood);
      for (const colour of fallbackColumn(mood)) {
        expect(contrast(INK[ink], colour), `at ${u.toFixed(2)} (${ink} ink)`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

describe('its pages and its book', () => {
  const COVER = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
  const book = () => openBook(epubOf(story, { cover: COVER, date: new Date('2026-11-25T12:00:00Z') }));

  it('render the whole scroll story statically exactly as React does', () => {
    const tree = createElement(ScrollStory, { story });
    expect(staticMarkup(tree)).toBe(renderToStaticMarkup(tree));
  });

  it('hold every paragraph in the book, in order, word for word, scene by scene as /read', () => {
    const opened = book();
    expect(
      firstMissingInOrder(
        bookBlocks(opened),
        paragraphsOf(story).map((p) => p.text),
      ),
    ).toBeUndefined();
    const read = renderToStaticMarkup(createElement(ReadingEdition, { story }));
    const scenes = opened.spine.filter((p) => p.includes('/scene-'));
    expect(scenes.flatMap((p) => blocksOf(opened.text(p)))).toEqual(blocksOf(read.slice(read.indexOf('<article'))));
  });

  it('open the book at the first scene, after a cover that says what it shows', () => {
    const opened = book();
    expect(opened.text('OEBPS/nav.xhtml')).toMatch(
      /<a epub:type="bodymatter" href="scene-three-in-the-morning.xhtml">/,
    );
    expect(opened.text('OEBPS/cover.xhtml')).toContain(
      '<img src="cover.png" alt="Come Home: dawn light filling a room"/>',
    );
  });
});
