import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStory } from '@/scenes/parse';
import { stepAnnouncement, lightText } from './announcement';
import { isBeatStep, stepsOf } from './steps';

const story = parseStory(readFileSync(path.join(__dirname, '..', '..', 'scenes', 'story.md'), 'utf8'));
const steps = stepsOf(story);
const total = steps.length;

describe('stepAnnouncement', () => {
  it('says where the step is once, first, then every paragraph of the step once, in order', () => {
    for (const step of steps.filter(isBeatStep)) {
      const said = stepAnnouncement(step, total, story);
      expect(said.startsWith(`Step ${step.index + 1} of ${total}. `), step.beat.id).toBe(true);
      expect(said.match(/\bStep \d+ of \d+\b/g), step.beat.id).toHaveLength(1);
      let from = 0;
      for (const p of step.beat.paragraphs) {
        const at = said.indexOf(p.text, from);
        expect(at, `${step.beat.id}: ${p.text.slice(0, 40)}`).toBeGreaterThanOrEqual(from);
        expect(said.indexOf(p.text, at + 1), `${step.beat.id} once`).toBe(-1);
        from = at + p.text.length;
      }
    }
  });

  it('names the scene as it opens, and tells the light before the words', () => {
    const opening = steps.find((s) => isBeatStep(s) && s.opensScene && s.scene.kind !== 'coda' && lightText(s));
    if (!opening || !isBeatStep(opening)) throw new Error('no step opens a scene with its light');
    const said = stepAnnouncement(opening, total, story);
    expect(said).toContain(`${opening.scene.name}. The light: ${lightText(opening)}`);
    expect(said.indexOf('The light:')).toBeLessThan(said.indexOf(opening.beat.paragraphs[0].text));
  });

  it('says the title slide and the closing card with the story’s own title and author', () => {
    const by = story.author ? `, by ${story.author}` : '';
    expect(stepAnnouncement(steps[0], total, story)).toBe(
      `Step 1 of ${total}. A short story: ${story.title}${by}. A ${story.minutes}-minute read.`,
    );
    expect(stepAnnouncement(steps[total - 1], total, story)).toBe(
      `Step ${total} of ${total}. The end of ${story.title}${by}.`,
    );
    expect(stepAnnouncement(steps[0], total, { title: 'Another', minutes: 3 })).toBe(
      `Step 1 of ${total}. A short story: Another. A 3-minute read.`,
    );
  });
});
