'use client';

import type { KeyboardEvent } from 'react';
import { stepHash } from '@/lib/present/hash';
import { bookendSummary, excerptOf, isBeatStep, type Step } from '@/lib/present/steps';
import { PanelDialog } from './PanelDialog';
import styles from './OverviewDialog.module.css';

interface Props {
  open: boolean;
  steps: Step[];
  current: number;
  onJump: (step: number) => void;
  onClose: () => void;
  fallback: () => HTMLElement | null;
}

/** Groups the steps by scene, keeping the story's order. */
function byScene(steps: Step[]): Step[][] {
  const groups: Step[][] = [];
  for (const step of steps) {
    if (step.opensScene) groups.push([]);
    groups[groups.length - 1].push(step);
  }
  return groups;
}

/**
 * Every scene and its steps, to jump to any of them. A list of links (each step has an
 * address, so they can also be copied or opened elsewhere); Tab walks them and the
 * arrow keys move between them. Focus starts on the current step.
 */
export function OverviewDialog({ open, steps, current, onJump, onClose, fallback }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const links = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-step-link]'));
    const at = links.indexOf(document.activeElement as HTMLElement);
    const to = (() => {
      switch (event.key) {
        case 'ArrowDown':
        case 'ArrowRight':
          return Math.min(links.length - 1, at + 1);
        case 'ArrowUp':
        case 'ArrowLeft':
          return Math.max(0, at - 1);
        case 'Home':
          return 0;
        case 'End':
          return links.length - 1;
        default:
          return -1;
      }
    })();
    if (to < 0 || at < 0) return;
    event.preventDefault();
    links[to].focus();
  };

  return (
    <PanelDialog
      open={open}
      name="overview"
      title="Overview"
      hint="Choose a step to go to it."
      onClose={onClose}
      fallback={fallback}
      initialFocus={(dialog) => dialog.querySelector<HTMLElement>('[aria-current="step"]')}
    >
      <ol onKeyDown={onKeyDown}>
        {byScene(steps).map((group) => {
          // Named by the group's first step: unique, whatever the story calls its scenes.
          const id = `overview-${group[0].index}`;
          return (
            <li key={id} className={styles.scene}>
              <h3 className={styles.name} id={id}>
                {group[0].label}
              </h3>
              <ol className={styles.steps} aria-labelledby={id}>
                {group.map((step) => (
                  <li key={step.index}>
                    <a
                      href={stepHash(step.index)}
                      className={styles.step}
                      data-step-link=""
                      aria-current={step.index === current ? 'step' : undefined}
                      onClick={(event) => {
                        event.preventDefault();
                        onJump(step.index);
                      }}
                    >
                      <span className={styles.number}>
                        <span className="sr-only">Step </span>
                        {step.index + 1}
                        <span className="sr-only">: </span>
                      </span>
                      <span className="font-serif">
                        {isBeatStep(step) ? excerptOf(step.beat) : bookendSummary(step)}
                      </span>
                    </a>
                  </li>
                ))}
              </ol>
            </li>
          );
        })}
      </ol>
    </PanelDialog>
  );
}
