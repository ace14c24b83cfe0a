/**
 * Firefox ESR through puppeteer-core over WebDriver BiDi. (Playwright's Firefox speaks its
 * own patched protocol; its BiDi mode fails on Debian's Firefox at emulation.setMediaFeaturesOverride.)
 */
import puppeteer from 'puppeteer-core';
import { withTimeout } from './timeout.mjs';

export async function launchFirefox({ executablePath, viewport }) {
  const browser = await withTimeout(
    puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath,
      // Headed, on the Xvfb display: Firefox's WebGL then runs on Mesa's llvmpipe like a desktop's.
      headless: false,
      defaultViewport: viewport,
      timeout: 60_000,
      protocolTimeout: 60_000,
      extraPrefsFirefox: {
        // No calls home from the test profile.
        'app.update.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.enabled': false,
      },
    }),
    90_000,
    'starting Firefox',
  );
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  page.setDefaultTimeout(30_000);
  // The first tab does not always take the launch's default viewport.
  await page.setViewport(viewport);
  return {
    version: await browser.version(),
    async goto(url) {
      // A fresh document every time, even when only the fragment changes: a deep link as a reader opens it.
      await page.goto('about:blank');
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    },
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    screenshot: async () => Buffer.from(await page.screenshot({ type: 'png' })),
    press: (key) => page.keyboard.press(key),
    async close() {
      const proc = browser.process();
      await withTimeout(browser.close(), 15_000, 'closing Firefox').catch(() => proc?.kill('SIGKILL'));
    },
  };
}
