/**
 * What an Excel import of a period's key-task reports would do, shown before anything is written: for each
 * action the file reports, the stored report → the file's, which fields change, whether a submitted or
 * returned report goes back to draft; and every error at once — the reader's format errors, approved
 * (locked) reports the file would change, actions the user may not report — each named by its action.
 * Rows that change nothing are listed as such and not written. Pure: the action loads, this decides, the
 * write repeats the versions the preview was based on (lib/data/task-writes.ts importTaskReports).
 */
import type { ReportedTaskStatus, TaskHalf, TaskPlan, TaskReport, TaskReportState } from '@/lib/data/types';

/** A row the workbook reader accepted (lib/import's ImportedTaskReport; declared here so views do not import lib/import). */
export interface ImportedTaskReport {
  row: number;
  actionId: number;
  programme: number;
  number: number;
  status: ReportedTaskStatus;
  percent: number | null;
  progress: string;
  problems: string | null;
  nextSteps: string | null;
  values: { targetId: number; value: string }[];
}

export interface TaskImportError {
  row: number;
  column: string | null;
  message: string;
  action?: { id: number; programme: number; number: number; name: string };
}

export interface TaskReportFields {
  status: ReportedTaskStatus;
  percent: number | null;
  progress: string;
  problems: string | null;
  nextSteps: string | null;
  /** canonical decimal texts, in the action's target order */
  values: { targetId: number; value: string }[];
}

export type TaskReportField = 'status' | 'percent' | 'progress' | 'problems' | 'nextSteps' | 'values';

export interface TaskImportPreviewRow {
  row: number;
  actionId: number;
  programme: number;
  number: number;
  name: string;
  before: (TaskReportFields & { state: TaskReportState; version: number }) | null;
  after: TaskReportFields;
  change: 'create' | 'update' | 'unchanged';
  /** the fields the import changes (empty when unchanged) */
  changed: TaskReportField[];
  /** the import turns this submitted or returned report back into a draft */
  backToDraft: 'submitted' | 'returned' | null;
}

export interface TaskImportWrite extends TaskReportFields {
  actionId: number;
  /** the version the preview saw; 0: no report yet */
  baseVersion: number;
}

export interface TaskImportPreview {
  year: number;
  half: TaskHalf;
  rows: TaskImportPreviewRow[];
  /** every error in sheet order; nothing may be written while there is one */
  errors: TaskImportError[];
  writes: TaskImportWrite[];
}

export const TASK_IMPORT_LOCKED_MESSAGE = '该报告已审核锁定，不能通过导入修改';
export const TASK_IMPORT_NOT_YOURS_MESSAGE = '您没有填报该任务的权限';

const sameValues = (a: TaskReportFields['values'], b: TaskReportFields['values']) => {
  const stored = new Map(a.map((v) => [v.targetId, Number(v.value)]));
  return stored.size === b.length && b.every((v) => stored.get(v.targetId) === Number(v.value));
};

export function changedFields(before: TaskReportFields | null, after: TaskReportFields): TaskReportField[] {
  if (!before) return ['status', 'percent', 'progress', 'problems', 'nextSteps', ...(after.values.length > 0 ? (['values'] as const) : [])];
  const fields: TaskReportField[] = [];
  for (const key of ['status', 'percent', 'progress', 'problems', 'nextSteps'] as const) if (before[key] !== after[key]) fields.push(key);
  if (!sameValues(before.values, after.values)) fields.push('values');
  return fields;
}

/** Builds the preview of a reading (readTaskReportWorkbook) against the period's stored reports. */
export function buildTaskImportPreview(
  tasks: Pick<TaskPlan, 'programmes'>,
  reports: readonly TaskReport[],
  period: { year: number; half: TaskHalf },
  reading: { reports: readonly ImportedTaskReport[]; errors: readonly TaskImportError[] },
  mayReport: (actionId: number) => boolean,
): TaskImportPreview {
  const actions = new Map(tasks.programmes.flatMap((p) => p.actions.map((a) => [a.id, { programme: p.number, action: a }] as const)));
  const stored = new Map(reports.filter((r) => r.year === period.year && r.half === period.half).map((r) => [r.actionId, r]));
  const errors: TaskImportError[] = [...reading.errors];
  const rows: TaskImportPreviewRow[] = [];
  const writes: TaskImportWrite[] = [];
  for (const imported of reading.reports) {
    const found = actions.get(imported.actionId);
    if (!found) continue; // the reader only returns the plan's actions
    const { action, programme } = found;
    const order = new Map(action.targets.map((t, i) => [t.id, i]));
    const current = stored.get(action.id) ?? null;
    const before = current && {
      status: current.status, percent: current.percent, progress: current.progress, problems: current.problems, nextSteps: current.nextSteps,
      values: [...current.values].sort((a, b) => (order.get(a.targetId) ?? 0) - (order.get(b.targetId) ?? 0)).map((v) => ({ targetId: v.targetId, value: String(v.value) })),
      state: current.state, version: current.version,
    };
    const after: TaskReportFields = {
      status: imported.status, percent: imported.percent, progress: imported.progress, problems: imported.problems, nextSteps: imported.nextSteps,
      values: [...imported.values].sort((a, b) => (order.get(a.targetId) ?? 0) - (order.get(b.targetId) ?? 0)),
    };
    const changed = changedFields(before, after);
    const change = before === null ? 'create' : changed.length === 0 ? 'unchanged' : 'update';
    rows.push({
      row: imported.row, actionId: action.id, programme, number: action.number, name: action.name, before, after, change, changed: change === 'unchanged' ? [] : changed,
      backToDraft: change === 'update' && (before?.state === 'submitted' || before?.state === 'returned') ? before.state : null,
    });
    if (change === 'unchanged') continue;
    const named = { id: action.id, programme, number: action.number, name: action.name };
    if (!mayReport(action.id)) errors.push({ row: imported.row, column: '专栏/序号', message: TASK_IMPORT_NOT_YOURS_MESSAGE, action: named });
    else if (before?.state === 'approved') errors.push({ row: imported.row, column: null, message: TASK_IMPORT_LOCKED_MESSAGE, action: named });
    else writes.push({ actionId: action.id, baseVersion: before?.version ?? 0, ...after });
  }
  errors.sort((a, b) => a.row - b.row);
  return { year: period.year, half: period.half, rows, errors, writes };
}

/** FNV-1a of a text, as 8 hex digits: enough to tell whether the file's content changed between preview and confirm. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The versions (and content) a preview was based on, as the confirm form sends them back. */
export function taskImportToken(preview: Pick<TaskImportPreview, 'writes'>): string {
  return preview.writes.map((w) => `${w.actionId}:${w.baseVersion}:${fingerprint(JSON.stringify([w.status, w.percent, w.progress, w.problems, w.nextSteps, w.values]))}`).join(',');
}
