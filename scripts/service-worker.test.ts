import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { headFromPrecache, workerBootstrapFromPrecache, writeServiceWorker } from './service-worker.mjs';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
  vi.unstubAllGlobals();
});

/** A static export in the shape `npm run build` leaves before compress.mjs, plus copies of an earlier run. */
function makeExport() {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sw-test-'));
  const files: Record<string, string> = {
    'index.html': '<p>home</p>',
    'read.html': '<p>read</p>',
    'present.html': '<p>present</p>',
    'index.txt': '0:{}',
    'present/__next._tree.txt': '0:{}',
    '404.html': '<p>lost</p>',
    '_not-found.html': '<p>lost</p>',
    '_not-found/__next._tree.txt': '0:{}',
    'register-sw.js': 'navigator.serviceWorker.register("/sw.js")',
    'come-home.epub': 'PK',
    'manifest.webmanifest': '{}',
    'favicon.svg': '<svg/>',
    'icon-192.png': 'png',
    'og.png': 'png',
    'robots.txt': 'User-agent: *',
    'sitemap.xml': '<urlset/>',
    _headers: '/*',
    'csp.json': '{}',
    'index.html.br': 'br',
    'index.html.gz': 'gz',
    '_next/static/chunks/a1b2.js': 'self.a=1',
    '_next/static/chunks/c3d4.css': 'body{}',
    '_next/static/media/body.woff2': 'font',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The precache manifest written into sw.js: url → revision (null for a hashed name). */
function manifestOf(worker: string) {
  return Object.fromEntries(
    [...worker.matchAll(/\{url:"([^"]+)",revision:(null|"[0-9a-f]+")\}/g)].map((m) => [m[1], JSON.parse(m[2])]),
  );
}

describe('writeServiceWorker', () => {
  it('precaches what the pages need, and nothing for crawlers, hosts or compression', async () => {
    const root = makeExport();
    const { warnings } = await writeServiceWorker(root);
    expect(warnings).toEqual([]);
    const worker = readFileSync(path.join(root, 'sw.js'), 'utf8');
    const manifest = manifestOf(worker);
    expect(Object.keys(manifest).sort()).toEqual([
      '_next/static/chunks/a1b2.js',
      '_next/static/chunks/c3d4.css',
      '_next/static/media/body.woff2',
      'come-home.epub',
      'favicon.svg',
      'icon-192.png',
      'index.html',
      'index.txt',
      'manifest.webmanifest',
      'present.html',
      'present/__next._tree.txt',
      'read.html',
      'register-sw.js',
    ]);
    // A hashed name is its own revision; a page keeps its URL, so it carries one.
    expect(manifest['_next/static/chunks/a1b2.js']).toBeNull();
    expect(manifest['read.html']).toMatch(/^[0-9a-f]{32}$/);
    // Workbox's runtime is in the file: nothing is loaded, from here or elsewhere. The one address
    // in it is the link in Workbox's own warning text.
    expect(worker).not.toContain('importScripts');
    expect(worker.match(/https?:\/\/[^\s"'`]+/g)).toEqual(['https://bit.ly/wb-precache']);
    // A new build waits until the old one's pages are closed (see the module's note): skipWaiting only
    // on a page's request, which none makes, and no clients.claim().
    expect(worker.match(/skipWaiting\(\)/g)).toHaveLength(1);
    expect(worker).toMatch(/"SKIP_WAITING"===\w+\.data\.type&&self\.skipWaiting\(\)/);
    expect(worker).not.toContain('clients.claim');
    // The worker bootstrap's own answer is registered before Workbox's.
    expect(worker.startsWith("self.addEventListener('fetch', function workerBootstrapFromPrecache(")).toBe(true);
  }, 30_000);

  it('gives a page a new revision when, and only when, it changes', async () => {
    const root = makeExport();
    await writeServiceWorker(root);
    const before = manifestOf(readFileSync(path.join(root, 'sw.js'), 'utf8'));
    writeFileSync(path.join(root, 'read.html'), '<p>read, the next build</p>');
    await writeServiceWorker(root);
    const after = manifestOf(readFileSync(path.join(root, 'sw.js'), 'utf8'));
    expect(after['read.html']).not.toBe(before['read.html']);
    expect(after['index.html']).toBe(before['index.html']);
  }, 30_000);
});

describe('headFromPrecache', () => {
  const cachedPage = new Response('<p>read</p>', { status: 200, headers: { 'Content-Type': 'text/html' } });

  it('answers a HEAD for a clean URL from the precached page, with no body', async () => {
    const match = vi.fn(async (url: string) =>
      url === 'http://127.0.0.1/read.html' || url === 'http://127.0.0.1/index.html' ? cachedPage.clone() : undefined,
    );
    const network = vi.fn();
    vi.stubGlobal('caches', { match });
    vi.stubGlobal('fetch', network);
    for (const pathname of ['/read', '/']) {
      const url = new URL(pathname, 'http://127.0.0.1');
      const response = await headFromPrecache({ url, request: new Request(url, { method: 'HEAD' }) });
      expect(response.status, pathname).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html');
      expect(response.body).toBeNull();
    }
    expect(match).toHaveBeenCalledWith('http://127.0.0.1/index.html', { ignoreSearch: true });
    expect(network).not.toHaveBeenCalled();
  });

  it('asks the network for what the precache does not hold', async () => {
    vi.stubGlobal('caches', { match: async () => undefined });
    const network = vi.fn(async () => new Response(null, { status: 404 }));
    vi.stubGlobal('fetch', network);
    const url = new URL('/no-such-page', 'http://127.0.0.1');
    const request = new Request(url, { method: 'HEAD' });
    expect((await headFromPrecache({ url, request })).status).toBe(404);
    expect(network).toHaveBeenCalledWith(request);
  });
});

describe('workerBootstrapFromPrecache', () => {
  const BOOTSTRAP = 'http://127.0.0.1/_next/static/chunks/turbopack-worker-1hrsqshz0gfey.js';
  function fetchEvent(url: string, method = 'GET') {
    const event = {
      request: new Request(url, { method }),
      answer: undefined as Promise<Response> | undefined,
      stopped: false,
      respondWith(response: Promise<Response>) {
        this.answer = response;
      },
      stopImmediatePropagation() {
        this.stopped = true;
      },
    };
    return event;
  }
  const stubOrigin = () => vi.stubGlobal('self', { location: { origin: 'http://127.0.0.1' } });

  it('answers the bootstrap from the precache with a response of its own, so the worker keeps its address', async () => {
    stubOrigin();
    const cached = new Response('bootstrap()', { status: 200, headers: { 'Content-Type': 'text/javascript' } });
    Object.defineProperty(cached, 'url', { value: BOOTSTRAP });
    const match = vi.fn(async () => cached);
    const network = vi.fn();
    vi.stubGlobal('caches', { match });
    vi.stubGlobal('fetch', network);
    const event = fetchEvent(`${BOOTSTRAP}#params=%5B%5D`);
    workerBootstrapFromPrecache(event);
    expect(event.stopped).toBe(true);
    const response = await event.answer!;
    expect(await response.text()).toBe('bootstrap()');
    expect(response.headers.get('content-type')).toBe('text/javascript');
    // A response made anew has no URL: the worker's address stays the one it was opened with.
    expect(response.url).toBe('');
    expect(match).toHaveBeenCalledWith(BOOTSTRAP, { ignoreSearch: true });
    expect(network).not.toHaveBeenCalled();
  });

  it('asks the network when the precache does not hold it', async () => {
    stubOrigin();
    vi.stubGlobal('caches', { match: async () => undefined });
    const network = vi.fn(async () => new Response('from the network'));
    vi.stubGlobal('fetch', network);
    const event = fetchEvent(BOOTSTRAP);
    workerBootstrapFromPrecache(event);
    expect(await (await event.answer!).text()).toBe('from the network');
    expect(network).toHaveBeenCalledWith(event.request);
  });

  it('leaves every other request to Workbox', () => {
    stubOrigin();
    for (const [url, method] of [
      ['http://127.0.0.1/_next/static/chunks/a1b2.js', 'GET'],
      ['http://127.0.0.1/read', 'GET'],
      [BOOTSTRAP, 'HEAD'],
      ['http://elsewhere.example/_next/static/chunks/turbopack-worker-1.js', 'GET'],
    ]) {
      const event = fetchEvent(url, method);
      workerBootstrapFromPrecache(event);
      expect(event.answer, url).toBeUndefined();
      expect(event.stopped, url).toBe(false);
    }
  });
});
