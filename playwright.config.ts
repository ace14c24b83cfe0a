import { defineConfig, devices } from '@playwright/test';
// The browser finder is shared with the benchmark, so it stays plain JavaScript.
import { chromiumArgs, findChromium } from './scripts/browser.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4173);
// A second server sends the security headers, each page with its strict per-page CSP.
const CSP_PORT = Number(process.env.E2E_CSP_PORT ?? PORT + 1);
const executablePath = findChromium({ install: false });
const launchOptions = { executablePath, args: chromiumArgs };

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'chromium', testIgnore: /csp\.spec\.ts/, use: { ...devices['Desktop Chrome'], launchOptions } },
    {
      name: 'csp',
      testMatch: /csp\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions, baseURL: `http://127.0.0.1:${CSP_PORT}` },
    },
  ],
  // Never reuse a leftover server: it could be serving an older build.
  webServer: [
    {
      command: `node scripts/serve.mjs --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/read`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node scripts/serve.mjs --port ${CSP_PORT} --csp`,
      url: `http://127.0.0.1:${CSP_PORT}/read`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
