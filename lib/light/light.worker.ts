/**
 * The light's worker: the room drawn on an OffscreenCanvas, off the page's main thread.
 * WebGL's context creation, the shader's compile and every draw happen here; the page only
 * posts the mood of each frame that moved the story, and hears back what changed (see
 * messages.ts). A change of mood is drawn as soon as it arrives, so the light changes in
 * the frame the text moved; the room's own motion (ripples, the blink, dust) runs on this
 * worker's animation frames, so a page at rest runs nothing.
 */
import type { LightEvent, ToLight } from './messages';
import { LightRenderer } from './renderer';

interface WorkerScope {
  postMessage(message: LightEvent): void;
  onmessage: ((event: MessageEvent<ToLight>) => void) | null;
  requestAnimationFrame?: (callback: (now: number) => void) => number;
}
const scope = self as unknown as WorkerScope;

/** Workers have animation frames where they have OffscreenCanvas; a timer stands in elsewhere. */
const nextFrame =
  typeof scope.requestAnimationFrame === 'function'
    ? (callback: (now: number) => void) => scope.requestAnimationFrame!(callback)
    : (callback: (now: number) => void) => setTimeout(() => callback(performance.now()), 16);

let renderer: LightRenderer | undefined;
let pending = false;

const host = {
  requestFrame() {
    if (pending || !renderer) return;
    pending = true;
    nextFrame((now) => {
      pending = false;
      if (renderer?.tick(now)) host.requestFrame();
    });
  },
  report(event: LightEvent) {
    scope.postMessage(event);
  },
};

scope.onmessage = ({ data }) => {
  if (data.type === 'start') {
    renderer = new LightRenderer(data.canvas, host, { search: data.search, debug: data.debug }, data.mood);
    renderer.setSize(data.width, data.height, data.devicePixelRatio);
    renderer.setColumn(data.column);
    renderer.setReducedMotion(data.reduced);
    renderer.setVisible(data.visible);
    void renderer.start();
    return;
  }
  if (!renderer) return;
  switch (data.type) {
    case 'mood':
      renderer.setMood(data.mood, data.frame, performance.now());
      return;
    case 'size':
      renderer.setSize(data.width, data.height, data.devicePixelRatio);
      return;
    case 'column':
      renderer.setColumn(data.halfWidth);
      return;
    case 'reduced':
      renderer.setReducedMotion(data.reduced);
      return;
    case 'visible':
      renderer.setVisible(data.visible);
  }
};
