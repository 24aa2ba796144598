/**
 * Reads of key tasks (重点任务): a plan's programmes, actions, targets, projects and due dates; its
 * progress reports; a report's history; one evidence file. Writes are in task-writes.ts.
 */
import { getPrisma } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { decimalToNumber } from './decimal';
import type {
  TaskEvidenceFile,
  TaskPlan,
  TaskReport,
  TaskReportHistoryEntry,
  TaskTargetDefinition,
  TaskTargetQualifier,
} from './task-types';

export const isoDate = (value: Date | null): string | null => (value === null ? null : value.toISOString().slice(0, 10));

type TargetRow = Prisma.TaskTargetGetPayload<object>;

export function toTargetDefinition(row: TargetRow): TaskTargetDefinition {
  return {
    id: row.id,
    position: row.position,
    phrase: row.phrase,
    subject: row.subject,
    unit: row.unit,
    kind: row.kind,
    lower: decimalToNumber(row.lower)!,
    upper: decimalToNumber(row.upper),
    qualifier: (row.qualifier as TaskTargetQualifier) ?? null,
    deadlineYear: row.deadlineYear,
    horizonYears: row.horizonLower !== null && row.horizonUpper !== null ? { lower: row.horizonLower, upper: row.horizonUpper } : null,
    baseline: decimalToNumber(row.baseline),
  };
}

/** The plan's programmes (in order, each with its actions and targets), projects and reporting due dates. */
export async function getTaskPlan(planId: number): Promise<TaskPlan> {
  const prisma = getPrisma();
  const [programmes, projects, periods] = await Promise.all([
    prisma.taskProgramme.findMany({
      where: { planId },
      orderBy: { number: 'asc' },
      include: { actions: { orderBy: { number: 'asc' }, include: { targets: { orderBy: { position: 'asc' } } } } },
    }),
    prisma.taskProject.findMany({ where: { planId }, orderBy: { sequence: 'asc' }, include: { milestones: { orderBy: { position: 'asc' } } } }),
    prisma.taskPeriod.findMany({ where: { planId }, orderBy: [{ year: 'asc' }, { half: 'asc' }] }),
  ]);
  return {
    planId,
    programmes: programmes.map((p) => ({
      id: p.id,
      number: p.number,
      title: p.title,
      actions: p.actions.map((a) => ({
        id: a.id,
        programmeNumber: p.number,
        number: a.number,
        name: a.name,
        text: a.text,
        leadUnit: a.leadUnit,
        cooperatingUnits: a.cooperatingUnits,
        targets: a.targets.map(toTargetDefinition),
      })),
    })),
    projects: projects.map((p) => ({
      id: p.id,
      sequence: p.sequence,
      name: p.name,
      source: p.source,
      actionId: p.actionId,
      leadUnit: p.leadUnit,
      cooperatingUnits: p.cooperatingUnits,
      milestones: p.milestones.map((m) => ({
        id: m.id,
        position: m.position,
        name: m.name,
        plannedDate: isoDate(m.plannedDate),
        actualDate: isoDate(m.actualDate),
        version: m.version,
        updatedByName: m.updatedByName,
      })),
    })),
    dueDates: periods.map((p) => ({ year: p.year, half: p.half, dueDate: isoDate(p.dueDate)! })),
  };
}

export const taskReportInclude = {
  values: { orderBy: { targetId: 'asc' } },
  evidence: {
    orderBy: { id: 'asc' },
    select: { id: true, fileName: true, contentType: true, size: true, uploadedByName: true, createdAt: true },
  },
} satisfies Prisma.TaskReportInclude;

export type TaskReportRow = Prisma.TaskReportGetPayload<{ include: typeof taskReportInclude }>;

export function toTaskReport(row: TaskReportRow): TaskReport {
  return {
    id: row.id,
    actionId: row.actionId,
    year: row.year,
    half: row.half,
    status: row.status,
    percent: row.percent,
    progress: row.progress,
    problems: row.problems,
    nextSteps: row.nextSteps,
    state: row.state,
    version: row.version,
    reviewNote: row.reviewNote,
    updatedByName: row.updatedByName,
    updatedAt: row.updatedAt.toISOString(),
    values: row.values.map((v) => ({ targetId: v.targetId, value: decimalToNumber(v.value)! })),
    evidence: row.evidence.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
  };
}

/** Every progress report of a plan's actions, whatever its state, oldest period first. */
export async function getTaskReports(planId: number): Promise<TaskReport[]> {
  const rows = await getPrisma().taskReport.findMany({
    where: { action: { programme: { planId } } },
    include: taskReportInclude,
    orderBy: [{ year: 'asc' }, { half: 'asc' }, { actionId: 'asc' }],
  });
  return rows.map(toTaskReport);
}

/** The timeline of an action's reports, newest first. */
export async function getTaskActionHistory(actionId: number): Promise<TaskReportHistoryEntry[]> {
  const rows = await getPrisma().taskReportEvent.findMany({
    where: { report: { actionId } },
    include: { report: { select: { year: true, half: true } } },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
  });
  return rows.map((row) => ({
    id: row.id,
    reportId: row.reportId,
    year: row.report.year,
    half: row.report.half,
    action: row.action,
    actorName: row.actorName,
    at: row.at.toISOString(),
    oldState: row.oldState,
    newState: row.newState,
    oldStatus: row.oldStatus,
    newStatus: row.newStatus,
    reason: row.reason,
    detail: row.detail,
  }));
}

/** One evidence file with its bytes, and the plan it belongs to (for the caller's access check). */
export async function getTaskEvidenceFile(id: number): Promise<(TaskEvidenceFile & { planId: number }) | null> {
  const row = await getPrisma().taskEvidence.findUnique({
    where: { id },
    include: { report: { select: { actionId: true, action: { select: { programme: { select: { planId: true } } } } } } },
  });
  if (!row) return null;
  return {
    id: row.id,
    reportId: row.reportId,
    actionId: row.report.actionId,
    planId: row.report.action.programme.planId,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    uploadedByName: row.uploadedByName,
    createdAt: row.createdAt.toISOString(),
    bytes: new Uint8Array(row.bytes),
  };
}
