/**
 * Runs a callback in an idle moment (or after `timeout` ms at the latest). Safari has no
 * requestIdleCallback, hence the timer. Returns a cancel function.
 */
export function whenIdle(callback: () => void, timeout: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(callback, { timeout });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(callback, Math.min(timeout, 300));
  return () => window.clearTimeout(id);
}

/** Runs a callback once the page has loaded and then the browser has a quiet moment. */
export function afterPaint(callback: () => void, timeout = 2000): () => void {
  let cancel = () => {};
  const run = () => (cancel = whenIdle(callback, timeout));
  if (document.readyState === 'complete') run();
  else window.addEventListener('load', run, { once: true });
  return () => {
    window.removeEventListener('load', run);
    cancel();
  };
}
