/**
 * `npm test`: unit and integration tests (vitest, real PostgreSQL), then end-to-end tests (Playwright,
 * real Chromium). Ends with one plain line: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });
const only = process.argv[2]; // optional: "vitest" or "e2e"

function run(args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

let passed = 0;
let failed = 0;
let runnerFailed = false;

if (only !== 'e2e') {
  const file = path.join(results, 'vitest.json');
  rmSync(file, { force: true });
  const code = run([path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  const report = readJson<{ numPassedTests: number; numFailedTests: number }>(file);
  passed += report?.numPassedTests ?? 0;
  failed += report?.numFailedTests ?? 0;
  if (code !== 0 && !report?.numFailedTests) runnerFailed = true;
}

if (only !== 'vitest') {
  const file = path.join(results, 'playwright.json');
  rmSync(file, { force: true });
  const code = run([path.join(root, 'node_modules/@playwright/test/cli.js'), 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(file);
  passed += (report?.stats.expected ?? 0) + (report?.stats.flaky ?? 0);
  failed += report?.stats.unexpected ?? 0;
  if (code !== 0 && !report?.stats.unexpected) runnerFailed = true;
}

if (runnerFailed) console.error('A test runner failed before reporting its tests (see above).');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || runnerFailed || passed === 0 ? 1 : 0);
