/**
 * What the benchmark measures inside one page: an init script that records the page's
 * performance entries from its first moment, and the scripted scroll and keyboard walk.
 * Functions handed to the page run there, so each one is self-contained.
 */
import { clsSessionMax, frameStats, totalBlockingTime } from './report.mjs';

/**
 * Runs in the page before any of its own scripts (page.addInitScript). Buffered observers also
 * deliver entries from before they were created, so nothing of the load is missed.
 */
function probe() {
  const b = {
    fcp: null,
    lcp: null,
    lcpElement: null,
    shifts: [],
    longTasks: [],
    loafs: [],
    loafSupported: false,
    light: null,
    lightAt: null,
    loadingAt: null,
    pendingSeen: false,
    blocked: [],
    frames: null,
  };
  window.__bench = b;
  // The default buffer holds 250 entries; a long story with many images could pass that.
  performance.setResourceTimingBufferSize?.(5000);
  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
      return true;
    } catch {
      return false;
    }
  };
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
  });
  observe('largest-contentful-paint', (e) => {
    b.lcp = e.startTime;
    b.lcpElement = e.element ? e.element.tagName.toLowerCase() + (e.element.id ? `#${e.element.id}` : '') : e.url;
  });
  observe('layout-shift', (e) => b.shifts.push({ t: e.startTime, value: e.value, input: e.hadRecentInput }));
  observe('longtask', (e) => b.longTasks.push({ t: e.startTime, d: e.duration }));
  b.loafSupported = (PerformanceObserver.supportedEntryTypes ?? []).includes('long-animation-frame');
  if (b.loafSupported) {
    observe('long-animation-frame', (e) =>
      b.loafs.push({ t: e.startTime, d: e.duration, blocking: e.blockingDuration }),
    );
  }
  // The mood layer announces itself on <html data-light>: 'pending' while the text paints,
  // 'loading' when it starts fetching three.js, then 'webgl' or 'fallback'.
  const onLight = () => {
    const value = document.documentElement?.dataset.light;
    if (value === 'pending') b.pendingSeen = true;
    else if (value === 'loading') b.loadingAt ??= performance.now();
    else if (value && b.lightAt === null) {
      b.light = value;
      b.lightAt = performance.now();
    }
  };
  new MutationObserver(onLight).observe(document, { attributes: true, attributeFilter: ['data-light'], subtree: true });
  // Requests the policy refused never reach the network, so they are collected here.
  document.addEventListener('securitypolicyviolation', (e) => b.blocked.push(e.blockedURI || 'inline'), true);
  b.startFrames = () => {
    const frames = (b.frames = { deltas: [], from: performance.now(), to: null });
    let last = null;
    const tick = (t) => {
      if (frames.to !== null) return;
      if (last !== null) frames.deltas.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  b.stopFrames = () => {
    b.frames.to = performance.now();
    return b.frames;
  };
}

/** What the page recorded about its load, read once it has settled. */
function readLoad() {
  const b = window.__bench;
  const light = document.documentElement.dataset.light ?? null;
  const js = performance
    .getEntriesByType('resource')
    .filter((e) => /\.m?js$/.test(new URL(e.name).pathname))
    .map((e) => ({ url: e.name, bytes: e.encodedBodySize, start: e.startTime, end: e.responseEnd }));
  return {
    fcp: b.fcp,
    lcp: b.lcp,
    lcpElement: b.lcpElement,
    shifts: b.shifts.slice(),
    longTasks: b.longTasks.slice(),
    loafSupported: b.loafSupported,
    light: b.light ?? light,
    lightAt: b.lightAt,
    loadingAt: performance.getEntriesByName('light:loading')[0]?.startTime ?? b.loadingAt,
    pendingSeen: b.pendingSeen || light === 'pending',
    blocked: b.blocked.slice(),
    js,
    now: performance.now(),
  };
}

/**
 * Scrolls the document from top to bottom in steps of `step` pixels, one per animation frame
 * (scrollBy with behavior 'instant', so CSS smooth scrolling does not stretch it), recording each
 * frame's interval. The step grows on very long documents so a scroll stays within maxFrames.
 */
function scrollThrough({ minStep, maxFrames, maxMs }) {
  const doc = document.scrollingElement ?? document.documentElement;
  window.scrollTo({ top: 0, behavior: 'instant' });
  return new Promise((resolve) => {
    requestAnimationFrame(() =>
      requestAnimationFrame((t0) => {
        const step = Math.max(minStep, Math.ceil((doc.scrollHeight - innerHeight) / maxFrames));
        const deltas = [];
        let last = t0;
        let stuck = 0;
        const from = performance.now();
        const tick = (t) => {
          deltas.push(t - last);
          last = t;
          const atBottom = Math.ceil(scrollY + innerHeight) >= doc.scrollHeight - 1;
          // A page that stops moving (a scroll lock) ends the walk instead of spinning to maxMs.
          if (atBottom || stuck >= 60 || t - t0 > maxMs) {
            resolve({
              from,
              to: performance.now(),
              deltas,
              distance: scrollY,
              height: doc.scrollHeight,
              atBottom,
              step,
            });
            return;
          }
          const before = scrollY;
          window.scrollBy({ top: step, behavior: 'instant' });
          stuck = scrollY === before ? stuck + 1 : 0;
          requestAnimationFrame(tick);
        };
        const atBottom = Math.ceil(scrollY + innerHeight) >= doc.scrollHeight - 1;
        if (atBottom) resolve({ from, to: from, deltas, distance: 0, height: doc.scrollHeight, atBottom, step });
        else requestAnimationFrame(tick);
      }),
    );
  });
}

/** The light's read-only hooks: its tier, what timed its frames, whether its shader compiled in parallel. */
function readLight() {
  const light = document.querySelector('[data-light-layer]');
  const tier = light?.getAttribute('data-tier');
  return {
    lightTier: tier == null ? null : Number(tier),
    lightTimer: light?.getAttribute('data-timer') ?? null,
    parallelCompile: light?.getAttribute('data-parallel-compile') ?? null,
  };
}

/** Long tasks and long animation frames of the page that started in [from, to]. */
function readWindow({ from, to }) {
  const b = window.__bench;
  const inside = (e) => e.t >= from && e.t <= to;
  return { longTasks: b.longTasks.filter(inside), loafs: b.loafs.filter(inside), shifts: b.shifts.slice() };
}

/** Waits until the network has been quiet for a moment, but never long: some pages never go idle. */
async function settle(page, ms = 10_000) {
  await page.waitForLoadState('networkidle', { timeout: ms }).catch(() => {});
}

/** Presses ArrowRight until location.hash stops changing for 3 presses (at most 300 presses). */
async function keyboardWalk(page, { maxPresses = 300, interval = 100 } = {}) {
  await page.evaluate(() => window.__bench.startFrames());
  let hash = await page.evaluate(() => location.hash);
  const seen = new Set([hash]);
  let unchanged = 0;
  let presses = 0;
  while (presses < maxPresses && unchanged < 3) {
    await page.keyboard.press('ArrowRight');
    presses++;
    await page.waitForTimeout(interval);
    const next = await page.evaluate(() => location.hash);
    unchanged = next === hash ? unchanged + 1 : 0;
    hash = next;
    seen.add(next);
  }
  const frames = await page.evaluate(() => window.__bench.stopFrames());
  return { ...frames, presses, steps: seen.size, lastHash: hash };
}

/**
 * One visit to a route in a fresh browser context (a cold cache, as a first visit):
 * the load, then the route's interaction (scroll or keyboard walk), then the heap.
 * With cpuThrottle (e.g. 4) the renderer's main thread is slowed that many times over
 * (Emulation.setCPUThrottlingRate) for the whole visit, load and interaction.
 * @returns {Promise<object>} the raw figures, or { missing: true, status } for a route that is not there.
 */
export async function visit(browser, origin, route, { interaction, viewport, scroll, cpuThrottle = 1 }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.addInitScript(probe);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const cdp = await context.newCDPSession(page);
    if (cpuThrottle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });

    const response = await page.goto(origin + route, { waitUntil: 'load', timeout: 60_000 });
    const status = response?.status() ?? 0;
    if (status === 404 || status === 0) return { missing: true, status };

    // Wait for the mood layer to leave 'pending' (it may never: then all JS counts as before it).
    let lightTimedOut = false;
    if (await page.evaluate(() => document.documentElement.dataset.light === 'pending')) {
      await page
        .waitForFunction(() => document.documentElement.dataset.light !== 'pending', null, { timeout: 30_000 })
        .catch(() => (lightTimedOut = true));
    }
    await settle(page);
    // A second for the last long tasks and LCP candidates of the load to be reported.
    await page.waitForTimeout(1000);
    const load = await page.evaluate(readLoad);

    // JS asked for once the mood layer started loading is the mood layer's; the rest came before it.
    const split = load.loadingAt ?? load.lightAt;
    const jsBefore = load.js.filter((r) => split === null || r.start < split);
    const jsAfter = load.js.filter((r) => split !== null && r.start >= split);
    const sum = (list) => list.reduce((n, r) => n + r.bytes, 0);
    const originHost = new URL(origin).origin;
    // Our own scripts by path, so their gzip size can be read from out/ (the server sends brotli).
    const paths = (list) =>
      list.map((r) => new URL(r.url)).flatMap((u) => (u.origin === originHost ? [u.pathname] : []));
    const foreign = [
      ...requests.filter((u) => /^https?:/.test(u) && new URL(u).origin !== originHost),
      ...load.blocked
        .filter((u) => /^https?:/.test(u) && new URL(u).origin !== originHost)
        .map((u) => `${u} (blocked)`),
    ];

    const result = {
      status,
      fcp: load.fcp,
      lcp: load.lcp,
      lcpElement: load.lcpElement,
      cls: clsSessionMax(load.shifts),
      tbt: totalBlockingTime(load.longTasks, load.fcp ?? 0),
      longTasks: load.longTasks.length,
      longTaskWorst: Math.max(0, ...load.longTasks.map((t) => t.d)),
      jsBefore: sum(jsBefore),
      jsAfter: sum(jsAfter),
      jsFiles: load.js.length,
      jsBeforeUrls: paths(jsBefore),
      jsAfterUrls: paths(jsAfter),
      lightSplit: load.loadingAt != null ? 'light:loading' : load.lightAt != null ? 'light ready' : null,
      cpuThrottle,
      light: lightTimedOut ? 'pending (timed out)' : (load.light ?? 'none'),
      moodLayerAt: load.lightAt,
      requests: requests.length,
      foreign,
      cspBlocked: load.blocked,
      loafSupported: load.loafSupported,
    };

    if (interaction === 'scroll' || interaction === 'keyboard') {
      const frames = interaction === 'scroll' ? await page.evaluate(scrollThrough, scroll) : await keyboardWalk(page);
      await page.waitForTimeout(300);
      const during = await page.evaluate(readWindow, { from: frames.from, to: frames.to });
      result.interaction = {
        kind: interaction,
        ms: frames.to - frames.from,
        ...(interaction === 'scroll'
          ? { distance: frames.distance, height: frames.height, reachedBottom: frames.atBottom, step: frames.step }
          : { presses: frames.presses, steps: frames.steps, lastHash: frames.lastHash }),
        ...frameStats(frames.deltas),
        loafs: during.loafs.length,
        loafWorst: Math.max(0, ...during.loafs.map((l) => l.d)),
        loafBlocking: during.loafs.reduce((n, l) => n + (l.blocking ?? 0), 0),
        longTasks: during.longTasks.length,
        longTaskWorst: Math.max(0, ...during.longTasks.map((t) => t.d)),
      };
      result.clsVisit = clsSessionMax(during.shifts);
    } else {
      result.clsVisit = result.cls;
    }
    // The tier the light settled on (data-tier, 3 = full) after the interaction, and how it measured itself.
    Object.assign(result, await page.evaluate(readLight));

    // The heap that stays: after a full garbage collection, at the end of the visit.
    await cdp.send('HeapProfiler.collectGarbage');
    result.heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    return result;
  } finally {
    await context.close();
  }
}
