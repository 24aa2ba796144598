/**
 * Seeds what a plan's text states about the district's standing (lib/plans/*-benchmarks.ts): the
 * supplementary series, the reference values (对标值), the county evaluation ranks and the figures before
 * the plan period (十三五 history), each with its source sentence. Idempotent like seedPlan: rows that
 * exist (edited or reviewed in the app) are left as they are. Nothing the text does not state is written.
 * Seeded reference values and evaluations are approved: the plan text is the approved document.
 */
import { bumpPlanDataVersion } from './plan-version';
import { SEED_TRANSACTION } from './transaction';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type {
  BenchmarkSubject,
  CountyEvaluationSeed,
  PlanHistoryFigureSeed,
  PlanReferenceValueSeed,
  SupplementarySeriesSeed,
} from '@/lib/plans/luquan-2021-2025-benchmarks';

export interface PlanBenchmarkSeed {
  series: readonly SupplementarySeriesSeed[];
  referenceValues: readonly PlanReferenceValueSeed[];
  countyEvaluations: readonly CountyEvaluationSeed[];
  history: readonly PlanHistoryFigureSeed[];
}

/** Who "entered" what the seed writes, as the pages show it. */
export const PLAN_TEXT_AUTHOR = '规划文本';

/** "plan name (section)：“sentence”" — the source as stored. */
function sourceText(planName: string, seed: { section: string; source: string }): string {
  return `${planName} ${seed.section}：“${seed.source}”`;
}

export async function seedPlanBenchmarks(prisma: PrismaClient, planSlug: string, seed: PlanBenchmarkSeed): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      const plan = await tx.plan.findUniqueOrThrow({ where: { slug: planSlug }, include: { indicators: { select: { id: true, sequence: true } } } });
      let added = 0; // rows inserted: only then is the plan's data version bumped (a restart changes nothing)
      added += (await tx.supplementarySeries.createMany({
        data: seed.series.map((s, index) => ({
          planId: plan.id,
          key: s.key,
          name: s.name,
          unit: s.unit,
          kind: s.kind,
          direction: s.direction,
          decimals: s.decimals,
          relatedIndicatorSequence: s.relatedIndicator,
          note: s.note,
          position: index + 1,
        })),
        skipDuplicates: true,
      })).count;
      const seriesIds = new Map((await tx.supplementarySeries.findMany({ where: { planId: plan.id } })).map((s) => [s.key, s.id]));
      const indicatorIds = new Map(plan.indicators.map((i) => [i.sequence, i.id]));
      const subject = (s: BenchmarkSubject) => {
        const id = s.type === 'indicator' ? indicatorIds.get(s.sequence) : seriesIds.get(s.key);
        // An indicator removed or renumbered in the app: its statements are not seeded.
        if (id === undefined) return null;
        return s.type === 'indicator' ? { indicatorId: id, seriesId: null, subjectKey: `indicator:${id}` } : { indicatorId: null, seriesId: id, subjectKey: `series:${id}` };
      };
      const approved = { status: 'approved' as const, updatedByName: PLAN_TEXT_AUTHOR };
      added += (await tx.referenceValue.createMany({
        data: seed.referenceValues.flatMap((r) => {
          const s = subject(r.subject);
          return s ? [{ ...s, ...approved, planId: plan.id, kind: r.kind, year: r.year, value: r.value, source: sourceText(plan.name, r), note: r.note }] : [];
        }),
        skipDuplicates: true,
      })).count;
      added += (await tx.countyEvaluation.createMany({
        data: seed.countyEvaluations.map((c) => ({
          ...approved,
          planId: plan.id,
          year: c.year,
          provinceRank: c.provinceRank,
          grade: c.grade,
          score: c.score,
          source: sourceText(plan.name, c),
          note: c.note,
        })),
        skipDuplicates: true,
      })).count;
      added += (await tx.historyFigure.createMany({
        data: seed.history.flatMap((h) => {
          const s = subject(h.subject);
          return s ? [{ ...s, planId: plan.id, year: h.year, value: h.value, source: h.source, stated: h.stated, section: h.section, note: h.note }] : [];
        }),
        skipDuplicates: true,
      })).count;
      // a plan seeded into after it was read must not be served from the cache
      if (added > 0) await bumpPlanDataVersion(tx, plan.id);
    },
    SEED_TRANSACTION,
  );
}
