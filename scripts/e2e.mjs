#!/usr/bin/env node
/**
 * Runs the end-to-end tests: finds (or installs) a Chromium, builds the static site (npm run build),
 * then hands over to Playwright, which serves out/ on its own port.
 * Extra arguments go to `playwright test`.
 */
import { spawnSync } from 'node:child_process';
import { findChromium } from './browser.mjs';
import { findPublishingTools } from './publishing.mjs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const chromium = findChromium();
if (chromium) env.CHROMIUM_PATH = chromium;
else {
  console.log("No system Chromium: using Playwright's own browser (npx playwright install chromium).");
  spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', env });
}

// The EPUB and print tests need EPUBCheck and poppler's tools; as root on Debian they are installed here.
const tools = findPublishingTools();
if (tools.missing.length > 0)
  console.log(`Missing ${tools.missing.join(', ')}: apt-get install epubcheck poppler-utils`);

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

// `npm run build` also writes each page's Content-Security-Policy (scripts/csp.mjs), which the CSP tests serve.
if (!process.env.SKIP_BUILD) run('npm', ['run', 'build']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
