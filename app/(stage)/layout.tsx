import type { ReactNode } from 'react';
import { Light } from '@/components/Light';
import { Stage } from '@/components/Stage';
import { fallbackBackground } from '@/lib/light/palette';
import { moodAt } from '@/lib/story/mood';
import { arcOf, START } from '@/lib/story/position';
import { loadStory } from '@/scenes/story';
import styles from './layout.module.css';

const arc = arcOf(loadStory());
/** The CSS light of the opening, made here at build time: the page's script carries no palette before the light starts. */
const opening = fallbackBackground(moodAt(arc, START));

/**
 * The layout shared by the scroll page and the presentation: one stage, one light. It
 * stays mounted when moving between them, so the WebGL context lives as long as the app.
 */
export default function StageLayout({ children }: { children: ReactNode }) {
  return (
    <Stage arc={arc}>
      <div className={styles.stage} data-stage="">
        <Light background={opening} />
        {children}
      </div>
    </Stage>
  );
}
