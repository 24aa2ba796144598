// Sign-in, wrong password, throttling (per username and per IP, in PostgreSQL), disabled accounts,
// sessions ending after inactivity and at their absolute end — through the real action and better-auth.
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectClient } from '@/tests/helpers/test-database';

vi.mock('next/headers', async () => (await import('../helpers/next-request')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../helpers/next-request')).nextCacheMock);
// the real argon2 functions, counted: how many attempts were actually evaluated
const argon2 = vi.hoisted(() => ({ verifications: 0, hashes: 0 }));
vi.mock('@/lib/auth/password', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/auth/password')>();
  return {
    ...real,
    verifyPassword: (...args: Parameters<typeof real.verifyPassword>) => ((argon2.verifications += 1), real.verifyPassword(...args)),
    hashPassword: (...args: Parameters<typeof real.hashPassword>) => ((argon2.hashes += 1), real.hashPassword(...args)),
  };
});
// these tests play the client address through X-Forwarded-For, as a trusted reverse proxy would send it
process.env.TRUST_PROXY = '1';

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
  process.env.TRUST_PROXY = '1';
  await db.query('DELETE FROM "SignInFailure"');
  argon2.verifications = 0;
  argon2.hashes = 0;
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

  it('refuses a disabled account (with the right password, as if it were wrong) and ends its existing sessions', async () => {
    await signInWith(ROLE_USERS.leader);
    const cookies = new Map(jar);
    await setUserDisabled(setup.userIds.leader, true);
    try {
      expect(await getSessionUser()).toBeNull();
      const outcome = await attempt('matrix_leader', TEST_PASSWORD);
      expect(outcome.returned?.message).toBe('signIn.invalid');
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

  it('accepts only the cookie better-auth signed: a changed token, another session under this signature, or a bare token are refused', async () => {
    await signInWith(ROLE_USERS.reviewer);
    const name = [...jar.keys()].find((n) => n.endsWith('session_token'))!;
    const reviewerCookie = jar.get(name)!;
    const [reviewerToken, reviewerSignature] = decodeURIComponent(reviewerCookie).split('.') as [string, string];
    await signInWith(ROLE_USERS.staff);
    const staffToken = decodeURIComponent(jar.get(name)!).split('.')[0]!;
    expect(await getSessionUser()).toMatchObject({ role: 'staff' });
    const tries = [
      `${reviewerToken.slice(0, -1)}${reviewerToken.endsWith('A') ? 'B' : 'A'}.${reviewerSignature}`, // one character changed
      `${staffToken}.${reviewerSignature}`, // a real session's token under another one's signature
      staffToken, // the bare token, as if the signature were not checked
    ];
    for (const value of tries) {
      jar.set(name, encodeURIComponent(value));
      expect(await getSessionUser()).toBeNull();
    }
    jar.set(name, reviewerCookie);
    expect(await getSessionUser()).toMatchObject({ role: 'reviewer' });
  });

  it('signs out: the session row is gone and the cookie no longer works', async () => {
    const cookies = await signInWith(ROLE_USERS.reviewer);
    expect((await runAction(() => signOut())).redirectedTo).toBe('/login');
    for (const [name, value] of cookies) jar.set(name, value);
    expect(await getSessionUser()).toBeNull();
  });
});

const failureRows = async (column: 'username' | 'ip', value: string) =>
  (await db.query(`SELECT count(*)::int AS n FROM "SignInFailure" WHERE ${column} = $1`, [value])).rows[0].n as number;

describe('issue 13 item 1: sign-in throttling holds against parallel guesses', () => {
  it(`of 200 parallel attempts for one username (the right password last) at most ${SIGN_IN_MAX_FAILURES} are evaluated, and the right one is refused`, async () => {
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt('matrix_reviewer', i === 199 ? TEST_PASSWORD : `wrong-${i}`)));
    const messages = outcomes.map((o) => o.returned?.message ?? `redirect:${o.redirectedTo}`);
    expect(messages.filter((m) => m === 'signIn.invalid')).toHaveLength(SIGN_IN_MAX_FAILURES);
    expect(messages.filter((m) => m === 'signIn.throttled')).toHaveLength(200 - SIGN_IN_MAX_FAILURES);
    expect(messages[199]).toBe('signIn.throttled');
    expect(argon2.verifications).toBe(SIGN_IN_MAX_FAILURES);
    expect(await failureRows('username', 'matrix_reviewer')).toBe(SIGN_IN_MAX_FAILURES);
    expect(await getSessionUser()).toBeNull();
  });

  it(`of 200 parallel attempts from one address on many usernames at most ${SIGN_IN_MAX_FAILURES} are evaluated`, async () => {
    request.ip = '192.0.2.77';
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt(i === 199 ? 'matrix_leader' : `spray_${i}`, i === 199 ? TEST_PASSWORD : 'wrong-password')));
    expect(outcomes.filter((o) => o.returned?.message === 'signIn.invalid')).toHaveLength(SIGN_IN_MAX_FAILURES);
    expect(outcomes[199]!.returned?.message).toBe('signIn.throttled');
    // unknown usernames cost a hash (better-auth's timing guard), known ones a verification
    expect(argon2.verifications + argon2.hashes).toBe(SIGN_IN_MAX_FAILURES);
    expect(await failureRows('ip', '192.0.2.77')).toBe(SIGN_IN_MAX_FAILURES);
  });

  it('a successful sign-in starts the username’s count again; an evaluated failure stays counted', async () => {
    for (let i = 0; i < SIGN_IN_MAX_FAILURES - 1; i++) await attempt('matrix_staff', `wrong-${i}`);
    expect((await attempt('matrix_staff', TEST_PASSWORD)).redirectedTo).toBe('/admin/users');
    expect(await failureRows('username', 'matrix_staff')).toBe(0);
    expect((await attempt('matrix_staff', 'wrong-again')).returned?.message).toBe('signIn.invalid');
    expect(await failureRows('username', 'matrix_staff')).toBe(1);
  });
});

describe('issue 13 item 9: X-Forwarded-For is trusted only with TRUST_PROXY=1', () => {
  it('without TRUST_PROXY a new forged address per attempt does not dodge the per-address limit', async () => {
    delete process.env.TRUST_PROXY;
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) {
      request.ip = `203.0.113.${100 + i}`;
      expect((await attempt(`forged_${i}`, 'wrong-password')).returned?.message).toBe('signIn.invalid');
    }
    request.ip = '203.0.113.200';
    expect((await attempt('forged_last', 'wrong-password')).returned?.message).toBe('signIn.throttled');
    // nothing was recorded under the forged addresses
    const { rows } = await db.query(`SELECT DISTINCT ip FROM "SignInFailure"`);
    expect(rows).toEqual([{ ip: 'unknown' }]);
  });

  it('with TRUST_PROXY=1 the right-most entry (the one the proxy appended) is the address', async () => {
    process.env.TRUST_PROXY = '1';
    request.ip = '10.9.8.7, 198.51.100.33';
    await attempt('someone_else', 'wrong-password');
    const { rows } = await db.query(`SELECT ip FROM "SignInFailure"`);
    expect(rows).toEqual([{ ip: '198.51.100.33' }]);
  });
});

describe('issue 13 item 11: a disabled account does not reveal whether the password is right', () => {
  it('answers the right and a wrong password the same, after the same argon2 verification, and counts both', async () => {
    await setUserDisabled(setup.userIds.leader, true);
    try {
      const right = await attempt('matrix_leader', TEST_PASSWORD);
      expect(argon2.verifications).toBe(1);
      const wrong = await attempt('matrix_leader', 'wrong-password');
      expect(argon2.verifications).toBe(2);
      expect(right).toEqual(wrong);
      expect(right.returned).toEqual({ message: 'signIn.invalid', values: { username: 'matrix_leader' } });
      expect(jar.size).toBe(0);
      expect(await failureRows('username', 'matrix_leader')).toBe(2);
    } finally {
      await setUserDisabled(setup.userIds.leader, false);
    }
  });
});
