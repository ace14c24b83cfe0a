/**
 * The benchmark's arithmetic and its printed report: medians, frame statistics, CLS session
 * windows, total blocking time, the table and the targets.
 */

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
  { key: 'jsBefore', label: 'JS before mood layer', unit: 'kB', digits: 1, scale: 1 / 1000 },
  { key: 'jsAfter', label: 'JS after mood layer', unit: 'kB', digits: 1, scale: 1 / 1000 },
  { key: 'moodLayerAt', label: 'mood layer ready', unit: 'ms', digits: 0 },
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
  { key: 'lightTier', label: 'light tier after the interaction (3 = full)', digits: 0 },
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

/** The main table: one row per metric, one column per route, each cell "median (ratio to /read)". */
export function resultsTable(routes, summaries, base = '/read') {
  const header = ['metric (median)', ...routes];
  const rows = METRICS.filter(({ key }) => routes.some((r) => summaries[r].medians[key] != null)).map((m) => [
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

/** The site's targets, each compared with what was measured. Informational: never an exit code. */
export function targets({ summaries, runs, lighthouse, sizes }) {
  const lines = [];
  const add = (label, measured, met) =>
    lines.push({ label, measured, status: met === null ? 'n/a' : met ? 'met' : 'NOT met' });
  const home = summaries['/'];
  const present = (route) => summaries[route] && !summaries[route].missing;

  if (present('/')) {
    const js = home.medians.jsBefore;
    // The mood layer's own chunks finish loading before it switches, so they count as "before";
    // the chunks the HTML names (loaded whatever happens) are shown beside it for comparison.
    const upFront = sizes?.perRoute['/']?.gzip;
    add(
      'JS of / before the mood layer ≤ 160 kB gzip (median)',
      `${fmt(js, { digits: 1, scale: 1 / 1000 })} kB${upFront == null ? '' : ` (of which the HTML names ${fmt(upFront, { digits: 1, scale: 1 / 1000 })} kB)`}`,
      js <= 160_000,
    );
    const ratio = home.ratios.lcp;
    add(
      'LCP(/) ≤ 1.25 × LCP(/read) (median of same-run ratios)',
      ratio == null ? '–' : `${ratio.toFixed(2)}×`,
      ratio == null ? null : ratio <= 1.25,
    );
  } else {
    add('JS of / before the mood layer ≤ 160 kB gzip', 'missing', null);
    add('LCP(/) ≤ 1.25 × LCP(/read)', 'missing', null);
  }
  // "Everywhere": the worst visit of every route, load and whole visit.
  const cls = Object.entries(summaries)
    .filter(([route]) => present(route))
    .map(([route]) => [
      route,
      Math.max(...runs.map((run) => Math.max(run[route]?.cls ?? 0, run[route]?.clsVisit ?? 0))),
    ]);
  const worstCls = Math.max(0, ...cls.map(([, v]) => v));
  add(
    'CLS 0.00 everywhere (worst visit of each route)',
    cls.map(([route, v]) => `${route} ${v.toFixed(3)}`).join(', '),
    worstCls < 0.005,
  );
  if (present('/')) {
    const counts = runs.map((run) => run['/']?.interaction?.longTasks ?? 0);
    const worst = Math.max(0, ...runs.map((run) => run['/']?.interaction?.longTaskWorst ?? 0));
    const frames = median(runs.map((run) => run['/']?.interaction?.frames));
    add(
      'no long task > 50 ms during the scripted scroll of / (every run)',
      `${counts.join(' / ')} long tasks${worst ? `, worst ${worst.toFixed(0)} ms` : ''}${frames === 0 ? ' (/ did not scroll: nothing to scroll)' : ''}`,
      // A page with nothing to scroll has not met the target, it has not been tested against it.
      frames === 0 ? null : counts.every((c) => c === 0),
    );
  }
  if (lighthouse) {
    const check = (label, pickScore, min) => {
      const scores = Object.entries(lighthouse).map(([route, r]) => [route, pickScore(r)]);
      const known = scores.filter(([, s]) => typeof s === 'number');
      add(
        label,
        scores.map(([route, s]) => `${route} ${s ?? 'failed'}`).join(', '),
        known.length === scores.length ? known.every(([, s]) => s >= min) : null,
      );
    };
    check('Lighthouse desktop performance ≥ 95', (r) => r.desktop?.scores?.performance, 95);
    check('Lighthouse mobile performance ≥ 90', (r) => r.mobile?.scores?.performance, 90);
    for (const category of ['accessibility', 'best-practices', 'seo']) {
      check(
        `Lighthouse ${category} 100 (desktop and mobile)`,
        (r) => {
          const s = [r.desktop?.scores?.[category], r.mobile?.scores?.[category]];
          return s.every((x) => typeof x === 'number') ? Math.min(...s) : undefined;
        },
        100,
      );
    }
  }
  return lines;
}

export function targetsText(lines) {
  return table([['target', 'measured', 'status'], ...lines.map((l) => [l.label, l.measured, l.status])], 'lll');
}

export { fmt };
