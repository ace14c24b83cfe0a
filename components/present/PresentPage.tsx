'use client';

import type { Story } from '@/scenes/types';
import { ScriptFailure } from '../ScriptFailure';
import { Presentation } from './Presentation';

/**
 * The presentation, kept by ScriptFailure: should a script fail, every step's HTML stays, one
 * after another. Here on the client, so the page's one copy of that HTML serves both.
 */
export function PresentPage({ story, stepsHtml }: { story: Story; stepsHtml: string }) {
  return (
    <ScriptFailure kind="present" html={stepsHtml}>
      <Presentation story={story} stepsHtml={stepsHtml} />
    </ScriptFailure>
  );
}
