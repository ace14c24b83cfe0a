import { ScrollPage } from '@/components/ScrollPage';
import { ScrollStory } from '@/components/ScrollStory';
import { staticMarkup } from '@/components/staticMarkup';
import { loadStory } from '@/scenes/story';

const story = loadStory();
/** The story's HTML, made once at build time; the client adopts it without re-creating it. */
const storyHtml = staticMarkup(<ScrollStory story={story} />);

export default function Home() {
  return <ScrollPage storyHtml={storyHtml} />;
}
