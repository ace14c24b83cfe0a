import { ScrollExperience } from '@/components/ScrollExperience';
import { ScrollStory } from '@/components/ScrollStory';
import { loadStory } from '@/scenes/story';

const story = loadStory();

export default function Home() {
  return (
    <ScrollExperience>
      <ScrollStory story={story} />
    </ScrollExperience>
  );
}
