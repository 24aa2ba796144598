/**
 * Seeds the plans the product ships with (today: 十四五, 表1 exactly). Idempotent: a plan, category
 * or indicator that exists is left as it is, so definitions edited in the app are never overwritten.
 * Invents no yearly figures.
 */
import { pathToFileURL } from 'node:url';
import { createPrisma } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { LUQUAN_2021_2025, type PlanSeed } from '@/lib/plans/luquan-2021-2025';

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
  });
}

export async function seedDatabase(connectionString: string): Promise<void> {
  const prisma = createPrisma(connectionString);
  try {
    for (const plan of SEEDED_PLANS) await seedPlan(prisma, plan);
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
  seedDatabase(url).then(
    () => console.log(`db:seed: ${SEEDED_PLANS.length} plan(s) present.`),
    (error: unknown) => {
      console.error(`db:seed failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
