import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CDPSession, Locator, Page } from '@playwright/test';

/**
 * A virtual screen reader (@guidepup/virtual-screen-reader) run inside the real page: it
 * walks the accessibility tree item by item as a screen reader's "next" key does, and keeps
 * the log of what it said. Its browser build is an ES module; it is injected as a plain
 * script, so its export is turned into a global. The tests that use it run with
 * `bypassCSP`, since the site's policy (rightly) allows no inline script.
 */
const require = createRequire(__filename);
const entry = require.resolve('@guidepup/virtual-screen-reader/browser.js');
const EXPORT = /export\s*\{\s*(\w+) as Virtual,\s*([\w$]+) as virtual\s*\};?/;

function browserBundle(): string {
  const source = readFileSync(path.resolve(entry), 'utf8');
  const match = EXPORT.exec(source);
  if (!match) throw new Error(`${entry}: the virtual screen reader's export has changed; update e2e/screenReader.ts`);
  return source.replace(EXPORT, `window.__virtualScreenReader = ${match[2]};`);
}

let bundle: string | undefined;

/** Puts the virtual screen reader into the page (once per page load). */
export async function injectScreenReader(page: Page) {
  bundle ??= browserBundle();
  await page.addScriptTag({ content: bundle });
}

/**
 * Everything the screen reader says, reading from top to bottom: the page, or one
 * element of it (a live region, as it is announced when it changes).
 */
export async function readAloud(page: Page, within?: Locator, limit = 3000): Promise<string[]> {
  const container = within ? await within.elementHandle() : await page.$('body');
  return page.evaluate(
    async ([root, max]) => {
      type Virtual = {
        start(options: { container: Element }): Promise<void>;
        next(): Promise<void>;
        lastSpokenPhrase(): Promise<string>;
        spokenPhraseLog(): Promise<string[]>;
        stop(): Promise<void>;
      };
      const virtual = (window as unknown as { __virtualScreenReader: Virtual }).__virtualScreenReader;
      await virtual.start({ container: root as Element });
      for (let i = 0; i < (max as number); i++) {
        await virtual.next();
        if ((await virtual.lastSpokenPhrase()) === 'end of document') break;
      }
      const log = await virtual.spokenPhraseLog();
      await virtual.stop();
      // Inside an element the reader wraps round to its first item at the end: keep one pass
      // (the shortest period of the log).
      for (let period = 1; period < log.length; period++) {
        if (log.every((phrase, i) => i < period || phrase === log[i - period])) return log.slice(0, period);
      }
      return log;
    },
    [container, limit] as const,
  );
}

/** Everything the screen reader says, reading the whole page from top to bottom. */
export async function readWholePage(page: Page): Promise<string[]> {
  await injectScreenReader(page);
  return readAloud(page);
}

/**
 * The log grouped as a listener hears it: the phrases of one paragraph joined, other
 * phrases as they are. Whitespace is normalised; emphasis splits a paragraph into phrases.
 */
export function heardItems(log: string[]): string[] {
  const items: string[] = [];
  let paragraph: string[] | null = null;
  for (const phrase of log) {
    if (phrase === 'paragraph') paragraph = [];
    else if (phrase === 'end of paragraph' && paragraph) {
      items.push(paragraph.join(' ').replace(/\s+/g, ' ').trim());
      paragraph = null;
    } else if (paragraph) {
      // Emphasis is said as a change of voice around its words, not as words of the story.
      if (!/^(end of )?(emphasis|strong)$/.test(phrase)) paragraph.push(phrase);
    } else items.push(phrase);
  }
  return items;
}

/** Compares text without regard to spacing (emphasis and line breaks split phrases). */
export const squash = (text: string) => text.replace(/\s+/g, '');

interface AXNode {
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
}

/** The names Chromium gives assistive technology: what a screen reader would speak, text-transform included. */
export async function accessibleNames(page: Page): Promise<string[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  await cdp.detach();
  return nodes.filter((n) => !n.ignored && n.name?.value).map((n) => n.name!.value);
}
