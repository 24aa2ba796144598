/**
 * 重点任务推进情况表: the key tasks in the layout a bureau uses (专栏 / 序号 / 任务 / 责任单位 / 目标 /
 * 进展情况 / 状态), as a TableReport so that the indicator report's xlsx, docx and csv builders lay it out
 * (one set of builders), and the print page and JSON API show the same texts. Pure: the caller passes the
 * overview (lib/views/tasks) and the time of generation.
 */
import type { PlanInfo, TaskReport } from '@/lib/data/types';
import { TASK_SCHEDULE_LABELS_ZH, TASK_SCHEDULE_ORDER, type TaskScheduleStatus } from '@/lib/progress';
import { targetViews, type TaskOverview, type TaskRow } from '@/lib/views/tasks';
import { reportText, taskReportText } from './labels';
import { GENERATED_AT, type ReportCell, type TableReport } from './report';

export type TaskReportColumnKey = 'programme' | 'number' | 'task' | 'unit' | 'target' | 'progress' | 'status';

export interface TaskReportRow {
  actionId: number;
  programme: number;
  number: number;
  status: TaskScheduleStatus;
  categoryRowSpan: number;
  cells: Record<TaskReportColumnKey, ReportCell>;
}

export interface TaskReportData extends TableReport {
  planSlug: string;
  year: number;
  includeUnapproved: boolean;
  columns: { key: TaskReportColumnKey; label: string; align: 'left' | 'center' | 'right' }[];
  rows: TaskReportRow[];
  /** counts by status, every status */
  byStatus: Record<TaskScheduleStatus, number>;
  total: number;
}

const text = (t: string): ReportCell => ({ text: t, value: null, marks: [] });
const withoutQuotes = (name: string) => name.replace(/["'“”‘’「」『』]/g, '');

function unitText(row: TaskRow): string {
  const coop = row.action.cooperatingUnits;
  return coop ? `${row.leadUnit}（${taskReportText('cooperating', { units: coop })}）` : row.leadUnit;
}

export function buildTaskReport(
  plan: Pick<PlanInfo, 'slug' | 'name' | 'baseYear' | 'firstYear' | 'lastYear'>,
  overview: TaskOverview,
  reports: readonly TaskReport[],
  options: { generatedAt: Date; includeUnapproved: boolean },
): TaskReportData {
  const COLUMNS: TaskReportData['columns'] = [
    { key: 'programme', label: taskReportText('programme'), align: 'center' },
    { key: 'number', label: taskReportText('sequence'), align: 'center' },
    { key: 'task', label: taskReportText('task'), align: 'left' },
    { key: 'unit', label: taskReportText('unit'), align: 'left' },
    { key: 'target', label: taskReportText('target'), align: 'left' },
    { key: 'progress', label: taskReportText('progress'), align: 'left' },
    { key: 'status', label: taskReportText('status'), align: 'center' },
  ];
  const rows: TaskReportRow[] = overview.programmes.flatMap((programme) =>
    programme.rows.map((row, index): TaskReportRow => {
      const own = reports.filter((r) => r.actionId === row.action.id);
      const targets = targetViews(plan, row.action, own, { year: overview.year, approvedOnly: !options.includeUnapproved });
      const targetText = targets.length === 0 ? '—' : targets.map((v) => `${v.phrase}（${v.latestText === '—' ? '暂无' : v.latestText}，${v.label}）`).join('；');
      return {
        actionId: row.action.id,
        programme: programme.number,
        number: row.action.number,
        status: row.status,
        categoryRowSpan: index === 0 ? programme.rows.length : 0,
        cells: {
          programme: text(programme.heading),
          number: text(String(row.action.number)),
          task: text(row.action.name),
          unit: text(unitText(row)),
          target: text(targetText),
          progress: text(row.report?.progress ?? '—'),
          status: text(row.report && row.report.state !== 'approved' ? `${row.statusLabel}（未审核）` : row.statusLabel),
        },
      };
    }),
  );
  const counts = (byStatus: Record<TaskScheduleStatus, number>) =>
    TASK_SCHEDULE_ORDER.filter((s) => byStatus[s] > 0).map((s) => `${TASK_SCHEDULE_LABELS_ZH[s]}${byStatus[s]}项`).join('，');
  const summary = [
    overview.sentence,
    ...overview.programmes.map((p) => `${taskReportText('summaryProgramme', { heading: p.heading, total: p.total, counts: counts(p.byStatus) })}。`),
  ].join('');
  return {
    planSlug: plan.slug,
    planName: plan.name,
    year: overview.year,
    includeUnapproved: options.includeUnapproved,
    title: taskReportText('title', { plan: plan.name, year: overview.year }),
    fileBaseName: taskReportText('fileName', { plan: withoutQuotes(plan.name), year: overview.year }),
    sheetName: taskReportText('sheetName'),
    columns: COLUMNS,
    rows,
    summary,
    notes: [taskReportText('noteStatus', { year: overview.year }), taskReportText('noteTargets'), taskReportText('noteUnits')],
    dataStatus: taskReportText(options.includeUnapproved ? 'dataStatusUnapproved' : 'dataStatusApproved'),
    sampleNotice: null,
    generatedAt: options.generatedAt.toISOString(),
    generatedAtText: reportText('generatedAt', { time: GENERATED_AT.format(options.generatedAt) }),
    byStatus: overview.rollup.byStatus,
    total: overview.rollup.total,
  };
}
