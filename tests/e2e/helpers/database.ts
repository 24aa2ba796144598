/**
 * Every spec file starts from the state a fresh e2e server starts with: the seeded plans with the sample
 * figures (示例数据) and the e2e accounts. The specs share one server and one database (one worker, files
 * in name order), so without this a spec would see what an earlier one approved, returned or created.
 *
 * Call it as `test.beforeAll(resetDatabase)`. It empties every table except the accounts (User, Account;
 * their sessions go, so each test signs in again) and the migration record, then seeds as
 * scripts/start.ts does with SAMPLE_DATA=1. The append-only triggers of the history tables refuse a
 * TRUNCATE; this session turns triggers off for itself (session_replication_role, the test server's
 * superuser only) — the app's own connections keep them.
 *
 * The app's plan cache keys on the plan's id, data version and updatedAt (lib/loaders/plan-cache.ts); a
 * reseeded plan has a new updatedAt, so the server cannot serve the previous spec's plan.
 */
import { seedDatabase } from '../../../prisma/seed';
import { connectClient, databaseUrl } from '../../helpers/test-database';

const KEPT = new Set(['_prisma_migrations', 'User', 'Account']);

export async function resetDatabase(): Promise<void> {
  const name = process.env.E2E_DATABASE;
  if (!name) throw new Error('E2E_DATABASE is not set: run the specs through playwright.config.ts');
  const url = databaseUrl(name);
  const client = await connectClient(url);
  try {
    const { rows } = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    const tables = rows.map((r) => r.tablename).filter((t) => !KEPT.has(t));
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  await seedDatabase(url, { sample: true });
}
