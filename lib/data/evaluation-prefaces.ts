/**
 * The preface (前言 / 评估说明) of a plan year's evaluation report, kept with the plan. A save names the
 * version it was based on; the version is repeated in the UPDATE's WHERE (or, for the first save, the
 * unique (planId, year) key decides), so of two editors saving at once one is refused with the other's text.
 * Writes hold the plan's row shared, like figure writes: never during an archive or a change of years.
 */
import { getPrisma } from '@/lib/db';
import type { Actor } from './figure-writes';
import { inTransaction, isUniqueViolation, lockPlanShared, Refused } from './transaction';

export interface EvaluationPreface {
  planId: number;
  year: number;
  text: string;
  version: number;
  updatedByName: string | null;
  /** ISO 8601 */
  updatedAt: string;
}

export type PrefaceRefusal = 'notFound' | 'archived' | 'yearOutsidePlan' | 'conflict';
export type PrefaceWriteResult = { ok: true; value: EvaluationPreface } | { ok: false; reason: PrefaceRefusal; current: EvaluationPreface | null };

const toPreface = (row: { planId: number; year: number; text: string; version: number; updatedByName: string | null; updatedAt: Date }): EvaluationPreface => ({
  planId: row.planId,
  year: row.year,
  text: row.text,
  version: row.version,
  updatedByName: row.updatedByName,
  updatedAt: row.updatedAt.toISOString(),
});

export async function getEvaluationPreface(planId: number, year: number): Promise<EvaluationPreface | null> {
  const row = await getPrisma().evaluationPreface.findUnique({ where: { planId_year: { planId, year } } });
  return row ? toPreface(row) : null;
}

/**
 * Saves the preface of (plan, year) if it is still at `baseVersion` (0: none saved yet). Refused as a
 * conflict, with the current preface, when someone saved in between.
 */
export async function saveEvaluationPreface(planSlug: string, year: number, text: string, baseVersion: number, actor: Actor): Promise<PrefaceWriteResult> {
  try {
    const result = await inTransaction<EvaluationPreface, PrefaceRefusal>(async (tx) => {
      const found = await tx.plan.findUnique({ where: { slug: planSlug }, select: { id: true } });
      if (!found) throw new Refused<PrefaceRefusal>('notFound');
      await lockPlanShared(tx, found.id);
      const plan = await tx.plan.findUnique({ where: { id: found.id } });
      if (!plan) throw new Refused<PrefaceRefusal>('notFound');
      if (plan.status === 'archived') throw new Refused<PrefaceRefusal>('archived');
      if (year < plan.firstYear || year > plan.lastYear) throw new Refused<PrefaceRefusal>('yearOutsidePlan');
      if (baseVersion === 0) {
        return toPreface(await tx.evaluationPreface.create({ data: { planId: plan.id, year, text, updatedByName: actor.name } }));
      }
      const updated = await tx.evaluationPreface.updateMany({
        where: { planId: plan.id, year, version: baseVersion },
        data: { text, version: { increment: 1 }, updatedByName: actor.name },
      });
      if (updated.count === 0) throw new Refused<PrefaceRefusal>('conflict');
      return toPreface(await tx.evaluationPreface.findUniqueOrThrow({ where: { planId_year: { planId: plan.id, year } } }));
    });
    if (result.ok) return { ok: true, value: result.value };
    return { ok: false, reason: result.refusal, current: await currentOf(planSlug, year) };
  } catch (error) {
    // Two first saves at once: the unique key lets one in.
    if (isUniqueViolation(error)) return { ok: false, reason: 'conflict', current: await currentOf(planSlug, year) };
    throw error;
  }
}

async function currentOf(planSlug: string, year: number): Promise<EvaluationPreface | null> {
  const plan = await getPrisma().plan.findUnique({ where: { slug: planSlug }, select: { id: true } });
  return plan ? getEvaluationPreface(plan.id, year) : null;
}
