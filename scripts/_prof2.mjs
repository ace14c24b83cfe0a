import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { chromiumArgs, findChromium } from './browser.mjs';
const port = 4387;
const server = spawn('node', ['scripts/serve.mjs', '--port', String(port)], { stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: findChromium({ install: false }), args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript(() => { window.__t = []; new MutationObserver(() => { const el = document.querySelector('.light'); if (el) window.__t.push([Math.round(performance.now()), el.dataset.tier]); }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-tier'] }); });
await page.goto(`http://127.0.0.1:${port}/present`);
await page.waitForTimeout(4000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
for (let i = 0; i < 15; i++) { await page.keyboard.press('ArrowRight'); await page.waitForTimeout(120); }
const { profile } = await cdp.send('Profiler.stop');
console.log(JSON.stringify(await page.evaluate(() => window.__t)));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map(), total = new Map();
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  const f = byId.get(id).callFrame; const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + us);
  const seen = new Set();
  for (let n = id; n; n = parent.get(n)) { const g = byId.get(n).callFrame; const kk = `${g.functionName || '(anon)'} ${g.url.split('/').pop()}:${g.lineNumber}`; if (!seen.has(kk)) { seen.add(kk); total.set(kk, (total.get(kk) ?? 0) + us); } }
});
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${(v / 1000).toFixed(1)}ms self ${k}`).join('\n'));
console.log('---');
console.log([...total].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${(v / 1000).toFixed(1)}ms total ${k}`).join('\n'));
await browser.close();
process.kill(-server.pid);
