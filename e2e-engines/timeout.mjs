/** Every step of the runner is bounded: a browser that hangs is a failure with a message, not a stuck CI. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Asks `check` until it answers something truthy, and returns that; throws `what` after `timeout`
 * (generous: a loaded machine is slow, never wrong). Between asks it waits for `next`, an event
 * (the page's next frames, a process's output), or else lets the event loop turn once.
 */
export async function until(what, check, { timeout = 20_000, next } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last;
    await (next ? next() : new Promise((resolve) => setImmediate(resolve)));
  }
  throw new Error(
    `timed out after ${Math.round(timeout / 1000)} s waiting for ${what} (last: ${JSON.stringify(last)})`,
  );
}
