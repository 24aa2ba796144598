/**
 * Changes to plans and their indicator definitions, each recorded with who, when and why in
 * DefinitionEvent in the same transaction. An archived plan's definitions cannot change; an indicator
 * with figures cannot be removed (archive it instead); editing the definition of an indicator whose
 * figures are approved needs a reason, because it changes how approved figures are judged.
 */
import { Prisma } from '@/lib/generated/prisma/client';
import type { IndicatorFields, PlanFields } from '@/lib/schemas/plan';
import type { Actor } from './figure-writes';
import { bumpPlanDataVersion } from './plan-version';
import { advisoryLock, inTransaction, isUniqueViolation, LOCK, lockPlanExclusive, Refused, type Tx } from './transaction';

export type PlanWriteRefusal =
  | 'notFound'
  | 'slugTaken'
  | 'archived'
  | 'isCurrent'
  | 'hasFigures'
  | 'reasonRequired'
  | 'sequenceTaken'
  | 'yearsHaveFigures';

export type PlanWriteResult<T = null> = { ok: true; value: T } | { ok: false; reason: PlanWriteRefusal };

async function write<T>(work: (tx: Tx) => Promise<T>): Promise<PlanWriteResult<T>> {
  try {
    const result = await inTransaction<T, PlanWriteRefusal>(work, { timeout: 30_000 });
    return result.ok ? { ok: true, value: result.value } : { ok: false, reason: result.refusal };
  } catch (error) {
    if (isUniqueViolation(error)) {
      const target = JSON.stringify(error.meta ?? {});
      return { ok: false, reason: target.includes('slug') ? 'slugTaken' : 'sequenceTaken' };
    }
    throw error;
  }
}

const refuse = (reason: PlanWriteRefusal) => new Refused<PlanWriteRefusal>(reason);

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

async function record(
  tx: Tx,
  event: { planId: number; indicatorId?: number; action: Prisma.DefinitionEventCreateManyInput['action']; reason?: string | null; before?: unknown; after?: unknown },
  actor: Actor,
) {
  // Every plan and definition change records an event, so this is where each of them bumps the data version.
  await bumpPlanDataVersion(tx, event.planId);
  await tx.definitionEvent.create({
    data: {
      planId: event.planId,
      indicatorId: event.indicatorId ?? null,
      action: event.action,
      actorId: actor.id,
      actorName: actor.name,
      reason: event.reason ?? null,
      before: event.before === undefined ? Prisma.DbNull : json(event.before),
      after: event.after === undefined ? Prisma.DbNull : json(event.after),
    },
  });
}

/** The plan, locked FOR UPDATE until the transaction ends: its changes run one at a time, and never
 * during a figure write of the same plan (those hold it FOR SHARE). Read after the lock, so it is current. */
async function lockedPlan(tx: Tx, slug: string) {
  const found = await tx.plan.findUnique({ where: { slug }, select: { id: true } });
  if (!found) throw refuse('notFound');
  await lockPlanExclusive(tx, found.id);
  const plan = await tx.plan.findUnique({ where: { id: found.id } });
  if (!plan) throw refuse('notFound');
  return plan;
}

async function editablePlan(tx: Tx, slug: string) {
  const plan = await lockedPlan(tx, slug);
  if (plan.status === 'archived') throw refuse('archived');
  return plan;
}

/** A new plan with its categories and, when imported from a 表1-layout table, its indicators. */
export async function createPlan(
  slug: string,
  fields: PlanFields,
  definitions: { categories: readonly string[]; indicators?: readonly IndicatorFields[] },
  actor: Actor,
): Promise<PlanWriteResult<{ slug: string }>> {
  return write(async (tx) => {
    const plan = await tx.plan.create({ data: { ...fields, slug, isCurrent: false } });
    await tx.category.createMany({ data: definitions.categories.map((name, index) => ({ planId: plan.id, name, position: index + 1 })) });
    const categoryIds = new Map((await tx.category.findMany({ where: { planId: plan.id } })).map((c) => [c.name, c.id]));
    const indicators = definitions.indicators ?? [];
    for (const { category, categoryEn: _categoryEn, ...indicator } of indicators) {
      const id = categoryIds.get(category) ?? (await categoryId(tx, plan.id, category));
      await tx.indicator.create({ data: { ...indicator, planId: plan.id, categoryId: id } });
    }
    await record(tx, { planId: plan.id, action: 'createPlan', after: { ...fields, slug, categories: definitions.categories, indicators: indicators.length } }, actor);
    return { slug };
  });
}

/** A new plan with a copy of another plan's categories and indicator definitions (no figures). */
export async function copyPlan(sourceSlug: string, slug: string, fields: PlanFields, actor: Actor): Promise<PlanWriteResult<{ slug: string }>> {
  return write(async (tx) => {
    const source = await tx.plan.findUnique({ where: { slug: sourceSlug }, include: { categories: true, indicators: { where: { status: 'active' } } } });
    if (!source) throw refuse('notFound');
    const plan = await tx.plan.create({ data: { ...fields, slug, isCurrent: false } });
    const categoryIds = new Map<number, number>();
    for (const category of source.categories) {
      const copy = await tx.category.create({ data: { planId: plan.id, name: category.name, nameEn: category.nameEn, position: category.position } });
      categoryIds.set(category.id, copy.id);
    }
    await tx.indicator.createMany({
      data: source.indicators.map(({ id: _id, planId: _planId, categoryId, createdAt: _c, updatedAt: _u, ...indicator }) => ({
        ...indicator,
        planId: plan.id,
        categoryId: categoryIds.get(categoryId)!,
      })),
    });
    await record(tx, { planId: plan.id, action: 'createPlan', after: { ...fields, slug, copiedFrom: sourceSlug } }, actor);
    return { slug };
  });
}

export async function updatePlan(slug: string, fields: PlanFields, actor: Actor): Promise<PlanWriteResult> {
  return write(async (tx) => {
    const plan = await editablePlan(tx, slug);
    const outside = await tx.figure.count({
      where: { indicator: { planId: plan.id }, OR: [{ year: { lt: fields.firstYear } }, { year: { gt: fields.lastYear } }] },
    });
    if (outside > 0) throw refuse('yearsHaveFigures');
    const { id: _id, createdAt: _c, updatedAt: _u, ...before } = plan;
    await tx.plan.update({ where: { id: plan.id }, data: fields });
    await record(tx, { planId: plan.id, action: 'updatePlan', before, after: fields }, actor);
    return null;
  });
}

/** Archived plans stay readable and exportable; nothing in them can change. The current plan cannot be archived. */
export async function archivePlan(slug: string, actor: Actor): Promise<PlanWriteResult> {
  return write(async (tx) => {
    const plan = await editablePlan(tx, slug);
    if (plan.isCurrent) throw refuse('isCurrent');
    await tx.plan.update({ where: { id: plan.id }, data: { status: 'archived' } });
    await record(tx, { planId: plan.id, action: 'archivePlan' }, actor);
    return null;
  });
}

/** The plan that opens by default; an archived plan cannot be chosen. */
export async function setCurrentPlan(slug: string, actor: Actor): Promise<PlanWriteResult> {
  return write(async (tx) => {
    // one change of the current plan at a time, or two at once could leave two plans current
    await advisoryLock(tx, LOCK.currentPlan, 'current');
    // an archived plan cannot become the current one (nor be archived while it becomes current)
    const plan = await editablePlan(tx, slug);
    await tx.plan.updateMany({ where: { isCurrent: true }, data: { isCurrent: false } });
    await tx.plan.update({ where: { id: plan.id }, data: { isCurrent: true } });
    await record(tx, { planId: plan.id, action: 'setCurrent' }, actor);
    return null;
  });
}

async function categoryId(tx: Tx, planId: number, name: string): Promise<number> {
  const existing = await tx.category.findUnique({ where: { planId_name: { planId, name } } });
  if (existing) return existing.id;
  const last = await tx.category.findFirst({ where: { planId }, orderBy: { position: 'desc' } });
  return (await tx.category.create({ data: { planId, name, position: (last?.position ?? 0) + 1 } })).id;
}

/** The fields that decide how figures are judged; changing them on approved figures needs a reason. */
const JUDGING_FIELDS = ['kind', 'baseline', 'target', 'annualRate', 'cumulativeIncrease', 'direction', 'unit'] as const;

/** Creates (id null) or updates an indicator definition. */
export async function saveIndicator(
  planSlug: string,
  id: number | null,
  fields: IndicatorFields,
  actor: Actor,
  reason: string | null,
): Promise<PlanWriteResult<{ id: number }>> {
  return write(async (tx) => {
    const plan = await editablePlan(tx, planSlug);
    const { category, categoryEn, nameEn, unitEn, ...rest } = fields;
    // the English names only change when the form sent them (undefined: not on the form, kept as stored)
    const english = { ...(nameEn === undefined ? {} : { nameEn }), ...(unitEn === undefined ? {} : { unitEn }) };
    const data = { ...rest, ...english, categoryId: await categoryId(tx, plan.id, category) };
    // the category's English name (it belongs to the whole category), set after the history's "before" is read
    const setCategoryEn = async () => {
      if (categoryEn !== undefined) await tx.category.update({ where: { id: data.categoryId }, data: { nameEn: categoryEn } });
    };
    if (id === null) {
      await setCategoryEn();
      const created = await tx.indicator.create({ data: { ...data, planId: plan.id } });
      await record(tx, { planId: plan.id, indicatorId: created.id, action: 'createIndicator', after: fields }, actor);
      return { id: created.id };
    }
    const existing = await tx.indicator.findFirst({ where: { id, planId: plan.id }, include: { category: true } });
    if (!existing) throw refuse('notFound');
    const before = {
      ...Object.fromEntries(JUDGING_FIELDS.map((f) => [f, existing[f] === null ? null : String(existing[f])])),
      sequence: existing.sequence,
      category: existing.category.name,
      categoryEn: existing.category.nameEn,
      name: existing.name,
      nameEn: existing.nameEn,
      unitEn: existing.unitEn,
      attribute: existing.attribute,
      decimals: existing.decimals,
      responsibleUnit: existing.responsibleUnit,
      cooperatingUnits: existing.cooperatingUnits,
      contact: existing.contact,
      definition: existing.definition,
    };
    const judgingChanged = JUDGING_FIELDS.some((f) => {
      const old = existing[f];
      const next = fields[f];
      if (old === null || next === null) return old !== next;
      return typeof old === 'object' ? !(old as Prisma.Decimal).equals(next) : old !== next;
    });
    if (judgingChanged && !reason) {
      const approved = await tx.figure.count({ where: { indicatorId: id, status: 'approved' } });
      if (approved > 0) throw refuse('reasonRequired');
    }
    await setCategoryEn();
    await tx.indicator.update({ where: { id }, data });
    await record(tx, { planId: plan.id, indicatorId: id, action: 'updateIndicator', reason, before, after: fields }, actor);
    return { id };
  });
}

/** Removing is for mistakes: an indicator that has figures is refused (archive it instead). */
export async function removeIndicator(planSlug: string, id: number, actor: Actor): Promise<PlanWriteResult> {
  return write(async (tx) => {
    const plan = await editablePlan(tx, planSlug);
    const indicator = await tx.indicator.findFirst({ where: { id, planId: plan.id } });
    if (!indicator) throw refuse('notFound');
    if ((await tx.figure.count({ where: { indicatorId: id } })) > 0) throw refuse('hasFigures');
    await tx.indicator.delete({ where: { id } });
    await record(tx, { planId: plan.id, indicatorId: id, action: 'removeIndicator', before: { sequence: indicator.sequence, name: indicator.name } }, actor);
    return null;
  });
}

export async function archiveIndicator(planSlug: string, id: number, actor: Actor, reason: string | null): Promise<PlanWriteResult> {
  return write(async (tx) => {
    const plan = await editablePlan(tx, planSlug);
    const indicator = await tx.indicator.findFirst({ where: { id, planId: plan.id } });
    if (!indicator) throw refuse('notFound');
    await tx.indicator.update({ where: { id }, data: { status: 'archived' } });
    await record(tx, { planId: plan.id, indicatorId: id, action: 'archiveIndicator', reason }, actor);
    return null;
  });
}

/** Renumbers the plan's active indicators 1…n in the given order. */
export async function reorderIndicators(planSlug: string, orderedIds: readonly number[], actor: Actor): Promise<PlanWriteResult> {
  return write(async (tx) => {
    const plan = await editablePlan(tx, planSlug);
    const indicators = await tx.indicator.findMany({ where: { planId: plan.id, status: 'active' }, select: { id: true, sequence: true } });
    const ids = new Set(indicators.map((i) => i.id));
    if (orderedIds.length !== ids.size || !orderedIds.every((id) => ids.has(id))) throw refuse('notFound');
    // Two steps, so the (plan, sequence) uniqueness holds after every statement.
    await tx.indicator.updateMany({ where: { planId: plan.id }, data: { sequence: { increment: 10_000 } } });
    for (const [index, id] of orderedIds.entries()) await tx.indicator.update({ where: { id }, data: { sequence: index + 1 } });
    const archived = await tx.indicator.findMany({ where: { planId: plan.id, status: 'archived' }, orderBy: { sequence: 'asc' } });
    for (const [index, indicator] of archived.entries()) await tx.indicator.update({ where: { id: indicator.id }, data: { sequence: orderedIds.length + index + 1 } });
    await record(tx, { planId: plan.id, action: 'reorderIndicators', before: indicators.sort((a, b) => a.sequence - b.sequence).map((i) => i.id), after: orderedIds }, actor);
    return null;
  });
}

export async function setDueDates(planSlug: string, entries: readonly { year: number; dueDate: string }[], actor: Actor): Promise<PlanWriteResult> {
  return write(async (tx) => {
    const plan = await editablePlan(tx, planSlug);
    for (const { year, dueDate } of entries) {
      if (year < plan.firstYear || year > plan.lastYear) throw refuse('notFound');
      await tx.planYear.upsert({
        where: { planId_year: { planId: plan.id, year } },
        create: { planId: plan.id, year, dueDate: new Date(`${dueDate}T00:00:00Z`) },
        update: { dueDate: new Date(`${dueDate}T00:00:00Z`) },
      });
    }
    await record(tx, { planId: plan.id, action: 'setDueDates', after: entries }, actor);
    return null;
  });
}
