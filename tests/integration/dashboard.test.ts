// The leaders' pages show what lib/progress computes from the plan as seeded, nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndicatorView, buildOverview, parseDashboardQuery } from '@/lib/views/dashboard';
import { getPlanFigures } from '@/lib/data/figures';
import { getPlanDetail, getPlanDetailByIndicator } from '@/lib/data/plans';
import type { Figure, PlanDetail } from '@/lib/data/types';
import { LUQUAN_2021_2025 } from '@/lib/plans/luquan-2021-2025';
import { LUQUAN_2021_2025_SAMPLE } from '@/lib/plans/luquan-2021-2025-sample';
import {
  assessIndicator,
  checkPlanConsistency,
  growthBarRows,
  summarizePlan,
  summarySentenceZh,
  toIndicatorPlan,
  trajectoryRows,
} from '@/lib/progress';
import { seedDatabase } from '@/prisma/seed';
import { createTestDatabase, migrate, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
let plan: PlanDetail;
let figures: Figure[];

beforeAll(async () => {
  database = await createTestDatabase('dashboard');
  migrate(database.url);
  await seedDatabase(database.url, { sample: true });
  process.env.DATABASE_URL = database.url;
  plan = (await getPlanDetail())!;
  figures = await getPlanFigures(plan.id);
});
afterAll(async () => {
  await database?.drop();
});

/** What lib/progress says about a seed row, straight from the published table and the sample figures. */
function expected(sequence: number, asOfYear: number, includeUnapproved = false) {
  const seed = LUQUAN_2021_2025.indicators.find((i) => i.sequence === sequence)!;
  const indicatorPlan = toIndicatorPlan(seed, LUQUAN_2021_2025.baseYear, LUQUAN_2021_2025.lastYear);
  const observations = LUQUAN_2021_2025_SAMPLE.filter((f) => f.sequence === sequence && (includeUnapproved || f.status === 'approved')).map((f) => ({ year: f.year, value: Number(f.value) }));
  return { seed, indicatorPlan, observations, assessment: assessIndicator(indicatorPlan, observations, asOfYear) };
}

describe('overview data for the seeded plan with sample figures', () => {
  it.each([2021, 2023, 2025])('as of %i: every card, its trend and the roll-up equal lib/progress', (year) => {
    const overview = buildOverview(plan, figures, parseDashboardQuery({ year: String(year) }, plan, figures));
    expect(overview.groups.map((g) => g.category.name)).toEqual([...LUQUAN_2021_2025.categories]);
    const cards = overview.groups.flatMap((g) => g.cards);
    expect(cards.map((c) => c.indicator.sequence)).toEqual(LUQUAN_2021_2025.indicators.map((i) => i.sequence));
    for (const card of cards) {
      const want = expected(card.indicator.sequence, year);
      expect(card.indicator.category.name).toBe(want.seed.category);
      expect(card.assessment).toEqual(want.assessment);
      expect(card.trend).toEqual(trajectoryRows(want.indicatorPlan, want.observations, year));
    }
    const rollup = summarizePlan(
      LUQUAN_2021_2025.indicators.map((i) => ({ category: i.category, assessment: expected(i.sequence, year).assessment })),
      year,
      { targetYear: 2025 },
    );
    expect(overview.progress.rollup).toEqual(rollup);
    expect(overview.progress.summaryZh).toBe(summarySentenceZh(rollup));
  });

  it('defaults to the latest year with approved figures and filters by status', () => {
    const all = buildOverview(plan, figures, parseDashboardQuery({}, plan, figures));
    expect(all.query.asOfYear).toBe(2025);
    const behind = buildOverview(plan, figures, parseDashboardQuery({ year: '2023', status: 'behind' }, plan, figures));
    // 2023 as documented in the sample set: lagging 2, 9, 13; seriously lagging 5, 12, 14
    expect(behind.groups.flatMap((g) => g.cards).map((c) => c.indicator.sequence)).toEqual([2, 5, 9, 12, 13, 14]);
    expect(behind.shownCount).toBe(6);
    expect(behind.groups).toHaveLength(5); // empty categories are kept (the page hides them)
  });

  it('counts unapproved figures only when asked, and marks the cards that use them', () => {
    const withUnapproved = buildOverview(plan, figures, parseDashboardQuery({ year: '2025', unapproved: '1' }, plan, figures));
    const marked = withUnapproved.groups.flatMap((g) => g.cards).filter((c) => c.usesUnapproved).map((c) => c.indicator.sequence);
    expect(marked).toEqual([13, 14]);
    for (const card of withUnapproved.groups.flatMap((g) => g.cards)) expect(card.assessment).toEqual(expected(card.indicator.sequence, 2025, true).assessment);
    expect(withUnapproved.hasUnapprovedFigures).toBe(true);
  });
});

describe('indicator page data', () => {
  it('finds the plan from an indicator id; unknown ids find nothing', async () => {
    const row9 = plan.indicators.find((i) => i.sequence === 9)!;
    expect((await getPlanDetailByIndicator(row9.id))?.id).toBe(plan.id);
    expect(await getPlanDetailByIndicator(999_999)).toBeNull();
    expect(await getPlanDetailByIndicator(Number.NaN)).toBeNull();
  });

  it('row 9: chart rows, figures and the consistency note (stated 7.17, implied 7.164)', () => {
    const row9 = plan.indicators.find((i) => i.sequence === 9)!;
    const view = buildIndicatorView(plan, figures, row9.id, parseDashboardQuery({ year: '2023' }, plan, figures))!;
    const want = expected(9, 2023);
    expect(view.item.assessment).toEqual(want.assessment);
    expect(view.trajectory).toEqual(trajectoryRows(want.indicatorPlan, want.observations, 2023));
    expect(view.growth).toEqual([]);
    expect(view.figures.map((f) => f.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(view.consistency).toEqual(checkPlanConsistency([{ ...want.seed, baseYear: 2020, targetYear: 2025 }]));
    expect(view.consistency).toMatchObject([{ sequence: 9, field: 'annualRate', stated: 7.17, implied: 7.164 }]);
  });

  it('row 2 (growth rate): yearly growth bars against 15 %, every figure listed whatever its review status', () => {
    const row13 = plan.indicators.find((i) => i.sequence === 13)!;
    const view13 = buildIndicatorView(plan, figures, row13.id, parseDashboardQuery({ year: '2025' }, plan, figures))!;
    expect(view13.figures.find((f) => f.year === 2025)?.status).toBe('submitted');
    expect(view13.item.assessment.latestYear).toBe(2024);

    const row2 = plan.indicators.find((i) => i.sequence === 2)!;
    const view2 = buildIndicatorView(plan, figures, row2.id, parseDashboardQuery({ year: '2023' }, plan, figures))!;
    const want = expected(2, 2023);
    expect(view2.growth).toEqual(growthBarRows(want.indicatorPlan, want.observations, 2023));
    expect(view2.growth.map((r) => r.growth)).toEqual([9.8, 12, 8.5, null, null]);
    expect(view2.consistency).toEqual([]);
    expect(buildIndicatorView(plan, figures, -1, view2.query)).toBeNull();
  });
});
