// withApiAuth: session cookie or Bearer token; 401/403 JSON in Chinese; tokens are read-only and revocable.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('../helpers/next-request')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../helpers/next-request')).nextCacheMock);

const { withApiAuth } = await import('@/lib/auth/api');
const { issueApiToken, revokeApiToken } = await import('@/app/_actions/tokens');
const { form } = await import('../helpers/next-request');
const { setUpAccountsDatabase, signInWith, useCookies, ROLE_USERS } = await import('../helpers/accounts');

let setup: Awaited<ReturnType<typeof setUpAccountsDatabase>>;
beforeAll(async () => {
  setup = await setUpAccountsDatabase('auth_api');
});
afterAll(async () => {
  await setup?.database.drop();
});

const readPlans = withApiAuth('plans.read', async (_request, _context: unknown, caller) => Response.json({ caller: 'kind' in caller ? caller.name : caller.username }));
const manageUsers = withApiAuth('users.manage', async () => Response.json({ ok: true }));
const failing = withApiAuth('plans.read', async () => {
  throw new Error('relation "secret_table" does not exist at /srv/app/lib/x.ts:12');
});
const get = (authorization?: string, method = 'GET') => new Request('http://localhost:3000/api/x', { method, headers: authorization ? { authorization } : {} });

describe('withApiAuth', () => {
  it('answers 401 JSON to an anonymous caller', async () => {
    useCookies(null);
    const response = await readPlans(get(), {});
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { status: 401, message: '请先登录。' } });
  });

  it('accepts a session cookie and answers 403 JSON to the wrong role', async () => {
    useCookies(await signInWith(ROLE_USERS.leader));
    expect(await (await readPlans(get(), {})).json()).toEqual({ caller: 'matrix_leader' });
    const refused = await manageUsers(get(undefined, 'POST'), {});
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/没有执行此操作的权限/);
  });

  it('accepts a token an admin issued, for reading only, until it is revoked', async () => {
    useCookies(await signInWith(ROLE_USERS.admin));
    const issued = await issueApiToken({}, form({ name: '统计局' }));
    expect(issued.token).toMatch(/^pim_/);
    useCookies(null);
    expect(await (await readPlans(get(`Bearer ${issued.token}`), {})).json()).toEqual({ caller: '统计局' });
    expect((await manageUsers(get(`Bearer ${issued.token}`), {})).status).toBe(403);
    expect((await readPlans(get(`Bearer ${issued.token}x`), {})).status).toBe(401);

    useCookies(await signInWith(ROLE_USERS.admin));
    const { listApiTokens } = await import('@/lib/data/api-tokens');
    const [token] = await listApiTokens();
    expect(token!.lastUsedAt).not.toBeNull();
    expect(await revokeApiToken({}, form({ tokenId: String(token!.id) }))).toMatchObject({ ok: true });
    useCookies(null);
    expect((await readPlans(get(`Bearer ${issued.token}`), {})).status).toBe(401);
  });

  it('never shows an error detail', async () => {
    useCookies(await signInWith(ROLE_USERS.staff));
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await failing(get(), {});
    spy.mockRestore();
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toMatch(/secret_table|\/srv|\.ts/);
    expect(JSON.parse(body).error.message).toBe('服务器内部错误，请稍后再试。');
  });
});
