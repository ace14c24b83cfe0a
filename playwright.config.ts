import { defineConfig, devices } from '@playwright/test';
// The browser finder is shared with the benchmark, so it stays plain JavaScript.
import { chromiumArgs, findChromium } from './scripts/browser.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4173);
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
    { name: 'csp', testMatch: /csp\.spec\.ts/, use: { ...devices['Desktop Chrome'], launchOptions } },
  ],
  // Never reuse a leftover server: it could be serving an older build. The server sends the security
  // headers with each page's strict Content-Security-Policy, as production hosts do, so every test
  // runs under them; csp.spec.ts checks the policies themselves.
  webServer: {
    command: `node scripts/serve.mjs --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/read`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
