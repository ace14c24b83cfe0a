/**
 * The engines' test server: serves the static export like scripts/serve.mjs with --csp (clean
 * URLs, the 404 page, each page's strict Content-Security-Policy), plus one thing only tests
 * need: every HTML page gets the error recorder as its first script. It is same-origin and
 * external, so the page's script-src 'self' allows it without loosening the policy under test.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { POLICY_FILE, policyForFile, securityHeaders } from '../scripts/headers.mjs';

export const RECORDER_PATH = '/__test-errors.js';
const RECORDER_TAG = `<script src="${RECORDER_PATH}"></script>`;
const recorderFile = path.join(import.meta.dirname, 'recorder.js');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** Before the page's first <script>, so it sees every error the page's own scripts could cause. */
export function injectRecorder(html) {
  const at = html.search(/<script[\s>]/i);
  if (at >= 0) return html.slice(0, at) + RECORDER_TAG + html.slice(at);
  return html.replace(/<\/head>/i, `${RECORDER_TAG}</head>`);
}

async function resolveFile(root, urlPath) {
  const clean = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const base = path.join(root, clean);
  if (!base.startsWith(root)) return undefined;
  for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // Not this candidate.
    }
  }
  return undefined;
}

/** Starts serving `root` on loopback (a free port unless one is given); resolves with its URL and a close(). */
export async function startServer({ root = path.resolve('out'), port = 0 } = {}) {
  if (!existsSync(path.join(root, POLICY_FILE))) {
    throw new Error(`${path.join(root, POLICY_FILE)} is missing: run \`npm run build\``);
  }
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === RECORDER_PATH) {
        res.writeHead(200, { 'Content-Type': types['.js'], 'Cache-Control': 'no-store', ...securityHeaders() });
        res.end(await readFile(recorderFile));
        return;
      }
      let file = await resolveFile(root, url.pathname);
      let status = 200;
      if (!file) {
        file = path.join(root, '404.html');
        status = 404;
      }
      const ext = path.extname(file);
      let body = await readFile(file);
      if (ext === '.html') body = Buffer.from(injectRecorder(body.toString('utf8')));
      res.writeHead(status, {
        'Content-Type': types[ext] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        ...securityHeaders(ext === '.html' ? policyForFile(root, file) : undefined),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
