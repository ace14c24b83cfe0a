#!/usr/bin/env node
/**
 * Post-build step, after csp.mjs (the pages are final) and before compress.mjs (which then also
 * compresses the worker): writes out/sw.js, a service worker that precaches the export so that,
 * after one visit to any route, every route opens with the network off, fonts and light included.
 *
 * Workbox's generateSW lists the files from out/ itself and bundles its runtime into sw.js
 * (inlineWorkboxRuntime), so the worker loads nothing and asks no other origin for anything. Nothing
 * is cached at run time: the worker answers from the precache only (GET, and HEAD for Next's router,
 * see headFromPrecache), and lets every other request, another origin's included, go to the network.
 *
 * Updates, and why there is no skipWaiting: a new build is a new sw.js (the manifest's revisions
 * change). The browser installs it next to the old one, which goes on serving every open page, and
 * activates it only once no page uses the old one any more; its activation then deletes what the old
 * build had cached. So a visit is served wholly by one build: a page of the old build never loads a
 * chunk of the new one (the light's worker, say), nor the other way round. The new build shows on
 * the next visit after the story's tabs have been closed, or sooner when a page asks: an open page
 * offers "A new version of the story is available" with Reload, and a kiosk reloads between two loops
 * (public/register-sw.js, lib/drivers/serviceWorkerUpdate.ts); either posts SKIP_WAITING, the one
 * message on which the new worker takes over at once, then loads the page from it. clientsClaim stays off for the same reason:
 * a page is controlled by the worker it was opened with, or by none.
 *
 *   node scripts/service-worker.mjs [--dir out]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateSW } from 'workbox-build';

export const SERVICE_WORKER = 'sw.js';

/**
 * What a reader needs to open every route offline: pages, RSC payloads, code, styles, fonts, icons,
 * and the ebook /read offers (half a megabyte: "Download the ebook" works on the train too).
 */
export const PRECACHE_PATTERNS = ['**/*.{html,txt,js,css,woff2,png,svg,webmanifest,epub}'];

/**
 * What matches the patterns but no page needs: the not-found page (an unknown address offline
 * fails as any other would), the social card (only other sites fetch it), files for crawlers.
 * The precompressed .br/.gz copies and the header files never match the patterns.
 */
export const PRECACHE_IGNORES = [
  '404.html',
  '_not-found.html',
  '_not-found.txt',
  '_not-found/**',
  'og.png',
  'robots.txt',
  SERVICE_WORKER,
];

/**
 * Answers a HEAD request from the precache. Next's router, in a static export, asks a page with a
 * HEAD request whether it exists before prefetching or opening it client-side (the presentation's
 * Exit link to /); the precache route answers GET only, so offline that check would fail and the
 * router would wait for the network. The precache's own clean URLs apply (/ → index.html,
 * /present → present.html); its keys carry a revision in the query, hence ignoreSearch.
 * It runs in the worker: generateSW copies its source into sw.js, so it may use nothing from here.
 * @param {{ url: URL, request: Request }} options
 * @returns {Promise<Response>}
 */
export async function headFromPrecache({ url, request }) {
  const files = url.pathname.endsWith('/') ? [`${url.pathname}index.html`] : [url.pathname, `${url.pathname}.html`];
  for (const file of files) {
    const cached = await caches.match(new URL(file, url.origin).href, { ignoreSearch: true });
    if (cached) return new Response(null, { status: cached.status, headers: cached.headers });
  }
  return fetch(request);
}

/**
 * Answers a request for a worker's bootstrap script (Turbopack's `turbopack-worker-….js`, which a
 * `new Worker(new URL(…, import.meta.url))` starts from: the light's) from the precache, as a
 * response made anew.
 * A worker's address is its script's response's URL, and Turbopack's bootstrap reads the chunks
 * it must load from that address's fragment (`#params=…`). A response taken from the cache as it
 * is carries the cached URL, without the fragment, and the worker would start with nothing to load
 * ("Missing worker bootstrap config", and no light offline). A response made anew has no URL of its
 * own, so the worker keeps the address it was opened with.
 *
 * It runs in the service worker as a fetch listener registered before Workbox's (which would answer
 * with the cached response itself), so it stops the event there, and it may use nothing from here.
 * @param {{ request: Request, respondWith(response: Promise<Response>): void, stopImmediatePropagation(): void }} event
 */
export function workerBootstrapFromPrecache(event) {
  const url = new URL(event.request.url);
  const bootstrap = /\/_next\/static\/chunks\/turbopack-worker-[^/]+\.js$/;
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !bootstrap.test(url.pathname)) return;
  event.stopImmediatePropagation();
  event.respondWith(
    (async () => {
      const cached = await caches.match(url.origin + url.pathname, { ignoreSearch: true });
      const response = cached ?? (await fetch(event.request));
      const { status, statusText, headers } = response;
      return new Response(response.body, { status, statusText, headers });
    })(),
  );
}

/**
 * Writes the service worker for the export in `root`.
 * @param {string} root the export's folder
 * @returns {Promise<{ count: number, size: number, warnings: string[] }>} files precached and their bytes
 */
export async function writeServiceWorker(root) {
  const { count, size, warnings } = await generateSW({
    globDirectory: root,
    globPatterns: PRECACHE_PATTERNS,
    globIgnores: PRECACHE_IGNORES,
    swDest: path.join(root, SERVICE_WORKER),
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    // Hashed file names change with their content: the URL is its own revision.
    dontCacheBustURLsMatching: /^_next\/static\//,
    // A static host serves the same file whatever the query (/present?presenter, Next's ?_rsc=…).
    ignoreURLParametersMatching: [/.*/],
    // The precache's clean URLs (/read → read.html, / → index.html) stay on, as on the static host.
    cleanupOutdatedCaches: true,
    // Our origin only: a request to another one is never answered, nor cached, by the worker.
    runtimeCaching: [{ urlPattern: ({ sameOrigin }) => sameOrigin, method: 'HEAD', handler: headFromPrecache }],
    skipWaiting: false,
    clientsClaim: false,
    // The framework's largest chunk is a quarter of this; anything far larger would be a mistake worth seeing.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  });
  // Registered first, so it answers the light's worker bootstrap before Workbox's precache route would.
  const file = path.join(root, SERVICE_WORKER);
  writeFileSync(file, `self.addEventListener('fetch', ${workerBootstrapFromPrecache});\n${readFileSync(file, 'utf8')}`);
  return { count, size, warnings };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--dir');
  const root = path.resolve(i >= 0 ? args[i + 1] : 'out');
  try {
    const { count, size, warnings } = await writeServiceWorker(root);
    // A file left out for its size would be missing offline: fail rather than warn.
    if (warnings.length) throw new Error(warnings.join('; '));
    console.log(`service-worker: ${SERVICE_WORKER} precaches ${count} files, ${Math.round(size / 1024)} KiB`);
  } catch (error) {
    console.error(`service-worker: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
