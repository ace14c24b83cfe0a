/**
 * Whether an uncaught error or rejection came from the site's own scripts: its stack (or, for
 * an error event, its script's address) is on the page's own origin. A browser extension's
 * error, or a cross-origin script's, is not the story's to answer.
 */
export function isOurs(origin: string, error: unknown, filename?: string): boolean {
  if (filename && filename.startsWith(origin)) return true;
  const stack = error instanceof Error ? error.stack : undefined;
  return typeof stack === 'string' && stack.includes(origin);
}
