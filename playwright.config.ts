import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { defineConfig, devices, type TraceMode } from '@playwright/test';

/**
 * End-to-end tests (e2e/**) against a running production server. `npm run test:e2e`
 * (scripts/e2e.mjs) builds, prepares a fresh database, starts `next start`, and sets the variables
 * below; to run against a server you started yourself: `E2E_BASE_URL=http://127.0.0.1:3000 npx playwright test`.
 */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    // Same finder as scripts/e2e.mjs, detection only (no install from inside the config).
    const found = execFileSync(process.execPath, [path.join(__dirname, 'scripts', 'find-browser.mjs'), '--no-install'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    process.env.CHROMIUM_PATH = found; // worker processes re-read this config
    return found || undefined;
  } catch {
    return undefined; // Playwright's own browser, if `npx playwright install` was run
  }
}

const database = process.env.E2E_DATABASE ?? 'local';

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

/**
 * Files that must not run beside each other (they still run beside the rest): the import queue works
 * one job at a time, so a 30,000-row import (imports-cancel) would hold up another file's import
 * (imports, campaigns); the offender queue's first row is reviewed by offenders and opened by
 * forms-keep-input.
 */
const ONE_AT_A_TIME = [/imports\.spec\.ts$/, /imports-cancel\.spec\.ts$/, /campaigns\.spec\.ts$/, /offenders\.spec\.ts$/, /forms-keep-input\.spec\.ts$/];

export default defineConfig({
  testDir: 'e2e',
  outputDir: path.join('test-results', `e2e-${database}`),
  // Files run side by side; the tests of one file run in order, in one worker (their own data).
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Specs sign in by HTTP and change only data of their own (fixtures.ts: signIn, newCase), so they
  // can share one server and database across workers: E2E_WORKERS=2 runs two. The default stays 1
  // until a whole two-worker run is measured green on both databases (issue 17 item 6).
  workers: Number(process.env.E2E_WORKERS ?? 1),
  // A 2-core machine running `next start` and Chromium side by side.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100',
    screenshot: 'only-on-failure',
    // A trace on request only (E2E_TRACE=retain-on-failure, or `--trace`): recording one for every test (a
    // DOM snapshot at each action and a screencast) took about 15 % of a pass's wall and CPU time
    // (docs/testing.md). A failing test still leaves its screenshot and error context (the page's ARIA
    // snapshot at the failure).
    trace: (process.env.E2E_TRACE ?? 'off') as TraceMode,
    actionTimeout: 20_000,
    navigationTimeout: 45_000,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  },
  // Workers take files in the order of the projects: the one-at-a-time chain first, so it runs in one
  // worker beside the rest instead of alone at the end (measured: docs/testing.md).
  projects: [
    {
      // Beside the others, but one file at a time (see ONE_AT_A_TIME).
      name: 'chromium-one-at-a-time',
      testMatch: ONE_AT_A_TIME,
      workers: 1,
      use: browser,
    },
    {
      name: 'chromium',
      testIgnore: ONE_AT_A_TIME,
      use: browser,
    },
  ],
});
