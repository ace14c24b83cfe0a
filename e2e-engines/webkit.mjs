/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver (Debian's webkit2gtk-driver) and
 * selenium-webdriver 4.46, the last release that runs on Node 20.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { Builder, Key } from 'selenium-webdriver';
import { until, withTimeout } from './timeout.mjs';

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/**
 * Waits until WebKitWebDriver answers on `url` (a condition, with a generous ceiling: a loaded
 * machine starts it slowly). A refused connection comes back at once, so asks are spaced out.
 */
function waitForDriver(url, driver, log) {
  return until(
    `WebKitWebDriver to answer on ${url}`,
    async () => {
      if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode}): ${log()}`);
      return fetch(`${url}/status`, { signal: AbortSignal.timeout(2000) }).then(
        (res) => res.ok,
        () => false,
      );
    },
    { timeout: 60_000, next: () => delay(100) },
  ).catch((error) => {
    throw new Error(`${error.message}: ${log()}`);
  });
}

const keys = { ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT };

export async function launchWebKit({ driverPath, miniBrowser, viewport }) {
  const port = await freePort();
  // Loopback only ('local' is the driver's default; said here so it stays that way).
  const server = spawn(driverPath, [`--port=${port}`, '--host=local'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stopServer = () => server.exitCode === null && server.kill('SIGKILL');
  // Also when the runner stops at its deadline: no driver left listening after the tests.
  process.once('exit', stopServer);
  let driver;
  try {
    await waitForDriver(url, server, () => output.trim().slice(-500));
    driver = await withTimeout(
      new Builder()
        .usingServer(url)
        .withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
        })
        .build(),
      60_000,
      'starting MiniBrowser',
    );
    await driver.manage().setTimeouts({ pageLoad: 30_000, script: 30_000, implicit: 0 });
    await sizeViewport(driver, viewport);
  } catch (error) {
    if (driver) await withTimeout(driver.quit(), 10_000, 'closing MiniBrowser').catch(() => {});
    stopServer();
    throw new Error(
      `${error instanceof Error ? error.message : error}${output ? `\n${output.trim().slice(-500)}` : ''}`,
    );
  }
  const caps = await driver.getCapabilities();
  return {
    version: `${caps.get('browserName')} ${caps.get('browserVersion')}`,
    async goto(target) {
      await driver.get('about:blank');
      await driver.get(target);
    },
    async evaluate(fn, ...args) {
      // Async so that a function returning a promise is awaited the same way in every driver.
      const result = await driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         const args = Array.prototype.slice.call(arguments, 0, -1);
         Promise.resolve().then(() => (${fn}).apply(null, args))
           .then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`,
        ...args,
      );
      if (result?.error) throw new Error(`in the page: ${result.error}`);
      return result?.value;
    },
    screenshot: async () => Buffer.from(await driver.takeScreenshot(), 'base64'),
    press: (key) =>
      driver
        .actions()
        .sendKeys(keys[key] ?? key)
        .perform(),
    async close() {
      await withTimeout(driver.quit(), 15_000, 'closing MiniBrowser').catch(() => {});
      stopServer();
    },
  };
}

/** WebDriver sizes the window, toolbar included; the checks need the page's viewport at a size. */
async function sizeViewport(driver, { width, height }) {
  await driver.manage().window().setRect({ width, height });
  for (let i = 0; i < 3; i++) {
    const inner = await driver.executeScript('return [window.innerWidth, window.innerHeight]');
    if (inner[0] === width && inner[1] === height) return;
    const rect = await driver.manage().window().getRect();
    await driver
      .manage()
      .window()
      .setRect({ width: rect.width + width - inner[0], height: rect.height + height - inner[1] });
  }
}
