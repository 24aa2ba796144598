/**
 * Seeds the plans the product ships with (today: 十四五, 表1 exactly). Idempotent: a plan, category
 * or indicator that exists is left as it is, so definitions edited in the app are never overwritten.
 * Invents no yearly figures.
 */
import { pathToFileURL } from 'node:url';
import { createPrisma } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { LUQUAN_2021_2025, type PlanSeed } from '@/lib/plans/luquan-2021-2025';
import { LUQUAN_2021_2025_SAMPLE, SAMPLE_SOURCE, type SampleFigure } from '@/lib/plans/luquan-2021-2025-sample';

export const SEEDED_PLANS: readonly PlanSeed[] = [LUQUAN_2021_2025];

export async function seedPlan(prisma: PrismaClient, seed: PlanSeed): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const hasCurrent = (await tx.plan.count({ where: { isCurrent: true } })) > 0;
    const { categories, indicators, ...planFields } = seed;
    const plan = await tx.plan.upsert({
      where: { slug: seed.slug },
      create: { ...planFields, isCurrent: !hasCurrent },
      update: {},
    });
    const categoryIds = new Map<string, number>();
    for (const [position, name] of categories.entries()) {
      const category = await tx.category.upsert({
        where: { planId_name: { planId: plan.id, name } },
        create: { planId: plan.id, name, position: position + 1 },
        update: {},
      });
      categoryIds.set(name, category.id);
    }
    for (const { category, ...indicator } of indicators) {
      await tx.indicator.upsert({
        where: { planId_sequence: { planId: plan.id, sequence: indicator.sequence } },
        create: { ...indicator, planId: plan.id, categoryId: categoryIds.get(category)! },
        update: {},
      });
    }
  }, { timeout: 30_000 }); // a busy machine can take longer than the 5 s default
}

/** Demo figures (示例数据), marked isSample; a year that already has a figure is left alone. */
export async function seedSampleFigures(prisma: PrismaClient, planSlug: string, figures: readonly SampleFigure[]): Promise<void> {
  const plan = await prisma.plan.findUniqueOrThrow({ where: { slug: planSlug }, include: { indicators: true } });
  const idBySequence = new Map(plan.indicators.map((i) => [i.sequence, i.id]));
  await prisma.$transaction(async (tx) => {
    for (const { sequence, ...figure } of figures) {
      const indicatorId = idBySequence.get(sequence);
      if (indicatorId === undefined) continue;
      await tx.observation.upsert({
        where: { indicatorId_year: { indicatorId, year: figure.year } },
        create: { ...figure, indicatorId, source: SAMPLE_SOURCE, isSample: true },
        update: {},
      });
    }
  });
}

export async function seedDatabase(connectionString: string, options: { sample?: boolean } = {}): Promise<void> {
  const prisma = createPrisma(connectionString);
  try {
    for (const plan of SEEDED_PLANS) await seedPlan(prisma, plan);
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
