import { expect, type Page, type Worker } from '@playwright/test';

/**
 * How the light's tests reach its worker. The room is drawn in a worker (lib/light/light.worker.ts)
 * where a page's init script never runs, so a test that must change WebGL's behaviour there
 * (no WebGL 2, a shader that does not link, counting draws, losing the context) wraps the
 * page's `Worker` constructor: the worker then starts from a small script of the test's own,
 * which runs `patch` and then loads the real worker script (Turbopack's bootstrap, which reads
 * its chunks from the address's fragment, kept). Nothing in the product knows.
 */
export async function inEveryWorker(page: Page, patch: () => void) {
  await page.addInitScript((source: string) => {
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        const address = new URL(url, location.href);
        const script = `(${source})();\nimportScripts(${JSON.stringify(address.origin + address.pathname + address.search)});`;
        super(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })) + address.hash, options);
      }
    };
  }, patch.toString());
}

/** Runs `patch` in the page and in every worker it starts: WebGL's behaviour changed wherever the room is drawn. */
export async function everywhere(page: Page, patch: () => void) {
  await page.addInitScript(patch);
  await inEveryWorker(page, patch);
}

/** The light's worker, once the page has started it. */
export async function lightWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().length, { message: 'the light starts a worker' }).toBeGreaterThan(0);
  return page.workers()[0];
}

/**
 * Makes the page draw the room on its main thread, as a browser without OffscreenCanvas for
 * WebGL in workers does: its canvas cannot be handed to a worker.
 */
export async function withoutOffscreenCanvas(page: Page) {
  await page.addInitScript(() => {
    delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen;
  });
}

/**
 * Where the room is drawn, for tests that run once per thread: in the light's worker (where
 * the browser can), or on the page (where it cannot).
 */
export const THREADS = ['worker', 'page'] as const;
export type Thread = (typeof THREADS)[number];

export async function onThread(page: Page, thread: Thread) {
  if (thread === 'page') await withoutOffscreenCanvas(page);
}

/**
 * Counts the room's draws wherever it draws (installed before the page loads; read with `drawsOf`).
 * Also keeps every WebGL 2 context made, so a test can lose one (`loseContext`).
 */
export async function instrumentRoom(page: Page) {
  await everywhere(page, () => {
    const scope = globalThis as unknown as { __draws: number; __contexts: WebGL2RenderingContext[] };
    scope.__draws = 0;
    scope.__contexts = [];
    const proto = WebGL2RenderingContext.prototype;
    const drawArrays = proto.drawArrays;
    proto.drawArrays = function (...args: Parameters<WebGL2RenderingContext['drawArrays']>) {
      scope.__draws++;
      return drawArrays.apply(this, args);
    };
    const keep = (Canvas: { prototype: { getContext: (...args: never[]) => unknown } } | undefined) => {
      if (!Canvas) return;
      const getContext = Canvas.prototype.getContext;
      Canvas.prototype.getContext = function (this: unknown, ...args: never[]) {
        const context = getContext.apply(this, args);
        if (context instanceof WebGL2RenderingContext) scope.__contexts.push(context);
        return context;
      };
    };
    keep(typeof HTMLCanvasElement === 'function' ? HTMLCanvasElement : undefined);
    keep(typeof OffscreenCanvas === 'function' ? OffscreenCanvas : undefined);
  });
}

type Instrumented = { __draws: number; __contexts: WebGL2RenderingContext[]; __lost?: WEBGL_lose_context };

/** The draws counted so far on `thread`. */
export async function drawsOf(page: Page, thread: Thread): Promise<number> {
  const read = () => (globalThis as unknown as Instrumented).__draws;
  return thread === 'worker' ? (await lightWorker(page)).evaluate(read) : page.evaluate(read);
}

/** Loses the room's WebGL context on `thread` (`restore` brings it back). */
export async function loseContext(page: Page, thread: Thread, action: 'lose' | 'restore') {
  const run = (what: string) => {
    const scope = globalThis as unknown as Instrumented;
    scope.__lost ??= scope.__contexts.at(-1)!.getExtension('WEBGL_lose_context')!;
    if (what === 'lose') scope.__lost.loseContext();
    else scope.__lost.restoreContext();
  };
  if (thread === 'worker') await (await lightWorker(page)).evaluate(run, action);
  else await page.evaluate(run, action);
}
