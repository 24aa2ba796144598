/**
 * Key tasks (重点任务): judging the quantified commitments inside a plan's actions, the schedule status of
 * an action in a half-year reporting period, and the roll-up sentence for leaders. Pure, like the rest of
 * lib/progress; cumulative and level targets go through the indicator engine (assessIndicator, 序时进度,
 * classifyProgressRatio) rather than a second set of formulas. Rules: README "Key tasks (重点任务): targets and schedule".
 */
import { classifyProgressRatio, assessIndicator } from './assess';
import { ACHIEVED_FINAL_EN, ACHIEVED_FINAL_ZH, STATUS_LABELS_EN, STATUS_LABELS_ZH } from './labels';
import { atLeast, finite } from './numeric';
import { normalizeObservations } from './observations';
import type { IndicatorPlan, Observation, Status } from './types';

// ---------------------------------------------------------------------------------------------------
// Quantified targets
// ---------------------------------------------------------------------------------------------------

/**
 * perYear: every year on its own (每年形成2-3项): each year's value is judged against the target.
 * cumulative: the total achieved since the plan began, by the deadline (组建1-2个, 打造10个左右); the
 *   observations are running totals, the implicit baseline is 0.
 * levelAt: a level reached by the deadline (到2025年…总数达到100人); the observations are levels, and the
 *   level in the base year (baseline) is needed for 序时进度.
 */
export type TaskTargetKind = 'perYear' | 'cumulative' | 'levelAt';

/** 左右 "about", 以上 "at least"; null: the number (or range) as it stands. */
export type TaskTargetQualifier = '左右' | '以上' | null;

export interface TaskTarget {
  kind: TaskTargetKind;
  /** the number as written; for a range (3-5) its lower end */
  lower: number;
  /** a range's upper end; = lower for a single number; null when open-ended (以上) */
  upper: number | null;
  qualifier: TaskTargetQualifier;
  /** 到2025年 → 2025; null when the text names no year: the plan's last year applies */
  deadlineYear: number | null;
  /** levelAt only: the level in the plan's base year (none of the plan's texts states one) */
  baseline?: number | null;
}

/**
 * 左右 ("about N") is read as the range N ± 10 %: met at 0.9·N, exceeded above 1.1·N (5名左右: met at 4.5,
 * so 5 people; exceeded from 6). Applied to both ends of a stated range and to every kind alike.
 */
export const ABOUT_TOLERANCE = 0.1;

export interface TargetThresholds {
  /** a value at or above this meets the target */
  metAt: number;
  /** a value above this exceeds the target; null: the target has no upper end (以上) */
  exceededAbove: number | null;
}

/** The thresholds of a target, or null when it is unusable (non-finite bounds, an upper end below the lower). */
export function targetThresholds(target: TaskTarget): TargetThresholds | null {
  const lower = finite(target.lower);
  const upper = target.qualifier === '以上' || target.upper === null ? null : finite(target.upper);
  if (lower === null) return null;
  if (target.upper !== null && target.qualifier !== '以上' && (upper === null || upper < lower)) return null;
  const slack = (x: number) => (target.qualifier === '左右' ? ABOUT_TOLERANCE * Math.abs(x) : 0);
  return { metAt: lower - slack(lower), exceededAbove: upper === null ? null : upper + slack(upper) };
}

/** One value against thresholds: met at metAt (with the engine's rounding slack), exceeded strictly above exceededAbove. */
export function judgeValue(thresholds: TargetThresholds, value: number): { met: boolean; exceeded: boolean } {
  const met = atLeast(value, thresholds.metAt);
  const exceeded = thresholds.exceededAbove !== null && met && !atLeast(thresholds.exceededAbove, value);
  return { met, exceeded };
}

/** Statuses of a target: the indicator engine's, plus noBaseline (a levelAt target without a base-year level). */
export type TargetStatus = Status | 'noBaseline';

export interface TargetYearJudgement {
  year: number;
  value: number;
  met: boolean;
  exceeded: boolean;
}

export interface TargetJudgement {
  thresholds: TargetThresholds | null;
  /** the year the target is due: deadlineYear, else the plan's last year */
  deadlineYear: number;
  latestYear: number | null;
  latestValue: number | null;
  /** the latest value against the thresholds; null without data or a usable target */
  met: boolean | null;
  exceeded: boolean | null;
  /** perYear: true once a year is judged (each year is final); otherwise the latest value is from the deadline year */
  final: boolean;
  /** cumulative/levelAt with data: the engine's 序时进度, completion and progress ratio */
  expectedProgress: number | null;
  completion: number | null;
  progressRatio: number | null;
  status: TargetStatus;
  /** every counted year, oldest first, each value against the same thresholds */
  years: TargetYearJudgement[];
}

export interface TargetContext {
  /** the plan's base year (2020): values count from the year after */
  baseYear: number;
  /** the plan's last year (2025), the deadline when the target names none */
  lastYear: number;
  asOfYear: number;
}

/**
 * Judges a target against achieved values (perYear: each year's value; cumulative: running totals since
 * the plan began; levelAt: levels). Years counted: (baseYear, min(asOfYear, deadline)], last entry per year wins.
 *
 * perYear: status of the latest year: achieved (已完成) when met, else notAchieved (未完成); `years` has each.
 * cumulative / levelAt, in this order: noTarget; noData; met → achieved (已完成 in the deadline year,
 * 提前实现 before); the deadline year not met → notAchieved; levelAt without a baseline → noBaseline;
 * otherwise the engine's progress ratio against 序时进度 (ahead / onTrack / lagging / seriouslyLagging).
 * A levelAt baseline at or above the threshold makes the target "hold the level" (the engine's T = V0 rule).
 */
export function judgeTarget(target: TaskTarget, values: readonly Observation[], context: TargetContext): TargetJudgement {
  const deadlineYear = target.deadlineYear ?? context.lastYear;
  const thresholds = deadlineYear > context.baseYear ? targetThresholds(target) : null;
  const obs = normalizeObservations(values, context.baseYear, Math.min(context.asOfYear, deadlineYear));
  const latest = obs.at(-1) ?? null;
  const base = {
    thresholds, deadlineYear,
    latestYear: latest?.year ?? null, latestValue: latest?.value ?? null,
    met: null, exceeded: null, final: false,
    expectedProgress: null, completion: null, progressRatio: null,
    years: [] as TargetYearJudgement[],
  };
  if (!thresholds) return { ...base, status: 'noTarget' };
  const years = obs.map((o) => ({ year: o.year, value: o.value, ...judgeValue(thresholds, o.value) }));
  const last = years.at(-1);
  if (!last) return { ...base, years, status: 'noData' };
  const head = { ...base, years, met: last.met, exceeded: last.exceeded };
  if (target.kind === 'perYear') return { ...head, final: true, status: last.met ? 'achieved' : 'notAchieved' };

  const final = last.year >= deadlineYear;
  const baseline = target.kind === 'cumulative' ? 0 : finite(target.baseline);
  // Hold the level when the base-year level already meets the threshold (the engine's T = V0 case).
  const plan: IndicatorPlan = {
    kind: 'cumulative', baseYear: context.baseYear, targetYear: deadlineYear,
    baseline: baseline === null ? null : Math.min(baseline, thresholds.metAt), target: thresholds.metAt,
    annualRate: null, direction: 'up',
  };
  const a = assessIndicator(plan, obs, context.asOfYear);
  const engine = { expectedProgress: a.expectedProgress, completion: a.completion, progressRatio: a.progressRatio };
  if (last.met) return { ...head, ...engine, final, status: 'achieved' };
  if (final) return { ...head, ...engine, final, status: 'notAchieved' };
  if (baseline === null) return { ...head, expectedProgress: a.expectedProgress, final, status: 'noBaseline' };
  // Not met: never 'achieved' even where the engine's completion sits within rounding slack of 1.
  return { ...head, ...engine, final, status: classifyProgressRatio(a.progressRatio ?? Number.NEGATIVE_INFINITY) };
}

export const TARGET_STATUS_LABELS_ZH: Record<TargetStatus, string> = { ...STATUS_LABELS_ZH, noBaseline: '缺少基数' };
export const TARGET_STATUS_LABELS_EN: Record<TargetStatus, string> = { ...STATUS_LABELS_EN, noBaseline: 'No baseline' };

/** Label of a judged target: achieved reads 已完成 when final (each year of a perYear target is), else 提前实现. */
export function targetStatusLabelZh(j: Pick<TargetJudgement, 'status' | 'final'>): string {
  return j.status === 'achieved' && j.final ? ACHIEVED_FINAL_ZH : TARGET_STATUS_LABELS_ZH[j.status];
}

export function targetStatusLabelEn(j: Pick<TargetJudgement, 'status' | 'final'>): string {
  return j.status === 'achieved' && j.final ? ACHIEVED_FINAL_EN : TARGET_STATUS_LABELS_EN[j.status];
}

// ---------------------------------------------------------------------------------------------------
// Schedule status per half-year reporting period
// ---------------------------------------------------------------------------------------------------

/** 上半年 (first half) and 全年 (the whole year): two reporting periods a year. */
export type TaskHalf = 'H1' | 'FY';

export interface TaskPeriod {
  year: number;
  half: TaskHalf;
}

export const TASK_HALF_LABELS_ZH: Record<TaskHalf, string> = { H1: '上半年', FY: '全年' };
export const TASK_HALF_LABELS_EN: Record<TaskHalf, string> = { H1: 'first half', FY: 'full year' };

/** "2023年上半年" */
export function taskPeriodLabelZh(period: TaskPeriod): string {
  return `${period.year}年${TASK_HALF_LABELS_ZH[period.half]}`;
}

/** Orders periods: 2023 上半年 < 2023 全年 < 2024 上半年. */
export function compareTaskPeriods(a: TaskPeriod, b: TaskPeriod): number {
  return a.year - b.year || (a.half === b.half ? 0 : a.half === 'H1' ? -1 : 1);
}

/** What the responsible staff report for an action: 未启动 / 推进中 / 已完成 / 持续推进 / 滞后. */
export type ReportedTaskStatus = 'notStarted' | 'inProgress' | 'completed' | 'ongoing' | 'delayed';

/** The reported status, or overdue (逾期: no report after the due date), or pending (待报告: none yet, not due). */
export type TaskScheduleStatus = ReportedTaskStatus | 'overdue' | 'pending';

/** Display order: the leaders' sentence names the first three always, the others when present. */
export const TASK_SCHEDULE_ORDER: readonly TaskScheduleStatus[] = [
  'completed', 'inProgress', 'delayed', 'ongoing', 'notStarted', 'overdue', 'pending',
];

export const TASK_SCHEDULE_LABELS_ZH: Record<TaskScheduleStatus, string> = {
  completed: '已完成',
  inProgress: '推进中',
  delayed: '滞后',
  ongoing: '持续推进',
  notStarted: '未启动',
  overdue: '逾期',
  pending: '待报告',
};

export const TASK_SCHEDULE_LABELS_EN: Record<TaskScheduleStatus, string> = {
  completed: 'completed',
  inProgress: 'in progress',
  delayed: 'delayed',
  ongoing: 'ongoing',
  notStarted: 'not started',
  overdue: 'overdue',
  pending: 'not yet reported',
};

/** The workflow state of a report, as for yearly figures. */
export type TaskReportState = 'draft' | 'submitted' | 'returned' | 'approved';

export interface TaskReportSummary {
  status: ReportedTaskStatus;
  state: TaskReportState;
}

/**
 * The schedule status of one action in one period. A report counts once submitted or approved (with
 * approvedOnly, once approved: what leaders see by default); a draft or a returned report is not yet a report.
 * Counted → its reported status. Otherwise overdue when the due date is strictly before today (the due date
 * itself is still on time, as for figures), else pending; no due date set → pending.
 * Dates are ISO calendar dates (YYYY-MM-DD) in the bureau's time zone, compared as strings.
 */
export function taskScheduleStatus(
  report: TaskReportSummary | null,
  dueDate: string | null,
  today: string,
  options: { approvedOnly?: boolean } = {},
): TaskScheduleStatus {
  const counts = report !== null && (report.state === 'approved' || (!options.approvedOnly && report.state === 'submitted'));
  if (counts) return report.status;
  return dueDate !== null && dueDate < today ? 'overdue' : 'pending';
}

export interface TaskRollupItem {
  /** the programme (专栏) number */
  programme: number;
  status: TaskScheduleStatus;
}

export interface TaskRollup {
  total: number;
  byStatus: Record<TaskScheduleStatus, number>; // every key, zeros included
  /** per programme in order of first appearance */
  programmes: { programme: number; total: number; byStatus: Record<TaskScheduleStatus, number> }[];
}

function zeroTaskCounts(): Record<TaskScheduleStatus, number> {
  return Object.fromEntries(TASK_SCHEDULE_ORDER.map((s) => [s, 0])) as Record<TaskScheduleStatus, number>;
}

/** Counts by status for the plan and for each programme. */
export function summarizeTasks(items: readonly TaskRollupItem[]): TaskRollup {
  const byStatus = zeroTaskCounts();
  const programmes = new Map<number, TaskRollup['programmes'][number]>();
  for (const { programme, status } of items) {
    byStatus[status] += 1;
    const p = programmes.get(programme) ?? { programme, total: 0, byStatus: zeroTaskCounts() };
    p.total += 1;
    p.byStatus[status] += 1;
    programmes.set(programme, p);
  }
  return { total: items.length, byStatus, programmes: [...programmes.values()] };
}

const ALWAYS_NAMED: readonly TaskScheduleStatus[] = ['completed', 'inProgress', 'delayed'];

/** The statuses the roll-up sentence names, in its order: 已完成 / 推进中 / 滞后 always, the others when non-zero. */
export function taskSummaryStatuses(counts: Record<TaskScheduleStatus, number>): TaskScheduleStatus[] {
  return TASK_SCHEDULE_ORDER.filter((s) => ALWAYS_NAMED.includes(s) || counts[s] > 0);
}

/**
 * "36项重点任务中，已完成3项，推进中30项，滞后1项，逾期2项。" — 已完成 / 推进中 / 滞后 always (zeros too),
 * then 持续推进 / 未启动 / 逾期 / 待报告 when non-zero, so the counts always add up to the total.
 */
export function taskSummarySentenceZh(rollup: Pick<TaskRollup, 'total' | 'byStatus'>): string {
  if (rollup.total === 0) return '暂无重点任务。';
  const parts = taskSummaryStatuses(rollup.byStatus).map((s) => `${TASK_SCHEDULE_LABELS_ZH[s]}${rollup.byStatus[s]}项`);
  return `${rollup.total}项重点任务中，${parts.join('，')}。`;
}

/** "Of 36 key tasks: 3 completed, 30 in progress, 1 delayed and 2 overdue." */
export function taskSummarySentenceEn(rollup: Pick<TaskRollup, 'total' | 'byStatus'>): string {
  if (rollup.total === 0) return 'There are no key tasks.';
  const parts = taskSummaryStatuses(rollup.byStatus).map((s) => `${rollup.byStatus[s]} ${TASK_SCHEDULE_LABELS_EN[s]}`);
  const list = `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `Of ${rollup.total} key task${rollup.total === 1 ? '' : 's'}: ${list}.`;
}

// ---------------------------------------------------------------------------------------------------
// Display of the transcribed texts (moved here from lib/plans so that views and exports share them)
// ---------------------------------------------------------------------------------------------------

/** “专栏2 实施产业技术创新工程”; a lost title reads “专栏1（标题缺失）”. */
export function programmeHeading(programme: { number: number; title: string | null }): string {
  return programme.title === null ? `专栏${programme.number}（标题缺失）` : `专栏${programme.number} ${programme.title}`;
}

/**
 * For display: the scraped text's "." back to 、 (“关键技术.核心领域” → “关键技术、核心领域”). A "." between
 * two digits would be a decimal point and stays; the actions' texts contain none.
 */
export function withEnumerationCommas(text: string): string {
  return text.replace(/(?<!\d)\.|\.(?!\d)/g, '、');
}
