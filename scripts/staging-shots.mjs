#!/usr/bin/env node
/**
 * Screenshots of every scene's light at 1280×800, with the light's mean colour measured on a
 * shot without the text, to compare the staging of the story's peaks before and after a change:
 *   npm run build && node scripts/staging-shots.mjs <label> [out-dir]
 * Writes <out-dir>/<label>-<place>.png (default docs/screenshots/staging) and prints a JSON
 * table of each place's mean rgb and luminance. PORT picks the server's port (default 4174).
 */
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { chromiumArgs, findChromium } from './browser.mjs';
import { serveInBackground } from './serve-background.mjs';

const [label = 'now', dir = 'docs/screenshots/staging'] = process.argv.slice(2);
const PORT = Number(process.env.PORT ?? 4174);
mkdirSync(dir, { recursive: true });

/** The id of the beat of scene `scene` that names mood `mood` (`${scene}-${n}`, n from 1), from the content file. */
function beatOf(scene, mood) {
  let current = '';
  let n = 0;
  for (const line of readFileSync('scenes/story.md', 'utf8').split('\n')) {
    const head = line.match(/^:: scene id=(\S+)/);
    if (head) [current, n] = [head[1], 0];
    if (current === scene && /^:: beat\b/.test(line)) {
      n += 1;
      if (line.includes(`mood=${mood}`)) return `${scene}-${n}`;
    }
  }
  throw new Error(`no beat with mood=${mood} in ${scene}`);
}

const places = [
  ['three-in-the-morning', 'three-in-the-morning'],
  ['something-alive', 'something-alive'],
  ['the-blinking-light', 'the-blinking-light'],
  ['message', beatOf('the-blinking-light', 'message')],
  ['memory-haze', 'a-footnote'],
  ['heartbeat', 'one-number'],
  ['line-opens', beatOf('one-number', 'line-opens')],
  ['the-call', 'the-call'],
  ['come-home', beatOf('the-call', 'come-home')],
  ['headlights', beatOf('the-call', 'headlights')],
  ['waiting-for-him', 'waiting-for-him'],
  ['streetlight', 'after-three'],
  ['dawn-rose', 'morning'],
  ['dawn-gold', beatOf('morning', 'dawn-gold')],
];

const linear = (c) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
function stats(buffer) {
  const { data } = PNG.sync.read(buffer);
  let [r, g, b, l, n, max] = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < data.length; i += 16) {
    r += data[i];
    g += data[i + 1];
    b += data[i + 2];
    l += 0.2126 * linear(data[i]) + 0.7152 * linear(data[i + 1]) + 0.0722 * linear(data[i + 2]);
    max = Math.max(max, data[i], data[i + 1], data[i + 2]);
    n += 1;
  }
  const f = (x) => Math.round(x / n);
  return { rgb: [f(r), f(g), f(b)], luminance: Number((l / n).toFixed(4)), max };
}

const { stop } = await serveInBackground(PORT);

const browser = await chromium.launch({ executablePath: findChromium({ install: false }), args: chromiumArgs });
const table = {};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    window.__storyDebug = true;
  });
  for (const [name, id] of places) {
    // A new document each time, so every place opens on its own light as a deep link does.
    await page.goto('about:blank');
    // The light is pinned at its top tier: it would otherwise step down to fit this machine's software GPU.
    await page.goto(`http://127.0.0.1:${PORT}/?light-tier=3#${id}`);
    await page.waitForFunction(() => window.__story?.light.mode === 'webgl', null, { timeout: 30_000 });
    await page.locator('[data-light-canvas]').evaluate((c) => Promise.all(c.getAnimations().map((a) => a.finished)));
    await page.waitForFunction(() => {
      const { sent, drawn } = window.__story;
      return sent.length === 0 || drawn.includes(sent.at(-1));
    });
    await page.screenshot({ path: `${dir}/${label}-${name}.png`, animations: 'allow' });
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('#story, [data-chrome], [data-toasts]'))
        el.style.setProperty('visibility', 'hidden', 'important');
    });
    await page.waitForFunction(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))),
    );
    table[name] = stats(await page.screenshot({ animations: 'allow' }));
    console.log(name, JSON.stringify(table[name]));
  }
} finally {
  await browser.close();
  stop();
}
