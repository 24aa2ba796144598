import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPlanFigures } from '@/lib/data/figures';
import { getPlanDetail } from '@/lib/data/plans';
import type { PlanDetail } from '@/lib/data/types';
import { assessPlan, defaultAsOfYear } from '@/lib/views/plan-progress';
import { LUQUAN_2021_2025 } from '@/lib/plans/luquan-2021-2025';
import { LUQUAN_2021_2025_SAMPLE } from '@/lib/plans/luquan-2021-2025-sample';
import { assessIndicator, toIndicatorPlan } from '@/lib/progress';
import { seedDatabase } from '@/prisma/seed';
import { createTestDatabase, migrate, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
let plan: PlanDetail;

beforeAll(async () => {
  database = await createTestDatabase('progress');
  migrate(database.url);
  await seedDatabase(database.url, { sample: true });
  await seedDatabase(database.url, { sample: true }); // idempotent
  process.env.DATABASE_URL = database.url;
  plan = (await getPlanDetail())!;
});
afterAll(async () => {
  await database?.drop();
});

describe('plan progress on the sample figures (示例数据)', () => {
  it('stores the sample figures once, marked as sample data', async () => {
    const figures = await getPlanFigures(plan.id);
    expect(figures).toHaveLength(LUQUAN_2021_2025_SAMPLE.length);
    expect(figures.every((f) => f.isSample && f.source === '示例数据')).toBe(true);
    expect(plan.hasSampleData).toBe(true);
  });

  it('assesses every indicator exactly as lib/progress does from the seed data, approved figures only', async () => {
    const figures = await getPlanFigures(plan.id);
    for (const year of [2021, 2023, 2025]) {
      const progress = assessPlan(plan, figures, year);
      for (const [index, seed] of LUQUAN_2021_2025.indicators.entries()) {
        const expected = assessIndicator(
          toIndicatorPlan(seed, 2020, 2025),
          LUQUAN_2021_2025_SAMPLE.filter((f) => f.sequence === seed.sequence && f.status === 'approved').map((f) => ({ year: f.year, value: Number(f.value) })),
          year,
        );
        expect(progress.indicators[index]?.assessment).toEqual(expected);
      }
    }
  });

  it('as of 2023 shows the documented mix of statuses', async () => {
    const progress = assessPlan(plan, await getPlanFigures(plan.id), 2023);
    expect(progress.summaryZh).toBe('截至2023年，16项指标中，提前实现2项，快于序时进度3项，基本符合序时进度4项，滞后于序时进度3项，明显滞后3项，暂无数据1项。');
  });

  it('leaves unapproved figures out unless asked for, and marks them', async () => {
    const figures = await getPlanFigures(plan.id);
    expect(defaultAsOfYear(plan, figures)).toBe(2025);
    const approvedOnly = assessPlan(plan, figures, 2025);
    const withUnapproved = assessPlan(plan, figures, 2025, { includeUnapproved: true });
    const row13 = (p: typeof approvedOnly) => p.indicators.find((i) => i.indicator.sequence === 13)!;
    expect(row13(approvedOnly).assessment.latestYear).toBe(2024);
    expect(row13(approvedOnly).usesUnapproved).toBe(false);
    expect(row13(withUnapproved).assessment.latestYear).toBe(2025);
    expect(row13(withUnapproved).usesUnapproved).toBe(true);
  });
});
