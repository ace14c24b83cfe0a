/**
 * Serves out/ (scripts/serve.mjs) in a child process for a script that looks at the built site,
 * and resolves once the server answers: a condition, not a guess at how long it takes to start.
 * The server stops with `stop()`, or when the script exits.
 */
import { spawn } from 'node:child_process';

/** @param {number} port */
export async function serveInBackground(port) {
  const server = spawn('node', ['scripts/serve.mjs', '--port', String(port)], { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', stop);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${url}/read`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`the server on port ${port} did not answer`);
}
