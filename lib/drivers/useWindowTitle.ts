'use client';

import { useEffect } from 'react';

/**
 * Sets the document's title while the component is mounted (a title that depends on the
 * address, which a static page only knows in the browser), and puts the page's own back
 * when it goes, unless the next page has set its own by then.
 */
export function useWindowTitle(title: string) {
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      if (document.title === title) document.title = before;
    };
  }, [title]);
}
