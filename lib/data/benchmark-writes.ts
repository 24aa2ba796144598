/**
 * Writes of the benchmarks module, each one function running in one transaction (inTransaction) with
 * its history (BenchmarkEvent) written in the same transaction:
 *
 * - saveReferenceValue, saveSeriesFigure, saveCountyEvaluation: create or correct a reviewed record
 *   (draft, or submitted when `submit`); a save names the version it was based on (0 = new) and repeats
 *   it, with "not approved", in its UPDATE's WHERE, so of two saves of one version one wins and the other
 *   is refused as a conflict with the newer record; approved records are locked.
 * - transitionBenchmarkRecord: submit / approve / return / unlock one of those, version and status in
 *   the WHERE like transitionFigure.
 * - saveFigureSourceValue, removeFigureSourceValue: a figure's value in a further source (核对); the
 *   figure is locked FOR UPDATE, refused when approved, and its version is raised, so a reviewer who
 *   acknowledged the sources of an older version is refused (conflict) instead of approving unseen ones.
 * - saveSourceCheckRule: an indicator's 主口径 and tolerance (an admin's definition change: plan row
 *   exclusive, like plan-writes).
 *
 * Every write holds its plan's row FOR SHARE (lockPlanShared) — exclusive for the rule — and refuses
 * in an archived plan. Who may call what is decided by the caller (server actions).
 */
import { Prisma } from '@/lib/generated/prisma/client';
import type { BenchmarkKind } from '@/lib/progress';
import { subjectKey, type BenchmarkSubjectRef } from './types';
import type { Actor } from './figure-writes';
import { bumpPlanDataVersion } from './plan-version';
import { advisoryLock, inTransaction, isUniqueViolation, LOCK, lockObservations, lockPlanExclusive, lockPlanShared, Refused, type Tx } from './transaction';
import type { FigureStatus } from './types';

export type BenchmarkEntity = 'referenceValue' | 'seriesFigure' | 'countyEvaluation';

export interface BenchmarkSnapshot {
  id: number;
  entity: BenchmarkEntity | 'figureSourceValue';
  status: FigureStatus;
  version: number;
  value: string | null;
  updatedByName: string | null;
  updatedAt: string;
}

export type BenchmarkRefusal =
  | { ok: false; reason: 'conflict' | 'locked' | 'wrongStatus'; current: BenchmarkSnapshot }
  | { ok: false; reason: 'notFound' | 'archived' | 'subjectMismatch' };

export type BenchmarkWriteResult = { ok: true; record: BenchmarkSnapshot; unchanged?: true } | BenchmarkRefusal;

interface ReviewedRow {
  id: number;
  status: FigureStatus;
  version: number;
  updatedByName: string | null;
  updatedAt: Date;
  reviewNote: string | null;
  value?: Prisma.Decimal | null;
  provinceRank?: number | null;
}

/** The three reviewed tables share the workflow columns; this is what the generic code needs of them. */
interface ReviewedDelegate {
  findUnique(args: { where: { id: number } }): Promise<(ReviewedRow & { planId?: number; seriesId?: number }) | null>;
  updateMany(args: { where: { id: number; version: number; status: FigureStatus | { not: FigureStatus } }; data: Record<string, unknown> }): Promise<{ count: number }>;
}

function delegate(tx: Tx, entity: BenchmarkEntity): ReviewedDelegate {
  const table = { referenceValue: tx.referenceValue, seriesFigure: tx.seriesFigure, countyEvaluation: tx.countyEvaluation }[entity];
  return table as unknown as ReviewedDelegate;
}

function valueOf(entity: BenchmarkEntity, row: ReviewedRow): string | null {
  if (entity === 'countyEvaluation') return row.provinceRank == null ? null : String(row.provinceRank);
  return row.value == null ? null : row.value.toString();
}

function snapshot(entity: BenchmarkEntity, row: ReviewedRow): BenchmarkSnapshot {
  return { id: row.id, entity, status: row.status, version: row.version, value: valueOf(entity, row), updatedByName: row.updatedByName, updatedAt: row.updatedAt.toISOString() };
}

const refuse = (refusal: BenchmarkRefusal) => new Refused<BenchmarkRefusal>(refusal);

async function run(work: (tx: Tx) => Promise<BenchmarkSnapshot | { unchanged: BenchmarkSnapshot }>, onUnique?: () => Promise<BenchmarkRefusal | null>): Promise<BenchmarkWriteResult> {
  try {
    const result = await inTransaction<BenchmarkSnapshot | { unchanged: BenchmarkSnapshot }, BenchmarkRefusal>(work);
    if (!result.ok) return result.refusal;
    return 'unchanged' in result.value ? { ok: true, record: result.value.unchanged, unchanged: true } : { ok: true, record: result.value };
  } catch (error) {
    // Two first saves of one record at once: the second meets the first one's row.
    if (isUniqueViolation(error) && onUnique) {
      const refusal = await onUnique();
      if (refusal) return refusal;
    }
    throw error;
  }
}

/** Holds the plan FOR SHARE until commit and refuses in an archived or missing plan. */
async function writablePlan(tx: Tx, planId: number): Promise<void> {
  await lockPlanShared(tx, planId);
  // what the plan's pages show may change (figure versions, 对标 values): a new data version for the page cache
  await bumpPlanDataVersion(tx, planId);
  const plan = await tx.plan.findUnique({ where: { id: planId }, select: { status: true } });
  if (!plan) throw refuse({ ok: false, reason: 'notFound' });
  if (plan.status === 'archived') throw refuse({ ok: false, reason: 'archived' });
}

async function recordEvent(
  tx: Tx,
  event: { entity: BenchmarkEntity | 'figureSourceValue'; entityId: number; action: 'create' | 'edit' | 'submit' | 'approve' | 'return' | 'unlock'; oldValue?: string | Prisma.Decimal | null; newValue?: string | Prisma.Decimal | null; oldStatus?: FigureStatus | null; newStatus: FigureStatus; source?: string | null; reason?: string | null },
  actor: Actor,
): Promise<void> {
  await tx.benchmarkEvent.create({
    data: {
      entity: event.entity,
      entityId: event.entityId,
      action: event.action,
      actorId: actor.id,
      actorName: actor.name,
      oldValue: event.oldValue ?? null,
      newValue: event.newValue ?? null,
      oldStatus: event.oldStatus ?? null,
      newStatus: event.newStatus,
      source: event.source ?? null,
      reason: event.reason ?? null,
    },
  });
}

/**
 * The shared save of a reviewed record: `find` returns the existing row (or null), `create` makes a
 * new one, `fields` are the columns a save sets, `same` tells whether a save would change nothing.
 */
async function saveReviewed(
  tx: Tx,
  entity: BenchmarkEntity,
  args: {
    existing: ReviewedRow | null;
    baseVersion: number;
    submit: boolean;
    fields: Record<string, unknown>;
    same: (row: ReviewedRow) => boolean;
    create: (data: Record<string, unknown>) => Promise<ReviewedRow>;
    newValue: string | null;
    source: string | null;
    /** kept on the create/edit event (an import says so) */
    reason?: string;
  },
  actor: Actor,
): Promise<BenchmarkSnapshot | { unchanged: BenchmarkSnapshot }> {
  const status: FigureStatus = args.submit ? 'submitted' : 'draft';
  const data = { ...args.fields, status, updatedById: actor.id, updatedByName: actor.name };
  const { existing } = args;
  if (!existing) {
    if (args.baseVersion !== 0) throw refuse({ ok: false, reason: 'notFound' });
    const created = await args.create(data);
    await recordEvent(tx, { entity, entityId: created.id, action: 'create', newValue: args.newValue, newStatus: status, source: args.source, reason: args.reason }, actor);
    if (args.submit) await recordEvent(tx, { entity, entityId: created.id, action: 'submit', newValue: args.newValue, oldStatus: 'draft', newStatus: status }, actor);
    return snapshot(entity, created);
  }
  if (existing.status === 'approved') throw refuse({ ok: false, reason: 'locked', current: snapshot(entity, existing) });
  if (existing.version !== args.baseVersion) throw refuse({ ok: false, reason: 'conflict', current: snapshot(entity, existing) });
  if (args.same(existing) && existing.status === status) return { unchanged: snapshot(entity, existing) };
  const table = delegate(tx, entity);
  const updated = await table.updateMany({ where: { id: existing.id, version: args.baseVersion, status: { not: 'approved' } }, data: { ...data, version: { increment: 1 } } });
  const row = (await table.findUnique({ where: { id: existing.id } }))!;
  if (updated.count === 0) throw refuse({ ok: false, reason: row.status === 'approved' ? 'locked' : 'conflict', current: snapshot(entity, row) });
  await recordEvent(tx, { entity, entityId: existing.id, action: 'edit', oldValue: valueOf(entity, existing), newValue: args.newValue, oldStatus: existing.status, newStatus: status, source: args.source, reason: args.reason }, actor);
  return snapshot(entity, row);
}

const sameDecimal = (a: Prisma.Decimal | null | undefined, b: string | null) => (a == null ? b === null : b !== null && a.equals(new Prisma.Decimal(b)));

// ---------------------------------------------------------------------------------------------------
// Reference values (对标值)

export interface SaveReferenceValueInput {
  planId: number;
  subject: BenchmarkSubjectRef;
  kind: BenchmarkKind;
  year: number;
  /** canonical decimal text */
  value: string;
  source: string;
  note: string | null;
  baseVersion: number;
  submit: boolean;
}

/** The subject must belong to the plan (an indicator or a supplementary series of it). */
async function checkSubject(tx: Tx, planId: number, subject: BenchmarkSubjectRef): Promise<void> {
  const found =
    subject.type === 'indicator'
      ? await tx.indicator.findFirst({ where: { id: subject.id, planId }, select: { id: true } })
      : await tx.supplementarySeries.findFirst({ where: { id: subject.id, planId }, select: { id: true } });
  if (!found) throw refuse({ ok: false, reason: 'subjectMismatch' });
}

export async function saveReferenceValue(input: SaveReferenceValueInput, actor: Actor): Promise<BenchmarkWriteResult> {
  const key = subjectKey(input.subject);
  const find = (tx: Tx) => tx.referenceValue.findUnique({ where: { subjectKey_kind_year: { subjectKey: key, kind: input.kind, year: input.year } } });
  return run(
    async (tx) => {
      await writablePlan(tx, input.planId);
      await checkSubject(tx, input.planId, input.subject);
      return saveReviewed(
        tx,
        'referenceValue',
        {
          existing: await find(tx),
          baseVersion: input.baseVersion,
          submit: input.submit,
          fields: { value: input.value, source: input.source, note: input.note, isSample: false },
          same: (row) => sameDecimal(row.value, input.value) && (row as unknown as { source: string }).source === input.source && (row as unknown as { note: string | null }).note === input.note,
          create: (data) =>
            tx.referenceValue.create({
              data: {
                ...(data as { value: string; source: string; status: FigureStatus }),
                planId: input.planId,
                indicatorId: input.subject.type === 'indicator' ? input.subject.id : null,
                seriesId: input.subject.type === 'series' ? input.subject.id : null,
                subjectKey: key,
                kind: input.kind,
                year: input.year,
              },
            }),
          newValue: input.value,
          source: input.source,
        },
        actor,
      );
    },
    async () => {
      const { getPrisma } = await import('@/lib/db');
      const row = await getPrisma().referenceValue.findUnique({ where: { subjectKey_kind_year: { subjectKey: key, kind: input.kind, year: input.year } } });
      return row ? { ok: false, reason: 'conflict', current: snapshot('referenceValue', row) } : null;
    },
  );
}

// ---------------------------------------------------------------------------------------------------
// Reference values from an .xlsx (对标值导入)

export interface ImportReferenceInput {
  subject: BenchmarkSubjectRef;
  kind: BenchmarkKind;
  /** canonical decimal text */
  value: string;
  source: string;
  note: string | null;
  /** the version the preview showed (0: none stored then) */
  baseVersion: number;
}

export type ReferenceImportResult =
  | { ok: true; created: number; updated: number }
  | { ok: false; reason: 'stale'; changed: { subject: BenchmarkSubjectRef; kind: BenchmarkKind; current: BenchmarkSnapshot | null }[] }
  | { ok: false; reason: 'locked'; locked: { subject: BenchmarkSubjectRef; kind: BenchmarkKind }[] }
  | { ok: false; reason: 'notFound' | 'archived' | 'subjectMismatch' | 'conflict' };

/**
 * Writes the reference values of an import, all or none, each submitted for review (create/edit and
 * submit events, as the form's 提交审核). Imports of one plan run one after the other (advisory lock);
 * the existing rows are locked FOR UPDATE, then every value must still be at the version the preview
 * showed (else 'stale', nothing written) and none approved (else 'locked'); each UPDATE repeats version
 * and "not approved" in its WHERE as well. Bumps the plan's data version.
 */
export async function importReferenceValues(input: { planId: number; year: number; values: readonly ImportReferenceInput[] }, actor: Actor): Promise<ReferenceImportResult> {
  type Refusal = Exclude<ReferenceImportResult, { ok: true }>;
  try {
    const result = await inTransaction<{ created: number; updated: number }, Refusal>(
      async (tx) => {
        await writablePlan(tx, input.planId);
        await advisoryLock(tx, LOCK.benchmarkImport, String(input.planId));
        for (const subject of uniqueSubjects(input.values)) await checkSubject(tx, input.planId, subject);
        const keys = input.values.map((v) => ({ subjectKey: subjectKey(v.subject), kind: v.kind, year: input.year }));
        const existing = keys.length === 0 ? [] : await tx.referenceValue.findMany({ where: { planId: input.planId, OR: keys }, select: { id: true } });
        if (existing.length > 0) await tx.$queryRaw`SELECT id FROM "ReferenceValue" WHERE id = ANY(${existing.map((e) => e.id)}::int[]) ORDER BY id FOR UPDATE`;
        const rows = keys.length === 0 ? [] : await tx.referenceValue.findMany({ where: { planId: input.planId, OR: keys } });
        const byKey = new Map(rows.map((row) => [`${row.subjectKey}|${row.kind}`, row]));
        const stored = (v: ImportReferenceInput) => byKey.get(`${subjectKey(v.subject)}|${v.kind}`) ?? null;
        const changed = input.values
          .filter((v) => (stored(v)?.version ?? 0) !== v.baseVersion)
          .map((v) => {
            const row = stored(v);
            return { subject: v.subject, kind: v.kind, current: row ? snapshot('referenceValue', row) : null };
          });
        if (changed.length > 0) throw new Refused<Refusal>({ ok: false, reason: 'stale', changed });
        const locked = input.values.filter((v) => stored(v)?.status === 'approved').map((v) => ({ subject: v.subject, kind: v.kind }));
        if (locked.length > 0) throw new Refused<Refusal>({ ok: false, reason: 'locked', locked });
        let created = 0;
        let updated = 0;
        for (const v of input.values) {
          const row = stored(v);
          await saveReviewed(
            tx,
            'referenceValue',
            {
              existing: row,
              baseVersion: v.baseVersion,
              submit: true,
              fields: { value: v.value, source: v.source, note: v.note, isSample: false },
              same: () => false, // the preview left out the values that change nothing
              create: (data) =>
                tx.referenceValue.create({
                  data: {
                    ...(data as { value: string; source: string; status: FigureStatus }),
                    planId: input.planId,
                    indicatorId: v.subject.type === 'indicator' ? v.subject.id : null,
                    seriesId: v.subject.type === 'series' ? v.subject.id : null,
                    subjectKey: subjectKey(v.subject),
                    kind: v.kind,
                    year: input.year,
                  },
                }),
              newValue: v.value,
              source: v.source,
              reason: 'Excel 导入',
            },
            actor,
          );
          if (row) updated += 1;
          else created += 1;
        }
        return { created, updated };
      },
      { timeout: 30_000 },
    );
    return result.ok ? { ok: true, ...result.value } : result.refusal;
  } catch (error) {
    // a value of this import was created by a manual save while the import ran
    if (isUniqueViolation(error)) return { ok: false, reason: 'conflict' };
    throw error;
  }
}

function uniqueSubjects(values: readonly { subject: BenchmarkSubjectRef }[]): BenchmarkSubjectRef[] {
  const seen = new Map<string, BenchmarkSubjectRef>();
  for (const v of values) seen.set(subjectKey(v.subject), v.subject);
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------------
// Supplementary series figures

export interface SaveSeriesFigureInput {
  seriesId: number;
  year: number;
  value: string;
  source: string | null;
  note: string | null;
  baseVersion: number;
  submit: boolean;
}

export async function saveSeriesFigure(input: SaveSeriesFigureInput, actor: Actor): Promise<BenchmarkWriteResult> {
  const where = { seriesId_year: { seriesId: input.seriesId, year: input.year } };
  return run(
    async (tx) => {
      const series = await tx.supplementarySeries.findUnique({ where: { id: input.seriesId }, select: { planId: true } });
      if (!series) throw refuse({ ok: false, reason: 'notFound' });
      await writablePlan(tx, series.planId);
      return saveReviewed(
        tx,
        'seriesFigure',
        {
          existing: await tx.seriesFigure.findUnique({ where }),
          baseVersion: input.baseVersion,
          submit: input.submit,
          fields: { value: input.value, source: input.source, note: input.note, isSample: false },
          same: (row) => sameDecimal(row.value, input.value) && (row as unknown as { source: string | null }).source === input.source && (row as unknown as { note: string | null }).note === input.note,
          create: (data) => tx.seriesFigure.create({ data: { ...(data as { value: string; status: FigureStatus }), seriesId: input.seriesId, year: input.year } }),
          newValue: input.value,
          source: input.source,
        },
        actor,
      );
    },
    async () => {
      const { getPrisma } = await import('@/lib/db');
      const row = await getPrisma().seriesFigure.findUnique({ where });
      return row ? { ok: false, reason: 'conflict', current: snapshot('seriesFigure', row) } : null;
    },
  );
}

// ---------------------------------------------------------------------------------------------------
// County evaluation (全省县域科技创新能力评价)

export interface SaveCountyEvaluationInput {
  planId: number;
  year: number;
  provinceRank: number | null;
  grade: 'A' | 'B' | 'C' | null;
  score: string | null;
  source: string;
  note: string | null;
  baseVersion: number;
  submit: boolean;
}

export async function saveCountyEvaluation(input: SaveCountyEvaluationInput, actor: Actor): Promise<BenchmarkWriteResult> {
  const where = { planId_year: { planId: input.planId, year: input.year } };
  return run(
    async (tx) => {
      await writablePlan(tx, input.planId);
      return saveReviewed(
        tx,
        'countyEvaluation',
        {
          existing: await tx.countyEvaluation.findUnique({ where }),
          baseVersion: input.baseVersion,
          submit: input.submit,
          fields: { provinceRank: input.provinceRank, grade: input.grade, score: input.score, source: input.source, note: input.note },
          same: (row) => {
            const r = row as unknown as { provinceRank: number | null; grade: string | null; score: Prisma.Decimal | null; source: string; note: string | null };
            return r.provinceRank === input.provinceRank && r.grade === input.grade && sameDecimal(r.score, input.score) && r.source === input.source && r.note === input.note;
          },
          create: (data) => tx.countyEvaluation.create({ data: { ...(data as { source: string; status: FigureStatus }), planId: input.planId, year: input.year } }),
          newValue: input.provinceRank === null ? null : String(input.provinceRank),
          source: input.source,
        },
        actor,
      );
    },
    async () => {
      const { getPrisma } = await import('@/lib/db');
      const row = await getPrisma().countyEvaluation.findUnique({ where });
      return row ? { ok: false, reason: 'conflict', current: snapshot('countyEvaluation', row) } : null;
    },
  );
}

// ---------------------------------------------------------------------------------------------------
// Review workflow

const TRANSITIONS = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
  unlock: { from: ['approved'], to: 'draft' },
} as const satisfies Record<string, { from: readonly FigureStatus[]; to: FigureStatus }>;

export type BenchmarkTransition = keyof typeof TRANSITIONS;

async function planOf(tx: Tx, entity: BenchmarkEntity, id: number): Promise<number | null> {
  if (entity === 'seriesFigure') {
    const row = await tx.seriesFigure.findUnique({ where: { id }, select: { series: { select: { planId: true } } } });
    return row?.series.planId ?? null;
  }
  const row = entity === 'referenceValue' ? await tx.referenceValue.findUnique({ where: { id }, select: { planId: true } }) : await tx.countyEvaluation.findUnique({ where: { id }, select: { planId: true } });
  return row?.planId ?? null;
}

/** Moves a reference value, series figure or county evaluation through the review workflow. */
export async function transitionBenchmarkRecord(
  input: { entity: BenchmarkEntity; id: number; version: number; action: BenchmarkTransition; reason?: string | null },
  actor: Actor,
): Promise<BenchmarkWriteResult> {
  const transition = TRANSITIONS[input.action];
  return run(async (tx) => {
    const planId = await planOf(tx, input.entity, input.id);
    if (planId === null) throw refuse({ ok: false, reason: 'notFound' });
    await writablePlan(tx, planId);
    const table = delegate(tx, input.entity);
    const existing = (await table.findUnique({ where: { id: input.id } }))!;
    if (existing.version !== input.version) throw refuse({ ok: false, reason: 'conflict', current: snapshot(input.entity, existing) });
    if (!(transition.from as readonly FigureStatus[]).includes(existing.status)) {
      throw refuse({ ok: false, reason: existing.status === 'approved' ? 'locked' : 'wrongStatus', current: snapshot(input.entity, existing) });
    }
    const reviewNote = input.action === 'return' || input.action === 'unlock' ? (input.reason ?? null) : input.action === 'approve' ? null : existing.reviewNote;
    const updated = await table.updateMany({
      where: { id: existing.id, version: input.version, status: existing.status },
      data: { status: transition.to, version: { increment: 1 }, reviewNote, ...(input.action === 'submit' ? { updatedById: actor.id, updatedByName: actor.name } : {}) },
    });
    const row = (await table.findUnique({ where: { id: existing.id } }))!;
    if (updated.count === 0) throw refuse({ ok: false, reason: 'conflict', current: snapshot(input.entity, row) });
    const value = valueOf(input.entity, existing);
    await recordEvent(tx, { entity: input.entity, entityId: existing.id, action: input.action, oldValue: value, newValue: value, oldStatus: existing.status, newStatus: transition.to, reason: input.reason ?? null }, actor);
    return snapshot(input.entity, row);
  });
}

// ---------------------------------------------------------------------------------------------------
// Cross-source checks (核对)

export type SourceValueResult =
  | { ok: true; figureVersion: number }
  | { ok: false; reason: 'notFound' | 'archived' | 'locked' | 'conflict'; figureVersion?: number };

/**
 * Adds or corrects a figure's value in a further source (by source name). The figure is locked FOR
 * UPDATE, must not be approved and must still be at `figureVersion` (what the form showed); its version
 * is raised, so an approval decided on the sources before this change is refused as a conflict.
 */
export async function saveFigureSourceValue(
  input: { observationId: number; figureVersion: number; sourceName: string; value: string; source: string | null; note: string | null },
  actor: Actor,
): Promise<SourceValueResult> {
  return sourceValueWrite(input.observationId, input.figureVersion, async (tx) => {
    const existing = await tx.figureSourceValue.findUnique({ where: { observationId_sourceName: { observationId: input.observationId, sourceName: input.sourceName } } });
    const fields = { value: input.value, source: input.source, note: input.note, updatedById: actor.id, updatedByName: actor.name };
    const row = existing
      ? await tx.figureSourceValue.update({ where: { id: existing.id }, data: fields })
      : await tx.figureSourceValue.create({ data: { ...fields, observationId: input.observationId, sourceName: input.sourceName } });
    await recordEvent(
      tx,
      { entity: 'figureSourceValue', entityId: row.id, action: existing ? 'edit' : 'create', oldValue: existing?.value ?? null, newValue: input.value, newStatus: 'draft', source: input.sourceName, reason: input.source },
      actor,
    );
  });
}

/** Removes a figure's value in a further source; same locking as saveFigureSourceValue. */
export async function removeFigureSourceValue(input: { observationId: number; figureVersion: number; sourceName: string }, actor: Actor): Promise<SourceValueResult> {
  return sourceValueWrite(input.observationId, input.figureVersion, async (tx) => {
    const existing = await tx.figureSourceValue.findUnique({ where: { observationId_sourceName: { observationId: input.observationId, sourceName: input.sourceName } } });
    if (!existing) throw new Refused<SourceValueResult>({ ok: false, reason: 'notFound' });
    await tx.figureSourceValue.delete({ where: { id: existing.id } });
    await recordEvent(tx, { entity: 'figureSourceValue', entityId: existing.id, action: 'edit', oldValue: existing.value, newValue: null, newStatus: 'draft', source: input.sourceName, reason: '删除' }, actor);
  });
}

async function sourceValueWrite(observationId: number, figureVersion: number, work: (tx: Tx) => Promise<void>): Promise<SourceValueResult> {
  try {
    const result = await inTransaction<number, SourceValueResult>(async (tx) => {
      const figure = await tx.observation.findUnique({ where: { id: observationId }, select: { indicator: { select: { planId: true } } } });
      if (!figure) throw new Refused<SourceValueResult>({ ok: false, reason: 'notFound' });
      await lockPlanShared(tx, figure.indicator.planId);
      await bumpPlanDataVersion(tx, figure.indicator.planId);
      const plan = await tx.plan.findUnique({ where: { id: figure.indicator.planId }, select: { status: true } });
      if (plan?.status === 'archived') throw new Refused<SourceValueResult>({ ok: false, reason: 'archived' });
      await lockObservations(tx, [observationId]);
      const current = (await tx.observation.findUnique({ where: { id: observationId }, select: { status: true, version: true } }))!;
      if (current.status === 'approved') throw new Refused<SourceValueResult>({ ok: false, reason: 'locked', figureVersion: current.version });
      if (current.version !== figureVersion) throw new Refused<SourceValueResult>({ ok: false, reason: 'conflict', figureVersion: current.version });
      await work(tx);
      const bumped = await tx.observation.update({ where: { id: observationId }, data: { version: { increment: 1 } }, select: { version: true } });
      return bumped.version;
    });
    return result.ok ? { ok: true, figureVersion: result.value } : result.refusal;
  } catch (error) {
    // two first values of one source at once (the figure lock makes this rare): a conflict
    if (isUniqueViolation(error)) return { ok: false, reason: 'conflict' };
    throw error;
  }
}

export type RuleResult = { ok: true; unchanged?: true } | { ok: false; reason: 'notFound' | 'archived' };

/** A rule as DefinitionEvent keeps it (before / after of a setSourceRule event); the tolerance as exact decimal text. */
export interface SourceRuleState {
  primarySource: string;
  toleranceMode: 'absolute' | 'relative';
  tolerance: string;
}

/**
 * Sets an indicator's 主口径 and tolerance (definitions: the plan row is held exclusively). A change is
 * kept in DefinitionEvent (setSourceRule: who, when, before → after — before null when no rule was set,
 * i.e. sources had to agree exactly — and the reason when given); a save that changes nothing writes
 * nothing and records nothing.
 */
export async function saveSourceCheckRule(
  input: { indicatorId: number; primarySource: string; toleranceMode: 'absolute' | 'relative'; tolerance: string; reason?: string | null },
  actor: Actor,
): Promise<RuleResult> {
  const result = await inTransaction<null, RuleResult>(async (tx) => {
    const indicator = await tx.indicator.findUnique({ where: { id: input.indicatorId }, select: { planId: true } });
    if (!indicator) throw new Refused<RuleResult>({ ok: false, reason: 'notFound' });
    await lockPlanExclusive(tx, indicator.planId);
    await bumpPlanDataVersion(tx, indicator.planId);
    const plan = await tx.plan.findUnique({ where: { id: indicator.planId }, select: { status: true } });
    if (plan?.status === 'archived') throw new Refused<RuleResult>({ ok: false, reason: 'archived' });
    const existing = await tx.sourceCheckRule.findUnique({ where: { indicatorId: input.indicatorId } });
    const before: SourceRuleState | null = existing && { primarySource: existing.primarySource, toleranceMode: existing.toleranceMode, tolerance: existing.tolerance.toString() };
    const after: SourceRuleState = { primarySource: input.primarySource, toleranceMode: input.toleranceMode, tolerance: new Prisma.Decimal(input.tolerance).toString() };
    if (existing && before!.primarySource === after.primarySource && before!.toleranceMode === after.toleranceMode && existing.tolerance.equals(new Prisma.Decimal(input.tolerance))) {
      // nothing to change: roll back (the data-version bump too) and say so
      throw new Refused<RuleResult>({ ok: true, unchanged: true });
    }
    const fields = { primarySource: input.primarySource, toleranceMode: input.toleranceMode, tolerance: input.tolerance, updatedById: actor.id, updatedByName: actor.name };
    await tx.sourceCheckRule.upsert({ where: { indicatorId: input.indicatorId }, create: { ...fields, indicatorId: input.indicatorId }, update: fields });
    await tx.definitionEvent.create({
      data: {
        planId: indicator.planId,
        indicatorId: input.indicatorId,
        action: 'setSourceRule',
        actorId: actor.id,
        actorName: actor.name,
        reason: input.reason ?? null,
        before: before === null ? Prisma.DbNull : { ...before },
        after: { ...after },
      },
    });
    return null;
  });
  return result.ok ? { ok: true } : result.refusal;
}
