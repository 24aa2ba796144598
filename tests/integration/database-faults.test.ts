// A save in flight when PostgreSQL goes away is reported as failed and leaves nothing half-written.
// Uses an embedded PostgreSQL this test starts and stops itself, never the machine's shared server.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { saveFigure, type Actor } from '@/lib/data/figure-writes';
import { getPlanDetail } from '@/lib/data/plans';
import { seedDatabase } from '@/prisma/seed';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/scripts/embedded-db';
import { migrate } from '../helpers/test-database';

const port = 56000 + Math.floor(Math.random() * 1000);
const staff: Actor = { id: 'staff-1', name: '张录入' };
let dataDir: string | undefined;
let server: EmbeddedDatabase | undefined;

afterAll(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe('database going away', () => {
  it('fails a save that is in flight, writes nothing of it, and works again once the database is back', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'plan-monitor-faults-'));
    await chmod(dataDir, 0o755);
    server = await startEmbeddedDatabase({ dataDir, port });
    migrate(server.url);
    await seedDatabase(server.url);
    process.env.DATABASE_URL = server.url;
    const plan = (await getPlanDetail())!;
    const indicatorId = plan.indicators.find((i) => i.sequence === 6)!.id;
    const input = { indicatorId, year: 2021, value: '262', source: null, quality: null, note: null, baseVersion: 0, submit: false };

    // Hold a lock the save must wait for, so it is certainly mid-transaction when the server stops.
    const blocker = new pg.Client({ connectionString: server.url });
    blocker.on('error', () => {});
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE "FigureEvent" IN ACCESS EXCLUSIVE MODE');
    const inFlight = saveFigure(input, staff).then(
      (result) => ({ settled: 'resolved' as const, result }),
      (error: unknown) => ({ settled: 'rejected' as const, error }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await server.stop();
    const outcome = await inFlight;
    expect(outcome.settled).toBe('rejected');

    server = await startEmbeddedDatabase({ dataDir, port });
    expect(await query(server.url, 'SELECT count(*)::int AS n FROM "Observation"')).toEqual([{ n: 0 }]);
    expect(await query(server.url, 'SELECT count(*)::int AS n FROM "FigureEvent"')).toEqual([{ n: 0 }]);

    // The same process, without a restart, saves again once the server is back.
    let retried: Awaited<ReturnType<typeof saveFigure>> | undefined;
    for (let attempt = 0; attempt < 10 && !retried; attempt++) {
      retried = await saveFigure(input, staff).catch(async () => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        return undefined;
      });
    }
    expect(retried).toMatchObject({ ok: true, figure: { value: 262, version: 1 } });
    expect(await query(server.url, 'SELECT count(*)::int AS n FROM "FigureEvent"')).toEqual([{ n: 1 }]);
  });
});
