/**
 * Seeds the plans the product ships with (today: 十四五, 表1 exactly). Idempotent: a plan, category
 * or indicator that exists is left as it is, so definitions edited in the app are never overwritten.
 * Invents no yearly figures.
 */
import { pathToFileURL } from 'node:url';
import { createPrisma } from '@/lib/db';
import { bumpPlanDataVersion } from '@/lib/data/plan-version';
import { SEED_TRANSACTION } from '@/lib/data/transaction';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { seedPlanTasks, type PlanTasksSeed } from '@/lib/data/task-seed';
import { LUQUAN_2021_2025, type PlanSeed } from '@/lib/plans/luquan-2021-2025';
import { LUQUAN_2021_2025_TASKS } from '@/lib/plans/luquan-2021-2025-tasks';
import { seedPlanBenchmarks, type PlanBenchmarkSeed } from '@/lib/data/benchmark-seed';
import {
  LUQUAN_2021_2025_HISTORY,
  LUQUAN_2021_2025_REFERENCE_VALUES,
  LUQUAN_2021_2025_SUPPLEMENTARY_SERIES,
  LUQUAN_COUNTY_EVALUATIONS,
} from '@/lib/plans/luquan-2021-2025-benchmarks';
import { LUQUAN_2021_2025_SAMPLE, SAMPLE_SOURCE, type SampleFigure } from '@/lib/plans/luquan-2021-2025-sample';

export const SEEDED_PLANS: readonly PlanSeed[] = [LUQUAN_2021_2025];
/** The key tasks (专栏1–8 and the projects) of the seeded plans, transcribed from the plan text. */
export const SEEDED_TASKS: readonly PlanTasksSeed[] = [LUQUAN_2021_2025_TASKS];

/** What each seeded plan's text states about the district's standing (对标, 县域评价, 十三五 history). */
export const SEEDED_BENCHMARKS: Readonly<Record<string, PlanBenchmarkSeed>> = {
  [LUQUAN_2021_2025.slug]: {
    series: LUQUAN_2021_2025_SUPPLEMENTARY_SERIES,
    referenceValues: LUQUAN_2021_2025_REFERENCE_VALUES,
    countyEvaluations: LUQUAN_COUNTY_EVALUATIONS,
    history: LUQUAN_2021_2025_HISTORY,
  },
};

export async function seedPlan(prisma: PrismaClient, seed: PlanSeed): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      const hasCurrent = (await tx.plan.count({ where: { isCurrent: true } })) > 0;
      const { categories, indicators, ...planFields } = seed;
      const plan = await tx.plan.upsert({
        where: { slug: seed.slug },
        create: { ...planFields, isCurrent: !hasCurrent },
        update: {},
      });
      const addedCategories = await tx.category.createMany({
        data: categories.map((name, index) => ({ planId: plan.id, name, position: index + 1 })),
        skipDuplicates: true,
      });
      const categoryIds = new Map((await tx.category.findMany({ where: { planId: plan.id } })).map((c) => [c.name, c.id]));
      const addedIndicators = await tx.indicator.createMany({
        data: indicators.map(({ category, ...indicator }) => ({ ...indicator, planId: plan.id, categoryId: categoryIds.get(category)! })),
        skipDuplicates: true,
      });
      // a running instance (several behind a proxy) must not keep serving the plan without what was added
      if (addedCategories.count + addedIndicators.count > 0) await bumpPlanDataVersion(tx, plan.id);
    },
    SEED_TRANSACTION,
  );
}

/** Demo figures (示例数据), marked isSample; a year that already has a figure is left alone. */
export async function seedSampleFigures(prisma: PrismaClient, planSlug: string, figures: readonly SampleFigure[]): Promise<void> {
  const plan = await prisma.plan.findUniqueOrThrow({ where: { slug: planSlug }, include: { indicators: true } });
  const idBySequence = new Map(plan.indicators.map((i) => [i.sequence, i.id]));
  await prisma.$transaction(async (tx) => {
    const added = await tx.observation.createMany({
      data: figures.flatMap(({ sequence, ...figure }) => {
        const indicatorId = idBySequence.get(sequence);
        return indicatorId === undefined ? [] : [{ ...figure, indicatorId, source: SAMPLE_SOURCE, isSample: true }];
      }),
      skipDuplicates: true,
    });
    if (added.count > 0) await bumpPlanDataVersion(tx, plan.id);
  }, SEED_TRANSACTION);
}

export async function seedDatabase(connectionString: string, options: { sample?: boolean } = {}): Promise<void> {
  const prisma = createPrisma(connectionString);
  try {
    for (const plan of SEEDED_PLANS) {
      await seedPlan(prisma, plan);
      const benchmarks = SEEDED_BENCHMARKS[plan.slug];
      if (benchmarks) await seedPlanBenchmarks(prisma, plan.slug, benchmarks);
    }
    for (const tasks of SEEDED_TASKS) await seedPlanTasks(prisma, tasks);
    if (options.sample) await seedSampleFigures(prisma, LUQUAN_2021_2025.slug, LUQUAN_2021_2025_SAMPLE);
  } finally {
    await prisma.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('db:seed: DATABASE_URL is not set (npm start sets it for the embedded database).');
    process.exit(1);
  }
  const sample = process.argv.includes('--sample');
  seedDatabase(url, { sample }).then(
    () => console.log(`db:seed: ${SEEDED_PLANS.length} plan(s) present${sample ? ', sample figures (示例数据) loaded' : ''}.`),
    (error: unknown) => {
      console.error(`db:seed failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
