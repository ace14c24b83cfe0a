'use client';

import { useEffect } from 'react';

/**
 * Holds the document's title while the component is mounted: a title that depends on the
 * address, which a static page only knows in the browser. The framework renders the
 * page's static title again after hydration, so the title is put back whenever the head
 * changes; the page's own comes back when the component goes, unless the next page has
 * set its own by then.
 */
export function useWindowTitle(title: string) {
  useEffect(() => {
    const before = document.title;
    const hold = () => {
      if (document.title !== title) document.title = title;
    };
    hold();
    const observer = new MutationObserver(hold);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      if (document.title === title) document.title = before;
    };
  }, [title]);
}
