// Creating the next plan (十五五) from the record through its server action, on a real database with the
// sample figures: the baselines are the latest approved figures (2024 where 2025 awaits review), the targets
// are what the admin typed (empty stays empty), no figure is copied, and a bad target is refused next to its
// field with everything typed kept and nothing created.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectClient } from '@/tests/helpers/test-database';

vi.mock('next/headers', async () => (await import('../helpers/next-request')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../helpers/next-request')).nextCacheMock);

const { form, runAction } = await import('../helpers/next-request');
const { setUpAccountsDatabase, signInWith, useCookies, ROLE_USERS } = await import('../helpers/accounts');
const { createNextPlanAction } = await import('@/app/_actions/next-plan');
const { getPlanDetail } = await import('@/lib/data/plans');
const { seedDatabase } = await import('@/prisma/seed');

let setup: Awaited<ReturnType<typeof setUpAccountsDatabase>>;
let db: pg.Client;
const SOURCE = 'luquan-2021-2025';
const FIELDS = { name: '鹿泉区科技创新“十五五”规划', shortName: '十五五', region: '鹿泉区', baseYear: '2025', firstYear: '2026', lastYear: '2030', sourceDocument: '待定' };

beforeAll(async () => {
  setup = await setUpAccountsDatabase('next_plan');
  await seedDatabase(setup.database.url, { sample: true });
  db = await connectClient(setup.database.url);
});
afterAll(async () => {
  await db?.end();
  await setup?.database.drop();
});

describe('createNextPlanAction', () => {
  it('refuses a target that is not a number next to its field, keeps what was typed and creates nothing', async () => {
    useCookies(await signInWith(ROLE_USERS.admin));
    const source = (await getPlanDetail(SOURCE))!;
    const id = source.indicators.find((i) => i.sequence === 6)!.id;
    const { returned } = await runAction(() => createNextPlanAction({}, form({ ...FIELDS, slug: 'next-bad', sourceSlug: SOURCE, [`target.${id}`]: '很多' })));
    expect(returned?.errors?.[`target.${id}`]?.[0]).toMatch(/目标值/);
    expect(returned?.values).toMatchObject({ slug: 'next-bad', [`target.${id}`]: '很多' });
    expect(await getPlanDetail('next-bad')).toBeNull();
  });

  it('creates the plan with the latest approved figures as baselines and the typed targets, without figures', async () => {
    useCookies(await signInWith(ROLE_USERS.admin));
    const source = (await getPlanDetail(SOURCE))!;
    const idOf = (sequence: number) => source.indicators.find((i) => i.sequence === sequence)!.id;
    const { redirectedTo } = await runAction(() =>
      createNextPlanAction({}, form({ ...FIELDS, slug: 'luquan-2026-2030', sourceSlug: SOURCE, [`target.${idOf(6)}`]: '600', [`target.${idOf(1)}`]: '12' })),
    );
    expect(redirectedTo).toBe('/admin/plans/luquan-2026-2030');
    const plan = (await getPlanDetail('luquan-2026-2030'))!;
    expect(plan).toMatchObject({ baseYear: 2025, firstYear: 2026, lastYear: 2030, isCurrent: false });
    expect(plan.categories.map((c) => c.name)).toEqual(source.categories.map((c) => c.name));
    const bySequence = new Map(plan.indicators.map((i) => [i.sequence, i]));
    expect(bySequence.get(6)).toMatchObject({ baseline: 398, target: 600, annualRate: null, cumulativeIncrease: null });
    expect(bySequence.get(1)).toMatchObject({ baseline: 12.1, annualRate: 12, target: null });
    expect(bySequence.get(13)).toMatchObject({ baseline: 8.44, target: null }); // 2025 awaits review
    expect(bySequence.get(9)).toMatchObject({ baseline: 38.2, annualRate: null }); // no stated pp/yr carried over
    const figures = await db.query('SELECT count(*)::int AS n FROM "Observation" o JOIN "Indicator" i ON i.id = o."indicatorId" WHERE i."planId" = $1', [plan.id]);
    expect(figures.rows[0].n).toBe(0);
  });

  it('is refused to a leader', async () => {
    useCookies(await signInWith(ROLE_USERS.leader));
    const { returned } = await runAction(() => createNextPlanAction({}, form({ ...FIELDS, slug: 'next-leader', sourceSlug: SOURCE })));
    expect(returned?.refused).toBe('forbidden');
    expect(await getPlanDetail('next-leader')).toBeNull();
  });
});
