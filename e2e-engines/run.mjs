#!/usr/bin/env node
/**
 * `npm run test:engines`: the site in Firefox (Gecko) and WebKitGTK (WebKit), the engines the
 * Playwright suite (Chromium) does not cover. Finds or installs the browsers (scripts/browser.mjs),
 * builds unless SKIP_BUILD is set, re-runs itself under xvfb-run when there is no display (WebGL
 * needs one: Mesa's llvmpipe draws it), serves out/ on loopback and runs e2e-engines/checks.mjs
 * in each engine in turn. Ends with "N passed, N failed"; exits non-zero on any failure.
 *
 *   npm run test:engines [-- --engine firefox|webkit]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { findEngines } from '../scripts/browser.mjs';
import { checks } from './checks.mjs';
import { launchFirefox } from './firefox.mjs';
import { Session, VIEWPORT } from './page.mjs';
import { startServer } from './server.mjs';
import { withTimeout } from './timeout.mjs';
import { launchWebKit } from './webkit.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const only = args.includes('--engine') ? args[args.indexOf('--engine') + 1] : undefined;
/** Past this, something hangs that no other timeout caught: stop rather than stall CI. */
const DEADLINE_MS = 12 * 60_000;
const CHECK_TIMEOUT_MS = 90_000;

if (only && !['firefox', 'webkit'].includes(only)) {
  console.error(`--engine ${only}: expected firefox or webkit`);
  process.exit(1);
}

const engines = findEngines();
if (engines.missing.length) {
  console.error(
    `Cannot test Firefox and WebKit: missing ${engines.missing.join(', ')}. ` +
      'As root on Debian this installs them; otherwise: apt-get install firefox-esr webkit2gtk-driver xvfb xauth',
  );
  process.exit(1);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
if (!env.SKIP_BUILD) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
  env.SKIP_BUILD = '1';
}

if (!env.DISPLAY) {
  // A screen larger than the viewport, so the browsers' windows fit whole; 24-bit for faithful pixels.
  const self = fileURLToPath(import.meta.url);
  const xvfb = spawnSync(engines.xvfbRun, ['-a', '-s', '-screen 0 1920x1200x24', process.execPath, self, ...args], {
    stdio: 'inherit',
    env,
  });
  process.exit(xvfb.status ?? 1);
}

const deadline = setTimeout(() => {
  console.error(`\nThe engines' tests did not finish within ${DEADLINE_MS / 60_000} minutes: stopping.`);
  process.exit(1);
}, DEADLINE_MS);

const launchers = {
  firefox: () => launchFirefox({ executablePath: engines.firefox, viewport: VIEWPORT }),
  webkit: () =>
    launchWebKit({ driverPath: engines.webkitDriver, miniBrowser: engines.miniBrowser, viewport: VIEWPORT }),
};

const results = [];
const report = (engine, name, error, ms, note) => {
  results.push({ engine, name, ok: !error });
  const time = ms === undefined ? '' : ` (${(ms / 1000).toFixed(1)} s${note ? `; ${note}` : ''})`;
  console.log(`${error ? '✗' : '✓'} ${engine} › ${name}${time}`);
  if (error) console.log(`    ${String(error).split('\n').join('\n    ')}`);
};
const message = (error) => (error instanceof Error ? error.message : String(error));

const server = await startServer({ root: path.join(root, 'out') });
for (const [engine, launch] of Object.entries(launchers)) {
  if (only && only !== engine) continue;
  console.log(`\n${engine}`);
  const started = Date.now();
  let driver;
  try {
    driver = await withTimeout(launch(), 120_000, `starting ${engine}`);
    report(engine, `the browser starts (${driver.version})`, undefined, Date.now() - started);
  } catch (error) {
    report(engine, 'the browser starts', message(error), Date.now() - started);
    for (const check of checks) report(engine, check.name, 'not run: the browser did not start');
    continue;
  }
  const session = new Session(driver, server.url);
  const cache = new Map();
  for (const check of checks) {
    const t0 = Date.now();
    session.errors = [];
    let failure;
    let note;
    try {
      note = await withTimeout(check.run(session, cache), check.timeout ?? CHECK_TIMEOUT_MS, check.name);
      const errors = [...session.errors, ...(await withTimeout(session.takeErrors(), 10_000, 'reading errors'))];
      if (errors.length) failure = `errors recorded by the page:\n${errors.join('\n')}`;
    } catch (error) {
      failure = message(error);
    }
    report(engine, check.name, failure, Date.now() - t0, note);
  }
  await driver.close();
}
await server.close();
clearTimeout(deadline);

const failed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
