import { mkdtemp, rm, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '@/prisma/seed';
import { startEmbeddedDatabase } from '@/scripts/embedded-db';
import { freePort } from '@/scripts/free-port';
import { connectClient, migrate, testPool } from '../helpers/test-database';

let dataDir: string | undefined;

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('embedded PostgreSQL (the no-configuration path of npm start)', () => {
  it('starts, migrates, seeds, serves concurrent queries and keeps data across a restart', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'plan-monitor-embedded-'));
    await chmod(dataDir, 0o755);
    const port = await freePort();

    const first = await startEmbeddedDatabase({ dataDir, port });
    try {
      migrate(first.url);
      await seedDatabase(first.url);
      const pool = testPool(first.url);
      try {
        const counts = await Promise.all(
          Array.from({ length: 20 }, () => pool.query<{ n: number }>('SELECT count(*)::int AS n FROM "Indicator"').then((r) => r.rows[0]?.n)),
        );
        expect(counts).toEqual(Array(20).fill(16));
        await pool.query(`INSERT INTO "Observation" ("indicatorId", year, value, "updatedAt") SELECT id, 2021, 250, now() FROM "Indicator" WHERE sequence = 6`);
      } finally {
        await pool.end();
      }
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedDatabase({ dataDir, port });
    try {
      expect(second.url).toBe(first.url); // same credentials, same database
      const client = await connectClient(second.url);
      const { rows } = await client.query<{ value: string }>('SELECT value::text FROM "Observation" WHERE year = 2021');
      await client.end();
      expect(rows).toEqual([{ value: '250.000000' }]);
    } finally {
      await second.stop();
    }
  });
});
