'use client';

/**
 * Full screen on and off with the Fullscreen API. Guarded: where it is missing or
 * refused (an iframe, a kiosk browser, iOS on a phone) it says so instead of throwing.
 * Returns a message for the reader when it could not switch.
 */
export async function toggleFullscreen(): Promise<string | null> {
  const root = document.documentElement;
  try {
    if (document.fullscreenElement) {
      await document.exitFullscreen();
      return null;
    }
    if (!document.fullscreenEnabled || typeof root.requestFullscreen !== 'function') {
      return 'Full screen is not available in this browser.';
    }
    await root.requestFullscreen({ navigationUI: 'hide' });
    return null;
  } catch {
    return 'The browser did not allow full screen just now.';
  }
}
