/**
 * The server the end-to-end tests run against: a fresh database on the test PostgreSQL, then the same
 * `scripts/start.ts` users run (migrate, seed, build when stale, next start). Drops the database when
 * stopped, and any e2e database a killed run left behind when it starts.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createAccount } from '@/lib/auth/accounts';
import { E2E_USERS } from '../tests/e2e/helpers/e2e-users';
import { ADMIN_URL, createTestDatabase, migrate } from '../tests/helpers/test-database';

const root = path.resolve(import.meta.dirname, '..');

async function dropLeftovers(): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'e2e\\_%' AND datname NOT IN (SELECT datname FROM pg_stat_activity WHERE datname IS NOT NULL)",
    );
    // Names carry their creation time (tests/helpers/test-database.ts); leave recent ones to whoever runs them.
    const created = (name: string) => parseInt(name.split('_')[1] ?? '', 36);
    const stale = rows.filter(({ datname }) => Date.now() - created(datname) > 60 * 60 * 1000);
    for (const { datname } of stale) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

await dropLeftovers();
// named by playwright.config.ts, so that the specs can find it to reset it (tests/e2e/helpers/database.ts)
const database = await createTestDatabase('e2e', process.env.E2E_DATABASE || undefined);
// one account per role with the test-only passwords, before the app starts (start.ts's migrate is then a no-op)
const secret = randomBytes(32).toString('base64url');
process.env.DATABASE_URL = database.url;
process.env.BETTER_AUTH_SECRET = secret;
migrate(database.url);
for (const [role, user] of Object.entries(E2E_USERS)) await createAccount({ ...user, role: role as keyof typeof E2E_USERS });
console.log(`[e2e] created the e2e accounts: ${Object.values(E2E_USERS).map((u) => u.username).join(', ')}`);

const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/start.ts')], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: secret, SAMPLE_DATA: '1' },
  stdio: 'inherit',
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  await database.drop().catch(() => {});
  process.exit(code);
}
child.on('exit', (code) => void stop(code ?? 1));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
