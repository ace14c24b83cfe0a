/**
 * The benchmark's arithmetic and its printed report: medians, frame statistics, CLS session
 * windows, total blocking time, the table and the targets.
 */
import { LIGHTHOUSE } from './lighthouse.mjs';

/** Median of the numbers in a list (null when there are none). */
export function median(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100) of a list of numbers; null when empty. */
export function percentile(values, p) {
  const xs = [...values].sort((a, b) => a - b);
  if (!xs.length) return null;
  return xs[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))];
}

/** Frame-interval statistics from a list of requestAnimationFrame deltas (ms). */
export function frameStats(deltas) {
  return {
    frames: deltas.length,
    frameMean: deltas.length ? deltas.reduce((a, b) => a + b, 0) / deltas.length : null,
    frameP95: percentile(deltas, 95),
    frameWorst: deltas.length ? Math.max(...deltas) : null,
    // Two 60 Hz frames or more: at least one frame was missed.
    jankFrames: deltas.filter((d) => d > 1000 / 30).length,
  };
}

/**
 * CLS as Chrome reports it: the largest session window of layout shifts not caused by recent input
 * (shifts less than 1 s apart, a window at most 5 s long).
 */
export function clsSessionMax(shifts) {
  let worst = 0;
  let current = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const s of shifts.filter((x) => !x.input).sort((a, b) => a.t - b.t)) {
    if (s.t - last < 1000 && s.t - first < 5000) current += s.value;
    else {
      current = s.value;
      first = s.t;
    }
    last = s.t;
    worst = Math.max(worst, current);
  }
  return worst;
}

/**
 * Total blocking time: for each long task after first contentful paint, the part over 50 ms.
 * A task running across FCP counts from FCP on, as Lighthouse clips it.
 */
export function totalBlockingTime(longTasks, fcp) {
  return longTasks.reduce((sum, { t, d }) => {
    const end = t + d;
    if (end <= fcp) return sum;
    return sum + Math.max(0, end - Math.max(t, fcp) - 50);
  }, 0);
}

/** The figures of one visit that get a median and a ratio, in table order. */
export const METRICS = [
  { key: 'lcp', label: 'LCP', unit: 'ms', digits: 0 },
  { key: 'fcp', label: 'FCP', unit: 'ms', digits: 0 },
  { key: 'cls', label: 'CLS (load)', digits: 3 },
  { key: 'clsVisit', label: 'CLS (whole visit)', digits: 3 },
  { key: 'tbt', label: 'TBT', unit: 'ms', digits: 0 },
  { key: 'longTasks', label: 'long tasks (load)', digits: 0 },
  { key: 'longTaskWorst', label: 'worst long task (load)', unit: 'ms', digits: 0 },
  { key: 'jsBefore', label: 'JS before the light', unit: 'kB', digits: 1, scale: 1 / 1000 },
  { key: 'jsAfter', label: 'JS after the light started', unit: 'kB', digits: 1, scale: 1 / 1000 },
  { key: 'jsBeforeGzip', label: 'JS before the light, gzip from out/', unit: 'kB', digits: 1, scale: 1 / 1000 },
  { key: 'jsGzip', label: 'all JS fetched, gzip from out/', unit: 'kB', digits: 1, scale: 1 / 1000 },
  { key: 'lightLoadingAt', label: 'light starts (light:loading)', unit: 'ms', digits: 0 },
  { key: 'lightAt', label: 'light shows or falls back (mark)', unit: 'ms', digits: 0 },
  { key: 'requests', label: 'requests', digits: 0 },
  { key: 'foreignCount', label: 'requests to other origins', digits: 0 },
  { key: 'heap', label: 'JS heap at end (after GC)', unit: 'MB', digits: 1, scale: 1 / 1e6 },
  { key: 'interaction.ms', label: 'interaction length', unit: 'ms', digits: 0 },
  { key: 'interaction.frames', label: 'frames', digits: 0 },
  { key: 'interaction.frameMean', label: 'frame mean', unit: 'ms', digits: 1 },
  { key: 'interaction.frameP95', label: 'frame p95', unit: 'ms', digits: 1 },
  { key: 'interaction.frameWorst', label: 'worst frame', unit: 'ms', digits: 1 },
  { key: 'interaction.jankFrames', label: 'frames > 33 ms', digits: 0 },
  { key: 'interaction.loafs', label: 'long animation frames', digits: 0 },
  { key: 'interaction.loafWorst', label: 'worst long animation frame', unit: 'ms', digits: 0 },
  { key: 'interaction.longTasks', label: 'long tasks > 50 ms (interaction)', digits: 0 },
  { key: 'interaction.longTaskWorst', label: 'worst long task (interaction)', unit: 'ms', digits: 0 },
  { key: 'interaction.callbacksMax', label: "page's rAF callbacks, most in one frame", digits: 0 },
  { key: 'interaction.callbacksMean', label: "page's rAF callbacks a frame that ran any, mean", digits: 2 },
  { key: 'interaction.callbacksPerFrame', label: "page's rAF callbacks over all frames, mean", digits: 2 },
  { key: 'still.callbacks', label: "page's rAF callbacks in 3 s still, after the interaction", digits: 0 },
];

export const pick = (visit, key) => key.split('.').reduce((v, k) => (v == null ? undefined : v[k]), visit);

/**
 * Medians over runs of every metric of a route, and the median over runs of its ratio to /read
 * measured in the same run (so a slower or faster moment of the machine cancels out).
 */
export function summarise(runs, route, base = '/read') {
  const visits = runs.map((run) => run[route]).filter((v) => v && !v.missing);
  const medians = {};
  const ratios = {};
  for (const { key } of METRICS) {
    medians[key] = median(visits.map((v) => pick(v, key)));
    ratios[key] = median(
      runs.map((run) => {
        const a = pick(run[route], key);
        const b = pick(run[base], key);
        return typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : null;
      }),
    );
  }
  return { visits: visits.length, missing: visits.length === 0, medians, ratios };
}

const fmt = (value, { digits = 0, scale = 1 } = {}) =>
  value == null
    ? '–'
    : (value * scale).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Pads a table of strings into aligned columns.
 * @param {string} [align] one letter a column, l or r; by default the first column left, the others right.
 */
export function table(rows, align) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const left = (c) => (align ? align[c] === 'l' : c === 0);
  return rows
    .map((r) =>
      r
        .map((cell, c) => String(cell)[left(c) ? 'padEnd' : 'padStart'](widths[c]))
        .join('   ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * The main table: one row per metric, one column per route, each cell "median (ratio to base)".
 * @param {string[]} [keys] only these metrics (by default all that were measured)
 */
export function resultsTable(routes, summaries, base = '/read', keys) {
  const header = ['metric (median)', ...routes];
  const rows = METRICS.filter(
    ({ key }) => (!keys || keys.includes(key)) && routes.some((r) => summaries[r].medians[key] != null),
  ).map((m) => [
    m.unit ? `${m.label} (${m.unit})` : m.label,
    ...routes.map((r) => {
      const s = summaries[r];
      if (s.missing) return 'missing';
      const value = s.medians[m.key];
      if (value == null) return '–';
      const ratio =
        r === base
          ? value > 0
            ? '1.00×'
            : '–'
          : s.ratios[m.key] == null
            ? '–'
            : `${fmt(s.ratios[m.key], { digits: 2 })}×`;
      return `${fmt(value, m)} (${ratio})`;
    }),
  ]);
  return table([header, ...rows]);
}

/** The route whose 4×-CPU-throttled visit is reported beside the others, and its key in a run. */
export const THROTTLED = '/ at 4× CPU';

const kB = (bytes) => fmt(bytes, { digits: 1, scale: 1 / 1000 });
const ratioText = (r) => (r == null ? '–' : `${r.toFixed(2)}×`);

/** The fewest frames changing the light that the light sync visit scrolls through. */
export const MIN_CHANGES = 120;
/** The pinned Lighthouse version the targets name. */
const LIGHTHOUSE_VERSION = LIGHTHOUSE.split('@').at(-1);

const count = (n) => fmt(n, { digits: 0 });
const worst = (values) => {
  const xs = values.filter((v) => typeof v === 'number');
  return xs.length ? Math.max(...xs) : null;
};

/**
 * The site's targets (issue 19), each compared with what was measured in this run, ratios against
 * /read in the same run; then the targets of issue 8 that still hold, and informational rows (the
 * 4×-CPU scroll of /, the keyboard walk's callbacks, the light's thread and tier at its own
 * choice). Never an exit code.
 * @param {object} options
 * @param {object} options.summaries per route, from summarise() (ratios to /read in the same run)
 * @param {object[]} options.runs the raw visits, one object per run keyed by route (and THROTTLED)
 * @param {object[]} [options.syncs] the light sync visits, one { top, own } per run
 * @param {object} [options.lighthouse] per route, desktop and mobile scores; absent without --lighthouse
 * @param {object} options.sizes staticSizes(): the framework floor and the service worker from out/
 */
export function targets({ summaries, runs, syncs = [], lighthouse, sizes }) {
  const lines = [];
  const add = (label, target, measured, met) =>
    lines.push({
      label,
      target,
      measured,
      status: met === null ? 'n/a' : met === 'info' ? 'info' : met ? 'met' : 'NOT met',
    });
  const present = (route) => summaries[route] && !summaries[route].missing;
  const visitsOf = (route) => runs.map((run) => run[route]).filter((v) => v && !v.missing && !v.error);

  const lighthouseRow = (label, target, pickScore, minOf) => {
    if (!lighthouse) {
      add(label, target, 'not run (npm run bench -- --lighthouse)', null);
      return;
    }
    const scores = Object.entries(lighthouse).map(([route, r]) => [route, pickScore(r)]);
    const known = scores.filter(([, s]) => typeof s === 'number');
    add(
      label,
      target,
      scores.map(([route, s]) => `${route} ${s ?? 'failed'}`).join(', '),
      known.length === scores.length ? known.every(([route, s]) => s >= minOf(route)) : null,
    );
  };
  lighthouseRow(
    `Lighthouse ${LIGHTHOUSE_VERSION} performance, mobile`,
    '/ and /present ≥ 90 each, /read ≥ 95',
    (r) => r.mobile?.scores?.performance,
    (route) => (route === '/read' ? 95 : 90),
  );
  lighthouseRow(
    `Lighthouse ${LIGHTHOUSE_VERSION} performance, desktop, each route`,
    '≥ 98',
    (r) => r.desktop?.scores?.performance,
    () => 98,
  );

  for (const route of ['/', '/present']) {
    const label = `TBT at load ${route}, no throttling (median)`;
    if (!present(route)) add(label, '≤ 50 ms', 'missing', null);
    else {
      const tbt = summaries[route].medians.tbt;
      const each = visitsOf(route).map((v) => fmt(v.tbt));
      add(
        label,
        '≤ 50 ms',
        tbt == null ? '–' : `${fmt(tbt)} ms (runs: ${each.join(' / ')})`,
        tbt == null ? null : tbt <= 50,
      );
    }
  }

  // LCP: the median over runs of each run's ratio to /read, so a slow moment of the machine cancels out.
  for (const route of ['/', '/present']) {
    const label = `LCP ${route} ÷ LCP /read (median of same-run ratios)`;
    if (!present(route)) add(label, '≤ 1.25', 'missing', null);
    else {
      const r = summaries[route].ratios.lcp;
      const ms = `${fmt(summaries[route].medians.lcp)} vs ${fmt(summaries['/read']?.medians.lcp)} ms`;
      add(label, '≤ 1.25', r == null ? '–' : `${ratioText(r)} (${ms})`, r == null ? null : r <= 1.25);
    }
  }

  // The JS of / before the light: the scripts the browser requested before the light's
  // `light:loading` mark, each gzipped from out/ (the server sends brotli; the results table has
  // those transferred bytes), less the framework floor: what the not-found page names.
  {
    const floor = sizes?.floor;
    const label = 'JS / loads before the light (gzip, out/), above the framework floor';
    const visits = visitsOf('/');
    if (!visits.length) add(label, '≤ +5 kB', 'missing', null);
    else if (!floor || floor.missing) add(label, '≤ +5 kB', 'no 404.html in out/: no floor', null);
    else {
      const js = median(visits.map((v) => v.jsBeforeGzip));
      const split = [...new Set(visits.map((v) => v.lightSplit ?? 'the light never started: all JS'))].join(', ');
      const above = js - floor.gzip;
      add(
        label,
        '≤ +5 kB',
        `${above >= 0 ? '+' : '−'}${kB(Math.abs(above))} kB above the floor (floor ${kB(floor.gzip)} kB: ` +
          `${floor.chunks.length} scripts of ${floor.page}; / ${kB(js)} kB in ${median(visits.map((v) => v.jsBeforeUrls?.length))} ` +
          `scripts requested before ${split})`,
        above <= 5000,
      );
    }
  }

  // Frames of the scripted scroll of /, against the same scroll of /read in the same run.
  for (const [key, name, max] of [
    ['interaction.frameMean', 'frame mean', 1.5],
    ['interaction.frameP95', 'frame p95', 2.0],
  ]) {
    const label = `${name}, scripted scroll of / ÷ same scroll of /read (same-run ratios)`;
    const target = `≤ ${max.toFixed(1)}`;
    if (!present('/') || !present('/read')) add(label, target, 'missing', null);
    else {
      const r = summaries['/'].ratios[key];
      const ms = `${fmt(summaries['/'].medians[key], { digits: 1 })} vs ${fmt(summaries['/read'].medians[key], { digits: 1 })} ms`;
      add(label, target, r == null ? '–' : `${ratioText(r)} (${ms})`, r == null ? null : r <= max);
    }
  }

  // One frame loop: at most one of the page's callbacks in a frame while it moves, none at rest.
  {
    const visits = visitsOf('/');
    const label = 'requestAnimationFrame callbacks per frame, scripted scroll of / (each run)';
    if (!visits.length) add(label, '≤ 1', 'missing', null);
    else add(label, '≤ 1', callbacksWhileMoving(visits), callbacksMet(visits));
    add(
      'requestAnimationFrame callbacks while still, after the scroll of / (3 s once 2 s went by without one)',
      '0',
      visits.length ? callbacksWhileStill(visits) : 'missing',
      visits.length ? stillMet(visits) : null,
    );
  }

  {
    const label = 'light drawn a frame after its position change (/?light-tier=3, wheel scroll)';
    const tops = syncs.map((s) => s?.top).filter(Boolean);
    if (!tops.length) add(label, `0 of ≥ ${MIN_CHANGES} changes`, 'not measured', null);
    else {
      const measured = tops.every((t) => typeof t.late === 'number');
      add(
        label,
        `0 of ≥ ${MIN_CHANGES} changes`,
        tops.map(syncText).join('; '),
        measured ? tops.every((t) => t.late === 0 && t.changes >= MIN_CHANGES && t.complete) : null,
      );
    }
  }

  // "Everywhere": the worst visit of every route, load and whole visit.
  const cls = Object.keys(summaries)
    .filter(present)
    .map((route) => [route, Math.max(0, ...visitsOf(route).map((v) => Math.max(v.cls ?? 0, v.clsVisit ?? 0)))]);
  add(
    'CLS, worst whole visit of each route (load included)',
    '0 (< 0.005)',
    cls.map(([route, v]) => `${route} ${v.toFixed(3)}`).join(', '),
    Math.max(0, ...cls.map(([, v]) => v)) < 0.005,
  );

  // A step of the presentation turns without a long task: none in the whole walk of any run.
  {
    const walks = visitsOf('/present').filter((v) => v.interaction?.kind === 'keyboard');
    const label = 'long tasks during the keyboard walk of /present';
    if (!walks.length) add(label, '0', 'missing', null);
    else {
      const tasks = walks.map((v) => v.interaction.longTasks);
      add(
        label,
        '0',
        `${tasks.join(' / ')} (worst ${fmt(worst(walks.map((v) => v.interaction.longTaskWorst)))} ms; ` +
          `${walks[0].interaction.presses} presses, ${walks[0].interaction.steps} steps)`,
        tasks.every((n) => n === 0),
      );
    }
  }

  // Issue 8's targets that issue 19 left as they were.
  {
    const label = 'JS that /read loads (gzip, out/), service worker included';
    const visits = visitsOf('/read');
    if (!visits.length) add(label, '≤ 10 kB', 'missing', null);
    else {
      const page = median(visits.map((v) => v.jsGzip));
      const sw = sizes?.serviceWorker;
      const urls = [...new Set(visits.flatMap((v) => [...(v.jsBeforeUrls ?? []), ...(v.jsAfterUrls ?? [])]))];
      const total = page + (sw?.gzip ?? 0);
      add(
        label,
        '≤ 10 kB',
        `${kB(total)} kB: ${urls.join(', ') || 'no script'} ${kB(page)} kB + ` +
          `${sw?.missing ? 'no sw.js in out/' : `/sw.js ${kB(sw.gzip)} kB`}`,
        total <= 10_000,
      );
    }
  }
  for (const category of ['accessibility', 'best-practices', 'seo']) {
    lighthouseRow(
      `Lighthouse ${category} (desktop and mobile)`,
      '100',
      (r) => {
        const s = [r.desktop?.scores?.[category], r.mobile?.scores?.[category]];
        return s.every((x) => typeof x === 'number') ? Math.min(...s) : undefined;
      },
      () => 100,
    );
  }

  // Informational: the same scroll of / with the CPU slowed 4×.
  const slow = visitsOf(THROTTLED);
  if (slow.length) {
    const s = summaries[THROTTLED];
    const m = (key, digits = 1) => fmt(s?.medians[key], { digits });
    const vs = (key) => (s?.ratios[key] == null ? '' : ` (${ratioText(s.ratios[key])} unthrottled)`);
    add(
      '4× CPU-throttled scroll of /',
      'informational',
      `frame mean ${m('interaction.frameMean')} ms${vs('interaction.frameMean')}, ` +
        `p95 ${m('interaction.frameP95')} ms${vs('interaction.frameP95')}, ` +
        `long tasks during the scroll ${slow.map((v) => v.interaction?.longTasks ?? '–').join(' / ')}` +
        `${slow.some((v) => v.interaction && !v.interaction.reachedBottom) ? ' (did not reach the bottom)' : ''}, ` +
        `TBT at load ${m('tbt', 0)} ms`,
      'info',
    );
  }

  // Informational: the keyboard walk of /present, one frame loop there too.
  {
    const walks = visitsOf('/present').filter((v) => v.interaction?.kind === 'keyboard');
    if (walks.length) {
      add(
        'requestAnimationFrame callbacks per frame, keyboard walk of /present; while still after it',
        'informational (≤ 1 / 0)',
        `${callbacksWhileMoving(walks)}; still: ${callbacksWhileStill(walks)}`,
        'info',
      );
    }
  }

  // Informational: the light at the tier it chooses itself (lower tiers cap the follow rate on
  // purpose), which thread drew it and the tier it settled on (the debug surface's, 3 = full).
  {
    const owns = syncs.map((s) => s?.own).filter(Boolean);
    if (owns.length) {
      add(
        'the light at its own tier: drawn a frame after its position change; thread; settled tier',
        'informational',
        owns
          .map((o) =>
            typeof o.late === 'number'
              ? `${syncText(o)}, drawn on ${threadText(o.thread)}, settled tier ${o.tier ?? '–'} (3 = full)`
              : syncText(o),
          )
          .join('; '),
        'info',
      );
    }
  }
  return lines;
}

/** "max 1, mean 1.00 in 412 frames that ran any (0.98 over all 420)", for each run. */
function callbacksWhileMoving(visits) {
  return visits
    .map(({ interaction: i }) =>
      i?.callbacksMax == null
        ? '–'
        : `max ${count(i.callbacksMax)}, mean ${fmt(i.callbacksMean, { digits: 2 })} in the ` +
          `${count(i.callbackFrames)} frames that ran any (${fmt(i.callbacksPerFrame, { digits: 2 })} over all ${count(i.frames)})`,
    )
    .join(' / ');
}

const callbacksMet = (visits) => {
  const most = visits.map((v) => v.interaction?.callbacksMax);
  return most.every((n) => typeof n === 'number') ? most.every((n) => n <= 1) : null;
};

/** "0 in 3,000 ms (still after 2.4 s)", or that the page never rested, for each run. */
function callbacksWhileStill(visits) {
  return visits
    .map(({ still: s }) =>
      s == null
        ? 'not measured'
        : `${count(s.callbacks)} in ${count(s.windowMs)} ms` +
          (s.rested
            ? ` (rested after ${fmt(s.waitedMs / 1000, { digits: 1 })} s)`
            : ` (NEVER 2 s without one in ${fmt(s.waitedMs / 1000, { digits: 0 })} s; ${count(s.frames)} frames ran some)`),
    )
    .join(' / ');
}

const stillMet = (visits) => {
  const rests = visits.map((v) => v.still);
  return rests.every(Boolean) ? rests.every((s) => s.rested && s.callbacks === 0) : null;
};

/** Where the debug surface says the room was drawn. */
export const threadText = (thread) =>
  thread === 'worker' ? 'the worker' : thread === 'page' ? "the page's main thread" : 'an unknown thread';

/** One light sync visit: "0 of 131 changes", or why it has no figure. */
export function syncText(s) {
  if (s.error) return `failed: ${s.error}`;
  if (s.missing) return `missing (HTTP ${s.status})`;
  if (typeof s.late !== 'number') return `no count: the light is ${s.mode}`;
  const notes = [
    s.changes < MIN_CHANGES ? `fewer than ${MIN_CHANGES} changes` : '',
    s.caughtUp ? '' : 'the last change was never drawn within 10 s',
    s.complete ? '' : 'the drawn log no longer reached the first change',
  ].filter(Boolean);
  return `${count(s.late)} of ${count(s.changes)} changes${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

export function targetsText(lines) {
  return table(
    [['metric', 'measured', 'target', 'status'], ...lines.map((l) => [l.label, l.measured, l.target, l.status])],
    'llll',
  );
}

export { fmt };
