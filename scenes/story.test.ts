import { describe, expect, it } from 'vitest';
import { loadStory, STORY_FILE } from './story';

describe('loadStory', () => {
  it('parses the content file once per build', () => {
    expect(STORY_FILE).toBe('scenes/story.md');
    const story = loadStory();
    expect(story.title).toBe('Come Home');
    expect(loadStory()).toBe(story);
  });
});
