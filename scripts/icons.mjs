#!/usr/bin/env node
/**
 * Renders the home-screen icons of the web app manifest (app/manifest.ts) from public/favicon.svg,
 * in Chromium, once: the PNGs are committed, so builds need no browser. Run it again after changing
 * the favicon:
 *   node scripts/icons.mjs
 * Writes public/icon-192.png and public/icon-512.png (the favicon as it is), and
 * public/icon-maskable-512.png: full-bleed background, the window scaled to 80% so that it stays
 * inside the circle a launcher may cut the icon to (the central 80%).
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chromiumArgs, findChromium } from './browser.mjs';

const favicon = readFileSync('public/favicon.svg', 'utf8');
/** The favicon's own background colour, the one its rounded square is filled with. */
const background = /<rect width="64" height="64"[^>]*fill="(#[0-9a-f]+)"/i.exec(favicon)?.[1];
if (!background) throw new Error('icons: the favicon has no full-size background <rect> to extend');
const inner = favicon.replace(/^<svg[^>]*>|<\/svg>\s*$/g, '');
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${background}"/><g transform="translate(32 32) scale(.8) translate(-32 -32)">${inner}</g></svg>`;

const icons = [
  { file: 'public/icon-192.png', size: 192, svg: favicon },
  { file: 'public/icon-512.png', size: 512, svg: favicon },
  { file: 'public/icon-maskable-512.png', size: 512, svg: maskable },
];

const browser = await chromium.launch({ executablePath: findChromium({ install: false }), args: chromiumArgs });
try {
  for (const { file, size, svg } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${size}" height="${size}">`,
    );
    await page.locator('img').screenshot({ path: file, omitBackground: true });
    await page.close();
    console.log(`icons: ${file}`);
  }
} finally {
  await browser.close();
}
