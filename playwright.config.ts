import { defineConfig, devices } from '@playwright/test';
import { testDatabaseName } from './tests/helpers/test-database';

const port = Number(process.env.E2E_PORT ?? 3100);
// The e2e database's name, chosen here so that the server (scripts/e2e-server.ts) creates it and each
// spec file can reset it to the seeded state before it starts (tests/e2e/helpers/database.ts). The
// workers inherit the runner's environment, so all of them see the same name.
process.env.E2E_DATABASE ??= testDatabaseName('e2e');

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // a long spec (plans.spec: a whole plan set up, entered, reviewed) takes ~20 s on a quiet machine and ~60 s on a busy one
  timeout: 120_000,
  // Pages stream from a production build on a 2-core machine that may be busy: allow them time.
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // A fresh database on the test PostgreSQL, migrated and seeded by the same start script users run.
    command: 'npx tsx scripts/e2e-server.ts',
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 900_000, // the first start may build the app: minutes on a busy 2-core machine
    reuseExistingServer: false,
    env: { PORT: String(port), E2E_DATABASE: process.env.E2E_DATABASE },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
