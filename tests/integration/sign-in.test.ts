// Sign-in, wrong password, throttling (per username and per IP, in PostgreSQL), disabled accounts,
// sessions ending after inactivity and at their absolute end — through the real action and better-auth.
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectClient } from '@/tests/helpers/test-database';

vi.mock('next/headers', async () => (await import('../helpers/next-request')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../helpers/next-request')).nextCacheMock);

const { signIn, signOut } = await import('@/app/_actions/session');
const { getSessionUser } = await import('@/lib/auth/session');
const { SESSION_IDLE_SECONDS, SIGN_IN_MAX_FAILURES } = await import('@/lib/auth/config');
const { setUserDisabled } = await import('@/lib/data/users');
const { jar, cookieAttributes, request, form, runAction } = await import('../helpers/next-request');
const { setUpAccountsDatabase, signInWith, TEST_PASSWORD, ROLE_USERS } = await import('../helpers/accounts');
type Setup = Awaited<ReturnType<typeof setUpAccountsDatabase>>;

let setup: Setup;
let db: pg.Client;

beforeAll(async () => {
  setup = await setUpAccountsDatabase('auth_signin');
  db = await connectClient(setup.database.url);
});
afterAll(async () => {
  await db?.end();
  await setup?.database.drop();
});
beforeEach(async () => {
  jar.clear();
  request.ip = '198.51.100.1';
  await db.query('DELETE FROM "SignInFailure"');
});

const attempt = (username: string, password: string) => runAction(() => signIn({}, form({ username, password, next: '/admin/users' })));

describe('sign-in', () => {
  it('signs in with the right password, sets an httpOnly session cookie and goes to the requested page', async () => {
    const outcome = await attempt('Matrix_Staff', TEST_PASSWORD); // usernames are case-insensitive
    expect(outcome.redirectedTo).toBe('/admin/users');
    const sessionCookie = [...jar.keys()].find((name) => name.endsWith('session_token'))!;
    expect(cookieAttributes.get(sessionCookie)).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
    const user = await getSessionUser();
    expect(user).toMatchObject({ username: 'matrix_staff', role: 'staff', indicatorIds: null, disabled: false });
    const { rows } = await db.query('SELECT count(*)::int AS n FROM "Session" WHERE "userId" = $1', [setup.userIds.staff]);
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('refuses a wrong password with a clear message, keeps the username and sets no cookie', async () => {
    const outcome = await attempt('matrix_staff', 'wrong-password');
    expect(outcome.returned).toMatchObject({ message: 'signIn.invalid', values: { username: 'matrix_staff' } });
    expect(jar.size).toBe(0);
    expect(await getSessionUser()).toBeNull();
  });

  it('gives an unknown username the same answer as a wrong password', async () => {
    expect((await attempt('nobody_here', 'whatever-1')).returned).toMatchObject({ message: 'signIn.invalid' });
  });

  it('asks for the missing fields', async () => {
    const outcome = await attempt('', '');
    expect(outcome.returned?.errors).toEqual({ username: ['usernameRequired'], password: ['passwordRequired'] });
  });

  it(`throttles a username after ${SIGN_IN_MAX_FAILURES} failures, even from other addresses and with the right password`, async () => {
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) {
      request.ip = `198.51.100.${10 + i}`;
      expect((await attempt('matrix_reviewer', `wrong-${i}`)).returned?.message).toBe('signIn.invalid');
    }
    request.ip = '198.51.100.99';
    expect((await attempt('matrix_reviewer', TEST_PASSWORD)).returned?.message).toBe('signIn.throttled');
    expect(jar.size).toBe(0);
    // another account is not affected
    expect((await attempt('matrix_leader', TEST_PASSWORD)).redirectedTo).toBe('/admin/users');
  });

  it(`throttles an address after ${SIGN_IN_MAX_FAILURES} failures across usernames`, async () => {
    request.ip = '192.0.2.50';
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) await attempt(`guess_${i}`, 'wrong-password');
    expect((await attempt('matrix_leader', TEST_PASSWORD)).returned?.message).toBe('signIn.throttled');
    request.ip = '192.0.2.51';
    expect((await attempt('matrix_leader', TEST_PASSWORD)).redirectedTo).toBe('/admin/users');
  });

  it('counts only failures inside the window', async () => {
    await db.query(
      `INSERT INTO "SignInFailure" (username, ip, "createdAt") SELECT 'matrix_reviewer', '192.0.2.9', now() - interval '16 minutes' FROM generate_series(1, $1)`,
      [SIGN_IN_MAX_FAILURES],
    );
    expect((await attempt('matrix_reviewer', TEST_PASSWORD)).redirectedTo).toBe('/admin/users');
  });

  it('refuses a disabled account (with the right password) and ends its existing sessions', async () => {
    await signInWith(ROLE_USERS.leader);
    const cookies = new Map(jar);
    await setUserDisabled(setup.userIds.leader, true);
    try {
      expect(await getSessionUser()).toBeNull();
      const outcome = await attempt('matrix_leader', TEST_PASSWORD);
      expect(outcome.returned?.message).toBe('signIn.disabled');
      for (const [name, value] of cookies) jar.set(name, value);
      expect(await getSessionUser()).toBeNull();
    } finally {
      await setUserDisabled(setup.userIds.leader, false);
    }
  });

  it('ends a session after inactivity', async () => {
    await signInWith(ROLE_USERS.staff);
    expect(await getSessionUser()).not.toBeNull();
    const token = [...jar].find(([name]) => name.endsWith('session_token'))![1].split('.')[0];
    await db.query(`UPDATE "Session" SET "updatedAt" = now() - make_interval(secs => $1) WHERE token = $2`, [SESSION_IDLE_SECONDS + 60, decodeURIComponent(token!)]);
    expect(await getSessionUser()).toBeNull();
    const { rows } = await db.query('SELECT count(*)::int AS n FROM "Session" WHERE token = $1', [decodeURIComponent(token!)]);
    expect(rows[0].n).toBe(0);
  });

  it('keeps an active session and ends it at its absolute expiry', async () => {
    await signInWith(ROLE_USERS.staff);
    const token = decodeURIComponent([...jar].find(([name]) => name.endsWith('session_token'))![1].split('.')[0]!);
    await db.query(`UPDATE "Session" SET "updatedAt" = now() - interval '30 minutes' WHERE token = $1`, [token]);
    expect(await getSessionUser()).not.toBeNull();
    await db.query(`UPDATE "Session" SET "expiresAt" = now() - interval '1 second' WHERE token = $1`, [token]);
    expect(await getSessionUser()).toBeNull();
  });

  it('signs out: the session row is gone and the cookie no longer works', async () => {
    const cookies = await signInWith(ROLE_USERS.reviewer);
    expect((await runAction(() => signOut())).redirectedTo).toBe('/login');
    for (const [name, value] of cookies) jar.set(name, value);
    expect(await getSessionUser()).toBeNull();
  });
});
