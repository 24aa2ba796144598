/**
 * Shaping key tasks (重点任务) for pages and exports: each action's schedule status in a year (from its
 * half-year reports and the periods' due dates, through lib/progress taskScheduleStatus), the roll-up per
 * programme, overdue first, filters, targets judged with judgeTarget. Pure: the caller passes `today`.
 *
 * An action's status in year Y: its 全年 report when that counts (submitted or approved; approved only for
 * leaders' default view); else 已完成 when an earlier counted report said 已完成 and nothing was reported
 * for Y's first half; else 逾期 when the 全年 due date has passed; else the 上半年 report; else 逾期 when
 * the 上半年 due date has passed; else 待报告.
 */
import {
  compareTaskPeriods,
  judgeTarget,
  programmeHeading,
  summarizeTasks,
  TASK_SCHEDULE_LABELS_ZH,
  TASK_SCHEDULE_ORDER,
  targetStatusLabelZh,
  taskPeriodLabelZh,
  taskScheduleStatus,
  taskSummarySentenceZh,
  withEnumerationCommas,
  type Observation,
  type TargetJudgement,
  type TaskHalf,
  type TaskPeriod,
  type TaskRollup,
  type TaskScheduleStatus,
} from '@/lib/progress';
import type { PlanInfo, TaskActionDefinition, TaskPeriodDue, TaskPlan, TaskReport, TaskTargetDefinition } from '@/lib/data/types';

/** What a missing responsible unit reads. */
export const UNIT_MISSING = '未填写';

export type TaskPlanYears = Pick<PlanInfo, 'baseYear' | 'firstYear' | 'lastYear'>;

export interface TaskViewOptions {
  year: number;
  /** ISO date in the bureau's time zone */
  today: string;
  /** leaders' default: only approved reports count */
  approvedOnly: boolean;
}

/** The year shown by default: this year, kept within the plan period. */
export function defaultTaskYear(plan: TaskPlanYears, today: string): number {
  return Math.min(Math.max(Number(today.slice(0, 4)), plan.firstYear), plan.lastYear);
}

/** Every reporting period of the plan, oldest first. */
export function taskPeriods(plan: TaskPlanYears): TaskPeriod[] {
  const out: TaskPeriod[] = [];
  for (let year = plan.firstYear; year <= plan.lastYear; year++) out.push({ year, half: 'H1' }, { year, half: 'FY' });
  return out;
}

const counts = (report: TaskReport, approvedOnly: boolean) => report.state === 'approved' || (!approvedOnly && report.state === 'submitted');

export function dueDateOf(dueDates: readonly TaskPeriodDue[], period: TaskPeriod): string | null {
  return dueDates.find((d) => d.year === period.year && d.half === period.half)?.dueDate ?? null;
}

export interface TaskActionStatus {
  status: TaskScheduleStatus;
  /** the period the status comes from */
  period: TaskPeriod;
  /** the counted report behind the status (null for 逾期 / 待报告) */
  report: TaskReport | null;
}

/** The status of one action in a year (see the module comment); `reports` are the action's own. */
export function actionStatus(reports: readonly TaskReport[], dueDates: readonly TaskPeriodDue[], options: TaskViewOptions): TaskActionStatus {
  const { year, today, approvedOnly } = options;
  const of = (half: TaskHalf) => reports.find((r) => r.year === year && r.half === half) ?? null;
  const judge = (half: TaskHalf) => {
    const report = of(half);
    const status = taskScheduleStatus(report, dueDateOf(dueDates, { year, half }), today, { approvedOnly });
    const counted = report !== null && status !== 'overdue' && status !== 'pending';
    return { status, report: counted ? report : null, period: { year, half } };
  };
  const fy = judge('FY');
  if (fy.report) return fy;
  const h1 = judge('H1');
  const completedBefore = reports
    .filter((r) => r.year < year && counts(r, approvedOnly))
    .sort((a, b) => compareTaskPeriods(b, a))[0];
  if (completedBefore?.status === 'completed' && !h1.report) return { status: 'completed', period: { year: completedBefore.year, half: completedBefore.half }, report: completedBefore };
  if (fy.status === 'overdue') return fy;
  return h1;
}

export interface TaskRow {
  action: TaskActionDefinition;
  programmeNumber: number;
  programmeHeading: string;
  status: TaskScheduleStatus;
  statusLabel: string;
  period: TaskPeriod;
  periodLabel: string;
  /** the counted report behind the status */
  report: TaskReport | null;
  /** the newest report of the year in any state (what staff see they still have to submit) */
  latest: TaskReport | null;
  leadUnit: string;
  cooperatingUnits: string;
  /** the targets' phrases, 、 restored, joined with ；; '—' when the action has none */
  targetsText: string;
}

export interface TaskProgrammeRow {
  number: number;
  heading: string;
  total: number;
  byStatus: Record<TaskScheduleStatus, number>;
  rows: TaskRow[];
}

export interface TaskOverview {
  year: number;
  rollup: TaskRollup;
  /** “36项重点任务中，已完成X项，推进中Y项，滞后Z项。” */
  sentence: string;
  programmes: TaskProgrammeRow[];
  /** every action: 逾期 first, then 滞后, then in the plan's order */
  rows: TaskRow[];
  /** distinct lead units (未填写 included), for the filter */
  units: string[];
}

export function targetsText(targets: readonly TaskTargetDefinition[]): string {
  return targets.length === 0 ? '—' : [...new Set(targets.map((t) => withEnumerationCommas(t.phrase)))].join('；');
}

const ATTENTION: Partial<Record<TaskScheduleStatus, number>> = { overdue: 0, delayed: 1 };

export function buildTaskOverview(tasks: TaskPlan, reports: readonly TaskReport[], options: TaskViewOptions): TaskOverview {
  const byAction = new Map<number, TaskReport[]>();
  for (const r of reports) byAction.set(r.actionId, [...(byAction.get(r.actionId) ?? []), r]);
  const programmes = tasks.programmes.map((programme) => {
    const heading = programmeHeading(programme);
    const rows = programme.actions.map((action): TaskRow => {
      const own = byAction.get(action.id) ?? [];
      const s = actionStatus(own, tasks.dueDates, options);
      const ofYear = own.filter((r) => r.year === options.year).sort((a, b) => compareTaskPeriods(b, a));
      return {
        action,
        programmeNumber: programme.number,
        programmeHeading: heading,
        status: s.status,
        statusLabel: TASK_SCHEDULE_LABELS_ZH[s.status],
        period: s.period,
        periodLabel: taskPeriodLabelZh(s.period),
        report: s.report,
        latest: ofYear[0] ?? null,
        leadUnit: action.leadUnit ?? UNIT_MISSING,
        cooperatingUnits: action.cooperatingUnits ?? UNIT_MISSING,
        targetsText: targetsText(action.targets),
      };
    });
    return { number: programme.number, heading, rows };
  });
  const all = programmes.flatMap((p) => p.rows);
  const rollup = summarizeTasks(all.map((r) => ({ programme: r.programmeNumber, status: r.status })));
  const rank = (r: TaskRow) => ATTENTION[r.status] ?? 2;
  return {
    year: options.year,
    rollup,
    sentence: taskSummarySentenceZh(rollup),
    programmes: programmes.map((p) => {
      const counted = rollup.programmes.find((c) => c.programme === p.number);
      return { ...p, total: counted?.total ?? 0, byStatus: counted?.byStatus ?? summarizeTasks([]).byStatus };
    }),
    rows: all.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map(({ r }) => r),
    units: [...new Set(all.map((r) => r.leadUnit))].sort((a, b) => (a === UNIT_MISSING ? 1 : b === UNIT_MISSING ? -1 : a.localeCompare(b, 'zh-CN'))),
  };
}

export interface TaskFilter {
  status: TaskScheduleStatus | null;
  unit: string | null;
}

/** Reads ?status=…&unit=… ; anything unknown is no filter. */
export function parseTaskFilter(params: Record<string, string | string[] | undefined>): TaskFilter {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;
  const status = one(params.status);
  return { status: (TASK_SCHEDULE_ORDER as readonly string[]).includes(status ?? '') ? (status as TaskScheduleStatus) : null, unit: one(params.unit) || null };
}

export function filterTaskRows(rows: readonly TaskRow[], filter: TaskFilter): TaskRow[] {
  return rows.filter((r) => (filter.status === null || r.status === filter.status) && (filter.unit === null || r.leadUnit === filter.unit || r.cooperatingUnits.split(/[,，、;；\s]+/).includes(filter.unit)));
}

/**
 * A target's achieved values per year: the value in the year's counted 全年 report (README: the values are
 * yearly; a 上半年 value is kept with its report but not judged against a yearly target).
 */
export function targetObservations(targetId: number, reports: readonly TaskReport[], approvedOnly: boolean): Observation[] {
  return reports
    .filter((r) => r.half === 'FY' && counts(r, approvedOnly))
    .flatMap((r) => r.values.filter((v) => v.targetId === targetId).map((v) => ({ year: r.year, value: v.value })))
    .sort((a, b) => a.year - b.year);
}

export interface TaskTargetView {
  target: TaskTargetDefinition;
  phrase: string;
  judgement: TargetJudgement;
  label: string;
  /** “3项（2023年）” or “—” */
  latestText: string;
}

export function targetViews(plan: TaskPlanYears, action: TaskActionDefinition, reports: readonly TaskReport[], options: Pick<TaskViewOptions, 'year' | 'approvedOnly'>): TaskTargetView[] {
  return action.targets.map((target) => {
    const judgement = judgeTarget(target, targetObservations(target.id, reports, options.approvedOnly), { baseYear: plan.baseYear, lastYear: plan.lastYear, asOfYear: options.year });
    return {
      target,
      phrase: withEnumerationCommas(target.phrase),
      judgement,
      label: targetStatusLabelZh(judgement),
      latestText: judgement.latestValue === null ? '—' : `${judgement.latestValue}${target.unit}（${judgement.latestYear}年）`,
    };
  });
}

/** An action's reports, newest period first (the timeline on its page). */
export function reportTimeline(reports: readonly TaskReport[]): (TaskReport & { periodLabel: string })[] {
  return [...reports].sort((a, b) => compareTaskPeriods(b, a)).map((r) => ({ ...r, periodLabel: taskPeriodLabelZh(r) }));
}

/** Where an action sits: its programme and the action itself, or null. */
export function findTaskAction(tasks: TaskPlan, actionId: number): { programme: TaskPlan['programmes'][number]; action: TaskActionDefinition } | null {
  for (const programme of tasks.programmes) {
    const action = programme.actions.find((a) => a.id === actionId);
    if (action) return { programme, action };
  }
  return null;
}

/** Days since 1970-01-01 of an ISO date (UTC calendar arithmetic; no clock). */
function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export interface MilestoneMark {
  kind: 'planned' | 'actual';
  date: string;
  /** 0–100: where the date sits between the start of the axis and its end (clamped) */
  left: number;
  /** outside the axis (shown at its edge) */
  clamped: boolean;
}

export interface ProjectTimeline {
  /** axis from 1 January of the first year to 31 December of the last */
  years: { year: number; left: number }[];
  projects: {
    project: TaskPlan['projects'][number];
    milestones: (TaskPlan['projects'][number]['milestones'][number] & { marks: MilestoneMark[]; late: boolean })[];
  }[];
}

/**
 * The projects' milestones on one axis over the plan period (a Gantt-like time line). A milestone is late
 * when it has a planned date before today and no actual date, or an actual date after the planned one.
 */
export function projectTimeline(plan: Pick<PlanInfo, 'firstYear' | 'lastYear'>, projects: TaskPlan['projects'], today: string): ProjectTimeline {
  const start = dayNumber(`${plan.firstYear}-01-01`);
  const end = dayNumber(`${plan.lastYear}-12-31`);
  const at = (iso: string) => {
    const raw = (100 * (dayNumber(iso) - start)) / (end - start);
    return { left: Math.min(100, Math.max(0, raw)), clamped: raw < 0 || raw > 100 };
  };
  const years: ProjectTimeline['years'] = [];
  for (let y = plan.firstYear; y <= plan.lastYear; y++) years.push({ year: y, left: at(`${y}-01-01`).left });
  return {
    years,
    projects: projects.map((project) => ({
      project,
      milestones: project.milestones.map((m) => {
        const marks: MilestoneMark[] = [];
        if (m.plannedDate) marks.push({ kind: 'planned', date: m.plannedDate, ...at(m.plannedDate) });
        if (m.actualDate) marks.push({ kind: 'actual', date: m.actualDate, ...at(m.actualDate) });
        const late = m.plannedDate !== null && (m.actualDate === null ? m.plannedDate < today : m.actualDate > m.plannedDate);
        return { ...m, marks, late };
      }),
    })),
  };
}
