import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressDir } from './compress.mjs';
import { commonHeaders, CONTENT_SECURITY_POLICY } from './headers.mjs';

/*
 * The local server as `npm start` runs it: the command line in a child process, over real HTTP,
 * on a tiny export made here (no Next build needed). SERVE_SCRIPT points the tests at another
 * server script, e.g. the hand-written one this replaced (`git show <rev>:scripts/serve.mjs`),
 * to see them fail there.
 */
const SCRIPT = process.env.SERVE_SCRIPT ?? path.join(import.meta.dirname, 'serve.mjs');

const SECRET = 'the secret outside out/';
const page = (name: string) =>
  `<!DOCTYPE html><html><head><meta charSet="utf-8"/><title>${name}</title></head><body>` +
  `<main>${`<p>${name}: the light in the window, still on at three in the morning.</p>`.repeat(40)}</main></body></html>`;
const POLICY = (name: string) => `default-src 'self'; script-src 'self' 'sha256-${name}='; frame-ancestors 'none'`;
const SCRIPT_JS = `self.chunk=${JSON.stringify('x'.repeat(10)).repeat(300)};\n`;

/** A static export in the shape `npm run build` writes, with symlinks leading out of it. */
function makeExport(): { dir: string; out: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'serve-test-'));
  const out = path.join(dir, 'out');
  mkdirSync(path.join(out, '_next/static/chunks'), { recursive: true });
  for (const name of ['index', 'read', '404', '_not-found']) writeFileSync(path.join(out, `${name}.html`), page(name));
  writeFileSync(path.join(out, '_next/static/chunks/x.js'), SCRIPT_JS);
  writeFileSync(path.join(out, 'sw.js'), SCRIPT_JS);
  writeFileSync(path.join(out, 'manifest.webmanifest'), '{"name":"Come Home","start_url":"/"}');
  const pages = Object.fromEntries(
    ['index', 'read', '404', '_not-found'].map((name) => [
      `${name}.html`,
      {
        paths: [`/${name}`],
        header: POLICY(name),
        meta: POLICY(name),
        inline: { scripts: 1, styles: 0, styleAttributes: 0 },
      },
    ]),
  );
  writeFileSync(path.join(out, 'csp.json'), JSON.stringify({ pages }));
  writeFileSync(path.join(dir, 'secret.txt'), SECRET);
  symlinkSync(path.join(dir, 'secret.txt'), path.join(out, 'leak.txt'));
  symlinkSync(path.join(dir, 'secret.txt'), path.join(out, '_next/static/chunks/leak.js'));
  symlinkSync(dir, path.join(out, 'escape'));
  compressDir(out);
  return { dir, out };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the server until it exits (for the start-up failures). */
function runToExit(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 5000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts the server on a free port and resolves with its origin once it listens. */
async function start(args: string[]): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [SCRIPT, '--port', String(port), ...args]);
  await new Promise<void>((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    child.stdout?.on('data', (d) => String(d).includes('Serving') && resolve());
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return { port, child };
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request with the path sent exactly as given (fetch would normalise `/%zz` or `..`). */
function send(port: number, rawPath: string, options: { method?: string; headers?: OutgoingHttpHeaders } = {}) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path: rawPath,
      method: options.method ?? 'GET',
      headers: options.headers,
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

let fixture: { dir: string; out: string };
let server: { port: number; child: ChildProcess };
const get = (rawPath: string, options?: Parameters<typeof send>[2]) => send(server.port, rawPath, options);

beforeAll(async () => {
  fixture = makeExport();
  server = await start(['--dir', fixture.out]);
});

afterAll(() => {
  server?.child.kill();
  rmSync(fixture.dir, { recursive: true, force: true });
});

describe('pages', () => {
  it('serves clean URLs from the export: / → index.html, /read → read.html', async () => {
    for (const [url, name] of [
      ['/', 'index'],
      ['/read', 'read'],
      ['/read.html', 'read'],
      ['/read?from=start', 'read'],
    ]) {
      const reply = await get(url);
      expect(reply.status, url).toBe(200);
      expect(reply.headers['content-type'], url).toMatch(/^text\/html/);
      expect(reply.body.toString(), url).toBe(page(name));
    }
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const reply = await get('/read', { method: 'HEAD' });
    expect(reply.status).toBe(200);
    expect(Number(reply.headers['content-length'])).toBe(Buffer.byteLength(page('read')));
    expect(reply.body.length).toBe(0);
  });

  it('answers unknown paths, /404 and the not-found files with the 404 page and status 404', async () => {
    for (const url of ['/nope', '/404', '/404.html', '/_not-found', '/_not-found.html', '/read/']) {
      const reply = await get(url);
      expect(reply.status, url).toBe(404);
      expect(reply.body.toString(), url).toBe(page('404'));
      expect(reply.headers['cache-control'], url).toMatch(/no-cache|no-store/);
    }
    const head = await get('/nope', { method: 'HEAD' });
    expect([head.status, head.body.length]).toEqual([404, 0]);
  });
});

describe('refused requests', () => {
  it('answers malformed percent escapes with 400 and a short plain message', async () => {
    for (const url of ['/%', '/%zz', '/_next/static/%E0%A4%A', '/read%']) {
      const reply = await get(url);
      expect(reply.status, url).toBe(400);
      expect(reply.headers['content-type'], url).toMatch(/^text\/plain/);
      const text = reply.body.toString();
      expect(text.length, url).toBeLessThan(100);
      expect(text, url).not.toMatch(/URIError|Error:|\bat\s/);
    }
  });

  it('answers other methods than GET and HEAD with 405 and Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const reply = await get('/read', { method });
      expect(reply.status, method).toBe(405);
      expect(reply.headers.allow, method).toBe('GET, HEAD');
      expect(reply.body.toString(), method).not.toContain('<html');
    }
  });

  it('serves nothing outside the export, however `..` is written', async () => {
    for (const url of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/..%2f..%2f..%2fetc/passwd',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..\\secret.txt',
      '/%5c..%5csecret.txt',
      '/read/..%2f..%2fsecret.txt',
      '/_next/static/..%2f..%2fread',
    ]) {
      const reply = await get(url);
      expect([400, 404], url).toContain(reply.status);
      expect(reply.body.toString(), url).not.toContain(SECRET);
      expect(reply.headers['cache-control'] ?? '', url).not.toContain('immutable');
    }
  });

  it('does not follow symlinks out of the export', async () => {
    for (const url of ['/leak.txt', '/escape/secret.txt', '/_next/static/chunks/leak.js']) {
      const reply = await get(url);
      expect(reply.status, url).toBe(404);
      expect(reply.body.toString(), url).not.toContain(SECRET);
    }
  });
});

describe('headers', () => {
  it('sends the security headers by default, each page with its own policy from csp.json', async () => {
    const cases: [string, string][] = [
      ['/', POLICY('index')],
      ['/read', POLICY('read')],
      ['/nope', POLICY('404')],
      ['/_next/static/chunks/x.js', CONTENT_SECURITY_POLICY],
      ['/%zz', CONTENT_SECURITY_POLICY],
    ];
    for (const [url, policy] of cases) {
      const reply = await get(url);
      expect(reply.headers['content-security-policy'], url).toBe(policy);
      for (const [name, value] of Object.entries(commonHeaders()))
        expect(reply.headers[name.toLowerCase()], url).toBe(value);
    }
    const refused = await get('/read', { method: 'POST' });
    expect(refused.headers['x-frame-options']).toBe('DENY');
  });

  it('leaves the security headers out with --no-headers, which needs no csp.json', async () => {
    const plain = await start(['--dir', fixture.out, '--no-headers']);
    try {
      const reply = await send(plain.port, '/read');
      expect(reply.status).toBe(200);
      expect(reply.headers['content-security-policy']).toBeUndefined();
      expect(reply.headers['x-frame-options']).toBeUndefined();
    } finally {
      plain.child.kill();
    }
  });

  it('caches hashed assets that exist for a year, and nothing else', async () => {
    expect((await get('/_next/static/chunks/x.js')).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const url of ['/_next/static/chunks/missing.js', '/_next/static/..%2f..%2fread', '/_next/static/%E0%A4%A']) {
      const reply = await get(url);
      expect(reply.status, url).toBeGreaterThanOrEqual(400);
      expect(reply.headers['cache-control'], url).toMatch(/^(no-cache|no-store)$/);
    }
    expect((await get('/read')).headers['cache-control']).toBe('no-cache');
  });

  it('serves the service worker and the manifest as what they are, revalidated every time', async () => {
    // A cached sw.js would keep readers on an old build; the browser only revalidates a no-cache one.
    const worker = await get('/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.headers['content-type']).toMatch(/^(text|application)\/javascript\b/);
    expect(worker.headers['cache-control']).toBe('no-cache');
    // The worker runs under the policy of its own response: ours, with nothing inline.
    expect(worker.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const manifest = await get('/manifest.webmanifest');
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json\b/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
  });
});

describe('conditional and partial requests', () => {
  it('sends ETag and Last-Modified, and answers a matching If-None-Match or If-Modified-Since with 304', async () => {
    const first = await get('/read');
    const { etag } = first.headers;
    const lastModified = first.headers['last-modified'];
    expect(etag).toBeTruthy();
    expect(lastModified).toBeTruthy();
    const byTag = await get('/read', { headers: { 'If-None-Match': etag } });
    expect([byTag.status, byTag.body.length]).toEqual([304, 0]);
    expect(byTag.headers['cache-control']).toBe('no-cache');
    const byDate = await get('/read', { headers: { 'If-Modified-Since': lastModified } });
    expect([byDate.status, byDate.body.length]).toEqual([304, 0]);
    const older = await get('/read', { headers: { 'If-Modified-Since': new Date(0).toUTCString() } });
    expect(older.status).toBe(200);
    const otherTag = await get('/read', {
      headers: { 'If-None-Match': 'W/"other"', 'If-Modified-Since': lastModified },
    });
    expect(otherTag.status).toBe(200);
  });

  it('answers a byte range with 206 and Content-Range, and other range forms with the whole file', async () => {
    const url = '/_next/static/chunks/x.js';
    const part = await get(url, { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-19/${SCRIPT_JS.length}`);
    expect(part.body.toString()).toBe(SCRIPT_JS.slice(10, 20));
    const open = await get(url, { headers: { Range: 'bytes=100-' } });
    expect([open.status, open.body.toString()]).toEqual([206, SCRIPT_JS.slice(100)]);
    const beyond = await get(url, { headers: { Range: `bytes=${SCRIPT_JS.length + 5}-` } });
    expect(beyond.status).toBe(416);
    for (const range of ['bytes=-5', 'bytes=9-2', 'bytes=0-0', 'lines=1-2', 'bytes=0-1,5-6']) {
      const whole = await get(url, { headers: { Range: range } });
      expect([whole.status, whole.body.toString()], range).toEqual([200, SCRIPT_JS]);
    }
  });
});

describe('compression', () => {
  it('sends the precompressed brotli or gzip copy to clients that accept it', async () => {
    const br = await get('/read', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(page('read'));
    const gzip = await get('/_next/static/chunks/x.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toContain('immutable');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT_JS);
    const missing = await get('/nope', { headers: { 'Accept-Encoding': 'gzip' } });
    expect([missing.status, gunzipSync(missing.body).toString()]).toEqual([404, page('404')]);
    for (const reply of [br, gzip, missing]) expect(reply.headers.vary).toBe('Accept-Encoding');
    const identity = await get('/read');
    expect(identity.headers['content-encoding']).toBeUndefined();
  });

  it('does not serve the copies as files of their own', async () => {
    expect((await get('/read.html.gz')).status).toBe(404);
    expect((await get('/_next/static/chunks/x.js.br')).status).toBe(404);
  });
});

describe('start-up problems', () => {
  /** One line on stderr, no stack trace, a failing exit status. */
  const expectOneLineFailure = (run: Run, pattern: RegExp) => {
    expect(run.code).not.toBe(0);
    expect(run.code).not.toBeNull();
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  };

  it('says in one line that the port is taken', async () => {
    const run = await runToExit(['--port', String(server.port), '--dir', fixture.out]);
    expectOneLineFailure(run, /already in use/);
  });

  it('says in one line that PORT is not a port', async () => {
    const runs = await Promise.all(
      ['abc', '99999', '-1', '3000x'].map((port) => runToExit(['--dir', fixture.out], { PORT: port })),
    );
    for (const run of runs) expectOneLineFailure(run, /invalid port/);
  });

  it('says in one line that the export has not been built', async () => {
    const empty = path.join(fixture.dir, 'empty');
    mkdirSync(empty, { recursive: true });
    expectOneLineFailure(await runToExit(['--port', '0', '--dir', empty]), /npm run build/);
    const noPolicies = path.join(fixture.dir, 'no-policies');
    mkdirSync(noPolicies, { recursive: true });
    writeFileSync(path.join(noPolicies, 'index.html'), readFileSync(path.join(fixture.out, 'index.html')));
    expectOneLineFailure(await runToExit(['--port', '0', '--dir', noPolicies]), /csp\.json/);
  });
});
