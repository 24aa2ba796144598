/**
 * `npm run user:create -- --admin <username>`           the first (or another) admin
 * `npm run user:create -- <username> --role staff`       any role: admin, staff, reviewer, leader
 * Options: --name <姓名> (default: the username). The password comes from USER_PASSWORD or is asked
 * for (twice, not echoed); there is no default password. Uses DATABASE_URL, or the embedded database
 * in DATA_DIR (started for the moment when the app is not running).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import pg from 'pg';
import { createAccount, UsernameTakenError } from '@/lib/auth/accounts';
import { isRole, type Role } from '@/lib/auth/permissions';
import { createUserSchema } from '@/lib/schemas/accounts';
import { resolveAuthSecret } from './accounts-setup';
import { clusterLocation, runningEmbeddedUrl, startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-db';

const root = path.resolve(import.meta.dirname, '..');
const log = (line: string) => console.log(`[user:create] ${line}`);
const fail = (line: string): never => {
  console.error(`[user:create] ${line}`);
  process.exit(1);
};

function parseArguments(argv: string[]): { username: string; role: Role; name?: string } {
  let username: string | undefined;
  let role: Role | undefined;
  let name: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--admin') {
      role = 'admin';
      username = argv[++i];
    } else if (arg === '--role') {
      const value = argv[++i];
      if (!isRole(value)) fail(`--role must be one of admin, staff, reviewer, leader (got ${value ?? 'nothing'})`);
      role = value as Role;
    } else if (arg === '--name') {
      name = argv[++i];
    } else if (!arg.startsWith('--') && !username) {
      username = arg;
    } else {
      fail(`unknown argument ${arg}`);
    }
  }
  if (!username || !role) fail('usage: npm run user:create -- --admin <username>   or   npm run user:create -- <username> --role staff [--name 姓名]');
  return { username: username!, role: role!, name };
}

function ask(question: string, hidden: boolean): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: hidden ? muted : process.stdout, terminal: process.stdin.isTTY });
  if (hidden) process.stdout.write(question);
  return new Promise((resolve) =>
    rl.question(hidden ? '' : question, (answer) => {
      rl.close();
      if (hidden) process.stdout.write('\n');
      resolve(answer);
    }),
  );
}

async function readPassword(): Promise<string> {
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  if (!process.stdin.isTTY) fail('no password: set USER_PASSWORD or run this in a terminal to be asked');
  const first = await ask('password (at least 8 characters): ', true);
  const second = await ask('password again: ', true);
  if (first !== second) fail('the two passwords differ');
  return first;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function main(): Promise<void> {
  const { username, role, name } = parseArguments(process.argv.slice(2));
  const password = await readPassword();
  const parsed = createUserSchema.safeParse({ username, name: name ?? username, role, password });
  if (!parsed.success) {
    const messages: Record<string, string> = { usernameFormat: 'the username must be 3–30 letters, digits, _ or .', passwordTooShort: 'the password needs at least 8 characters', passwordTooLong: 'the password may have at most 128 characters', nameRequired: 'the name is empty', nameTooLong: 'the name may have at most 50 characters' };
    fail(parsed.error.issues.map((issue) => messages[issue.message] ?? issue.message).join('; '));
  }

  let embedded: EmbeddedDatabase | undefined;
  const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data');
  const usingEmbedded = !process.env.DATABASE_URL;
  if (usingEmbedded) {
    // the app's running server (its postmaster.pid names the port), or one started for the moment
    const runningUrl = runningEmbeddedUrl(dataDir);
    if (runningUrl && (await canConnect(runningUrl))) {
      process.env.DATABASE_URL = runningUrl;
    } else {
      const port = process.env.EMBEDDED_DATABASE_PORT ? Number(process.env.EMBEDDED_DATABASE_PORT) : undefined;
      embedded = await startEmbeddedDatabase({ dataDir, port, log });
      process.env.DATABASE_URL = embedded.url;
    }
    log(`using the embedded PostgreSQL, data in ${embedded?.clusterDir ?? clusterLocation(dataDir)}`);
  }
  // the embedded start keeps the session secret in DATA_DIR; use (or create) the same one
  if (usingEmbedded) process.env.BETTER_AUTH_SECRET ??= resolveAuthSecret(dataDir, true, log)!;
  try {
    const migration = spawnSync(process.execPath, [path.join(root, 'node_modules/prisma/build/index.js'), 'migrate', 'deploy'], { cwd: root, env: process.env, encoding: 'utf8' });
    if (migration.status !== 0) fail(`prisma migrate deploy failed:\n${migration.stdout}${migration.stderr}`);
    await createAccount(parsed.data!);
    log(`created ${role} "${parsed.data!.username.toLowerCase()}"`);
  } catch (error) {
    if (error instanceof UsernameTakenError) fail(`the username "${username}" is taken`);
    fail(error instanceof Error ? error.message : String(error));
  } finally {
    await embedded?.stop();
  }
}

main().then(() => process.exit(0), (error: unknown) => fail(error instanceof Error ? error.message : String(error)));
