/**
 * What the benchmark measures inside one page: an init script that records the page's
 * performance entries and animation frame callbacks from its first moment, the scripted scroll
 * and keyboard walk, and the light sync visit, which reads the story's debug surface.
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
    blocked: [],
    frames: null,
    // The page's requestAnimationFrame callbacks: how many ran in each frame (by the frame's
    // timestamp, which every callback of one frame is handed), and when the last one ran.
    callbacks: new Map(),
    lastCallbackAt: null,
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
  // The light marks its moments on the page's timeline: light:loading when it starts (what is
  // requested after it is the light's), then light:first-frame (the room shows) or
  // light:fallback (the CSS light stays). A page whose light layer is missing or hidden never
  // starts it: 'none' there, 'pending' until the mark on the others.
  b.lightNow = () => {
    const at = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
    const webgl = at('light:first-frame');
    const fallback = at('light:fallback');
    if (webgl !== null || fallback !== null) {
      const mode = fallback === null || (webgl !== null && webgl <= fallback) ? 'webgl' : 'fallback';
      return { mode, loadingAt: at('light:loading'), decidedAt: mode === 'webgl' ? webgl : fallback };
    }
    const loadingAt = at('light:loading');
    if (loadingAt !== null) return { mode: 'loading', loadingAt, decidedAt: null };
    const layer = document.querySelector('[data-light-layer]');
    const shown = layer !== null && getComputedStyle(layer).display !== 'none';
    return { mode: shown ? 'pending' : 'none', loadingAt: null, decidedAt: null };
  };
  // The page's animation frame callbacks are counted, one frame loop meaning at most one a frame.
  // The bench's own loops use the browser's function, kept here, so they are not counted.
  const nativeFrame = window.requestAnimationFrame.bind(window);
  b.nativeFrame = nativeFrame;
  window.requestAnimationFrame = function requestAnimationFrame(callback) {
    // Not a function: the browser's own TypeError, as without the probe.
    if (typeof callback !== 'function') return nativeFrame(callback);
    return nativeFrame((t) => {
      b.callbacks.set(t, (b.callbacks.get(t) ?? 0) + 1);
      b.lastCallbackAt = performance.now();
      callback(t);
    });
  };
  // Requests the policy refused never reach the network, so they are collected here.
  document.addEventListener('securitypolicyviolation', (e) => b.blocked.push(e.blockedURI || 'inline'), true);
  b.startFrames = () => {
    const frames = (b.frames = { deltas: [], from: performance.now(), to: null });
    let last = null;
    const tick = (t) => {
      if (frames.to !== null) return;
      if (last !== null) frames.deltas.push(t - last);
      last = t;
      nativeFrame(tick);
    };
    nativeFrame(tick);
  };
  b.stopFrames = () => {
    b.frames.to = performance.now();
    return b.frames;
  };
}

/** What the page recorded about its load, read once it has settled. */
function readLoad() {
  const b = window.__bench;
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
    light: b.lightNow(),
    blocked: b.blocked.slice(),
    js,
    now: performance.now(),
  };
}

/**
 * The scripts the page's workers fetched themselves (importScripts): the light's worker loads its
 * code so, and those requests are in the worker's resource timing, not the page's.
 */
async function workerScripts(page) {
  const lists = await Promise.all(
    page.workers().map((worker) =>
      worker
        .evaluate(() =>
          performance
            .getEntriesByType('resource')
            .filter((e) => /\.m?js$/.test(new URL(e.name).pathname))
            .map((e) => ({ url: e.name, bytes: e.encodedBodySize })),
        )
        // A worker that ended meanwhile has nothing more to say.
        .catch(() => []),
    ),
  );
  return lists.flat();
}

/**
 * Scrolls the document from top to bottom in steps of `step` pixels, one per animation frame
 * (scrollBy with behavior 'instant', so CSS smooth scrolling does not stretch it), recording each
 * frame's interval. The step grows on very long documents so a scroll stays within maxFrames.
 * Its frames are asked of the browser's own requestAnimationFrame, so the page's count stays its own.
 */
function scrollThrough({ minStep, maxFrames, maxMs }) {
  const doc = document.scrollingElement ?? document.documentElement;
  const frame = window.__bench.nativeFrame;
  window.scrollTo({ top: 0, behavior: 'instant' });
  return new Promise((resolve) => {
    frame(() =>
      frame((t0) => {
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
          frame(tick);
        };
        const atBottom = Math.ceil(scrollY + innerHeight) >= doc.scrollHeight - 1;
        if (atBottom) resolve({ from, to: from, deltas, distance: 0, height: doc.scrollHeight, atBottom, step });
        else frame(tick);
      }),
    );
  });
}

/**
 * The page's animation frame callbacks per frame in (from, to] (performance.now() times): a
 * frame's callbacks are handed its start time, so each frame of the window is counted once.
 */
function readCallbacks({ from, to }) {
  const counts = [];
  for (const [t, n] of window.__bench.callbacks) if (t > from && t <= to) counts.push(n);
  return counts;
}

/**
 * The page's animation frame callbacks once it is still: waits for quietMs without any (the
 * text's arrivals and the light's last fade all done), giving up after giveUpMs, then counts
 * those of the next windowMs. A page whose one frame loop rests runs none (target 0).
 */
async function stillCallbacks(page, { quietMs = 2000, giveUpMs = 20_000, windowMs = 3000 } = {}) {
  const started = Date.now();
  const quietFor = () => page.evaluate(() => performance.now() - (window.__bench.lastCallbackAt ?? -Infinity));
  let quiet = await quietFor();
  while (quiet < quietMs && Date.now() - started < giveUpMs) {
    await page.waitForTimeout(Math.max(50, Math.min(250, quietMs - quiet)));
    quiet = await quietFor();
  }
  const rested = quiet >= quietMs;
  const waitedMs = Date.now() - started;
  const from = await page.evaluate(() => performance.now());
  await page.waitForTimeout(windowMs);
  const to = await page.evaluate(() => performance.now());
  const counts = await page.evaluate(readCallbacks, { from, to });
  return {
    rested,
    waitedMs,
    windowMs: Math.round(to - from),
    callbacks: counts.reduce((a, n) => a + n, 0),
    frames: counts.length,
  };
}

/**
 * The page's callbacks per frame over an interaction: the most in one frame, the mean over the
 * frames that ran any (grouped by timestamp), and the total over all `frames` frames of it (the
 * bench's own count), which says how often the page's loop ran at all.
 */
function callbackStats(counts, frames) {
  const total = counts.reduce((a, n) => a + n, 0);
  return {
    callbacksMax: Math.max(0, ...counts),
    callbacksMean: counts.length ? total / counts.length : null,
    callbacksPerFrame: frames > 0 ? total / frames : null,
    callbackFrames: counts.length,
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

/** Waits for the light to decide (webgl or fallback) where it starts; true unless it timed out. */
async function lightDecided(page, timeout = 30_000) {
  return page
    .waitForFunction(() => !['pending', 'loading'].includes(window.__bench.lightNow().mode), null, {
      timeout,
      polling: 100,
    })
    .then(
      () => true,
      () => false,
    );
}

/**
 * One visit to a route in a fresh browser context (a cold cache, as a first visit):
 * the load, then the route's interaction (scroll or keyboard walk), then the heap.
 * With cpuThrottle (e.g. 4) the renderer's main thread is slowed that many times over
 * (Emulation.setCPUThrottlingRate) for the whole visit, load and interaction.
 * With still, the page's animation frame callbacks are also counted once it has come to rest
 * after the interaction (a wait of at least 5 s, so only where it is a target).
 * @returns {Promise<object>} the raw figures, or { missing: true, status } for a route that is not there.
 */
export async function visit(browser, origin, route, { interaction, viewport, scroll, cpuThrottle = 1, still = false }) {
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

    // Wait for the light to show or fall back (it may never start: then all JS counts as before it).
    const decided = await lightDecided(page);
    await settle(page);
    // A second for the last long tasks and LCP candidates of the load to be reported.
    await page.waitForTimeout(1000);
    const load = await page.evaluate(readLoad);

    // JS asked for once the light started loading is the light's; the rest came before it. What
    // the page's workers fetched is the light's too: its worker starts after light:loading.
    const split = load.light.loadingAt ?? load.light.decidedAt;
    const fromWorkers = await workerScripts(page);
    const jsBefore = load.js.filter((r) => split === null || r.start < split);
    const jsAfter = [...load.js.filter((r) => split !== null && r.start >= split), ...fromWorkers];
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
      jsFiles: load.js.length + fromWorkers.length,
      jsFromWorkers: fromWorkers.length,
      jsBeforeUrls: paths(jsBefore),
      jsAfterUrls: paths(jsAfter),
      lightSplit:
        load.light.loadingAt != null ? 'light:loading' : load.light.decidedAt != null ? 'the light deciding' : null,
      cpuThrottle,
      // 'webgl', 'fallback', 'none' (no light on the page), or where it stood when the wait gave up.
      light: decided ? load.light.mode : `${load.light.mode} (timed out)`,
      lightLoadingAt: load.light.loadingAt,
      lightAt: load.light.decidedAt,
      requests: requests.length,
      foreign,
      cspBlocked: load.blocked,
      loafSupported: load.loafSupported,
    };

    if (interaction === 'scroll' || interaction === 'keyboard') {
      const frames = interaction === 'scroll' ? await page.evaluate(scrollThrough, scroll) : await keyboardWalk(page);
      await page.waitForTimeout(300);
      const counts = await page.evaluate(readCallbacks, { from: frames.from, to: frames.to });
      const rest = still ? await stillCallbacks(page) : undefined;
      const during = await page.evaluate(readWindow, { from: frames.from, to: frames.to });
      result.interaction = {
        kind: interaction,
        ms: frames.to - frames.from,
        ...(interaction === 'scroll'
          ? { distance: frames.distance, height: frames.height, reachedBottom: frames.atBottom, step: frames.step }
          : { presses: frames.presses, steps: frames.steps, lastHash: frames.lastHash }),
        ...frameStats(frames.deltas),
        ...callbackStats(counts, frames.deltas.length),
        loafs: during.loafs.length,
        loafWorst: Math.max(0, ...during.loafs.map((l) => l.d)),
        loafBlocking: during.loafs.reduce((n, l) => n + (l.blocking ?? 0), 0),
        longTasks: during.longTasks.length,
        longTaskWorst: Math.max(0, ...during.longTasks.map((t) => t.d)),
      };
      if (rest) result.still = rest;
      // Shifts up to now: the whole visit, its rest included.
      result.clsVisit = clsSessionMax(during.shifts);
    } else {
      result.clsVisit = result.cls;
    }

    // The heap that stays: after a full garbage collection, at the end of the visit.
    await cdp.send('HeapProfiler.collectGarbage');
    result.heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    return result;
  } finally {
    await context.close();
  }
}

/** The story's debug surface, read whole (a copy; the frame logs hold their last 500 frames). */
const story = (page) => page.evaluate(() => window.__story ?? null);

/**
 * Waits until the light has drawn the mood of the last frame the page handed it, or timeout;
 * true when it has (or when nothing was handed over).
 */
async function lightCaughtUp(page, timeout = 10_000) {
  return page
    .waitForFunction(
      () => {
        const { sent, drawn } = window.__story;
        return sent.length === 0 || drawn.includes(sent.at(-1));
      },
      null,
      { timeout, polling: 50 },
    )
    .then(
      () => true,
      () => false,
    );
}

/**
 * Scrolls with the mouse wheel, in small steps as a reader's, until at least `changes` frames
 * after `after` have handed the light a new mood; stops early when the page no longer moves or
 * after maxMs (a wheel event takes a frame or more to be handled, far more on a busy machine).
 * Returns the wheel events sent.
 */
async function wheelUntil(page, { after, changes, delta = 30, maxMs = 120_000 }) {
  const deadline = Date.now() + maxMs;
  let wheels = 0;
  let stuck = 0;
  let y = await page.evaluate(() => scrollY);
  for (;;) {
    // Ten wheel events between two looks: reading the page after each would pace the scroll.
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, delta);
    wheels += 10;
    const seen = await page.evaluate(
      (last) => ({ changes: window.__story.sent.filter((f) => f > last).length, y: scrollY }),
      after,
    );
    stuck = seen.y === y ? stuck + 1 : 0;
    y = seen.y;
    if (seen.changes >= changes || stuck >= 5 || Date.now() > deadline) return wheels;
  }
}

/**
 * The light sync visit: the story with its debug surface on (window.__storyDebug, set before the
 * page's scripts; it makes the light report every draw, so the timed visits never turn it on).
 * Opens `place` (where the light changes with every pixel scrolled), waits for the room, scrolls
 * with the wheel until at least minChanges frames have handed the light a new mood, waits for
 * the last of them to be drawn, and counts those frames whose mood the light never reported
 * drawing (it was drawn in a later frame, with a newer mood, or not at all). At the top tier
 * (?light-tier=3) the light follows every frame: 0 is the target; lower tiers cap the rate.
 * @param {string} query e.g. '?light-tier=3', or '' for the tier the light chooses itself
 */
export async function lightSync(browser, origin, { viewport, query = '', place = 'the-call', minChanges = 120 }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__storyDebug = true;
    });
    const url = `/${query}#${place}`;
    const response = await page.goto(origin + url, { waitUntil: 'load', timeout: 60_000 });
    const status = response?.status() ?? 0;
    if (status === 404 || status === 0) return { url, missing: true, status };
    const mode = await page
      .waitForFunction(() => ['webgl', 'fallback'].includes(window.__story?.light.mode), null, { timeout: 30_000 })
      .then(
        () => page.evaluate(() => window.__story.light.mode),
        () => page.evaluate(() => window.__story?.light.mode ?? 'no debug surface'),
      );
    if (mode !== 'webgl') return { url, mode, light: (await story(page))?.light ?? null };
    // The room's first frames (its fade over the CSS light, the deep link's mood) are not counted.
    await lightCaughtUp(page);
    const before = await story(page);
    const after = before.sent.at(-1) ?? 0;

    // The wheel goes to the element under the mouse: the middle of the page, over the story.
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    const started = Date.now();
    const wheels = await wheelUntil(page, { after, changes: minChanges });
    const scrollMs = Date.now() - started;
    const caughtUp = await lightCaughtUp(page);
    const end = await story(page);

    const moved = end.sent.filter((f) => f > after);
    const drawn = new Set(end.drawn);
    const late = moved.filter((f) => !drawn.has(f));
    // The logs keep 500 frames: a drawn log that no longer reaches the first change would count it late.
    const complete = moved.length === 0 || end.drawn.length < 500 || end.drawn[0] <= moved[0];
    const { light } = end;
    return {
      url,
      mode: light.mode,
      startPlace: before.place,
      endPlace: end.place,
      wheels,
      scrollMs,
      changes: moved.length,
      late: late.length,
      lateFrames: late.slice(0, 20),
      caughtUp,
      complete,
      thread: light.thread ?? null,
      tier: light.tier ?? null,
      pinned: light.pinned ?? null,
      width: light.width ?? null,
      height: light.height ?? null,
      timer: light.timer ?? null,
      parallelCompile: light.parallelCompile ?? null,
      modes: light.modes,
      tiers: light.tiers,
    };
  } finally {
    await context.close();
  }
}
