// Issue 13 item 7: out-of-range ids. Every id an action or a route takes is parsed by one schema
// (lib/schemas/params.ts, PostgreSQL int4: 1 … 2147483647); 2147483648 used to reach Prisma, which threw
// P2020 and showed the database error. Real actions, a real admin session, the real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('../helpers/next-request')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../helpers/next-request')).nextCacheMock);

const { form } = await import('../helpers/next-request');
const { setUpAccountsDatabase, signInWith, useCookies, ROLE_USERS } = await import('../helpers/accounts');
const figureActions = await import('@/app/_actions/figures');
const planActions = await import('@/app/_actions/plans');
const tokenActions = await import('@/app/_actions/tokens');
const userActions = await import('@/app/_actions/users');
const { loadPlanOfIndicator } = await import('@/lib/loaders');

const TOO_BIG = '2147483648';
const SLUG = 'luquan-2021-2025';
let setup: Awaited<ReturnType<typeof setUpAccountsDatabase>>;

beforeAll(async () => {
  setup = await setUpAccountsDatabase('out_of_range_ids');
  useCookies(await signInWith(ROLE_USERS.admin));
});
afterAll(async () => {
  await setup?.database.drop();
});

describe('out-of-range ids are refused cleanly, never by the database', () => {
  it.each([TOO_BIG, '99999999999', '-1', '0', '1e3', '0x10', '1.5'])('reviewFigure and unlockFigure refuse id %s', async (id) => {
    const review = await figureActions.reviewFigure({}, form({ id, version: '1', decision: 'approve' }));
    expect(review).toMatchObject({ message: 'review.checkFields' });
    expect(review.ok).toBeUndefined();
    const unlock = await figureActions.unlockFigure({}, form({ id, version: '1', reason: '更正' }));
    expect(unlock).toMatchObject({ message: 'review.checkFields' });
    const version = await figureActions.reviewFigure({}, form({ id: '1', version: id, decision: 'approve' }));
    expect(version).toMatchObject({ message: 'review.checkFields' });
  });

  it('revokeApiToken refuses an id beyond int4', async () => {
    const state = await tokenActions.revokeApiToken({}, form({ tokenId: TOO_BIG }));
    expect(state).toMatchObject({ message: 'checkFields' });
    expect(state.ok).toBeUndefined();
  });

  it('saveIndicator and removeIndicator refuse an id beyond int4 as not found', async () => {
    const save = await planActions.saveIndicatorAction({}, form({ planSlug: SLUG, id: TOO_BIG, name: '指标' }));
    expect(save).toMatchObject({ message: 'refusal.notFound' });
    const remove = await planActions.removeIndicatorAction({}, form({ planSlug: SLUG, id: TOO_BIG }));
    expect(remove).toMatchObject({ message: 'refusal.notFound' });
    const archive = await planActions.archiveIndicatorAction({}, form({ planSlug: SLUG, id: TOO_BIG }));
    expect(archive).toMatchObject({ message: 'refusal.notFound' });
  });

  it('updateUserAccess refuses an assigned indicator id beyond int4 next to the field', async () => {
    const state = await userActions.updateUserAccess({}, form({ userId: setup.userIds.staff, role: 'staff', scope: 'assigned', indicatorIds: ['1', TOO_BIG] }));
    expect(state.message).toBe('checkFields');
    expect(Object.values(state.errors ?? {}).flat()).toContain('indicatorInvalid');
  });

  it('the indicator loader names no plan for an id beyond int4', async () => {
    await expect(loadPlanOfIndicator(Number(TOO_BIG))).resolves.toBeNull();
  });
});
