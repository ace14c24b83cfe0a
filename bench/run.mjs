#!/usr/bin/env node
/**
 * The site's benchmark: measures the static export as served, in headless Chromium.
 *
 *   npm run bench [-- --runs 3] [--build] [--lighthouse] [--dir out]
 *
 * Builds out/ when it is missing (or with --build), serves it with scripts/serve.mjs (headers on) on a
 * free loopback port, and visits every route --runs times (interleaved, each visit in a fresh
 * context, i.e. with a cold cache): LCP, CLS, TBT, long tasks, JavaScript transferred before and
 * after the light started (its light:loading mark), requests, other origins, JS heap; then a
 * scripted scroll through / and /read, and a keyboard walk through /present, with per-frame
 * statistics and the page's requestAnimationFrame callbacks per frame (on / and /present also
 * once the page is still). In each run, one more visit of / with the CPU slowed 4× (load and
 * scroll), and the light sync visits: / with the story's debug surface on, scrolled with the
 * wheel, counting the frames whose light was not drawn in the frame its position changed, at the
 * top tier and at the tier the light chooses. Prints medians with each figure's ratio to /read in
 * the same run, the up-front JS of each route and the framework floor read from out/, optional
 * Lighthouse scores, and the targets (issue 19) measured against this run; writes
 * bench/results/<date>.json and latest.json.
 * Figures are informational: it exits 0 unless the benchmark itself fails.
 */
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../scripts/browser.mjs';
import { LIGHTHOUSE, lighthouse, stopLighthouse } from './lighthouse.mjs';
import { lightSync, visit } from './page.mjs';
import {
  fmt,
  MIN_CHANGES,
  resultsTable,
  summarise,
  syncText,
  table,
  targets,
  targetsText,
  threadText,
  THROTTLED,
} from './report.mjs';
import { sizeOfUrl, staticSizes } from './static-size.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let OUT = path.join(ROOT, 'out');
const RESULTS = path.join(ROOT, 'bench', 'results');
// The routes of lib/site.ts (TypeScript, which plain Node cannot import), and what is done on each.
const ROUTES = ['/', '/read', '/present'];
const INTERACTION = { '/': 'scroll', '/read': 'scroll', '/present': 'keyboard' };
// Where the page's animation frame callbacks are also counted at rest after the interaction
// (it costs 5 s or more a visit): the routes with the story's frame loop.
const STILL = new Set(['/', '/present']);
const VIEWPORT = { width: 1280, height: 800 };
// 40 px a frame is a brisk reader's scroll; very long documents get bigger steps so one scroll
// stays under 1,200 frames (about 20 s at 60 Hz), and a minute is the hard stop.
const SCROLL = { minStep: 40, maxFrames: 1200, maxMs: 60_000 };
// The extra visit of each run: / with the renderer's main thread slowed this many times.
const CPU_THROTTLE = 4;
// The light sync visits of each run: a place where the light changes with every pixel scrolled,
// at the top tier (which follows every frame: the target) and at the tier the light chooses.
const LIGHT_SYNC = { place: 'the-call', top: '?light-tier=3', minChanges: MIN_CHANGES };

function parseArgs(argv) {
  const options = { runs: 3, build: false, lighthouse: false, dir: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg.startsWith('--runs=')) options.runs = Number(arg.slice(7));
    else if (arg === '--build') options.build = true;
    else if (arg === '--dir') options.dir = argv[++i];
    else if (arg === '--lighthouse') options.lighthouse = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run bench [-- --runs N] [--build] [--lighthouse] [--dir another-export]');
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs needs a whole number ≥ 1');
  return options;
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function build(force) {
  if (force || !existsSync(path.join(OUT, 'index.html'))) {
    console.log(force ? 'Building (--build)...' : 'No out/: building...');
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env });
    if (r.status !== 0) throw new Error('npm run build failed');
  } else if (!existsSync(path.join(OUT, 'csp.json'))) {
    // out/ from a bare `next build`: run the rest of `npm run build`, the per-page policies the
    // server sends, then the compressed copies it sends (without them text would go uncompressed).
    for (const step of ['scripts/csp.mjs', 'scripts/compress.mjs']) {
      const r = spawnSync(process.execPath, [step], { cwd: ROOT, stdio: 'inherit', env });
      if (r.status !== 0) throw new Error(`${step} failed`);
    }
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The static server, in its own process group so that stopping it stops everything it started. */
let server;
function stopServer() {
  stopLighthouse();
  if (server && server.exitCode === null && server.signalCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  server = undefined;
}

async function startServer(port) {
  server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port), '--dir', OUT], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
  });
  let stderr = '';
  server.stderr.on('data', (d) => (stderr += d));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server stopped: ${stderr.trim()}`);
    try {
      if ((await fetch(`${origin}/read`)).status < 500) return origin;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not answer within 15 s: ${stderr.trim()}`);
}

const kb = (bytes) => fmt(bytes, { digits: 1, scale: 1 / 1000 });

function printStatic(sizes) {
  console.log('\nUp-front JavaScript of each route, read from out/ (<script src> and preloads, gzip as served)');
  const rows = [['route', 'chunks', 'raw kB', 'gzip kB', 'HTML gzip kB']];
  for (const [route, s] of Object.entries(sizes.perRoute)) {
    rows.push(
      s.missing ? [route, 'missing', '', '', ''] : [route, s.chunks.length, kb(s.raw), kb(s.gzip), kb(s.html.gzip)],
    );
  }
  const { floor, serviceWorker } = sizes;
  rows.push(
    floor.missing
      ? ['framework floor', 'no 404.html', '', '', '']
      : [`framework floor (${floor.page})`, floor.chunks.length, kb(floor.raw), kb(floor.gzip), ''],
  );
  rows.push(
    serviceWorker.missing
      ? ['service worker', 'no sw.js', '', '', '']
      : ['service worker (/sw.js)', 1, kb(serviceWorker.raw), kb(serviceWorker.gzip), ''],
  );
  console.log(table(rows));
  console.log(
    `All JavaScript in out/_next/static, loaded up front or later: ${sizes.all.files} files, ` +
      `${kb(sizes.all.raw)} kB raw, ${kb(sizes.all.gzip)} kB gzip`,
  );
}

/** Adds the gzip size, read from out/, of the scripts a visit fetched (the server sent them brotli). */
function addGzipSizes(v) {
  if (!v || v.missing || v.error) return v;
  const gzip = (urls) => urls.reduce((n, url) => n + sizeOfUrl(OUT, url).gzip, 0);
  v.jsBeforeGzip = gzip(v.jsBeforeUrls);
  v.jsGzip = v.jsBeforeGzip + gzip(v.jsAfterUrls);
  return v;
}

function describeVisit(v) {
  if (v.missing) return `missing (HTTP ${v.status})`;
  if (v.error) return `failed: ${v.error}`;
  const parts = [
    `LCP ${fmt(v.lcp)} ms`,
    `CLS ${v.cls.toFixed(3)}`,
    `TBT ${fmt(v.tbt)} ms`,
    `JS ${kb(v.jsBefore)}+${kb(v.jsAfter)} kB (gzip ${kb(v.jsBeforeGzip)}+${kb(v.jsGzip - v.jsBeforeGzip)})`,
    `light ${v.light}`,
  ];
  const i = v.interaction;
  if (i?.kind === 'scroll')
    parts.push(`scrolled ${fmt(i.distance)} px in ${i.frames} frames, p95 ${fmt(i.frameP95, { digits: 1 })} ms`);
  if (i?.kind === 'keyboard')
    parts.push(`${i.presses} presses, ${i.steps} steps, p95 ${fmt(i.frameP95, { digits: 1 })} ms`);
  if (i) parts.push(`at most ${i.callbacksMax} rAF callback(s) a frame`);
  if (v.still) parts.push(`${v.still.callbacks} in 3 s still${v.still.rested ? '' : ' (never rested 2 s)'}`);
  return parts.join(', ');
}

/** One light sync visit: what syncText() says, and the scroll, the thread and the tier. */
function describeSync(s) {
  if (typeof s.late !== 'number') return syncText(s);
  return (
    `${syncText(s)} drawn late or never (${s.wheels} wheel events, ${fmt(s.scrollMs)} ms), ` +
    `drawn on ${threadText(s.thread)}, tier ${s.tier ?? '–'}${s.pinned ? ' (pinned)' : ''}, ${s.width}×${s.height}`
  );
}

/** "the-call, beat 41 at 0.52" from the debug surface's place. */
const placeText = (p) => (p ? `${p.scene}, beat ${p.beat} at ${fmt(p.progress, { digits: 2 })}` : '–');

function gitCommit() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = new Date();
  const executablePath = findChromium();
  // --dir measures another export (an older build kept for comparison); it is never built here.
  if (options.dir) OUT = path.resolve(options.dir);
  else build(options.build);
  if (!existsSync(path.join(OUT, 'csp.json')))
    throw new Error(`${OUT} has no csp.json: run node scripts/csp.mjs --dir ${OUT}`);

  const sizes = staticSizes(OUT, ROUTES);
  printStatic(sizes);

  const origin = await startServer(await freePort());
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  const chromiumVersion = browser.version();
  console.log(
    `\nMeasuring ${origin} in Chromium ${chromiumVersion}, ${options.runs} run(s), viewport ${VIEWPORT.width}×${VIEWPORT.height}`,
  );

  const runs = [];
  const syncs = [];
  const missing = new Set();
  try {
    // One visit that is not counted: the first page of a fresh browser pays for starting its
    // renderer and the server's first gzip of each file, which would all be charged to one route.
    await visit(browser, origin, '/read', { interaction: 'none', viewport: VIEWPORT, scroll: SCROLL });
    for (let n = 1; n <= options.runs; n++) {
      const run = {};
      // Each run starts at another route, so no route is always the first or the last of a run.
      const order = ROUTES.map((_, i) => ROUTES[(i + n - 1) % ROUTES.length]);
      for (const route of order) {
        // A route that is not there is reported once, not visited again.
        if (missing.has(route)) {
          run[route] = { missing: true, status: 404 };
          continue;
        }
        try {
          run[route] = await visit(browser, origin, route, {
            interaction: INTERACTION[route],
            viewport: VIEWPORT,
            scroll: SCROLL,
            still: STILL.has(route),
          });
        } catch (error) {
          run[route] = { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
        }
        addGzipSizes(run[route]);
        if (run[route].missing) missing.add(route);
        console.log(`run ${n}/${options.runs} ${route.padEnd(9)} ${describeVisit(run[route])}`);
      }
      // The same scroll of / on a CPU slowed 4× (a mid-range phone, as Lighthouse's mobile preset).
      if (!missing.has('/')) {
        try {
          run[THROTTLED] = await visit(browser, origin, '/', {
            interaction: INTERACTION['/'],
            viewport: VIEWPORT,
            scroll: SCROLL,
            cpuThrottle: CPU_THROTTLE,
          });
        } catch (error) {
          run[THROTTLED] = { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
        }
        addGzipSizes(run[THROTTLED]);
        console.log(`run ${n}/${options.runs} ${THROTTLED} ${describeVisit(run[THROTTLED])}`);
      }
      runs.push(Object.fromEntries([...ROUTES, THROTTLED].filter((r) => r in run).map((r) => [r, run[r]])));
      // The light sync visits, with the debug surface on (never in the timed visits above).
      if (!missing.has('/')) {
        const sync = {};
        for (const [key, query] of [
          ['top', LIGHT_SYNC.top],
          ['own', ''],
        ]) {
          try {
            sync[key] = await lightSync(browser, origin, {
              viewport: VIEWPORT,
              query,
              place: LIGHT_SYNC.place,
              minChanges: LIGHT_SYNC.minChanges,
            });
          } catch (error) {
            sync[key] = { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
          }
          const name = `light sync /${query}#${LIGHT_SYNC.place}`;
          console.log(`run ${n}/${options.runs} ${name} ${describeSync(sync[key])}`);
        }
        syncs.push(sync);
      }
    }
  } finally {
    await browser.close();
  }

  let lh;
  if (options.lighthouse) {
    lh = {};
    console.log(`\nLighthouse (npx ${LIGHTHOUSE}), desktop and mobile, one run each:`);
    for (const route of ROUTES.filter((r) => !missing.has(r))) {
      lh[route] = {};
      for (const formFactor of ['desktop', 'mobile']) {
        lh[route][formFactor] = await lighthouse(origin + route, formFactor, {
          chromePath: executablePath ?? '/usr/bin/chromium',
          chromeArgs: chromiumArgs,
        });
        const r = lh[route][formFactor];
        console.log(`  ${route} ${formFactor}: ${r.error ? `failed: ${r.error}` : JSON.stringify(r.scores)}`);
      }
    }
  }
  stopServer();

  for (const run of runs)
    for (const v of Object.values(run)) if (v && !v.missing && !v.error) v.foreignCount = v.foreign.length;
  const summaries = Object.fromEntries(ROUTES.map((route) => [route, summarise(runs, route)]));
  // The throttled visit's ratios are to the unthrottled / of the same run.
  if (runs.some((run) => run[THROTTLED])) summaries[THROTTLED] = summarise(runs, THROTTLED, '/');

  console.log(`\nMedians of ${options.runs} run(s); in brackets the median ratio to /read measured in the same run`);
  console.log(
    '(kB = 1,000 bytes, compressed as transferred; interaction: scroll on / and /read, ArrowRight walk on /present)\n',
  );
  console.log(resultsTable(ROUTES, summaries));

  if (summaries[THROTTLED]) {
    console.log(
      `\n/ with the CPU slowed ${CPU_THROTTLE}× (Emulation.setCPUThrottlingRate, load and scroll), medians; in brackets the median ratio to / unthrottled in the same run\n`,
    );
    console.log(
      resultsTable(['/', THROTTLED], summaries, '/', [
        'lcp',
        'tbt',
        'longTasks',
        'interaction.ms',
        'interaction.frames',
        'interaction.frameMean',
        'interaction.frameP95',
        'interaction.jankFrames',
        'interaction.longTasks',
        'interaction.longTaskWorst',
        'interaction.callbacksMax',
        'interaction.callbacksMean',
      ]),
    );
  }

  const notes = [];
  for (const route of ROUTES) {
    const visits = runs.map((r) => r[route]).filter((v) => v && !v.missing && !v.error);
    if (!visits.length) continue;
    const v = visits[0];
    const lights = [...new Set(visits.map((x) => x.light))].join(', ');
    let line = `${route}: light ${lights}; LCP element ${v.lcpElement ?? '–'}`;
    if (v.interaction?.kind === 'scroll') {
      const i = v.interaction;
      line += `; scroll of ${fmt(i.height)} px document in ${fmt(i.step)} px steps${i.reachedBottom ? '' : ' (did not reach the bottom)'}`;
    }
    if (v.interaction?.kind === 'keyboard') line += `; walk ended on ${v.interaction.lastHash || '(no hash)'}`;
    const foreign = [...new Set(visits.flatMap((x) => x.foreign))];
    if (foreign.length) line += `; OTHER ORIGINS: ${foreign.join(', ')}`;
    const blocked = [...new Set(visits.flatMap((x) => x.cspBlocked))];
    if (blocked.length) line += `; CSP blocked: ${blocked.join(', ')}`;
    notes.push(line);
  }
  for (const run of runs)
    for (const [route, v] of Object.entries(run)) if (v.error) notes.push(`${route}: a visit failed: ${v.error}`);
  // What the debug surface says of the light, read in the light sync visits only.
  for (const [key, what] of [
    ['top', `/${LIGHT_SYNC.top}`],
    ['own', '/ at its own tier'],
  ]) {
    const seen = syncs.map((s) => s[key]).filter((s) => s && typeof s.late === 'number');
    if (!seen.length) continue;
    const s = seen[0];
    notes.push(
      `light sync ${what}: drawn on ${[...new Set(seen.map((x) => threadText(x.thread)))].join(', ')}, ` +
        `tier ${seen.map((x) => x.tier ?? '–').join(' / ')}${s.pinned ? ' (pinned)' : ''}, ` +
        `frames timed by ${s.timer === 'gpu' ? 'the GPU timer query' : 'frame intervals'}, ` +
        `shader compiled ${s.parallelCompile ? 'in parallel' : 'with a fence'}; ` +
        `tiers drawn at: ${s.tiers.map((t) => `${t.tier} (${t.width}×${t.height}, ${fmt(t.at)} ms)`).join(', ') || '–'}; ` +
        `scrolled from ${placeText(s.startPlace)} to ${placeText(s.endPlace)}`,
    );
  }
  if (runs.some((run) => Object.values(run).some((v) => v.loafSupported === false))) {
    notes.push('Long Animation Frames are not supported by this Chromium: LoAF figures are missing.');
  }
  notes.push(
    'Frames are drawn by SwiftShader (software WebGL, which the light needs here): compare ratios, not absolute frame times.',
  );
  if (notes.length) console.log(`\n${notes.join('\n')}`);

  if (lh) {
    const rows = [['Lighthouse', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP ms', 'TBT ms']];
    for (const [route, forms] of Object.entries(lh)) {
      for (const [formFactor, r] of Object.entries(forms)) {
        if (r.error) rows.push([`${route} ${formFactor}`, 'failed', '', '', '', '', '']);
        else {
          const s = r.scores;
          rows.push([
            `${route} ${formFactor}`,
            s.performance,
            s.accessibility,
            s['best-practices'],
            s.seo,
            fmt(r.metrics.lcp),
            fmt(r.metrics.tbt),
          ]);
        }
      }
    }
    console.log(`\n${table(rows)}`);
    for (const [route, forms] of Object.entries(lh)) {
      for (const [formFactor, r] of Object.entries(forms)) {
        if (r.error) console.log(`Lighthouse ${route} ${formFactor} failed: ${r.error}`);
        else if (r.failing.length)
          console.log(`Lighthouse ${route} ${formFactor} lost points on: ${r.failing.join(', ')}`);
      }
    }
  }

  const goals = targets({ summaries, runs, syncs, lighthouse: lh, sizes });
  console.log('\nTargets (informational: the benchmark never fails on them)\n');
  console.log(targetsText(goals));

  const result = {
    date: started.toISOString(),
    commit: gitCommit(),
    node: process.version,
    chromium: chromiumVersion,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30) },
    settings: {
      runs: options.runs,
      routes: ROUTES,
      interaction: INTERACTION,
      viewport: VIEWPORT,
      scroll: SCROLL,
      cpuThrottle: { route: '/', rate: CPU_THROTTLE, key: THROTTLED },
      still: [...STILL],
      lightSync: LIGHT_SYNC,
      csp: true,
    },
    static: sizes,
    runs,
    lightSync: syncs,
    summary: summaries,
    lighthouse: lh ?? null,
    targets: goals,
    seconds: Math.round((Date.now() - started.getTime()) / 1000),
  };
  mkdirSync(RESULTS, { recursive: true });
  const name = `${started
    .toISOString()
    .replace(/:/g, '-')
    .replace(/\.\d+Z$/, 'Z')}.json`;
  const json = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(path.join(RESULTS, name), json);
  writeFileSync(path.join(RESULTS, 'latest.json'), json);
  console.log(`\nWrote bench/results/${name} and bench/results/latest.json (${result.seconds} s)`);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopServer();
    process.exit(130);
  });
}
// Whatever happens, the server does not outlive the benchmark.
process.on('exit', stopServer);

main().catch((error) => {
  stopServer();
  console.error(`bench: ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
