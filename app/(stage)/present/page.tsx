import type { Metadata } from 'next';
import { PresentPage as Present } from '@/components/present/PresentPage';
import { StepSections } from '@/components/present/StepSections';
import { staticMarkup } from '@/components/staticMarkup';
import { stepsOf } from '@/lib/present/steps';
import { loadStory } from '@/scenes/story';

const story = loadStory();
/** Every step's markup, made once at build time: the client adopts it without re-creating it. */
const stepsHtml = staticMarkup(<StepSections story={story} steps={stepsOf(story)} />);

export const metadata: Metadata = {
  title: 'Presentation',
  description: `${story.description} Presentation mode: the story step by step, for a reading, a screen or a kiosk.`,
  alternates: { canonical: '/present' },
};

/**
 * Presentation mode. The whole story is rendered here at build time, every step of it,
 * so the static HTML holds all the text; the client shows one step at a time.
 */
export default function PresentPage() {
  return <Present story={story} stepsHtml={stepsHtml} />;
}
