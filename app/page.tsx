import Link from 'next/link';
import { loadStory } from '@/scenes/story';

const story = loadStory();

export default function Home() {
  return (
    <main>
      <Link href="/read">Read as text</Link>
      <h1>{story.title}</h1>
    </main>
  );
}
