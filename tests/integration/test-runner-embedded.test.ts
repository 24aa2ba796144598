// `npm test` on a machine without a PostgreSQL server: scripts/test.ts starts an embedded PostgreSQL for the
// run, points the tests at it and removes it afterwards — also when the run is interrupted. A network
// namespace (`unshare -n`, root only) stands in for that machine: nothing answers on 127.0.0.1:5432 there.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const canUnshare = process.getuid?.() === 0 && spawnSync('unshare', ['-n', 'true']).status === 0;

/** scripts/test.ts in a fresh network namespace with only the loopback interface up. */
function runTests(args: string[]) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VITEST') || key === 'TEST_DATABASE_ADMIN_URL' || key === 'DATABASE_URL') delete env[key];
  }
  const child = spawn(
    'unshare',
    ['-n', 'bash', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/test.ts'), ...args],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const listeners: (() => void)[] = [];
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const done = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    done,
    /** resolves once the output contains `text` */
    seen: (text: string) =>
      new Promise<void>((resolve) => {
        const check = () => output.includes(text) && resolve();
        listeners.push(check);
        check();
      }),
  };
}

function embeddedFolder(output: string): string {
  const match = /starting an embedded PostgreSQL for this run in (\S+)/.exec(output);
  expect(match, output).not.toBeNull();
  return match![1]!;
}

/** Processes whose command line names `text` (the embedded server runs with -D <folder>/postgres). */
function processesNaming(text: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(text)) found.push(`${pid} ${cmdline}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe.runIf(canUnshare)('npm test without a PostgreSQL server', () => {
  it('runs the tests on an embedded PostgreSQL it starts, and removes it at the end', async () => {
    const run = runTests(['vitest', 'tests/integration/health.test.ts']);
    const code = await run.done;
    const output = run.output();
    const folder = embeddedFolder(output);
    expect(output.trim().split('\n').at(-1)).toBe('3 passed, 0 failed');
    expect(code).toBe(0);
    expect(existsSync(folder)).toBe(false);
    expect(processesNaming(folder)).toEqual([]);
  }, 180_000);

  it('stops and removes the embedded PostgreSQL when the run is interrupted', async () => {
    const run = runTests(['vitest', 'tests/integration/health.test.ts']);
    await run.seen('the tests use the embedded PostgreSQL');
    const folder = embeddedFolder(run.output());
    expect(processesNaming(folder).length).toBeGreaterThan(0);
    run.child.kill('SIGTERM');
    const code = await run.done;
    expect(code).toBe(143);
    expect(run.output().trim().split('\n').at(-1)).toMatch(/^\d+ passed, \d+ failed$/);
    expect(existsSync(folder)).toBe(false);
    expect(processesNaming(folder)).toEqual([]);
  }, 180_000);
});
