/**
 * `npm start` / `npm run dev`: the one command that runs the app.
 * With DATABASE_URL it uses that PostgreSQL; without it, it starts the embedded PostgreSQL kept in
 * .data/. Then it applies pending migrations (the ordinary `prisma migrate deploy`), seeds the plans,
 * builds when the build is missing or older than the sources, and runs Next. Ctrl-C / SIGTERM stop
 * Next and the embedded database cleanly. Problems end in one clear line, not a stack trace.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { countUsers } from '@/lib/data/users';
import { seedDatabase } from '../prisma/seed';
import { buildIsStale } from './build-freshness';
import { createDemoAdminIfNoUsers, resolveAuthSecret } from './accounts-setup';
import { DEFAULT_EMBEDDED_PORT, startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-db';
import { nextServerArgs } from './next-server';

const root = path.resolve(import.meta.dirname, '..');
const dev = process.argv.includes('--dev');
const log = (line: string) => console.log(`[start] ${line}`);

class StartError extends Error {}

function parsePort(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartError(`${name}="${raw}" is not a port number (1–65535)`);
  return port;
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(new StartError(error.code === 'EADDRINUSE' ? `port ${port} is already in use; set PORT to another port` : `cannot listen on port ${port}: ${error.message}`)),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

function describeUrl(raw: string): string {
  const url = new URL(raw);
  return `${url.hostname}:${url.port || 5432}${url.pathname}`;
}

async function checkDatabaseUrl(raw: string): Promise<void> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new StartError('DATABASE_URL is not a valid URL; expected postgresql://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new StartError(`DATABASE_URL must start with postgresql:// (got ${url.protocol}//)`);
  }
  const client = new pg.Client({ connectionString: raw, connectionTimeoutMillis: 5_000 });
  client.on('error', () => {}); // a connection dropped while idle is reported by the next query, not by a crash
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new StartError(`cannot connect to the database at ${describeUrl(raw)}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, quiet: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = spawn(command, args, { cwd: root, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    child = step; // a signal meanwhile stops this step too
    let output = '';
    step.stdout?.on('data', (chunk) => (output += chunk));
    step.stderr?.on('data', (chunk) => (output += chunk));
    step.on('error', reject);
    step.on('exit', (code) => {
      if (code === 0) return resolve();
      if (quiet) process.stderr.write(output);
      reject(new StartError(`${path.basename(args[0] ?? command)} ${args.slice(1).join(' ')} exited with code ${code}`));
    });
  });
}

let child: ChildProcess | undefined;
let embedded: EmbeddedDatabase | undefined;
let stopping: Promise<void> | undefined;
const stop = (code: number): Promise<void> => (stopping ??= stopAll(code));
async function stopAll(code: number): Promise<void> {
  if (child && child.exitCode === null && child.signalCode === null) {
    // Same process group as this one (not detached): whoever kills the group (a terminal's Ctrl-C,
    // Playwright's web server teardown) reaches Next and its build workers too.
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  if (embedded) {
    await embedded.stop();
    log('embedded PostgreSQL stopped');
  }
  process.exit(code);
}
// From the first moment: a signal while the database starts still stops it (see scripts/embedded-db.ts).
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

async function main(): Promise<void> {
  const port = parsePort('PORT', 3000);
  await assertPortFree(port);

  let databaseUrl = process.env.DATABASE_URL;
  const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data');

  if (process.env.BETTER_AUTH_SECRETS) {
    throw new StartError('BETTER_AUTH_SECRETS is not supported; set BETTER_AUTH_SECRET (one secret, at least 32 characters)');
  }
  if (databaseUrl) {
    await checkDatabaseUrl(databaseUrl);
    // production with an external database: the session secret must come from the environment
    if (!dev && !process.env.BETTER_AUTH_SECRET) {
      throw new StartError('BETTER_AUTH_SECRET is not set; production needs it from the environment (e.g. openssl rand -base64 32)');
    }
    if (process.env.BETTER_AUTH_SECRET && process.env.BETTER_AUTH_SECRET.length < 32) {
      throw new StartError('BETTER_AUTH_SECRET is too short; use at least 32 random characters (e.g. openssl rand -base64 32)');
    }
    log(`using the PostgreSQL at ${describeUrl(databaseUrl)} (DATABASE_URL)`);
  } else {
    const requested = process.env.EMBEDDED_DATABASE_PORT ? parsePort('EMBEDDED_DATABASE_PORT', DEFAULT_EMBEDDED_PORT) : undefined;
    embedded = await startEmbeddedDatabase({ dataDir, port: requested, log });
    databaseUrl = embedded.url;
    const where = path.relative(root, embedded.clusterDir);
    log(`no DATABASE_URL: started the embedded PostgreSQL on 127.0.0.1:${embedded.port}, data in ${where.startsWith('..') ? embedded.clusterDir : where}`);
  }

  try {
    mkdirSync(dataDir, { recursive: true });
    const secret = resolveAuthSecret(dataDir, Boolean(embedded) || dev, log)!;
    const env = { ...process.env, DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: '1' };
    // the account set-up below runs in this process through lib/auth, which reads these
    process.env.DATABASE_URL = databaseUrl;
    process.env.BETTER_AUTH_SECRET = secret;
    const nodeBin = process.execPath;
    await run(nodeBin, [path.join(root, 'node_modules/prisma/build/index.js'), 'migrate', 'deploy'], env, true);
    log('migrations applied');
    const sample = process.env.SAMPLE_DATA === '1';
    await seedDatabase(databaseUrl, { sample });
    log(sample ? 'plans seeded, with the sample figures (示例数据, SAMPLE_DATA=1)' : 'plans seeded');
    if (embedded) await createDemoAdminIfNoUsers(log);
    else if ((await countUsers()) === 0) log('no account exists yet: create the first admin with  npm run user:create -- --admin <username>');

    if (!dev && buildIsStale(root)) {
      log('building the app (next build)…');
      await run(nodeBin, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { ...env, NODE_ENV: 'production' }, false);
    }

    log(`${dev ? 'development' : 'production'} server on http://localhost:${port}`);
    child = spawn(nodeBin, nextServerArgs(dev ? 'dev' : 'start', ['-p', String(port)]), {
      cwd: root,
      env: { ...env, NODE_ENV: dev ? 'development' : 'production' },
      stdio: 'inherit',
    });
    child.on('exit', (code) => void stop(code ?? 1));
  } catch (error) {
    console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof StartError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
