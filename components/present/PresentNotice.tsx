import type { Notice } from '@/lib/drivers/useNotice';
import panel from '../ui/Panel.module.css';
import styles from './PresentNotice.module.css';

/**
 * The presentation's short messages and the step number being typed. Rendered inside
 * the view's live region, so each is said once, politely, and there is no second region.
 */
export function PresentNotice({ notice, digits }: { notice: Notice | null; digits: string }) {
  return (
    <div className={styles.notices}>
      {digits && (
        // A new line for every digit typed: a live region reads an added line whole, and
        // might say nothing of a number that only changes inside one.
        <p key={digits} className={`${panel.panel} ${styles.notice}`} data-testid="digits">
          Go to step <strong>{digits}</strong>, then press Enter
        </p>
      )}
      {notice && (
        <p key={notice.id} className={`${panel.panel} ${styles.notice}`} data-testid="notice">
          {notice.text}
        </p>
      )}
    </div>
  );
}
