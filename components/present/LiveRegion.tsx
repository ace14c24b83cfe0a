import type { Announcement } from '@/lib/drivers/useStepAnnouncement';
import type { Notice } from '@/lib/drivers/useNotice';
import { PresentNotice } from './PresentNotice';

/**
 * The presentation's one polite live region: the announcement of the step the reader has
 * stopped on (to screen readers only; the step itself is on screen), the short notices
 * and the step number being typed. The steps themselves are not in it, so turning pages
 * quickly queues nothing: each announcement is a new line, said once, whole.
 */
export function LiveRegion({
  announcement,
  notice,
  digits,
}: {
  announcement: Announcement | null;
  notice: Notice | null;
  digits: string;
}) {
  return (
    <div aria-live="polite" data-live="">
      {announcement && (
        <p key={announcement.id} className="sr-only" data-testid="announcement">
          {announcement.text}
        </p>
      )}
      <PresentNotice notice={notice} digits={digits} />
    </div>
  );
}
