/**
 * The request handler of the local static server (scripts/serve.mjs is the command line around it).
 *
 * It serves the static export in out/ the way a static host does: clean URLs (/read → read.html),
 * the 404 page with status 404, and by default the security headers with each page's own
 * Content-Security-Policy (out/csp.json, from scripts/csp.mjs).
 *
 * The file serving itself (content types, ETag and 304, Range, the precompressed .br/.gz copies
 * that scripts/compress.mjs writes, streaming) is sirv's, the library framework preview servers
 * use. This module only decides which file of out/ a request may have, or refuses it first:
 * sirv decodes paths leniently, follows symlinks and answers every method, so it only ever sees
 * an exact, checked file path of a GET or HEAD.
 */
import { existsSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import sirv from 'sirv';
import { policyForFile, securityHeaders } from './headers.mjs';

export const ALLOWED_METHODS = 'GET, HEAD';

/** Hashed build assets: a new build gives changed files new names, so a year is safe. */
const STATIC_ASSETS = '/_next/static/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages and unhashed files keep their URL across builds: the browser revalidates them each time. */
const REVALIDATE = 'no-cache';

/** Files of the export that are the not-found page: served only with status 404, never as a page that exists. */
const NOT_FOUND_FILES = new Set(['/404.html', '/_not-found.html']);
const NOT_FOUND_PAGE = '404.html';

/** The precompressed copies scripts/compress.mjs writes next to a file, best first. */
const ENCODINGS = /** @type {const} */ ([
  ['br', '.br'],
  ['gzip', '.gz'],
]);

/**
 * The file path a request target asks for, decoded; or why it is refused.
 * Refused (400): a target that is not a path, malformed percent escapes, and anything that could
 * climb out of the export once decoded (`..` or `.` segments, backslashes, NUL), however it is encoded.
 * @param {string | undefined} target the request target (req.url)
 * @returns {{ path: string } | { error: string }}
 */
export function requestPath(target = '') {
  if (!target.startsWith('/')) return { error: 'Bad request target' };
  const raw = target.split(/[?#]/, 1)[0];
  let decoded;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { error: 'Malformed percent escape in the path' };
  }
  if (/[\\\0]/.test(decoded) || decoded.split('/').some((s) => s === '..' || s === '.')) {
    return { error: 'Path not allowed' };
  }
  return { path: decoded };
}

/** The files a clean URL can mean, as static hosts map them. */
function candidates(urlPath) {
  if (urlPath.endsWith('/')) return [`${urlPath}index.html`];
  return [urlPath, `${urlPath}.html`, `${urlPath}/index.html`];
}

/** True when `file`, symlinks resolved, is inside `root` (itself already resolved). */
async function inside(root, file) {
  try {
    return (await realpath(file)).startsWith(root + path.sep);
  } catch {
    return false;
  }
}

/**
 * The file of the export a URL path is served from, or undefined for a 404.
 * Hidden files, the precompressed copies (sent only as an encoding of their source) and the
 * not-found page are not addressable; nor is any file that is, or whose copies are, a symlink
 * leading out of the export.
 * @param {string} root the export's folder, symlinks resolved
 * @param {string} urlPath a decoded path from requestPath
 * @returns {Promise<{ name: string, file: string, stats: import('node:fs').Stats } | undefined>}
 */
export async function resolveFile(root, urlPath) {
  for (const name of candidates(urlPath)) {
    const segments = name.split('/');
    // Hidden names are not part of a Next export; leave them out as hosts do (.git, .env…).
    if (segments.some((s) => s.startsWith('.') && s !== '.well-known')) return undefined;
    const file = path.join(root, name);
    const stats = await stat(file).catch(() => undefined);
    if (!stats?.isFile()) continue;
    if (ENCODINGS.some(([, ext]) => name.endsWith(ext)) && existsSync(file.slice(0, -3))) return undefined;
    if (NOT_FOUND_FILES.has(name) || /[?#]/.test(name)) return undefined;
    const copies = ENCODINGS.map(([, ext]) => file + ext).filter((copy) => existsSync(copy));
    for (const real of [file, ...copies]) if (!(await inside(root, real))) return undefined;
    return { name, file, stats };
  }
  return undefined;
}

/**
 * Only a single, plain byte range is passed on to sirv, which mis-reads the others (suffix
 * ranges, `0-0`, end before start). Dropping the header is allowed (the client gets the whole
 * file, status 200), and is also what If-Range needs here, as sirv does not check it.
 * @param {import('node:http').IncomingHttpHeaders} headers
 */
function keepSimpleRange(headers) {
  if (headers.range === undefined) return;
  const m = /^bytes=(\d+)-(\d*)$/.exec(headers.range.trim());
  const simple = m && (m[2] === '' || (Number(m[2]) > 0 && Number(m[2]) >= Number(m[1])));
  if (!simple || headers['if-range'] !== undefined) delete headers.range;
}

/**
 * sirv answers If-None-Match only. Its Last-Modified is the same for a file and its copies
 * (scripts/compress.mjs gives them its time), so If-Modified-Since can be answered from the file.
 * It is ignored when If-None-Match is present, as HTTP requires.
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {import('node:fs').Stats} stats
 */
function notModifiedSince(headers, stats) {
  if (headers['if-none-match'] !== undefined || headers['if-modified-since'] === undefined) return false;
  const since = Date.parse(headers['if-modified-since']);
  // Last-Modified has whole seconds.
  return !Number.isNaN(since) && Math.floor(stats.mtimeMs / 1000) * 1000 <= since;
}

/**
 * @typedef {object} HandlerOptions
 * @property {string} root the export's folder (out/)
 * @property {boolean} [headers] send the security headers and each page's policy (default true);
 *   needs root/csp.json
 */

/**
 * The request handler for the export in `options.root`.
 * @param {HandlerOptions} options
 * @returns {Promise<(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>>}
 */
export async function createHandler({ root: dir, headers = true }) {
  const root = await realpath(path.resolve(dir));
  // dev: look files up on every request instead of listing out/ once at start, so that a rebuild
  // is served without a restart (its hashed files have new names). Caching headers are set here.
  const serveFile = sirv(root, { dev: true, etag: true, brotli: true, gzip: true, extensions: [] });

  /** @param {string | undefined} file an HTML file of the export, for its own policy */
  const security = (file) => (headers ? securityHeaders(file ? policyForFile(root, file) : undefined) : {});

  /**
   * A short plain-text answer: errors never show internals.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {number} status
   * @param {string} message
   * @param {Record<string, string>} [extra]
   */
  function plain(req, res, status, message, extra = {}) {
    const body = `${message}\n`;
    res.writeHead(status, {
      ...security(undefined),
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      ...extra,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /**
   * The export's 404 page, with status 404, compressed like any page. It is small and rare,
   * so it is read whole; conditional and Range headers do not apply to an error.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function notFound(req, res) {
    const page = path.join(root, NOT_FOUND_PAGE);
    if (!existsSync(page)) return plain(req, res, 404, 'Not found');
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const [encoding, ext] = ENCODINGS.find(
      ([name, ext]) => new RegExp(`\\b${name}\\b`).test(accepted) && existsSync(page + ext),
    ) ?? [undefined, ''];
    const body = await readFile(page + ext);
    res.writeHead(404, {
      ...security(page),
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': REVALIDATE,
      Vary: 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return async function handle(req, res) {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return plain(req, res, 405, 'Method not allowed', { Allow: ALLOWED_METHODS });
      }
      const target = requestPath(req.url);
      if ('error' in target) return plain(req, res, 400, target.error);
      const found = await resolveFile(root, target.path);
      if (!found) return notFound(req, res);

      // Set before sirv runs so that its 304 and 206 answers carry them too.
      for (const [name, value] of Object.entries(security(found.name.endsWith('.html') ? found.file : undefined)))
        res.setHeader(name, value);
      res.setHeader('Cache-Control', found.name.startsWith(STATIC_ASSETS) ? IMMUTABLE : REVALIDATE);
      res.setHeader('Vary', 'Accept-Encoding');
      if (notModifiedSince(req.headers, found.stats)) {
        res.writeHead(304, { 'Last-Modified': found.stats.mtime.toUTCString() });
        return void res.end();
      }
      keepSimpleRange(req.headers);
      // sirv gets the exact file (its own lookup would add the clean-URL guesses again).
      req.url = encodeURI(found.name);
      serveFile(req, res, () => void notFound(req, res));
    } catch (error) {
      // A one-line log for the operator; the client learns nothing about the files.
      console.error(`serve: ${req.method} ${req.url}: ${error instanceof Error ? error.message : error}`);
      if (!res.headersSent) plain(req, res, 500, 'Internal server error');
      else res.destroy();
    }
  };
}
