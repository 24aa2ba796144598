/**
 * Every change to a yearly figure, with its history record in the same transaction: a figure and its
 * history are written together or not at all. Saves name the version they were based on; a save based
 * on a stale version is refused and told the newer value and who saved it (no lost updates). Approved
 * figures are locked until an admin unlocks them. Who may call what is decided by the caller (server
 * actions check the session and role first); this module guards the figure's own state.
 */
import { getPrisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { decimalToNumber } from './decimal';
import { bumpPlanDataVersion } from './plan-version';
import { inTransaction as runTransaction, isUniqueViolation, lockObservations, Refused, type Tx } from './transaction';
import { acknowledgedMismatchReason, sourceCheckInTransaction } from './source-checks';
import type { FigureQuality, FigureStatus, ImportedFigure } from './types';

export interface Actor {
  id: string;
  name: string;
}

export interface FigureSnapshot {
  id: number;
  indicatorId: number;
  year: number;
  value: number;
  status: FigureStatus;
  version: number;
  updatedByName: string | null;
  updatedAt: string;
}

export type WriteRefusal =
  | { ok: false; reason: 'conflict'; current: FigureSnapshot }
  | { ok: false; reason: 'locked'; current: FigureSnapshot }
  | { ok: false; reason: 'wrongStatus'; current: FigureSnapshot }
  /** approve: a further source differs beyond the tolerance (核对) and the reviewer did not acknowledge it */
  | { ok: false; reason: 'sourceMismatch'; current: FigureSnapshot }
  | { ok: false; reason: 'notFound' }
  | { ok: false; reason: 'archived' }
  | { ok: false; reason: 'outsidePlan' };

/** `unchanged`: a save that changed nothing (value, source, 初步/正式, note, status): nothing was written or recorded. */
export type WriteResult = { ok: true; figure: FigureSnapshot; unchanged?: true } | WriteRefusal;

export interface SaveFigureInput {
  indicatorId: number;
  year: number;
  /** canonical decimal text from lib/schemas/figure-value */
  value: string;
  source: string | null;
  quality: FigureQuality | null;
  note: string | null;
  /** the version the form was loaded with; 0 when there was no figure yet */
  baseVersion: number;
  /** save and submit for review in one step */
  submit: boolean;
}

type FigureRow = NonNullable<Awaited<ReturnType<Tx['figure']['findUnique']>>>;

function snapshot(row: FigureRow): FigureSnapshot {
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    year: row.year,
    value: decimalToNumber(row.value)!,
    status: row.status,
    version: row.version,
    updatedByName: row.updatedByName,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Returned from a transaction that found nothing to write. */
class Unchanged {
  constructor(readonly figure: FigureSnapshot) {}
}

/** A save that would change nothing: same value, source, 初步/正式, note and status. */
function changesNothing(existing: FigureRow, input: SaveFigureInput, status: FigureStatus): boolean {
  return (
    existing.value.equals(new Prisma.Decimal(input.value)) &&
    existing.source === input.source &&
    existing.quality === input.quality &&
    existing.note === input.note &&
    existing.status === status
  );
}

async function inTransaction(work: (tx: Tx) => Promise<FigureSnapshot | Unchanged>): Promise<WriteResult> {
  const result = await runTransaction<FigureSnapshot | Unchanged, WriteRefusal>(work);
  if (!result.ok) return result.refusal;
  return result.value instanceof Unchanged ? { ok: true, figure: result.value.figure, unchanged: true } : { ok: true, figure: result.value };
}

/**
 * Bumps the indicator's plan's data version, which holds the plan's row for the rest of the transaction
 * (so the plan cannot be archived or its years changed under this write, and cached pages of the plan
 * are recomputed once this commits), then checks that the plan takes figures for `year`.
 */
async function writablePlanYear(tx: Tx, indicatorId: number, year: number | null): Promise<void> {
  const indicator = await tx.indicator.findUnique({ where: { id: indicatorId }, select: { planId: true } });
  if (!indicator) throw new Refused<WriteRefusal>({ ok: false, reason: 'notFound' });
  const plan = (await bumpPlanDataVersion(tx, indicator.planId))!;
  if (plan.status === 'archived') throw new Refused<WriteRefusal>({ ok: false, reason: 'archived' });
  if (year !== null && (year < plan.firstYear || year > plan.lastYear)) throw new Refused<WriteRefusal>({ ok: false, reason: 'outsidePlan' });
}

async function currentFigure(indicatorId: number, year: number): Promise<FigureSnapshot | null> {
  const row = await getPrisma().figure.findUnique({ where: { indicatorId_year: { indicatorId, year } } });
  return row ? snapshot(row) : null;
}

/** Create or correct a figure as a draft (or submitted, when `submit`). */
export async function saveFigure(input: SaveFigureInput, actor: Actor): Promise<WriteResult> {
  const status: FigureStatus = input.submit ? 'submitted' : 'draft';
  const fields = { value: input.value, source: input.source, quality: input.quality, note: input.note, status, updatedById: actor.id, updatedByName: actor.name };
  try {
    return await inTransaction(async (tx) => {
      await writablePlanYear(tx, input.indicatorId, input.year);
      const existing = await tx.figure.findUnique({ where: { indicatorId_year: { indicatorId: input.indicatorId, year: input.year } } });
      if (!existing) {
        if (input.baseVersion !== 0) throw new Refused({ ok: false, reason: 'notFound' });
        const created = await tx.figure.create({ data: { ...fields, indicatorId: input.indicatorId, year: input.year, reviewNote: null } });
        await tx.figureEvent.create({
          data: { observationId: created.id, action: 'create', actorId: actor.id, actorName: actor.name, newValue: input.value, newStatus: status, newQuality: input.quality, source: input.source },
        });
        if (input.submit) await tx.figureEvent.create({ data: { observationId: created.id, action: 'submit', actorId: actor.id, actorName: actor.name, oldStatus: 'draft', newStatus: status, newValue: input.value } });
        return snapshot(created);
      }
      if (existing.status === 'approved') throw new Refused({ ok: false, reason: 'locked', current: snapshot(existing) });
      if (existing.version !== input.baseVersion) throw new Refused({ ok: false, reason: 'conflict', current: snapshot(existing) });
      // A save that changes nothing writes nothing and records nothing (no new version, no "402 → 402").
      if (changesNothing(existing, input, status)) return new Unchanged(snapshot(existing));
      // The version in the WHERE makes concurrent saves of one version serialize on the row: one wins.
      const updated = await tx.figure.updateMany({
        where: { id: existing.id, version: input.baseVersion, status: { not: 'approved' } },
        data: { ...fields, isSample: false, version: { increment: 1 } },
      });
      const row = (await tx.figure.findUnique({ where: { id: existing.id } }))!;
      if (updated.count === 0) throw new Refused({ ok: false, reason: row.status === 'approved' ? 'locked' : 'conflict', current: snapshot(row) });
      await tx.figureEvent.create({
        data: {
          observationId: existing.id,
          action: 'edit',
          actorId: actor.id,
          actorName: actor.name,
          oldValue: existing.value,
          newValue: input.value,
          oldStatus: existing.status,
          newStatus: status,
          oldQuality: existing.quality,
          newQuality: input.quality,
          source: input.source,
        },
      });
      return snapshot(row);
    });
  } catch (error) {
    // Two first saves of the same figure at once: the second one meets the first one's row.
    if (isUniqueViolation(error)) {
      const current = await currentFigure(input.indicatorId, input.year);
      if (current) return { ok: false, reason: 'conflict', current };
    }
    throw error;
  }
}

interface Transition {
  action: 'submit' | 'approve' | 'return' | 'unlock';
  from: readonly FigureStatus[];
  to: FigureStatus;
}

const TRANSITIONS = {
  submit: { action: 'submit', from: ['draft', 'returned'], to: 'submitted' },
  approve: { action: 'approve', from: ['submitted'], to: 'approved' },
  return: { action: 'return', from: ['submitted'], to: 'returned' },
  unlock: { action: 'unlock', from: ['approved'], to: 'draft' },
} as const satisfies Record<string, Transition>;

/**
 * Move a figure through the review workflow; `reason` is required for return and unlock by the caller's
 * schema. An approval locks the figure first and refuses while a further source differs beyond the
 * indicator's tolerance (核对), unless `acknowledgeSourceMismatch`; the acknowledgement is recorded.
 */
export async function transitionFigure(
  input: { id: number; version: number; action: keyof typeof TRANSITIONS; reason?: string | null; acknowledgeSourceMismatch?: boolean },
  actor: Actor,
): Promise<WriteResult> {
  const transition = TRANSITIONS[input.action];
  return inTransaction(async (tx) => {
    const target = await tx.figure.findUnique({ where: { id: input.id }, select: { indicatorId: true } });
    if (!target) throw new Refused<WriteRefusal>({ ok: false, reason: 'notFound' });
    await writablePlanYear(tx, target.indicatorId, null);
    let reason = input.reason ?? null;
    if (input.action === 'approve') {
      // Source values are written under this lock too (benchmark-writes), so the check sees what is approved.
      await lockObservations(tx, [input.id]);
      const check = await sourceCheckInTransaction(tx, input.id);
      if (check?.mismatch) {
        const current = (await tx.figure.findUnique({ where: { id: input.id } }))!;
        if (!input.acknowledgeSourceMismatch && current.version === input.version && current.status === 'submitted') {
          throw new Refused<WriteRefusal>({ ok: false, reason: 'sourceMismatch', current: snapshot(current) });
        }
        reason = acknowledgedMismatchReason(check);
      }
    }
    const existing = (await tx.figure.findUnique({ where: { id: input.id } }))!;
    if (existing.version !== input.version) throw new Refused({ ok: false, reason: 'conflict', current: snapshot(existing) });
    if (!(transition.from as readonly FigureStatus[]).includes(existing.status)) {
      throw new Refused({ ok: false, reason: existing.status === 'approved' ? 'locked' : 'wrongStatus', current: snapshot(existing) });
    }
    const updated = await tx.figure.updateMany({
      where: { id: existing.id, version: input.version, status: existing.status },
      data: {
        status: transition.to,
        version: { increment: 1 },
        reviewNote: input.action === 'return' || input.action === 'unlock' ? (input.reason ?? null) : input.action === 'approve' ? null : existing.reviewNote,
        ...(input.action === 'submit' ? { updatedById: actor.id, updatedByName: actor.name } : {}),
      },
    });
    const row = (await tx.figure.findUnique({ where: { id: existing.id } }))!;
    if (updated.count === 0) throw new Refused({ ok: false, reason: 'conflict', current: snapshot(row) });
    await tx.figureEvent.create({
      data: {
        observationId: existing.id,
        action: transition.action,
        actorId: actor.id,
        actorName: actor.name,
        oldValue: existing.value,
        newValue: existing.value,
        oldStatus: existing.status,
        newStatus: transition.to,
        reason,
      },
    });
    return snapshot(row);
  });
}

export type ImportWriteResult =
  | { ok: true; created: number; updated: number }
  | { ok: false; reason: 'locked'; locked: FigureSnapshot[] }
  /** figures changed since the preview the import was confirmed on (current: null when one was removed) */
  | { ok: false; reason: 'stale'; changed: { indicatorId: number; current: FigureSnapshot | null }[] }
  | { ok: false; reason: 'archived' | 'notFound' | 'conflict' };

/** A figure to import; `baseVersion` (0: none yet) is the version its preview showed, checked under the lock. */
export type ImportFigureInput = ImportedFigure & { baseVersion?: number };

type ImportRefusal = Exclude<ImportWriteResult, { ok: true }>;

/**
 * Writes an import's figures as drafts, all or nothing: when any of them would overwrite an approved
 * (locked) figure, nothing is written and the locked ones are named. The figures it overwrites are
 * locked (FOR UPDATE) before their status is read, and each UPDATE repeats the version and status it was
 * decided on, so an approval that commits first is seen (and the import refused), and one that comes
 * later waits for the import and then finds a new version. A figure created by someone else meanwhile
 * makes the whole import a conflict. With `baseVersion`s (a confirmed preview), any figure whose version is
 * no longer the previewed one refuses the whole import as `stale`, naming those figures.
 */
export async function importFigureDrafts(figures: readonly ImportFigureInput[], actor: Actor): Promise<ImportWriteResult> {
  try {
    const result = await runTransaction<{ created: number; updated: number }, ImportRefusal>(
      async (tx) => {
        const ids = [...new Set(figures.map((f) => f.indicatorId))].sort((x, y) => x - y);
        const indicators = await tx.indicator.findMany({ where: { id: { in: ids } }, select: { planId: true } });
        if (indicators.length !== ids.length) throw new Refused<ImportRefusal>({ ok: false, reason: 'notFound' });
        const planIds = [...new Set(indicators.map((i) => i.planId))].sort((x, y) => x - y);
        for (const planId of planIds) await bumpPlanDataVersion(tx, planId); // ascending ids: no deadlock between imports
        if ((await tx.plan.count({ where: { id: { in: planIds }, status: 'archived' } })) > 0) throw new Refused<ImportRefusal>({ ok: false, reason: 'archived' });
        const where = { OR: figures.map((f) => ({ indicatorId: f.indicatorId, year: f.year })) };
        await lockObservations(tx, (await tx.figure.findMany({ where, select: { id: true } })).map((row) => row.id));
        const existing = await tx.figure.findMany({ where });
        const key = (indicatorId: number, year: number) => `${indicatorId}:${year}`;
        const byKey = new Map(existing.map((row) => [key(row.indicatorId, row.year), row]));
        const changed = figures
          .filter((f) => f.baseVersion !== undefined && (byKey.get(key(f.indicatorId, f.year))?.version ?? 0) !== f.baseVersion)
          .map((f) => {
            const row = byKey.get(key(f.indicatorId, f.year));
            return { indicatorId: f.indicatorId, current: row ? snapshot(row) : null };
          });
        if (changed.length > 0) throw new Refused<ImportRefusal>({ ok: false, reason: 'stale', changed });
        const locked = existing.filter((row) => row.status === 'approved');
        if (locked.length > 0) throw new Refused<ImportRefusal>({ ok: false, reason: 'locked', locked: locked.map(snapshot) });
        let created = 0;
        let updated = 0;
        for (const figure of figures) {
          const fields = { value: figure.value, source: figure.source, quality: figure.quality, note: figure.note, status: 'draft' as const, updatedById: actor.id, updatedByName: actor.name };
          const row = byKey.get(key(figure.indicatorId, figure.year));
          if (row) {
            const written = await tx.figure.updateMany({
              where: { id: row.id, version: row.version, status: row.status },
              data: { ...fields, isSample: false, version: { increment: 1 } },
            });
            if (written.count === 0) throw new Refused<ImportRefusal>({ ok: false, reason: 'conflict' });
            await tx.figureEvent.create({
              data: { observationId: row.id, action: 'edit', actorId: actor.id, actorName: actor.name, oldValue: row.value, newValue: figure.value, oldStatus: row.status, newStatus: 'draft', oldQuality: row.quality, newQuality: figure.quality, source: figure.source, reason: 'Excel 导入' },
            });
            updated += 1;
          } else {
            const made = await tx.figure.create({ data: { ...fields, indicatorId: figure.indicatorId, year: figure.year } });
            await tx.figureEvent.create({
              data: { observationId: made.id, action: 'create', actorId: actor.id, actorName: actor.name, newValue: figure.value, newStatus: 'draft', newQuality: figure.quality, source: figure.source, reason: 'Excel 导入' },
            });
            created += 1;
          }
        }
        return { created, updated };
      },
      { timeout: 30_000 },
    );
    return result.ok ? { ok: true, ...result.value } : result.refusal;
  } catch (error) {
    // a figure of this import was created by another save while the import ran
    if (isUniqueViolation(error)) return { ok: false, reason: 'conflict' };
    throw error;
  }
}

export interface FigureHistoryEntry {
  id: number;
  year: number;
  action: 'create' | 'edit' | 'submit' | 'approve' | 'return' | 'unlock';
  actorName: string;
  at: string;
  oldValue: number | null;
  newValue: number | null;
  oldStatus: FigureStatus | null;
  newStatus: FigureStatus;
  /** 初步/正式 before and after a create or edit */
  oldQuality: FigureQuality | null;
  newQuality: FigureQuality | null;
  source: string | null;
  reason: string | null;
}

/** The timeline of an indicator's figures, newest first. */
export async function getIndicatorHistory(indicatorId: number): Promise<FigureHistoryEntry[]> {
  const rows = await getPrisma().figureEvent.findMany({
    where: { observation: { indicatorId } },
    include: { observation: { select: { year: true } } },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
  });
  return rows.map((row) => ({
    id: row.id,
    year: row.observation.year,
    action: row.action,
    actorName: row.actorName,
    at: row.at.toISOString(),
    oldValue: decimalToNumber(row.oldValue),
    newValue: decimalToNumber(row.newValue),
    oldStatus: row.oldStatus,
    newStatus: row.newStatus,
    oldQuality: row.oldQuality,
    newQuality: row.newQuality,
    source: row.source,
    reason: row.reason,
  }));
}
