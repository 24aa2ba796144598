/**
 * Every change to key tasks (重点任务), each one lib/data function running in one transaction (so a
 * per-plan data version can be bumped in one place): progress reports with the same workflow as yearly
 * figures (lib/data/figure-writes.ts) — draft → submitted → approved (locked) | returned with a reason;
 * unlock by an admin with a reason — optimistic versions repeated in every UPDATE's WHERE, and an
 * append-only TaskReportEvent written in the same transaction. Evidence files are stored in the database
 * (bytea) with the report they belong to. Who may call what (roles, staff scoped to assigned actions) is
 * decided by the caller (server actions); this module guards the report's own state and its plan.
 *
 * Writes: saveTaskReport, transitionTaskReport, removeTaskEvidence, setTaskPeriodDueDates,
 * saveTaskMilestone, setTaskActionUnits, setTaskProgrammeTitle, importTaskReports (Excel, all or none). A staff member's assigned actions are
 * written with their indicator scope by updateUserAccess (lib/data/users.ts).
 */
import { createHash } from 'node:crypto';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db';
import type { Actor } from './figure-writes';
import { bumpPlanDataVersion } from './plan-version';
import type { ImportedTaskProgramme } from './types';
import { inTransaction, isUniqueViolation, Refused, type Tx } from './transaction';
import { taskReportInclude, toTaskReport, type TaskReportRow } from './tasks';
import type { ReportedTaskStatus, TaskHalf, TaskReport, TaskReportState } from './task-types';

export type { Actor };

export type TaskWriteRefusal =
  | { ok: false; reason: 'conflict'; current: TaskReport }
  | { ok: false; reason: 'locked'; current: TaskReport }
  | { ok: false; reason: 'wrongStatus'; current: TaskReport }
  | { ok: false; reason: 'notFound' }
  | { ok: false; reason: 'archived' }
  | { ok: false; reason: 'outsidePlan' }
  | { ok: false; reason: 'badTarget' };

export type TaskWriteResult = { ok: true; report: TaskReport; unchanged?: true } | TaskWriteRefusal;

export interface EvidenceUpload {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface SaveTaskReportInput {
  actionId: number;
  year: number;
  half: TaskHalf;
  status: ReportedTaskStatus;
  percent: number | null;
  progress: string;
  problems: string | null;
  nextSteps: string | null;
  /** achieved values (canonical decimal text) of the action's targets; a target left out has none */
  values: { targetId: number; value: string }[];
  /** files added with this save (already checked against lib/schemas/uploads.ts by the caller) */
  evidence?: EvidenceUpload[];
  /** the version the form was loaded with; 0 when there was no report yet */
  baseVersion: number;
  submit: boolean;
}

class Unchanged {
  constructor(readonly report: TaskReport) {}
}

async function run(work: (tx: Tx) => Promise<TaskReport | Unchanged>): Promise<TaskWriteResult> {
  const result = await inTransaction<TaskReport | Unchanged, TaskWriteRefusal>(work);
  if (!result.ok) return result.refusal;
  return result.value instanceof Unchanged ? { ok: true, report: result.value.report, unchanged: true } : { ok: true, report: result.value };
}

/** The action's plan, its data version bumped (the row locked until commit: an archive or a change of years never interleaves); checks the year. */
async function writableAction(tx: Tx, actionId: number, year: number | null): Promise<{ planId: number; targetIds: number[] }> {
  const action = await tx.taskAction.findUnique({ where: { id: actionId }, select: { programme: { select: { planId: true } }, targets: { select: { id: true } } } });
  if (!action) throw new Refused<TaskWriteRefusal>({ ok: false, reason: 'notFound' });
  const planId = action.programme.planId;
  const plan = (await bumpPlanDataVersion(tx, planId))!;
  if (plan.status === 'archived') throw new Refused<TaskWriteRefusal>({ ok: false, reason: 'archived' });
  if (year !== null && (year < plan.firstYear || year > plan.lastYear)) throw new Refused<TaskWriteRefusal>({ ok: false, reason: 'outsidePlan' });
  return { planId, targetIds: action.targets.map((t) => t.id) };
}

const reportRow = (tx: Tx, id: number): Promise<TaskReportRow> => tx.taskReport.findUniqueOrThrow({ where: { id }, include: taskReportInclude });

const sameValues = (row: TaskReportRow, values: SaveTaskReportInput['values']) => {
  const stored = new Map(row.values.map((v) => [v.targetId, v.value]));
  return stored.size === values.length && values.every((v) => stored.get(v.targetId)?.equals(new Prisma.Decimal(v.value)));
};

function changesNothing(row: TaskReportRow, input: SaveTaskReportInput, state: TaskReportState): boolean {
  return (
    row.status === input.status &&
    row.percent === input.percent &&
    row.progress === input.progress &&
    row.problems === input.problems &&
    row.nextSteps === input.nextSteps &&
    row.state === state &&
    sameValues(row, input.values) &&
    (input.evidence ?? []).length === 0
  );
}

async function storeEvidence(tx: Tx, reportId: number, files: readonly EvidenceUpload[], actor: Actor, state: TaskReportState): Promise<void> {
  for (const file of files) {
    await tx.taskEvidence.create({
      data: {
        reportId,
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.bytes.byteLength,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        bytes: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) as Uint8Array<ArrayBuffer>,
        uploadedById: actor.id,
        uploadedByName: actor.name,
      },
    });
    await tx.taskReportEvent.create({ data: { reportId, action: 'addEvidence', actorId: actor.id, actorName: actor.name, oldState: state, newState: state, detail: file.fileName } });
  }
}

const valuesDetail = (values: SaveTaskReportInput['values']) => (values.length === 0 ? null : values.map((v) => `#${v.targetId}=${v.value}`).join('; '));

/** Create or correct an action's report for a period as a draft (or submitted, when `submit`), with its target values and new evidence. */
export async function saveTaskReport(input: SaveTaskReportInput, actor: Actor): Promise<TaskWriteResult> {
  const state: TaskReportState = input.submit ? 'submitted' : 'draft';
  const fields = {
    status: input.status, percent: input.percent, progress: input.progress, problems: input.problems, nextSteps: input.nextSteps,
    state, updatedById: actor.id, updatedByName: actor.name,
  };
  try {
    return await run(async (tx) => {
      const { targetIds } = await writableAction(tx, input.actionId, input.year);
      if (input.values.some((v) => !targetIds.includes(v.targetId)) || new Set(input.values.map((v) => v.targetId)).size !== input.values.length) {
        throw new Refused<TaskWriteRefusal>({ ok: false, reason: 'badTarget' });
      }
      const existing = await tx.taskReport.findUnique({ where: { actionId_year_half: { actionId: input.actionId, year: input.year, half: input.half } }, include: taskReportInclude });
      if (!existing) {
        if (input.baseVersion !== 0) throw new Refused<TaskWriteRefusal>({ ok: false, reason: 'notFound' });
        const created = await tx.taskReport.create({ data: { ...fields, actionId: input.actionId, year: input.year, half: input.half } });
        if (input.values.length > 0) await tx.taskTargetValue.createMany({ data: input.values.map((v) => ({ reportId: created.id, targetId: v.targetId, value: v.value })) });
        await tx.taskReportEvent.create({ data: { reportId: created.id, action: 'create', actorId: actor.id, actorName: actor.name, newState: 'draft', newStatus: input.status, detail: valuesDetail(input.values) } });
        await storeEvidence(tx, created.id, input.evidence ?? [], actor, 'draft');
        if (input.submit) await tx.taskReportEvent.create({ data: { reportId: created.id, action: 'submit', actorId: actor.id, actorName: actor.name, oldState: 'draft', newState: 'submitted', oldStatus: input.status, newStatus: input.status } });
        return toTaskReport(await reportRow(tx, created.id));
      }
      if (existing.state === 'approved') throw new Refused<TaskWriteRefusal>({ ok: false, reason: 'locked', current: toTaskReport(existing) });
      if (existing.version !== input.baseVersion) throw new Refused<TaskWriteRefusal>({ ok: false, reason: 'conflict', current: toTaskReport(existing) });
      if (changesNothing(existing, input, state)) return new Unchanged(toTaskReport(existing));
      // The version and "not approved" in the WHERE: concurrent saves of one version serialize on the row and one wins.
      const updated = await tx.taskReport.updateMany({
        where: { id: existing.id, version: input.baseVersion, state: { not: 'approved' } },
        data: { ...fields, version: { increment: 1 } },
      });
      if (updated.count === 0) {
        const now = toTaskReport(await reportRow(tx, existing.id));
        throw new Refused<TaskWriteRefusal>({ ok: false, reason: now.state === 'approved' ? 'locked' : 'conflict', current: now });
      }
      await tx.taskTargetValue.deleteMany({ where: { reportId: existing.id } });
      if (input.values.length > 0) await tx.taskTargetValue.createMany({ data: input.values.map((v) => ({ reportId: existing.id, targetId: v.targetId, value: v.value })) });
      await tx.taskReportEvent.create({
        data: { reportId: existing.id, action: 'edit', actorId: actor.id, actorName: actor.name, oldState: existing.state, newState: state, oldStatus: existing.status, newStatus: input.status, detail: valuesDetail(input.values) },
      });
      await storeEvidence(tx, existing.id, input.evidence ?? [], actor, state);
      return toTaskReport(await reportRow(tx, existing.id));
    });
  } catch (error) {
    // Two first saves of the same report at once: the second meets the first one's row.
    if (isUniqueViolation(error)) {
      const row = await getPrisma().taskReport.findUnique({ where: { actionId_year_half: { actionId: input.actionId, year: input.year, half: input.half } }, include: taskReportInclude });
      if (row) return { ok: false, reason: 'conflict', current: toTaskReport(row) };
    }
    throw error;
  }
}

export const TASK_TRANSITIONS = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
  unlock: { from: ['approved'], to: 'draft' },
} as const satisfies Record<string, { from: readonly TaskReportState[]; to: TaskReportState }>;

export type TaskTransition = keyof typeof TASK_TRANSITIONS;

/** Moves a report through the workflow; `reason` is required for return and unlock (by the caller's schema). */
export async function transitionTaskReport(
  input: { id: number; version: number; action: TaskTransition; reason?: string | null },
  actor: Actor,
): Promise<TaskWriteResult> {
  const transition = TASK_TRANSITIONS[input.action];
  return run(async (tx) => {
    const target = await tx.taskReport.findUnique({ where: { id: input.id }, select: { actionId: true } });
    if (!target) throw new Refused<TaskWriteRefusal>({ ok: false, reason: 'notFound' });
    await writableAction(tx, target.actionId, null);
    const existing = await reportRow(tx, input.id);
    if (existing.version !== input.version) throw new Refused<TaskWriteRefusal>({ ok: false, reason: 'conflict', current: toTaskReport(existing) });
    if (!(transition.from as readonly TaskReportState[]).includes(existing.state)) {
      throw new Refused<TaskWriteRefusal>({ ok: false, reason: existing.state === 'approved' ? 'locked' : 'wrongStatus', current: toTaskReport(existing) });
    }
    const updated = await tx.taskReport.updateMany({
      where: { id: existing.id, version: input.version, state: existing.state },
      data: {
        state: transition.to,
        version: { increment: 1 },
        reviewNote: input.action === 'return' || input.action === 'unlock' ? (input.reason ?? null) : input.action === 'approve' ? null : existing.reviewNote,
        ...(input.action === 'submit' ? { updatedById: actor.id, updatedByName: actor.name } : {}),
      },
    });
    if (updated.count === 0) throw new Refused<TaskWriteRefusal>({ ok: false, reason: 'conflict', current: toTaskReport(await reportRow(tx, existing.id)) });
    await tx.taskReportEvent.create({
      data: {
        reportId: existing.id, action: input.action, actorId: actor.id, actorName: actor.name,
        oldState: existing.state, newState: transition.to, oldStatus: existing.status, newStatus: existing.status, reason: input.reason ?? null,
      },
    });
    return toTaskReport(await reportRow(tx, existing.id));
  });
}

/** Removes an evidence file from a report that is not locked; the report's version must match (no lost updates). */
export async function removeTaskEvidence(input: { evidenceId: number; version: number }, actor: Actor): Promise<TaskWriteResult> {
  return run(async (tx) => {
    const evidence = await tx.taskEvidence.findUnique({ where: { id: input.evidenceId }, select: { reportId: true, fileName: true, report: { select: { actionId: true } } } });
    if (!evidence) throw new Refused<TaskWriteRefusal>({ ok: false, reason: 'notFound' });
    await writableAction(tx, evidence.report.actionId, null);
    const existing = await reportRow(tx, evidence.reportId);
    if (existing.state === 'approved') throw new Refused<TaskWriteRefusal>({ ok: false, reason: 'locked', current: toTaskReport(existing) });
    const updated = await tx.taskReport.updateMany({
      where: { id: existing.id, version: input.version, state: { not: 'approved' } },
      data: { version: { increment: 1 }, updatedById: actor.id, updatedByName: actor.name },
    });
    if (updated.count === 0) throw new Refused<TaskWriteRefusal>({ ok: false, reason: 'conflict', current: toTaskReport(await reportRow(tx, existing.id)) });
    await tx.taskEvidence.delete({ where: { id: input.evidenceId } });
    await tx.taskReportEvent.create({ data: { reportId: existing.id, action: 'removeEvidence', actorId: actor.id, actorName: actor.name, oldState: existing.state, newState: existing.state, detail: evidence.fileName } });
    return toTaskReport(await reportRow(tx, existing.id));
  });
}

export type TaskAdminResult = { ok: true } | { ok: false; reason: 'notFound' | 'archived' | 'outsidePlan' | 'conflict' };

async function adminWrite(planId: number, work: (tx: Tx) => Promise<void>): Promise<TaskAdminResult> {
  const result = await inTransaction<null, Exclude<TaskAdminResult, { ok: true }>>(async (tx) => {
    const plan = await bumpPlanDataVersion(tx, planId);
    if (!plan) throw new Refused({ ok: false, reason: 'notFound' });
    if (plan.status === 'archived') throw new Refused({ ok: false, reason: 'archived' });
    await work(tx);
    return null;
  });
  return result.ok ? { ok: true } : result.refusal;
}

/** Sets (or, with dueDate null, removes) the due dates of a plan's reporting periods. */
export async function setTaskPeriodDueDates(planId: number, entries: readonly { year: number; half: TaskHalf; dueDate: string | null }[]): Promise<TaskAdminResult> {
  return adminWrite(planId, async (tx) => {
    const plan = (await tx.plan.findUnique({ where: { id: planId } }))!;
    if (entries.some((e) => e.year < plan.firstYear || e.year > plan.lastYear)) throw new Refused({ ok: false, reason: 'outsidePlan' });
    for (const e of entries) {
      const key = { planId_year_half: { planId, year: e.year, half: e.half } };
      if (e.dueDate === null) await tx.taskPeriod.deleteMany({ where: { planId, year: e.year, half: e.half } });
      else await tx.taskPeriod.upsert({ where: key, create: { planId, year: e.year, half: e.half, dueDate: new Date(`${e.dueDate}T00:00:00Z`) }, update: { dueDate: new Date(`${e.dueDate}T00:00:00Z`) } });
    }
  });
}

/** A project milestone's planned and actual dates (and name), based on the version the form showed. */
export async function saveTaskMilestone(
  input: { milestoneId: number; version: number; name: string; plannedDate: string | null; actualDate: string | null },
  actor: Actor,
): Promise<TaskAdminResult> {
  const milestone = await getPrisma().taskMilestone.findUnique({ where: { id: input.milestoneId }, select: { project: { select: { planId: true } } } });
  if (!milestone) return { ok: false, reason: 'notFound' };
  const date = (d: string | null) => (d === null ? null : new Date(`${d}T00:00:00Z`));
  return adminWrite(milestone.project.planId, async (tx) => {
    const updated = await tx.taskMilestone.updateMany({
      where: { id: input.milestoneId, version: input.version },
      data: { name: input.name, plannedDate: date(input.plannedDate), actualDate: date(input.actualDate), version: { increment: 1 }, updatedByName: actor.name },
    });
    if (updated.count === 0) throw new Refused({ ok: false, reason: 'conflict' });
  });
}

/** How many milestones a project may have (the four usual ones and the admin's own). */
export const MAX_MILESTONES_PER_PROJECT = 12;

/**
 * Admin: a milestone of the admin's own at the end of a project's list (e.g. 竣工验收). The plan row's
 * lock (taken by the version bump) makes concurrent adds of one plan run one at a time, so the next
 * position and the limit are decided on what is committed.
 */
export async function addTaskMilestone(input: { projectId: number; name: string }, actor: Actor): Promise<TaskAdminResult | { ok: false; reason: 'tooMany' }> {
  const project = await getPrisma().taskProject.findUnique({ where: { id: input.projectId }, select: { planId: true } });
  if (!project) return { ok: false, reason: 'notFound' };
  let tooMany = false;
  const result = await adminWrite(project.planId, async (tx) => {
    const existing = await tx.taskMilestone.aggregate({ where: { projectId: input.projectId }, _count: { _all: true }, _max: { position: true } });
    if (existing._count._all >= MAX_MILESTONES_PER_PROJECT) {
      tooMany = true;
      throw new Refused({ ok: false, reason: 'conflict' });
    }
    await tx.taskMilestone.create({ data: { projectId: input.projectId, position: (existing._max.position ?? 0) + 1, name: input.name, updatedByName: actor.name } });
  });
  return tooMany ? { ok: false, reason: 'tooMany' } : result;
}

/** Admin: removes a milestone, based on the version the page showed (a changed one is not removed). */
export async function removeTaskMilestone(input: { milestoneId: number; version: number }): Promise<TaskAdminResult> {
  const milestone = await getPrisma().taskMilestone.findUnique({ where: { id: input.milestoneId }, select: { project: { select: { planId: true } } } });
  if (!milestone) return { ok: false, reason: 'notFound' };
  return adminWrite(milestone.project.planId, async (tx) => {
    const removed = await tx.taskMilestone.deleteMany({ where: { id: input.milestoneId, version: input.version } });
    if (removed.count === 0) throw new Refused({ ok: false, reason: 'conflict' });
  });
}

/** An action's lead and cooperating units (null = 未填写). */
export async function setTaskActionUnits(actionId: number, units: { leadUnit: string | null; cooperatingUnits: string | null }): Promise<TaskAdminResult> {
  const action = await getPrisma().taskAction.findUnique({ where: { id: actionId }, select: { programme: { select: { planId: true } } } });
  if (!action) return { ok: false, reason: 'notFound' };
  return adminWrite(action.programme.planId, async (tx) => {
    await tx.taskAction.update({ where: { id: actionId }, data: units });
  });
}

/** A programme's heading (for the ones the plan text lost); null = still missing. */
export async function setTaskProgrammeTitle(programmeId: number, title: string | null): Promise<TaskAdminResult> {
  const programme = await getPrisma().taskProgramme.findUnique({ where: { id: programmeId }, select: { planId: true } });
  if (!programme) return { ok: false, reason: 'notFound' };
  return adminWrite(programme.planId, async (tx) => {
    await tx.taskProgramme.update({ where: { id: programmeId }, data: { title } });
  });
}

export interface ImportTaskReportInput {
  actionId: number;
  /** the version the preview saw; 0: no report yet */
  baseVersion: number;
  status: ReportedTaskStatus;
  percent: number | null;
  progress: string;
  problems: string | null;
  nextSteps: string | null;
  values: { targetId: number; value: string }[];
}

export type TaskImportRefusal =
  | { ok: false; reason: 'stale'; changed: number[] }
  | { ok: false; reason: 'locked'; locked: number[] }
  | { ok: false; reason: 'notFound' | 'archived' | 'outsidePlan' | 'badTarget' | 'conflict' };

export type TaskImportResult = { ok: true; created: number; updated: number } | TaskImportRefusal;

/**
 * Writes an Excel import of one period's reports (lib/import/task-report-workbook.ts → the preview) as
 * drafts, all or none, in one transaction: the plan's data version is bumped first (which also serialises
 * imports and saves of the plan), the period's existing reports of these actions are locked FOR UPDATE, and
 * every version the preview saw is checked again — a report saved, submitted or approved since the preview
 * refuses the whole import ('stale', naming the actions), an approved one refuses it ('locked'). Each
 * UPDATE repeats the version and "not approved" in its WHERE. Evidence files are kept.
 */
export async function importTaskReports(
  input: { planId: number; year: number; half: TaskHalf; reports: readonly ImportTaskReportInput[] },
  actor: Actor,
): Promise<TaskImportResult> {
  const ids = input.reports.map((r) => r.actionId);
  if (ids.length === 0 || new Set(ids).size !== ids.length) return { ok: false, reason: 'notFound' };
  try {
    const result = await inTransaction<{ created: number; updated: number }, TaskImportRefusal>(
      async (tx) => {
        const plan = await bumpPlanDataVersion(tx, input.planId);
        if (!plan) throw new Refused<TaskImportRefusal>({ ok: false, reason: 'notFound' });
        if (plan.status === 'archived') throw new Refused<TaskImportRefusal>({ ok: false, reason: 'archived' });
        if (input.year < plan.firstYear || input.year > plan.lastYear) throw new Refused<TaskImportRefusal>({ ok: false, reason: 'outsidePlan' });
        const actions = await tx.taskAction.findMany({ where: { id: { in: ids }, programme: { planId: input.planId } }, select: { id: true, targets: { select: { id: true } } } });
        if (actions.length !== ids.length) throw new Refused<TaskImportRefusal>({ ok: false, reason: 'notFound' });
        const targetsOf = new Map(actions.map((a) => [a.id, new Set(a.targets.map((t) => t.id))]));
        for (const r of input.reports) {
          const own = targetsOf.get(r.actionId)!;
          if (r.values.some((v) => !own.has(v.targetId)) || new Set(r.values.map((v) => v.targetId)).size !== r.values.length) {
            throw new Refused<TaskImportRefusal>({ ok: false, reason: 'badTarget' });
          }
        }
        await tx.$queryRaw`SELECT id FROM "TaskReport" WHERE "actionId" = ANY(${ids}::int[]) AND year = ${input.year} AND half = ${input.half}::"TaskHalf" ORDER BY id FOR UPDATE`;
        const existing = await tx.taskReport.findMany({ where: { actionId: { in: ids }, year: input.year, half: input.half } });
        const byAction = new Map(existing.map((row) => [row.actionId, row]));
        const changed = input.reports.filter((r) => (byAction.get(r.actionId)?.version ?? 0) !== r.baseVersion).map((r) => r.actionId);
        if (changed.length > 0) throw new Refused<TaskImportRefusal>({ ok: false, reason: 'stale', changed });
        const locked = existing.filter((row) => row.state === 'approved').map((row) => row.actionId);
        if (locked.length > 0) throw new Refused<TaskImportRefusal>({ ok: false, reason: 'locked', locked });
        let created = 0;
        let updated = 0;
        for (const r of input.reports) {
          const fields = {
            status: r.status, percent: r.percent, progress: r.progress, problems: r.problems, nextSteps: r.nextSteps,
            state: 'draft' as const, updatedById: actor.id, updatedByName: actor.name,
          };
          const row = byAction.get(r.actionId);
          let reportId: number;
          if (row) {
            const written = await tx.taskReport.updateMany({ where: { id: row.id, version: r.baseVersion, state: { not: 'approved' } }, data: { ...fields, version: { increment: 1 } } });
            if (written.count === 0) throw new Refused<TaskImportRefusal>({ ok: false, reason: 'conflict' });
            await tx.taskTargetValue.deleteMany({ where: { reportId: row.id } });
            await tx.taskReportEvent.create({
              data: { reportId: row.id, action: 'edit', actorId: actor.id, actorName: actor.name, oldState: row.state, newState: 'draft', oldStatus: row.status, newStatus: r.status, reason: 'Excel 导入', detail: valuesDetail(r.values) },
            });
            reportId = row.id;
            updated += 1;
          } else {
            const made = await tx.taskReport.create({ data: { ...fields, actionId: r.actionId, year: input.year, half: input.half } });
            await tx.taskReportEvent.create({
              data: { reportId: made.id, action: 'create', actorId: actor.id, actorName: actor.name, newState: 'draft', newStatus: r.status, reason: 'Excel 导入', detail: valuesDetail(r.values) },
            });
            reportId = made.id;
            created += 1;
          }
          if (r.values.length > 0) await tx.taskTargetValue.createMany({ data: r.values.map((v) => ({ reportId, targetId: v.targetId, value: v.value })) });
        }
        return { created, updated };
      },
      { timeout: 30_000 },
    );
    return result.ok ? { ok: true, ...result.value } : result.refusal;
  } catch (error) {
    // a report of this import was created by another save while the import ran (it had no row to lock)
    if (isUniqueViolation(error)) return { ok: false, reason: 'conflict' };
    throw error;
  }
}

/**
 * Imports a plan's key tasks (专栏, actions, targets) in one transaction, all or none. Only into a plan that
 * has none yet ('hasTasks' otherwise: an import never merges into or replaces tasks that may have reports).
 */
export async function importTaskProgrammes(planId: number, programmes: readonly ImportedTaskProgramme[]): Promise<TaskAdminResult | { ok: false; reason: 'hasTasks' }> {
  const result = await inTransaction<null, { ok: false; reason: 'notFound' | 'archived' | 'hasTasks' }>(
    async (tx) => {
      const plan = await bumpPlanDataVersion(tx, planId);
      if (!plan) throw new Refused({ ok: false, reason: 'notFound' });
      if (plan.status === 'archived') throw new Refused({ ok: false, reason: 'archived' });
      if ((await tx.taskProgramme.count({ where: { planId } })) > 0) throw new Refused({ ok: false, reason: 'hasTasks' });
      for (const programme of programmes) {
        const created = await tx.taskProgramme.create({ data: { planId, number: programme.number, title: programme.title } });
        for (const action of programme.actions) {
          await tx.taskAction.create({
            data: {
              programmeId: created.id, number: action.number, name: action.name, text: action.text,
              targets: { create: action.targets.map((t, i) => ({ position: i + 1, phrase: t.phrase, subject: t.subject, unit: t.unit, kind: t.kind, lower: t.lower, upper: t.upper, qualifier: t.qualifier, deadlineYear: t.deadlineYear })) },
            },
          });
        }
      }
      return null;
    },
    { timeout: 30_000 },
  );
  return result.ok ? { ok: true } : result.refusal;
}
