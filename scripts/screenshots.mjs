#!/usr/bin/env node
/**
 * Takes the screenshots the README and the social card use, from the built site:
 *   npm run build && node scripts/screenshots.mjs
 * Writes docs/screenshots/*.png and public/og.png (the Open Graph image).
 */
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from './browser.mjs';
import { serveInBackground } from './serve-background.mjs';

const PORT = 4390;
const { stop } = await serveInBackground(PORT);

const shots = [
  { name: 'title', path: '/', width: 1440, height: 900 },
  { name: 'three-in-the-morning', path: '/#three-in-the-morning-2', width: 1440, height: 900 },
  { name: 'the-blinking-light', path: '/#the-blinking-light-3', width: 1440, height: 900 },
  { name: 'come-home', path: '/#the-call-22', width: 1440, height: 900 },
  { name: 'streetlight', path: '/#after-three-8', width: 1440, height: 900 },
  { name: 'dawn', path: '/#morning-3', width: 1440, height: 900 },
  { name: 'streetlight-phone', path: '/#after-three-7', width: 360, height: 740 },
  { name: 'dawn-phone', path: '/#morning-2', width: 360, height: 740 },
  { name: 'read', path: '/read', width: 1440, height: 900 },
];

const browser = await chromium.launch({ executablePath: findChromium({ install: false }), args: chromiumArgs });
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
    // The story's debug surface says when the room has drawn (lib/debug.ts).
    await page.addInitScript(() => {
      window.__storyDebug = true;
    });
    // The light is pinned at its top tier: it would otherwise step down to fit this machine's software GPU.
    const [route, hash = ''] = shot.path.split('#');
    const pin = route === '/read' ? '' : '?light-tier=3';
    await page.goto(`http://127.0.0.1:${PORT}${route}${pin}${hash && `#${hash}`}`);
    if (shot.path !== '/read') {
      await page.waitForFunction(() => window.__story?.light.mode === 'webgl', null, { timeout: 20_000 });
    }
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `docs/screenshots/${shot.name}.png` });
    if (shot.name === 'dawn') {
      await page.setViewportSize({ width: 1200, height: 630 });
      await page.waitForTimeout(1500);
      await page.screenshot({ path: 'public/og.png' });
    }
    await page.close();
    console.log(`docs/screenshots/${shot.name}.png`);
  }
} finally {
  await browser.close();
  stop();
}
