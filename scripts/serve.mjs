#!/usr/bin/env node
/**
 * Serves the static export in out/ the way a static host or CDN would (see scripts/server.mjs):
 * clean URLs, the 404 page with status 404, the security headers with each page's strict
 * Content-Security-Policy, long-lived caching for hashed assets only, the precompressed copies.
 *
 *   node scripts/serve.mjs [--port 3000] [--host 127.0.0.1] [--dir out] [--no-headers]
 *
 * PORT and HOST set the defaults of --port and --host. --no-headers leaves out the security
 * headers (the pages keep their <meta> policy). Problems starting are one line on stderr and a
 * non-zero exit status, never a stack trace.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { POLICY_FILE } from './headers.mjs';
import { createHandler } from './server.mjs';

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`serve: ${message}`);
  process.exit(1);
}

/** @returns {{ port: number, host: string, root: string, headers: boolean }} */
function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        dir: { type: 'string' },
        'no-headers': { type: 'boolean' },
        // Accepted for the scripts written when the headers needed it; they are the default now.
        csp: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return fail(
      `${error instanceof Error ? error.message : error} (usage: serve.mjs [--port N] [--host H] [--dir D] [--no-headers])`,
    );
  }
  const port = values.port ?? process.env.PORT ?? '3000';
  // Port 0 lets the system pick a free one (tests); the address printed is the real one.
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) fail(`invalid port "${port}": use a number from 0 to 65535`);
  return {
    port: Number(port),
    host: values.host ?? process.env.HOST ?? '127.0.0.1',
    root: path.resolve(values.dir ?? 'out'),
    headers: !values['no-headers'],
  };
}

const { port, host, root, headers } = options();
const shown = path.relative(process.cwd(), root) || '.';
if (!existsSync(path.join(root, 'index.html'))) fail(`${shown}/index.html is missing: run \`npm run build\` first`);
if (headers && !existsSync(path.join(root, POLICY_FILE))) {
  // Without the computed hashes the policy would block every inline script: say so instead of serving a broken site.
  fail(
    `${shown}/${POLICY_FILE} is missing: run \`npm run build\` (it writes the pages' policies), or pass --no-headers`,
  );
}

const server = createServer(await createHandler({ root, headers }));
server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
  const where = `${host}:${port}`;
  if (error.code === 'EADDRINUSE')
    fail(`port ${port} on ${host} is already in use: stop the other server or pick another with --port or PORT`);
  if (error.code === 'EACCES') fail(`no permission to listen on ${where}: pick a port above 1023`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
    fail(`cannot listen on ${where}: no such address on this machine`);
  fail(`cannot listen on ${where}: ${error.message}`);
});
server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
  console.log(`Serving ${shown} at ${origin}${headers ? '' : ' (without security headers)'}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
