/**
 * The compressed size of the JavaScript each page of the export loads up front, read from out/
 * itself (Next 16 no longer prints sizes after a build): the chunks a route's HTML names in
 * <script src> and <link rel="preload" as="script"> / modulepreload, each gzipped as the server does.
 * Chunks loaded later by dynamic import() are not in the HTML; the browser measurement counts them.
 *
 * Two reference figures come from out/ too: the framework floor, the scripts the not-found page
 * (404.html, which has no page code of its own) names, i.e. Next's and React's runtime with the root
 * layout; and the service worker (sw.js), which the registration on every page makes the browser fetch.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The HTML file a static host serves for a route, or undefined. */
export function htmlFor(root, route) {
  const name = route === '/' ? 'index' : route.replace(/^\/|\/$/g, '');
  return [`${name}.html`, `${name}/index.html`].map((f) => path.join(root, f)).find((f) => existsSync(f));
}

const attributes = (tag) =>
  Object.fromEntries(
    [...tag.matchAll(/([^\s/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)]
      .slice(1)
      .map((m) => [m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '']),
  );

/** The script URLs a page loads up front. nomodule scripts are left out: modern browsers skip them. */
export function scriptsOf(html) {
  const urls = new Set();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const a = attributes(tag);
    if (a.src && !('nomodule' in a)) urls.add(a.src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const a = attributes(tag);
    if (a.href && (a.rel === 'modulepreload' || (a.rel === 'preload' && a.as === 'script'))) urls.add(a.href);
  }
  return [...urls];
}

const sizes = new Map();
function sizeOf(file) {
  if (!sizes.has(file)) {
    const body = readFileSync(file);
    sizes.set(file, { raw: body.length, gzip: gzipSync(body).length });
  }
  return sizes.get(file);
}

function allFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/**
 * The raw and gzip size of the file an absolute URL path of the export names, e.g. /_next/static/x.js
 * (query and hash ignored); { raw: 0, gzip: 0, notFound: true } when out/ has no such file.
 */
export function sizeOfUrl(root, url) {
  const file = path.join(root, decodeURIComponent(url.split(/[?#]/)[0]));
  return existsSync(file) && statSync(file).isFile() ? sizeOf(file) : { raw: 0, gzip: 0, notFound: true };
}

/** The scripts one HTML file names up front, with their sizes; undefined when the file is missing. */
function scriptsOfFile(root, html) {
  if (!html) return undefined;
  const chunks = scriptsOf(readFileSync(html, 'utf8'))
    .filter((url) => url.startsWith('/'))
    .map((url) => ({ url, ...sizeOfUrl(root, url) }));
  return {
    chunks,
    raw: chunks.reduce((n, c) => n + c.raw, 0),
    gzip: chunks.reduce((n, c) => n + c.gzip, 0),
  };
}

/**
 * Per route: the up-front chunks with their raw and gzip sizes; the whole export's JS for scale; the
 * framework floor (the scripts of 404.html) and the service worker script.
 */
export function staticSizes(root, routes) {
  const perRoute = {};
  for (const route of routes) {
    const html = htmlFor(root, route);
    if (!html) {
      perRoute[route] = { missing: true };
      continue;
    }
    perRoute[route] = { ...scriptsOfFile(root, html), html: { raw: statSync(html).size, gzip: sizeOf(html).gzip } };
  }
  const staticDir = path.join(root, '_next', 'static');
  const js = existsSync(staticDir) ? allFiles(staticDir).filter((f) => f.endsWith('.js')) : [];
  const all = { files: js.length, raw: 0, gzip: 0 };
  for (const f of js) {
    const s = sizeOf(f);
    all.raw += s.raw;
    all.gzip += s.gzip;
  }
  // The framework floor: what a page with no code of its own loads (Next's own not-found page).
  const notFound = ['404.html', '_not-found.html'].map((f) => path.join(root, f)).find((f) => existsSync(f));
  const floor = notFound
    ? { page: path.relative(root, notFound), ...scriptsOfFile(root, notFound) }
    : { missing: true, raw: 0, gzip: 0, chunks: [] };
  const sw = sizeOfUrl(root, '/sw.js');
  const serviceWorker = sw.notFound ? { missing: true, raw: 0, gzip: 0 } : { url: '/sw.js', ...sw };
  return { perRoute, all, floor, serviceWorker };
}
