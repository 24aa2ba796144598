import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { getPlanDetail } from '@/lib/data/plans';
import { LUQUAN_2021_2025 } from '@/lib/plans/luquan-2021-2025';
import { seedDatabase } from '@/prisma/seed';
import { createTestDatabase, migrate, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
let prisma: PrismaClient;
let versionAfterFirstSeed: number;

beforeAll(async () => {
  database = await createTestDatabase('seed');
  migrate(database.url);
  await seedDatabase(database.url);
  prisma = createPrisma(database.url);
  versionAfterFirstSeed = (await prisma.plan.findFirstOrThrow()).dataVersion;
  await seedDatabase(database.url); // idempotent: the second run changes nothing
  process.env.DATABASE_URL = database.url;
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

describe('seed of 十四五 表1', () => {
  it('a second run inserts nothing and so leaves the data version (and every instance\'s cache) as it was', async () => {
    expect(versionAfterFirstSeed).toBeGreaterThan(0); // the first run inserted the key tasks and benchmarks: bumped
    expect((await prisma.plan.findFirstOrThrow()).dataVersion).toBe(versionAfterFirstSeed);
  });

  it('holds exactly one plan, five categories and sixteen indicators after two runs', async () => {
    expect(await prisma.plan.count()).toBe(1);
    expect(await prisma.category.count()).toBe(5);
    expect(await prisma.indicator.count()).toBe(16);
    expect(await prisma.figure.count()).toBe(0); // the seed invents no figures
  });

  it('stores the plan exactly', async () => {
    const plan = await prisma.plan.findUniqueOrThrow({ where: { slug: LUQUAN_2021_2025.slug } });
    expect(plan).toMatchObject({
      name: '鹿泉区科技创新“十四五”规划',
      region: '鹿泉区',
      baseYear: 2020,
      firstYear: 2021,
      lastYear: 2025,
      status: 'active',
      isCurrent: true,
    });
    expect(plan.sourceDocument).toContain('表1');
  });

  it('stores every field of every indicator as in 表1, decimals exact and "-" as null', async () => {
    const rows = await prisma.indicator.findMany({ orderBy: { sequence: 'asc' }, include: { category: true } });
    const decimal = (value: { toString(): string } | null) => (value === null ? null : value.toString());
    expect(
      rows.map((row) => ({
        sequence: row.sequence,
        category: row.category.name,
        name: row.name,
        unit: row.unit,
        kind: row.kind,
        baseline: decimal(row.baseline),
        target: decimal(row.target),
        annualRate: decimal(row.annualRate),
        cumulativeIncrease: decimal(row.cumulativeIncrease),
        attribute: row.attribute,
        direction: row.direction,
        decimals: row.decimals,
      })),
    ).toEqual(LUQUAN_2021_2025.indicators);
    expect(rows.map((row) => row.category.position)).toEqual([1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('keeps the values the task names exactly, in SQL and through the gateway', async () => {
    const exact = await prisma.$queryRaw<{ sequence: number; equal: boolean }[]>`
      SELECT sequence, (baseline = 13.31 OR baseline = 1.55 OR baseline = 8.41) AS equal
      FROM "Indicator" WHERE sequence IN (2, 11, 13) ORDER BY sequence`;
    expect(exact).toEqual([
      { sequence: 2, equal: true },
      { sequence: 11, equal: true },
      { sequence: 13, equal: true },
    ]);
    const plan = await getPlanDetail();
    expect(plan?.indicators.map((i) => i.baseline)).toEqual([null, 13.31, null, 30, 23, 228, 837, 66, 14.18, 144, 8.41, 36.4, 1.55, 7, 11, 4]);
    expect(plan?.indicators[8]).toMatchObject({ name: '规上工业企业研发机构的比例', kind: 'share', annualRate: 7.17, target: 50 });
    expect(plan?.indicators.slice(0, 3).map((i) => i.target)).toEqual([null, null, null]);
    expect(plan?.indicators.slice(0, 3).map((i) => i.annualRate)).toEqual([12, 15, 10]);
    expect(plan?.hasSampleData).toBe(false);
  });
});
