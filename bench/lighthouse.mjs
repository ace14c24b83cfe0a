/**
 * Optional Lighthouse scores (bench --lighthouse). Lighthouse is run with npx at a pinned version
 * rather than installed: it is large, and only this optional step uses it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const LIGHTHOUSE = 'lighthouse@12.2.3';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

let active;

/** Ends a Lighthouse run in progress (its whole process group), e.g. when the benchmark is interrupted. */
export function stopLighthouse() {
  if (active && active.exitCode === null && active.signalCode === null) {
    try {
      process.kill(-active.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

function run(cmd, args, { env, timeoutMs }) {
  return new Promise((resolve) => {
    // Its own process group, so a timeout ends npx, Lighthouse and the Chromium it started.
    const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    active = child;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    const timer = setTimeout(() => {
      stopLighthouse();
      stderr += `\n(timed out after ${timeoutMs / 1000} s)`;
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stderr: String(error) });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/**
 * Scores (0–100) of one URL in one form factor, or { error } saying why there are none.
 * @param {'desktop' | 'mobile'} formFactor desktop uses --preset=desktop; mobile is Lighthouse's default.
 */
export async function lighthouse(url, formFactor, { chromePath, chromeArgs, timeoutMs = 240_000 }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-lh-'));
  const report = path.join(dir, 'report.json');
  const args = [
    '-y',
    LIGHTHOUSE,
    url,
    '--quiet',
    '--output=json',
    `--output-path=${report}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=--headless=new --no-sandbox ${chromeArgs.join(' ')}`,
    ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
  ];
  const env = { ...process.env, CHROME_PATH: chromePath };
  try {
    const { code, stderr } = await run('npx', args, { env, timeoutMs });
    let lhr;
    try {
      lhr = JSON.parse(readFileSync(report, 'utf8'));
    } catch {
      return {
        error: `lighthouse exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ') || 'no report'}`,
      };
    }
    if (lhr.runtimeError) return { error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` };
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => [c, lhr.categories?.[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)]),
    );
    // The audits that cost points, so a score below target says why.
    const failing = Object.values(lhr.audits ?? {})
      .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode))
      .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    return {
      scores,
      metrics: {
        fcp: lhr.audits?.['first-contentful-paint']?.numericValue,
        lcp: lhr.audits?.['largest-contentful-paint']?.numericValue,
        tbt: lhr.audits?.['total-blocking-time']?.numericValue,
        cls: lhr.audits?.['cumulative-layout-shift']?.numericValue,
      },
      failing,
      warnings: lhr.runWarnings ?? [],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
