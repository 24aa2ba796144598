// Each test file gets its own database on the test PostgreSQL and drops it afterwards.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';

export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const root = path.resolve(import.meta.dirname, '../..');

export function databaseUrl(name: string, base = ADMIN_URL): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A connected client for a test's own queries. It listens for 'error' (a server that restarts or drops
 * the database under it), so a closed connection fails the query that used it instead of throwing an
 * unhandled error into the test run.
 */
export async function connectClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** A pool for a test's own queries, with the same 'error' listener for its idle clients. */
export function testPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {});
  return pool;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>, base = ADMIN_URL): Promise<T> {
  const client = await connectClient(base);
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A database name that carries its creation time (scripts/e2e-server.ts drops old ones by it). */
export function testDatabaseName(prefix = 'test'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export async function createTestDatabase(prefix = 'test', name = testDatabaseName(prefix)): Promise<TestDatabase> {
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** Runs the Prisma CLI exactly as a developer would (through the WebAssembly engine stand-in). */
export function prisma(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/prisma/build/index.js'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

export function migrate(url: string): void {
  const result = prisma(['migrate', 'deploy'], { DATABASE_URL: url });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.output}`);
}
