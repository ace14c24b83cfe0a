'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export interface Notice {
  text: string;
  /** Changes with every notice, so the same words said twice are still news. */
  id: number;
}

/**
 * A short message for the reader (a pace change, a link to no step) that goes away by
 * itself. The view puts it inside its live region, so it is also said, once, politely.
 */
export function useNotice(): [Notice | null, (text: string, ms?: number) => void] {
  const [notice, setNotice] = useState<Notice | null>(null);
  const timer = useRef(0);
  const count = useRef(0);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const say = useCallback((text: string, ms = 4000) => {
    window.clearTimeout(timer.current);
    setNotice({ text, id: ++count.current });
    timer.current = window.setTimeout(() => setNotice(null), ms);
  }, []);
  return [notice, say];
}
