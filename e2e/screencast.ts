import type { Page } from '@playwright/test';
import { pixelStats } from './pixels';

/** A frame of the screen as the compositor made it: when (ms, the page's wall clock) and its mean luminance. */
export interface FrameSample {
  t: number;
  l: number;
}

/**
 * Watches the screen frame by frame through Chromium's screencast (CDP), as it is painted:
 * far more frames than screenshots, each stamped with when it was made, so a change of light
 * can be timed even on a loaded machine (a screenshot there takes a second or more). Frames
 * are small PNGs: a mean luminance needs no detail.
 */
export async function watchFrames(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const frames: FrameSample[] = [];
  cdp.on('Page.screencastFrame', ({ data, metadata, sessionId }) => {
    void cdp.send('Page.screencastFrameAck', { sessionId }).catch(() => undefined);
    const t = (metadata.timestamp ?? Date.now() / 1000) * 1000;
    frames.push({ t, l: pixelStats(Buffer.from(data, 'base64')).luminance });
  });
  await cdp.send('Page.startScreencast', { format: 'png', maxWidth: 320, maxHeight: 200, everyNthFrame: 1 });
  return {
    frames,
    async stop(): Promise<FrameSample[]> {
      await cdp.send('Page.stopScreencast');
      await cdp.detach();
      return frames.sort((a, b) => a.t - b.t);
    },
  };
}
