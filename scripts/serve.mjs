#!/usr/bin/env node
/**
 * Serves the static export in out/ the way a static host or CDN would: clean URLs
 * (/read → read.html), the 404 page with status 404, long-lived caching for hashed
 * assets and gzip for text. With --csp it also sends the security headers, each page with the
 * strict Content-Security-Policy that scripts/csp.mjs computed for it (out/csp.json).
 *
 *   node scripts/serve.mjs [--port 3000] [--host 127.0.0.1] [--dir out] [--csp]
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { POLICY_FILE, policyForFile, securityHeaders } from './headers.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const port = Number(option('port', process.env.PORT ?? 3000));
const host = option('host', process.env.HOST ?? '127.0.0.1');
const root = path.resolve(option('dir', 'out'));
const withCsp = args.includes('--csp');
if (withCsp && !existsSync(path.join(root, POLICY_FILE))) {
  // Without the computed hashes every inline script would be blocked: say so instead of serving a broken site.
  console.error(
    `--csp needs ${path.join(root, POLICY_FILE)}: run \`npm run build\` (next build && node scripts/csp.mjs)`,
  );
  process.exit(1);
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};
const compressible = new Set(['.html', '.js', '.css', '.json', '.txt', '.xml', '.svg', '.webmanifest']);
const gzipCache = new Map();

async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Maps a URL path to a file of the export, as static hosts do. */
async function resolveFile(urlPath) {
  const clean = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const base = path.join(root, clean);
  if (!base.startsWith(root)) return undefined;
  for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = await resolveFile(url.pathname);
    let status = 200;
    if (!file) {
      file = path.join(root, '404.html');
      status = 404;
    }
    const ext = path.extname(file);
    const { mtimeMs } = await stat(file);
    let body = await readFile(file);
    const headers = {
      'Content-Type': types[ext] ?? 'application/octet-stream',
      'Cache-Control': url.pathname.startsWith('/_next/static/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      // Pages get their own policy (their inline scripts' hashes); other files the one with no inline allowed.
      ...(withCsp ? securityHeaders(ext === '.html' ? policyForFile(root, file) : undefined) : {}),
    };
    if (compressible.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      let zipped = gzipCache.get(file);
      // Keyed by modification time: a rebuild replaces files, sometimes with one of the same size.
      if (zipped?.mtimeMs !== mtimeMs) gzipCache.set(file, (zipped = { mtimeMs, data: gzipSync(body) }));
      body = zipped.data;
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (error) {
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end(String(error));
  }
});

server.listen(port, host, () => {
  console.log(
    `Serving ${path.relative(process.cwd(), root) || '.'} at http://${host}:${port}${withCsp ? ' (with CSP)' : ''}`,
  );
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
