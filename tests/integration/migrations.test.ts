import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, createTestDatabase, migrate, prisma, type TestDatabase } from '../helpers/test-database';

const root = path.resolve(import.meta.dirname, '../..');
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('migrations');
});
afterAll(async () => {
  await database?.drop();
});

describe('migrations (ordinary Prisma commands through the WebAssembly engine)', () => {
  it('schema.prisma and prisma/migrations agree (the drift check, npm run db:drift)', () => {
    const result = prisma(['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--exit-code'], { DATABASE_URL: database.url });
    expect(result.output).toContain('No difference detected');
    expect(result.status).toBe(0);
  });

  it('the drift check fails when the schema changes without a migration', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'drift-'));
    const schema = readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8').replace('model Plan {', 'model Plan {\n  driftProbe Int?');
    writeFileSync(path.join(dir, 'schema.prisma'), schema);
    copyFileSync(path.join(root, 'prisma/migrations/migration_lock.toml'), path.join(dir, 'migration_lock.toml'));
    const result = prisma(['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', path.join(dir, 'schema.prisma'), '--exit-code'], { DATABASE_URL: database.url });
    expect(result.status).toBe(2);
    expect(result.output).toContain('driftProbe');
  });

  it('migrate deploy applies every migration to an empty database and records it as Prisma does', async () => {
    migrate(database.url);
    const client = await connectClient(database.url);
    try {
      const { rows } = await client.query<{ migration_name: string; finished: boolean; rolled_back: boolean }>(
        'SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations ORDER BY migration_name',
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.finished && !row.rolled_back)).toBe(true);
    } finally {
      await client.end();
    }
    const status = prisma(['migrate', 'status'], { DATABASE_URL: database.url });
    expect(status.output).toContain('Database schema is up to date');
    expect(status.status).toBe(0);
    const again = prisma(['migrate', 'deploy'], { DATABASE_URL: database.url });
    expect(again.output).toContain('No pending migrations to apply');
  });
});
