#!/usr/bin/env node
/**
 * Post-build step, before csp.mjs (so the policy is computed on the final HTML): ships the pages
 * that need no JavaScript without Next's runtime.
 *
 * /read is server-rendered HTML with no client component. On it the framework's scripts (about
 * 150 kB gzip, and the inline RSC payload: the whole story a second time) would only hydrate
 * what is already on screen. This removes from each such page the scripts under /_next/, the
 * inline `self.__next_f` and TURBOPACK scripts and the script preloads, and deletes the page's RSC
 * payloads (*.txt), which only a client-side navigation would fetch: every link to these pages is
 * a plain <a>, so nothing renders them with the framework. Scripts of our own (the service worker
 * registration) stay. Running it twice gives the same output.
 *
 *   node scripts/strip-runtime.mjs [--dir out]
 */
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Routes that work without JavaScript and so are shipped without the framework. */
export const RUNTIME_FREE_ROUTES = ['/read'];

/** Where the framework's own files live in the export. */
const RUNTIME_PREFIX = '/_next/';
/** How Next's inline scripts begin: the RSC payload pushes and Turbopack's chunk list. */
const RUNTIME_INLINE = /^\s*\(?\s*(self\.__next_f\b|\(?globalThis\[["']TURBOPACK["']\])/;

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LINK = /<link\b([^>]*)>/gi;

/** The value of one attribute in a start tag's attribute text, lower-cased name; undefined when absent. */
function attribute(text, name) {
  const m = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+)))?(?=[\\s/]|$)`, 'i').exec(
    text,
  );
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

/** True for a <script> of Next's runtime: one of its files, or one of its inline scripts. */
function isRuntimeScript(attributes, content) {
  const src = attribute(attributes, 'src');
  if (src !== undefined) return src.startsWith(RUNTIME_PREFIX);
  return RUNTIME_INLINE.test(content);
}

/** True for a <link> that preloads a script (only scripts: font and style links stay). */
function isScriptPreload(attributes) {
  const rel = (attribute(attributes, 'rel') ?? '').toLowerCase().split(/\s+/);
  return rel.includes('modulepreload') || (rel.includes('preload') && attribute(attributes, 'as') === 'script');
}

/**
 * The page without the framework's scripts and script preloads.
 * @param {string} html
 * @returns {string}
 */
export function stripRuntime(html) {
  const stripped = html
    .replace(SCRIPT, (tag, attributes, content) => (isRuntimeScript(attributes, content) ? '' : tag))
    .replace(LINK, (tag, attributes) => (isScriptPreload(attributes) ? '' : tag));
  // Next may change how it writes its runtime: a page it would still hydrate must stop the build,
  // not ship half a framework.
  const left = /__next_f|TURBOPACK|\/_next\/static\/chunks\/[^"'\s]+\.js/.exec(stripped);
  if (left) throw new Error(`the runtime is still referenced after stripping: ${JSON.stringify(left[0])}`);
  return stripped;
}

/** The HTML files a static host may serve a route from. */
function htmlFiles(root, route) {
  const name = route.replace(/^\/|\/$/g, '');
  return [`${name}.html`, `${name}/index.html`].filter((file) => existsSync(path.join(root, file)));
}

/** The RSC payloads of a route: `read.txt` and the per-segment ones in `read/`. */
function payloads(root, route) {
  const name = route.replace(/^\/|\/$/g, '');
  const dir = path.join(root, name);
  const inDir = existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith('.txt'))
        .map((file) => path.join(name, file))
    : [];
  return [`${name}.txt`, ...inDir].filter((file) => existsSync(path.join(root, file)));
}

/**
 * Strips the runtime from every copy of the routes' documents in `root`; returns what it changed.
 * @param {string} root the export's folder
 * @param {readonly string[]} [routes]
 * @returns {{ pages: string[], removed: string[] }} paths relative to root
 */
export function stripRoutes(root, routes = RUNTIME_FREE_ROUTES) {
  const pages = [];
  const removed = [];
  for (const route of routes) {
    const files = htmlFiles(root, route);
    if (!files.length) throw new Error(`no HTML file for ${route}`);
    for (const file of files) {
      const full = path.join(root, file);
      writeFileSync(full, stripRuntime(readFileSync(full, 'utf8')));
      pages.push(file);
    }
    for (const file of payloads(root, route)) {
      // With its precompressed copies, should compress.mjs have run already: a copy without its
      // file would be served as a file of its own.
      for (const copy of ['', '.br', '.gz']) rmSync(path.join(root, file + copy), { force: true });
      removed.push(file);
    }
    const dir = path.join(root, route.replace(/^\/|\/$/g, ''));
    if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
  }
  return { pages, removed };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--dir');
  const root = path.resolve(i >= 0 ? args[i + 1] : 'out');
  try {
    const { pages, removed } = stripRoutes(root);
    console.log(`strip-runtime: ${pages.join(', ')} without the framework; removed ${removed.length} RSC payloads`);
  } catch (error) {
    console.error(`strip-runtime: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
