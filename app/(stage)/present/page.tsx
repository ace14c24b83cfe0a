import type { Metadata } from 'next';
import { Presentation } from '@/components/present/Presentation';
import { loadStory } from '@/scenes/story';

const story = loadStory();

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
  return <Presentation story={story} />;
}
