/**
 * A plan's sign-off block (落款) for its reports: read, and set by an admin. Stored per plan in
 * PlanSignOff; a plan without a row has the empty block (blank lines). Writes hold the plan's row
 * exclusively, like every plan setting, and are refused for an archived plan.
 */
import { getPrisma } from '@/lib/db';
import type { SignOff } from '@/lib/schemas/sign-off';
import { EMPTY_SIGN_OFF } from '@/lib/schemas/sign-off';
import { inTransaction, lockPlanExclusive, Refused } from './transaction';

export async function getPlanSignOff(planId: number): Promise<SignOff> {
  const row = await getPrisma().planSignOff.findUnique({ where: { planId } });
  if (!row) return EMPTY_SIGN_OFF;
  return { unit: row.unit, head: row.head, reviewer: row.reviewer, preparer: row.preparer, phone: row.phone, date: row.date };
}

export type SignOffWriteResult = { ok: true } | { ok: false; reason: 'notFound' | 'archived' };

export async function setPlanSignOff(planSlug: string, signOff: SignOff): Promise<SignOffWriteResult> {
  const result = await inTransaction<null, Extract<SignOffWriteResult, { ok: false }>>(async (tx) => {
    const plan = await tx.plan.findUnique({ where: { slug: planSlug }, select: { id: true } });
    if (!plan) throw new Refused({ ok: false, reason: 'notFound' });
    await lockPlanExclusive(tx, plan.id);
    const status = (await tx.plan.findUnique({ where: { id: plan.id }, select: { status: true } }))!.status;
    if (status === 'archived') throw new Refused({ ok: false, reason: 'archived' });
    await tx.planSignOff.upsert({ where: { planId: plan.id }, create: { planId: plan.id, ...signOff }, update: signOff });
    return null;
  });
  return result.ok ? { ok: true } : result.refusal;
}
