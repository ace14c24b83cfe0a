/**
 * The compressed size of the JavaScript each page of the export loads up front, read from out/
 * itself (Next 16 no longer prints sizes after a build): the chunks a route's HTML names in
 * <script src> and <link rel="preload" as="script"> / modulepreload, each gzipped as the server does.
 * Chunks loaded later by dynamic import() are not in the HTML; the browser measurement counts them.
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

/** Per route: the up-front chunks with their raw and gzip sizes; and the whole export's JS for scale. */
export function staticSizes(root, routes) {
  const perRoute = {};
  for (const route of routes) {
    const html = htmlFor(root, route);
    if (!html) {
      perRoute[route] = { missing: true };
      continue;
    }
    const chunks = scriptsOf(readFileSync(html, 'utf8'))
      .filter((url) => url.startsWith('/'))
      .map((url) => {
        const file = path.join(root, decodeURIComponent(url.split('?')[0]));
        return existsSync(file) ? { url, ...sizeOf(file) } : { url, raw: 0, gzip: 0, notFound: true };
      });
    perRoute[route] = {
      chunks,
      raw: chunks.reduce((n, c) => n + c.raw, 0),
      gzip: chunks.reduce((n, c) => n + c.gzip, 0),
      html: { raw: statSync(html).size, gzip: sizeOf(html).gzip },
    };
  }
  const staticDir = path.join(root, '_next', 'static');
  const js = existsSync(staticDir) ? allFiles(staticDir).filter((f) => f.endsWith('.js')) : [];
  const all = { files: js.length, raw: 0, gzip: 0 };
  for (const f of js) {
    const s = sizeOf(f);
    all.raw += s.raw;
    all.gzip += s.gzip;
  }
  return { perRoute, all };
}
