import type { Ref } from 'react';
import styles from './ProgressBar.module.css';

interface Props {
  /** How far along, 0 to 1; left out when the owner moves the bar itself through `barRef`. */
  fraction?: number;
  barRef?: Ref<HTMLDivElement>;
  /** Where the bar sits, how tall it is and its track's colour (`--track`), from the parent's module. */
  className: string;
  /** Eases from one value to the next (a page turned), rather than following a scroll. */
  eased?: boolean;
  /** Shown only once the script runs (the presentation's `[data-needs-js]`). */
  needsJs?: boolean;
}

/** How far along the story is: decoration, hidden from assistive technology, which hears the place in words. */
export function ProgressBar({ fraction, barRef, className, eased = false, needsJs = false }: Props) {
  return (
    <div
      className={`${styles.track} ${className}`}
      aria-hidden="true"
      data-progress=""
      data-eased={eased ? '' : undefined}
      data-needs-js={needsJs ? '' : undefined}
    >
      <div
        ref={barRef}
        className={styles.bar}
        style={fraction === undefined ? undefined : { transform: `scaleX(${fraction})` }}
      />
    </div>
  );
}
