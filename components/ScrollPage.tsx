'use client';

import { ScriptFailure } from './ScriptFailure';
import { ScrollExperience } from './ScrollExperience';

/**
 * The scroll page, kept by ScriptFailure: should a script fail, the story's HTML stays. Here on
 * the client, so the page's one copy of that HTML serves both (passed from the server to each,
 * it would be sent twice).
 */
export function ScrollPage({ storyHtml }: { storyHtml: string }) {
  return (
    <ScriptFailure kind="scroll" html={storyHtml}>
      <ScrollExperience storyHtml={storyHtml} />
    </ScriptFailure>
  );
}
