import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseStory } from './parse';
import type { Story } from './types';

/** Where the story lives, relative to the project root; named in every content error. */
export const STORY_FILE = 'scenes/story.md';

let cached: Story | undefined;

/**
 * The story, parsed once per build. Only server code (pages rendered at build time)
 * calls this, so a bad content file fails `next build` with its file:line message.
 */
export function loadStory(): Story {
  cached ??= parseStory(readFileSync(path.join(process.cwd(), STORY_FILE), 'utf8'), STORY_FILE);
  return cached;
}
