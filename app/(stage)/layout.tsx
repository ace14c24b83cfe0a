import type { ReactNode } from 'react';
import { Light } from '@/components/Light';
import { Stage } from '@/components/Stage';
import { arcOf } from '@/lib/story/position';
import { loadStory } from '@/scenes/story';
import styles from './layout.module.css';

const arc = arcOf(loadStory());

/**
 * The layout shared by the scroll page and the presentation: one stage, one light. It
 * stays mounted when moving between them, so the WebGL context lives as long as the app.
 */
export default function StageLayout({ children }: { children: ReactNode }) {
  return (
    <Stage arc={arc}>
      <div className={styles.stage} data-stage="">
        <Light />
        {children}
      </div>
    </Stage>
  );
}
