/**
 * `npm test`: unit and integration tests (vitest, real PostgreSQL), then end-to-end tests (Playwright,
 * real Chromium). Ends with one plain line: "N passed, N failed".
 *
 *   npm test                                   everything
 *   npm test -- vitest | e2e                   one runner only
 *   npm test -- [vitest|e2e] <file>…           only these files: *.spec.ts go to Playwright, the rest to vitest
 *
 * The tests' PostgreSQL is TEST_DATABASE_ADMIN_URL, else the server on 127.0.0.1:5432. When neither is
 * there, an embedded PostgreSQL (scripts/embedded-db.ts) is started for the run in a temporary folder on a
 * free port, and stopped and removed at the end — also when tests fail or the run is interrupted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-db';
import { freePort } from './free-port';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });
const log = (line: string) => console.log(`[test] ${line}`);

const args = process.argv.slice(2);
const only = args[0] === 'vitest' || args[0] === 'e2e' ? args.shift() : undefined;
const files = args;
const e2eFiles = only === 'vitest' ? [] : files.filter((file) => file.endsWith('.spec.ts'));
const vitestFiles = only === 'e2e' ? [] : files.filter((file) => !e2eFiles.includes(file));
const runVitest = only !== 'e2e' && (files.length === 0 || vitestFiles.length > 0);
const runE2e = only !== 'vitest' && (files.length === 0 || e2eFiles.length > 0);

let current: ChildProcess | undefined;
let embedded: EmbeddedDatabase | undefined;
let embeddedDir: string | undefined;
let interrupted: NodeJS.Signals | undefined;

function run(args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    current = child;
    child.once('error', () => resolve(1));
    child.once('exit', (code) => {
      current = undefined;
      resolve(code ?? 1);
    });
  });
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

async function cleanUp(): Promise<void> {
  const database = embedded;
  embedded = undefined;
  if (database) {
    await database.stop().catch(() => {});
    log('stopped the embedded PostgreSQL of this run');
  }
  if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true });
  embeddedDir = undefined;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = signal;
    // a terminal's Ctrl-C reached the runner already; a signal sent to this process alone is passed on
    current?.kill(signal);
    if (!current) void cleanUp().then(() => finish({ passed: 0, failed: 0, runnerFailed: true }));
  });
}

async function main(): Promise<Outcome> {
  if (!process.env.TEST_DATABASE_ADMIN_URL && !(await answers('127.0.0.1', 5432))) {
    embeddedDir = await mkdtemp(path.join(os.tmpdir(), 'plan-monitor-test-postgres-'));
    await chmod(embeddedDir, 0o755); // run as root, the server's "postgres" user works in it
    log(`no PostgreSQL on 127.0.0.1:5432 and TEST_DATABASE_ADMIN_URL is unset: starting an embedded PostgreSQL for this run in ${embeddedDir}`);
    embedded = await startEmbeddedDatabase({ dataDir: embeddedDir, port: await freePort(), log });
    if (interrupted) return { passed: 0, failed: 0, runnerFailed: true };
    process.env.TEST_DATABASE_ADMIN_URL = embedded.adminUrl;
    log(`the tests use the embedded PostgreSQL on 127.0.0.1:${embedded.port}`);
  }

  let passed = 0;
  let failed = 0;
  let runnerFailed = false;
  let missingChromium = false;

  if (runVitest && !interrupted) {
    const file = path.join(results, 'vitest.json');
    rmSync(file, { force: true });
    const code = await run([path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`, ...vitestFiles]);
    const report = readJson<{ numPassedTests: number; numFailedTests: number }>(file);
    passed += report?.numPassedTests ?? 0;
    failed += report?.numFailedTests ?? 0;
    if (code !== 0 && !report?.numFailedTests) runnerFailed = true;
  }

  if (runE2e && !interrupted) {
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!existsSync(chromium)) {
      console.error(`[test] end-to-end tests not run: no Chromium at ${chromium}; install it (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH`);
      missingChromium = true;
    } else {
      const file = path.join(results, 'playwright.json');
      rmSync(file, { force: true });
      const code = await run([path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', ...e2eFiles], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
      const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(file);
      passed += (report?.stats.expected ?? 0) + (report?.stats.flaky ?? 0);
      failed += report?.stats.unexpected ?? 0;
      if (code !== 0 && !report?.stats.unexpected) runnerFailed = true;
    }
  }

  return { passed, failed, runnerFailed, missingChromium };
}

type Outcome = { passed: number; failed: number; runnerFailed: boolean; missingChromium?: boolean };

function finish(outcome: Outcome): never {
  const { passed, failed, runnerFailed, missingChromium } = outcome;
  if (interrupted) console.error(`[test] interrupted (${interrupted})`);
  else if (runnerFailed) console.error('A test runner failed before reporting its tests (see above).');
  console.log(`${passed} passed, ${failed} failed`);
  if (interrupted) process.exit(interrupted === 'SIGINT' ? 130 : 143);
  process.exit(failed > 0 || runnerFailed || missingChromium || passed === 0 ? 1 : 0);
}

let outcome: Outcome = { passed: 0, failed: 0, runnerFailed: true };
try {
  outcome = await main();
} catch (error) {
  console.error(`[test] ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanUp(); // before the closing line, which stays the run's last
}
finish(outcome);
