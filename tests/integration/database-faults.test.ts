// A save in flight when PostgreSQL goes away is reported as failed and leaves nothing half-written; the
// app's connection pool survives the server going away with idle connections in it, and works again once
// it is back. Uses an embedded PostgreSQL this test starts and stops itself (its own folder, a port the
// operating system chose), never the machine's shared server.
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db';
import { saveFigure, type Actor } from '@/lib/data/figure-writes';
import { getPlanDetail } from '@/lib/data/plans';
import { seedDatabase } from '@/prisma/seed';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/scripts/embedded-db';
import { freePort } from '@/scripts/free-port';
import { connectClient, migrate } from '../helpers/test-database';

const staff: Actor = { id: 'staff-1', name: '张录入' };
let dataDir: string | undefined;
let server: EmbeddedDatabase | undefined;
let port = 0;

// Errors nobody handled (an 'error' event on a pool or client without a listener) end a Node server;
// count them here instead of letting them end the test run.
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);
process.on('uncaughtException', onUncaught);

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await getPrisma()
    .$disconnect()
    .catch(() => {});
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = await connectClient(url);
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Stops the server the way a crash or `pg_ctl stop -m immediate` would: every backend quits at once, so
 * no transaction in flight can finish. (A fast shutdown ends the lock holder first, and a backend that
 * was waiting for its lock may get it and commit before its own termination is processed.)
 */
async function stopImmediately(database: EmbeddedDatabase): Promise<void> {
  const pid = Number((await readFile(path.join(database.clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const stopped = database.stop();
  process.kill(pid, 'SIGQUIT');
  await stopped;
}

describe('database going away', () => {
  it('fails a save that is in flight, writes nothing of it, and works again once the database is back', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'plan-monitor-faults-'));
    await chmod(dataDir, 0o755);
    port = await freePort();
    server = await startEmbeddedDatabase({ dataDir, port });
    migrate(server.url);
    await seedDatabase(server.url);
    process.env.DATABASE_URL = server.url;
    const plan = (await getPlanDetail())!;
    const indicatorId = plan.indicators.find((i) => i.sequence === 6)!.id;
    const input = { indicatorId, year: 2021, value: '262', source: null, quality: null, note: null, baseVersion: 0, submit: false };

    // Hold a lock the save must wait for, then wait until PostgreSQL shows the save waiting on it: the
    // save is then certainly mid-transaction (its figure row written, its history row not yet).
    const blocker = await connectClient(server.url);
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE "FigureEvent" IN ACCESS EXCLUSIVE MODE');
    const blockerPid = (await blocker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const inFlight = saveFigure(input, staff).then(
      (result) => ({ settled: 'resolved' as const, result }),
      (error: unknown) => ({ settled: 'rejected' as const, error }),
    );
    const url = server.url;
    await until('the save waits for the lock', async () => {
      const rows = await query<{ n: number }>(
        url,
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND $1::int = ANY(pg_blocking_pids(pid))`,
        [blockerPid],
      );
      return rows[0]!.n > 0;
    });
    await stopImmediately(server);
    const outcome = await inFlight;
    // The data layer's promise: a save the database could not finish is reported as failed (it throws;
    // the action turns that into the 无法连接数据库 message), never as saved.
    expect(outcome.settled).toBe('rejected');

    server = await startEmbeddedDatabase({ dataDir, port });
    expect(await query(server.url, 'SELECT count(*)::int AS n FROM "Observation"')).toEqual([{ n: 0 }]);
    expect(await query(server.url, 'SELECT count(*)::int AS n FROM "FigureEvent"')).toEqual([{ n: 0 }]);

    // The same process, without a restart, saves again once the server is back. The first attempts may
    // meet pooled connections that died with the old server; the pool replaces them.
    let retried: Awaited<ReturnType<typeof saveFigure>> | undefined;
    for (let attempt = 0; attempt < 20 && !retried; attempt++) {
      retried = await saveFigure(input, staff).catch(async () => {
        await new Promise((resolve) => setTimeout(resolve, 250));
        return undefined;
      });
    }
    expect(retried).toMatchObject({ ok: true, figure: { value: 262, version: 1 } });
    expect(await query(server.url, 'SELECT count(*)::int AS n FROM "FigureEvent"')).toEqual([{ n: 1 }]);
    expect(uncaught).toEqual([]);
  });

  it('keeps the process up when the server restarts under idle pooled connections, and serves again', async () => {
    const prisma = getPrisma();
    // Fill the pool: ten queries at once leave ten idle connections behind.
    await Promise.all(Array.from({ length: 10 }, () => prisma.$queryRawUnsafe('SELECT 1 AS one FROM pg_sleep(0.05)')));
    const before = await query<{ n: number }>(server!.url, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle'`);
    expect(before[0]!.n).toBeGreaterThanOrEqual(5);

    await server!.stop(); // fast shutdown: every idle pooled connection is told 57P01 and closed
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the terminations arrive at the pool
    server = await startEmbeddedDatabase({ dataDir: dataDir!, port });

    let count: number | undefined;
    for (let attempt = 0; attempt < 20 && count === undefined; attempt++) {
      count = await prisma.indicator.count().catch(async () => {
        await new Promise((resolve) => setTimeout(resolve, 250));
        return undefined;
      });
    }
    expect(count).toBe(16);
    expect(uncaught).toEqual([]);
  });
});
