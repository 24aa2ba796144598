// Bad configuration must end `npm start` with one clear line, not a stack trace.
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_URL } from '../helpers/test-database';

const root = path.resolve(import.meta.dirname, '../..');

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const errorLines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  return { status: result.status, errorLines };
}

describe('npm start with bad configuration', () => {
  it('rejects a malformed DATABASE_URL', () => {
    const { status, errorLines } = start({ DATABASE_URL: 'not a url', PORT: '3197' });
    expect(status).toBe(1);
    expect(errorLines).toEqual(['[start] DATABASE_URL is not a valid URL; expected postgresql://user:password@host:5432/database']);
  });

  it('rejects a DATABASE_URL of another kind of database', () => {
    const { status, errorLines } = start({ DATABASE_URL: 'mysql://root@127.0.0.1/db', PORT: '3197' });
    expect(status).toBe(1);
    expect(errorLines).toEqual(['[start] DATABASE_URL must start with postgresql:// (got mysql://)']);
  });

  it('reports an unreachable database in one line', () => {
    const { status, errorLines } = start({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none', PORT: '3197' });
    expect(status).toBe(1);
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(/^\[start\] cannot connect to the database at 127\.0\.0\.1:1\/none: .*ECONNREFUSED/);
  });

  it('reports a port in use in one line', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { status, errorLines } = start({ DATABASE_URL: ADMIN_URL, PORT: String(port) });
      expect(status).toBe(1);
      expect(errorLines).toEqual([`[start] port ${port} is already in use; set PORT to another port`]);
    } finally {
      blocker.close();
    }
  });

  it('requires BETTER_AUTH_SECRET from the environment when using DATABASE_URL in production', () => {
    const { status, errorLines } = start({ DATABASE_URL: ADMIN_URL, BETTER_AUTH_SECRET: '', PORT: '3197' });
    expect(status).toBe(1);
    expect(errorLines).toEqual(['[start] BETTER_AUTH_SECRET is not set; production needs it from the environment (e.g. openssl rand -base64 32)']);
  });

  it('refuses BETTER_AUTH_SECRETS (the session check verifies with BETTER_AUTH_SECRET alone)', () => {
    const { status, errorLines } = start({ DATABASE_URL: ADMIN_URL, BETTER_AUTH_SECRET: 'x'.repeat(40), BETTER_AUTH_SECRETS: '1:' + 'y'.repeat(40), PORT: '3196' });
    expect(status).toBe(1);
    expect(errorLines).toEqual(['[start] BETTER_AUTH_SECRETS is not supported; set BETTER_AUTH_SECRET (one secret, at least 32 characters)']);
  });

  it('rejects a PORT that is not a port', () => {
    const { status, errorLines } = start({ PORT: 'eighty' });
    expect(status).toBe(1);
    expect(errorLines).toEqual(['[start] PORT="eighty" is not a port number (1–65535)']);
  });
});
