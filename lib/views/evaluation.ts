/**
 * The evaluation report (规划实施评估报告) as data: the sentences, tables and chart series of its six
 * sections, for the Word file (lib/export/evaluation-docx.ts) and the HTML page alike. Pure shaping: every
 * number comes from lib/progress (assessIndicator through assessPlan, summarizePlan, proposeTargets,
 * the task and benchmark rules) and is formatted by lib/progress; nothing is computed here.
 *
 * Each sentence carries the facts it states (`facts`: the engine's raw number, which engine field it is,
 * and the text it prints as), so a test can regenerate the report from a fixture and check each number.
 * Wording rule: a sentence states a figure, a change and a comparison with the target or 序时进度 — the
 * status words are the engine's labels, never adjectives of our own.
 */
import type { Figure, PlanDetail, TaskReport } from '@/lib/data/types';
import {
  compareTaskPeriods,
  decimalsOf,
  formatNumber,
  formatPercent,
  proposeTargets,
  PROPOSAL_KIND_LABELS_ZH,
  PROPOSAL_KINDS,
  PROPOSAL_NOTE_LABELS_ZH,
  PROPOSAL_NOTICE_ZH,
  RANK_TREND_LABELS_ZH,
  STATUS_ORDER,
  statusLabelZh,
  taskPeriodLabelZh,
  taskSummarySentenceZh,
  taskSummaryStatuses,
  TASK_SCHEDULE_LABELS_ZH,
  trajectoryRows,
  withEnumerationCommas,
  type Assessment,
  type Status,
  type TargetProposalSet,
  type TaskScheduleStatus,
  type TrajectoryRow,
} from '@/lib/progress';
import type { BenchmarkSummaryItem, CountyEvaluationView } from './benchmarks';
import type { IndicatorProgress, PlanProgress } from './plan-progress';
import type { TaskOverview, TaskRow } from './tasks';

// ---------------------------------------------------------------------------------------------------
// Kinds
// ---------------------------------------------------------------------------------------------------

/** 年度评估 any plan year; 中期评估 the plan's middle year; 总结评估 its last year. */
export type EvaluationKind = 'annual' | 'midterm' | 'final';
export const EVALUATION_KINDS: readonly EvaluationKind[] = ['annual', 'midterm', 'final'];
export const EVALUATION_KIND_LABELS_ZH: Record<EvaluationKind, string> = { annual: '年度评估', midterm: '中期评估', final: '总结评估' };

type PlanYears = Pick<PlanDetail, 'firstYear' | 'lastYear'>;

/** The middle year of a plan period: 2021–2025 → 2023 (the earlier one of two middle years). */
export function middleYear(plan: PlanYears): number {
  return plan.firstYear + Math.floor((plan.lastYear - plan.firstYear) / 2);
}

/** The kinds a year allows: annual always; midterm in the middle year; final in the last year. */
export function evaluationKindsFor(plan: PlanYears, year: number): EvaluationKind[] {
  const kinds: EvaluationKind[] = [];
  if (year === plan.lastYear) kinds.push('final');
  if (year === middleYear(plan) && year !== plan.lastYear) kinds.push('midterm');
  kinds.push('annual');
  return kinds;
}

/** The kind a year gets unless another is asked for: the most specific one it allows. */
export function defaultEvaluationKind(plan: PlanYears, year: number): EvaluationKind {
  return evaluationKindsFor(plan, year)[0]!;
}

/** 鹿泉区科技创新“十四五”规划实施情况总结评估报告（初稿）; the annual one names its year. */
export function evaluationTitle(planName: string, year: number, kind: EvaluationKind): string {
  const kindText = kind === 'annual' ? `${year}年度评估` : EVALUATION_KIND_LABELS_ZH[kind];
  return `${planName}实施情况${kindText}报告（初稿）`;
}

// ---------------------------------------------------------------------------------------------------
// Sentences with their facts
// ---------------------------------------------------------------------------------------------------

/** Which engine quantity a printed number is: the test checks each against the engine. */
export type FactKey =
  | 'latestValue'
  | 'baseline'
  | 'target'
  | 'annualRate'
  | 'averageAnnualChange'
  | 'averageAnnualGrowthPct'
  | 'completion'
  | 'expectedProgress'
  | 'gapToTarget'
  | 'requiredAnnualChange'
  | 'statusCount'
  | 'categoryStatusCount'
  | 'total'
  | 'taskTotal'
  | 'taskCount'
  | 'countyRank'
  | 'countyRankChange'
  | 'benchmarkValue'
  | 'benchmarkBest'
  | 'benchmarkGap'
  | 'benchmarkShare'
  | 'benchmarkRank';

export interface Fact {
  key: FactKey;
  /** the indicator the number is about; null for counts of the plan */
  indicatorId: number | null;
  /** statusCount / categoryStatusCount / taskCount: which status (and category) is counted */
  status?: string;
  category?: string;
  /** taskTotal / taskCount of one programme (专栏 number); absent for the plan's */
  programme?: number;
  /** benchmark / county facts: the subject's label (indicator or series name) and the year the value is from */
  subject?: string;
  year?: number;
  /** the raw number from the engine */
  value: number;
  /** how it prints in the sentence */
  text: string;
}

export interface Sentence {
  text: string;
  facts: Fact[];
  /** verbatim texts the sentence quotes (an action's name, a report's 存在问题): not generated, so not facts */
  quotes?: string[];
}

/** Builds one sentence piece by piece, recording each number it prints. */
class Writer {
  private parts: string[] = [];
  private quotes: string[] = [];
  readonly facts: Fact[] = [];
  say(text: string): this {
    this.parts.push(text);
    return this;
  }
  num(key: FactKey, value: number, decimals: number, meta: Partial<Fact> = {}, suffix = ''): this {
    const text = formatNumber(value, decimals);
    this.facts.push({ key, indicatorId: null, ...meta, value, text });
    this.parts.push(`${text}${suffix}`);
    return this;
  }
  pct(key: FactKey, ratio: number, meta: Partial<Fact> = {}, decimals = 1): this {
    const text = formatPercent(ratio, decimals);
    this.facts.push({ key, indicatorId: null, ...meta, value: ratio, text });
    this.parts.push(text);
    return this;
  }
  /** A text written by people (a name, a stated problem), printed as given. */
  quote(text: string): this {
    this.quotes.push(text);
    this.parts.push(text);
    return this;
  }
  done(): Sentence {
    return { text: this.parts.join(''), facts: this.facts, ...(this.quotes.length > 0 ? { quotes: this.quotes } : {}) };
  }
}

/** Decimals of an implied rate or change: at least 2 (as the proposals print them), more where the indicator has more. */
const rateDecimals = (decimals: number) => Math.max(decimals, 2);

// Names are quoted: some contain 、 themselves.
const quoted = (name: string) => `“${name}”`;
const namesOf = (items: readonly IndicatorProgress[]) => items.map((i) => quoted(i.indicator.name)).join('、');

/** Unit as written after a level: '%' for shares, the unit otherwise. */
const unitAfter = (item: IndicatorProgress) => item.indicator.unit;
/** Unit of a change: 个百分点 for shares, the unit otherwise. */
const changeUnit = (item: IndicatorProgress) => (item.indicator.kind === 'share' ? '个百分点' : item.indicator.unit);

/** Marks of the figure the assessment used: 初步 (preliminary) and 未审核 (not yet approved). */
export function figureMarks(item: IndicatorProgress): string[] {
  const a = item.assessment;
  const figure = item.figures.filter((f) => f.year === a.latestYear).at(-1);
  const marks: string[] = [];
  if (figure?.quality === 'preliminary') marks.push('初步');
  if (item.usesUnapproved) marks.push('未审核');
  return marks;
}

const markText = (marks: string[]) => (marks.length > 0 ? `（${marks.join('，')}）` : '');

// The engine's label: 已完成 for a final-year achievement, 提前实现 before.
function statusText(a: Assessment, _final: boolean): string {
  return statusLabelZh(a.status, a);
}

/** The sentence about one indicator: its figure, its change since the base year, and the comparison with target and 序时进度. */
export function indicatorSentence(item: IndicatorProgress, baseYear: number, final: boolean): Sentence {
  const { indicator, assessment: a } = item;
  const id = { indicatorId: indicator.id };
  const w = new Writer().say(quoted(indicator.name));
  const d = indicator.decimals;
  if (a.latestYear === null || a.latestValue === null) {
    return w.say(`暂无${a.asOfYear}年及以前的数据，${statusText(a, final)}。`).done();
  }
  if (indicator.kind === 'growthRate') {
    const first = item.figures.map((f) => f.year).filter((y) => y > baseYear && y <= a.latestYear!).sort((x, y) => x - y)[0] ?? a.latestYear;
    w.say(`${a.latestYear}年为`).num('latestValue', a.latestValue, d, id, '%').say(markText(figureMarks(item)));
    if (a.averageAnnualGrowthPct !== null) {
      w.say(first === a.latestYear ? '，' : `，${first}—${a.latestYear}年年均增长`);
      if (first !== a.latestYear) w.num('averageAnnualGrowthPct', a.averageAnnualGrowthPct, rateDecimals(d), id, '%').say('，');
    } else w.say('，');
    if (a.status === 'noTarget' || indicator.annualRate === null) return w.say('规划未设定可比较的目标值。').done();
    w.say('规划目标为年均增长').num('annualRate', indicator.annualRate, Math.max(0, decimalsOfRate(indicator.annualRate)), id, '%');
    if (a.completion !== null) w.say('，目标完成率').pct('completion', a.completion, id);
    if (!final) w.say('，序时进度').pct('expectedProgress', a.expectedProgress, id);
    return w.say(`，${statusText(a, final)}。`).done();
  }
  const unit = unitAfter(item);
  w.say(`${a.latestYear}年为`).num('latestValue', a.latestValue, d, id, unit).say(markText(figureMarks(item)));
  if (indicator.baseline !== null) {
    w.say(`，${baseYear}年基数为`).num('baseline', indicator.baseline, d, id, unit);
  }
  if (a.averageAnnualChange !== null) {
    const rising = a.averageAnnualChange >= 0;
    w.say(rising ? '，年均增加' : '，年均减少').num('averageAnnualChange', Math.abs(a.averageAnnualChange), rateDecimals(d), id, changeUnit(item));
    if (a.averageAnnualGrowthPct !== null && indicator.kind === 'cumulative') {
      w.say(a.averageAnnualGrowthPct >= 0 ? '，年均增长' : '，年均下降').num('averageAnnualGrowthPct', Math.abs(a.averageAnnualGrowthPct), 2, id, '%');
    }
  }
  if (a.status === 'noTarget' || indicator.target === null) return w.say('；规划未设定可比较的目标值。').done();
  w.say('；规划目标').num('target', indicator.target, d, id, unit);
  if (a.completion !== null) w.say('，目标完成率').pct('completion', a.completion, id);
  if (!final) w.say('，序时进度').pct('expectedProgress', a.expectedProgress, id);
  w.say(`，${statusText(a, final)}`);
  if (a.gapToTarget !== null && (a.status === 'notAchieved' || (a.status !== 'achieved' && !final))) {
    const gap = indicator.direction === 'down' ? -a.gapToTarget : a.gapToTarget;
    if (gap > 0) w.say('，距目标尚差').num('gapToTarget', Math.abs(a.gapToTarget), d, id, changeUnit(item));
  }
  return w.say('。').done();
}

/** Decimals of a stated rate as a number (12 → 0, 7.17 → 2). */
function decimalsOfRate(rate: number): number {
  const s = String(rate);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

function countsSentence(lead: string, counts: Record<Status, number>, total: number, final: boolean, meta: Partial<Fact>): Sentence {
  const w = new Writer().say(lead).num('total', total, 0, meta, '项指标中，');
  const present = STATUS_ORDER.filter((s) => counts[s] > 0);
  present.forEach((s, i) => {
    w.say(`${i > 0 ? '，' : ''}${statusLabelZh(s, final)}`).num(meta.category ? 'categoryStatusCount' : 'statusCount', counts[s], 0, { ...meta, status: s }, '项');
  });
  return w.say('。').done();
}

// ---------------------------------------------------------------------------------------------------
// Optional inputs from the key-tasks and benchmarks modules
// ---------------------------------------------------------------------------------------------------

/**
 * What the key-tasks module (重点任务) gives the evaluation: the overview of the report year exactly as
 * /plans/<slug>/tasks shows it (buildTaskOverview through loadTaskRollup: the roll-up, the programmes, the
 * rows overdue first) and the plan's reports, for the 存在问题 / 下一步打算 of each action's latest counted report.
 */
export interface EvaluationTasksInput {
  overview: TaskOverview;
  /** every report of the plan's actions, in any state (only those that count are read) */
  reports: readonly TaskReport[];
  /** only approved reports count (the default); false when the report includes unapproved figures */
  approvedOnly: boolean;
}

/**
 * What the benchmarks module (对标分析) gives: the summary the 对标分析 page shows (benchmarkSummary up to
 * the report year, furthest from the province's best first) and the county evaluation's ranks.
 */
export interface EvaluationBenchmarksInput {
  items: readonly BenchmarkSummaryItem[];
  county: CountyEvaluationView;
}

// ---------------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------------

export interface EvaluationChartPanel {
  indicatorId: number;
  title: string;
  /** what the y axis shows: the unit, or 指数（2020年=100） for growth-rate indicators */
  scale: string;
  decimals: number;
  rows: TrajectoryRow[];
}

export interface EvaluationCategory {
  name: string;
  lead: Sentence;
  sentences: Sentence[];
  /** one chart per category: actual against the planned path, a panel per indicator */
  chart: { title: string; panels: EvaluationChartPanel[] };
}

export interface ProposalRow {
  indicatorId: number;
  sequence: number;
  name: string;
  unit: string;
  decimals: number;
  /** the new baseline as printed (11.62) and its year, or — and null */
  baselineText: string;
  /** the new baseline as a plain decimal (no grouping), for a new plan's definition */
  baselineValue: number | null;
  baselineYear: number | null;
  /** one cell per kind, in PROPOSAL_KINDS order: the value and the implied annual rate */
  cells: { kind: (typeof PROPOSAL_KINDS)[number]; text: string; rate: string; worse: boolean }[];
  notes: string[];
  set: TargetProposalSet;
}

export interface EvaluationDraft {
  kind: EvaluationKind;
  kindLabel: string;
  title: string;
  planName: string;
  year: number;
  final: boolean;
  /** the preface (前言 / 评估说明) an editor wrote, or null */
  preface: string | null;
  sampleNotice: string | null;
  dataNote: string;
  overview: { sentences: Sentence[]; counts: { status: Status; label: string; count: number }[]; total: number };
  categories: EvaluationCategory[];
  /** 三、重点任务推进情况: the roll-up (or the one sentence saying there is nothing to go on), each programme, each action overdue or lagging */
  tasks: { sentences: Sentence[]; programmes: { label: string; sentence: Sentence }[]; behind: Sentence[] };
  /** 四、对标分析: the county evaluation's ranks, which year the comparison is from, each subject furthest from the province's best first */
  benchmarks: { sentences: Sentence[] };
  /** 五、存在的问题: the indicators lagging or not achieved, then the actions overdue or lagging */
  problems: Sentence[];
  /** 六（二）工作建议: one line per indicator lagging or not achieved and per action overdue or lagging, from their numbers and reports */
  suggestions: { lead: Sentence; items: Sentence[] };
  proposals: { heading: string; notice: string; nextFirstYear: number; nextLastYear: number; rows: ProposalRow[]; sentences: Sentence[] };
}

export interface EvaluationOptions {
  kind: EvaluationKind;
  preface?: string | null;
  /** the figures as stored (every status): proposals use the approved ones */
  allFigures: readonly Figure[];
  sampleNotice: string | null;
  tasks?: EvaluationTasksInput | null;
  benchmarks?: EvaluationBenchmarksInput | null;
}

export const NO_TASKS_SENTENCE = '重点任务模块暂无数据，本节待重点任务进展填报后生成。';
export const NO_BENCHMARKS_SENTENCE = '对标分析模块暂无数据，本节待对标数据录入后生成。';

const LAGGING: readonly Status[] = ['lagging', 'seriouslyLagging', 'notAchieved'];

function overviewSentences(progress: PlanProgress, final: boolean, year: number): Sentence[] {
  const r = progress.rollup;
  // The engine's roll-up sentence (summarySentenceZh), written with its facts.
  const sentences: Sentence[] = [countsSentence(`截至${year}年，`, r.byStatus, r.total, final, {})];
  const items = progress.indicators;
  if (final) {
    const met = items.filter((i) => i.assessment.status === 'achieved');
    const notMet = items.filter((i) => i.assessment.status === 'notAchieved');
    const pending = items.filter((i) => i.assessment.status !== 'achieved' && i.assessment.status !== 'notAchieved');
    const w = new Writer().num('total', r.total, 0, {}, '项指标中').num('statusCount', met.length, 0, { status: 'achieved' }, '项已完成目标');
    if (notMet.length > 0) w.say('，').num('statusCount', notMet.length, 0, { status: 'notAchieved' }, `项未完成目标（${namesOf(notMet)}）`);
    if (pending.length > 0) w.say(`，${namesOf(pending)}尚无${year}年数据，暂未作终期评价`);
    sentences.push(w.say('。').done());
  } else {
    for (const status of ['achieved', 'ahead', 'lagging', 'seriouslyLagging', 'noData'] as const) {
      const group = items.filter((i) => i.assessment.status === status);
      if (group.length > 0) sentences.push({ text: `${statusLabelZh(status, false)}的有${namesOf(group)}。`, facts: [] });
    }
  }
  return sentences;
}

function categoryOf(progress: PlanProgress, plan: PlanDetail, final: boolean): EvaluationCategory[] {
  const r = progress.rollup;
  return [...plan.categories]
    .sort((a, b) => a.position - b.position)
    .map((category) => {
      const items = progress.indicators.filter((i) => i.indicator.category.id === category.id);
      const counts = r.byCategory[category.name];
      return { category, items, counts };
    })
    .filter((c) => c.items.length > 0 && c.counts)
    .map(({ category, items, counts }) => ({
      name: category.name,
      lead: countsSentence(`${category.name}类`, counts!, items.length, final, { category: category.name }),
      sentences: items.map((item) => indicatorSentence(item, plan.baseYear, final)),
      chart: {
        title: `${category.name}类指标实际值与规划路径`,
        panels: items.map((item) => ({
          indicatorId: item.indicator.id,
          title: `${item.indicator.sequence}. ${item.indicator.name}`,
          scale: item.indicator.kind === 'growthRate' ? `指数（${plan.baseYear}年=100）` : item.indicator.unit,
          decimals: item.indicator.kind === 'growthRate' ? 1 : item.indicator.decimals,
          rows: trajectoryRows(item.plan, item.figures, progress.asOfYear),
        })),
      },
    }));
}

/** 存在的问题: every indicator lagging or not achieved, with its gap and the rate now required; those without data. */
export function problemSentences(progress: PlanProgress, plan: Pick<PlanDetail, 'lastYear'>, final: boolean): Sentence[] {
  const sentences: Sentence[] = [];
  for (const item of progress.indicators) {
    const { indicator, assessment: a } = item;
    if (!LAGGING.includes(a.status) || a.latestValue === null) continue;
    const id = { indicatorId: indicator.id };
    const d = indicator.decimals;
    const w = new Writer().say(`${quoted(indicator.name)}${statusText(a, final)}：`);
    if (indicator.kind === 'growthRate') {
      if (a.averageAnnualGrowthPct !== null) w.say('年均增长').num('averageAnnualGrowthPct', a.averageAnnualGrowthPct, rateDecimals(d), id, '%');
      if (indicator.annualRate !== null) w.say('，低于规划目标年均增长').num('annualRate', indicator.annualRate, decimalsOfRate(indicator.annualRate), id, '%');
      if (a.requiredAnnualChange !== null) {
        w.say(`，${plan.lastYear}年前需年均增长`).num('requiredAnnualChange', a.requiredAnnualChange, rateDecimals(d), id, '%').say('方能完成目标');
      }
      sentences.push(w.say('。').done());
      continue;
    }
    const unit = unitAfter(item);
    w.say(`${a.latestYear}年为`).num('latestValue', a.latestValue, d, id, unit).say(markText(figureMarks(item)));
    if (indicator.target !== null) w.say('，目标').num('target', indicator.target, d, id, unit);
    if (a.gapToTarget !== null) w.say('，差').num('gapToTarget', Math.abs(a.gapToTarget), d, id, changeUnit(item));
    if (a.requiredAnnualChange !== null) {
      w.say(`，${plan.lastYear}年前需年均${a.requiredAnnualChange >= 0 ? '增加' : '减少'}`)
        .num('requiredAnnualChange', Math.abs(a.requiredAnnualChange), rateDecimals(d), id, changeUnit(item));
    }
    if (a.averageAnnualChange !== null) {
      w.say(`（${plan.lastYear - (a.latestYear ?? 0) > 0 ? '此前' : '规划期'}年均${a.averageAnnualChange >= 0 ? '增加' : '减少'}`)
        .num('averageAnnualChange', Math.abs(a.averageAnnualChange), rateDecimals(d), id, changeUnit(item))
        .say('）');
    }
    sentences.push(w.say('。').done());
  }
  const noData = progress.indicators.filter((i) => i.assessment.status === 'noData');
  if (noData.length > 0) sentences.push({ text: `${namesOf(noData)}暂无数据，无法评估。`, facts: [] });
  if (sentences.length === 0) sentences.push({ text: '各项指标均未滞后于序时进度。', facts: [] });
  return sentences;
}

// ---------------------------------------------------------------------------------------------------
// 三、重点任务推进情况
// ---------------------------------------------------------------------------------------------------

const reportCounts = (r: TaskReport, approvedOnly: boolean) => r.state === 'approved' || (!approvedOnly && r.state === 'submitted');

/** A text people wrote, on one line, without its closing punctuation (the sentence adds its own). */
const asWritten = (text: string | null) => {
  const t = (text ?? '').replace(/\s+/g, ' ').trim().replace(/[。；;，,.\s]+$/, '');
  return t === '' ? null : t;
};

/** An action overdue (逾期) or lagging (滞后) in the report year, with its latest counted report up to that year. */
export interface ActionBehind {
  row: TaskRow;
  status: Extract<TaskScheduleStatus, 'overdue' | 'delayed'>;
  /** the action's newest report (by period) that counts, up to the report year: its 存在问题 and 下一步打算 */
  latest: TaskReport | null;
}

/** The actions overdue or lagging, in the overview's order (逾期 first, then 滞后, each in the plan's order). */
export function actionsBehind(input: EvaluationTasksInput): ActionBehind[] {
  const year = input.overview.year;
  return input.overview.rows
    .filter((row): row is TaskRow & { status: ActionBehind['status'] } => row.status === 'overdue' || row.status === 'delayed')
    .map((row) => ({
      row,
      status: row.status,
      latest:
        input.reports
          .filter((r) => r.actionId === row.action.id && r.year <= year && reportCounts(r, input.approvedOnly))
          .sort((a, b) => compareTaskPeriods(b, a))[0] ?? null,
    }));
}

/** Whether any report counts for the plan's actions up to the report year (the seeded plan has none). */
export function hasTaskReports(input: EvaluationTasksInput): boolean {
  return input.reports.some((r) => r.year <= input.overview.year && reportCounts(r, input.approvedOnly));
}

const reportKind = (approvedOnly: boolean) => (approvedOnly ? '已审核的' : '已报送的');

/** “……”（专栏3）滞后（2025年全年报告） / “……”（专栏3）逾期（2025年全年进展报告报送截止日期已过，尚无已审核的报告）. */
function actionHead(w: Writer, b: ActionBehind, approvedOnly: boolean): Writer {
  // The 专栏 after the name: a quote mark right after a digit would be set in the Latin font (half width).
  w.quote(`“${withEnumerationCommas(b.row.action.name)}”`).say(`（专栏${b.row.programmeNumber}）`);
  return b.status === 'delayed'
    ? w.say(`${TASK_SCHEDULE_LABELS_ZH.delayed}（${b.row.periodLabel}报告）`)
    : w.say(`${TASK_SCHEDULE_LABELS_ZH.overdue}（${b.row.periodLabel}进展报告报送截止日期已过，尚无${reportKind(approvedOnly)}报告）`);
}

/** One action behind with the problems its latest counted report states. */
function actionSentence(b: ActionBehind, approvedOnly: boolean, lead = ''): Sentence {
  const w = actionHead(new Writer().say(lead), b, approvedOnly);
  const problems = asWritten(b.latest?.problems ?? null);
  const sameReport = b.latest !== null && b.row.report?.id === b.latest.id;
  const from = b.latest && !sameReport ? `${taskPeriodLabelZh(b.latest)}报告` : '';
  if (!b.latest) w.say('，此前亦无进展报告');
  else if (problems) w.say(`，${from || '报告'}所述存在问题：`).quote(problems);
  else w.say(`，${from || '报告'}未填写存在问题`);
  return w.say('。').done();
}

function taskCountsSentence(lead: string, counts: { total: number; byStatus: Record<TaskScheduleStatus, number> }, programme?: number): Sentence {
  const meta = programme === undefined ? {} : { programme };
  const w = new Writer().say(lead);
  if (counts.total === 0) return w.say(taskSummarySentenceZh(counts)).done();
  w.num('taskTotal', counts.total, 0, meta, '项重点任务中，');
  taskSummaryStatuses(counts.byStatus).forEach((s, i) => {
    w.say(`${i > 0 ? '，' : ''}${TASK_SCHEDULE_LABELS_ZH[s]}`).num('taskCount', counts.byStatus[s], 0, { ...meta, status: s }, '项');
  });
  return w.say('。').done();
}

/**
 * The actions behind as sentences: one per action that has a report to quote (滞后, or 逾期 after an earlier
 * report), then per reporting period one sentence naming every action overdue without any report.
 */
function behindSentences(behind: readonly ActionBehind[], approvedOnly: boolean, lead: string): Sentence[] {
  const out = behind.filter((b) => b.latest !== null).map((b) => actionSentence(b, approvedOnly, lead));
  const silent = behind.filter((b) => b.latest === null);
  for (const period of [...new Set(silent.map((b) => b.row.periodLabel))]) {
    const group = silent.filter((b) => b.row.periodLabel === period);
    const w = new Writer().say(`${lead ? `${lead}中` : ''}${out.length > 0 ? '另' : ''}有`).num('taskTotal', group.length, 0, { status: 'overdueWithoutReport' }, `项任务逾期（${period}进展报告报送截止日期已过，尚无${reportKind(approvedOnly)}报告，此前亦无进展报告）：`);
    const programmes = [...new Set(group.map((b) => b.row.programmeNumber))];
    programmes.forEach((n, i) => {
      w.say(`${i > 0 ? '；' : ''}专栏${n}：`);
      group.filter((b) => b.row.programmeNumber === n).forEach((b, j) => {
        if (j > 0) w.say('、');
        w.quote(`“${withEnumerationCommas(b.row.action.name)}”`);
      });
    });
    out.push(w.say('。').done());
  }
  return out;
}

function taskSection(input: EvaluationTasksInput | null | undefined): EvaluationDraft['tasks'] {
  if (!input || input.overview.rollup.total === 0) return { sentences: [{ text: NO_TASKS_SENTENCE, facts: [] }], programmes: [], behind: [] };
  const { overview, approvedOnly } = input;
  if (!hasTaskReports(input)) {
    const none = new Writer()
      .say(`截至${overview.year}年，`)
      .num('taskTotal', overview.rollup.total, 0, {}, `项重点任务尚无${reportKind(approvedOnly)}进展报告，本节暂无法评估推进情况。`)
      .done();
    return { sentences: [none], programmes: [], behind: [] };
  }
  const lead = taskCountsSentence(`${overview.year}年，`, overview.rollup);
  const basis: Sentence = {
    text: `各项任务的状态以${reportKind(approvedOnly)}半年和全年进展报告为准；报送截止日期已过仍无${reportKind(approvedOnly)}报告的，记为逾期。`,
    facts: [],
  };
  const behind = actionsBehind(input);
  const behindSentence =
    behind.length === 0
      ? { text: '无逾期或滞后的重点任务。', facts: [] }
      : new Writer().say('逾期或滞后的重点任务共').num('taskTotal', behind.length, 0, { status: 'overdue+delayed' }, '项，列示如下。').done();
  return {
    sentences: [lead, basis, behindSentence],
    programmes: overview.programmes.map((p) => ({ label: p.heading, sentence: taskCountsSentence('', p, p.number) })),
    behind: behindSentences(behind, approvedOnly, ''),
  };
}

// ---------------------------------------------------------------------------------------------------
// 四、对标分析
// ---------------------------------------------------------------------------------------------------

/** “2018年第1位、2019年第1位、2020年第1位，2018—2020年名次持平；2021—2025年的评价结果暂未录入。” */
function countySentence(county: CountyEvaluationView, year: number): Sentence {
  const ranks = county.ranks.ranks;
  if (ranks.length === 0) return { text: '全省县域科技创新能力评价暂无本区名次数据。', facts: [] };
  const w = new Writer().say('全省县域科技创新能力评价中，本区');
  ranks.forEach((r, i) => w.say(`${i > 0 ? '、' : ''}${r.year}年第`).num('countyRank', r.rank, 0, { year: r.year }, '位'));
  const overall = county.ranks.overall;
  if (overall) {
    w.say(`，${overall.fromYear}—${overall.toYear}年名次${RANK_TREND_LABELS_ZH[overall.trend]}`);
    if (overall.change !== 0) w.num('countyRankChange', Math.abs(overall.change), 0, { year: overall.toYear }, '位');
  }
  const last = ranks.at(-1)!.year;
  if (last < year) w.say(`；${last + 1 === year ? `${year}年` : `${last + 1}—${year}年`}的评价结果暂未录入，以上为${last}年及以前的名次`);
  return w.say('。').done();
}

const hasProvinceComparison = (item: BenchmarkSummaryItem) => item.shareOfProvinceBest !== null || item.gapToProvinceBest !== null;

/** One subject against the province's best in the year of its comparison, every number with that year. */
function benchmarkSentence(item: BenchmarkSummaryItem): Sentence {
  const { subject } = item;
  const meta = { indicatorId: subject.indicatorId, subject: subject.name, year: item.year ?? undefined };
  const d = subject.decimals;
  const bestDecimals = item.provinceBest ? Math.max(d, decimalsOf(item.provinceBest.valueText)) : d;
  const gapUnit = subject.unit === '%' ? '个百分点' : subject.unit;
  const w = new Writer().say(`${quoted(subject.name)}${item.year}年`);
  if (item.district) w.say('为').num('benchmarkValue', item.district.value, d, meta, subject.unit);
  if (item.provinceBest) w.say(`${item.district ? '，' : ''}全省最高值为`).num('benchmarkBest', item.provinceBest.value, bestDecimals, meta, subject.unit);
  if (item.shareOfProvinceBest !== null) {
    w.say(item.district || item.provinceBest ? '，相当于全省最高值的' : '相当于全省最高值的').pct('benchmarkShare', item.shareOfProvinceBest, meta, 2);
    if (item.shareStated) w.say('（规划所述比例）');
  }
  const gap = item.gapToProvinceBest;
  if (gap?.position === 'behind') w.say('，相差').num('benchmarkGap', gap.gap, bestDecimals, meta, gapUnit);
  else if (gap?.position === 'atBest') w.say('，与全省最高值持平');
  else if (gap?.position === 'beyondBest') w.say('，高于全省最高值').num('benchmarkGap', Math.abs(gap.gap), bestDecimals, meta, gapUnit);
  const rank = item.provinceRanks.ranks.at(-1);
  if (rank) w.say(`；${rank.year}年全省排名第`).num('benchmarkRank', rank.rank, 0, { ...meta, year: rank.year }, '位');
  return w.say('。').done();
}

function benchmarkSection(input: EvaluationBenchmarksInput | null | undefined, year: number): EvaluationDraft['benchmarks'] {
  if (!input || (input.items.length === 0 && input.county.ranks.ranks.length === 0)) return { sentences: [{ text: NO_BENCHMARKS_SENTENCE, facts: [] }] };
  const sentences = [countySentence(input.county, year)];
  const compared = input.items.filter(hasProvinceComparison);
  if (compared.length === 0) {
    sentences.push({ text: '暂无与全省最高值的对标数据。', facts: [] });
    return { sentences };
  }
  const years = [...new Set(compared.map((i) => i.year!))].sort((a, b) => a - b);
  const yearsText = years.map((y) => `${y}年`).join('、');
  const latest = years.at(-1)!;
  sentences.push({
    text:
      `与全省最高值的对标数据为${yearsText}数据` +
      (latest < year ? `，${year}年的全省对标值暂未录入，以下比较反映${yearsText}的情况，不代表${year}年的水平` : '') +
      `。按相当于全省最高值的比例由低到高排列：`,
    facts: [],
  });
  for (const item of compared) sentences.push(benchmarkSentence(item));
  return { sentences };
}

// ---------------------------------------------------------------------------------------------------
// 六（二）工作建议: only from the numbers and the reports
// ---------------------------------------------------------------------------------------------------

function indicatorSuggestion(item: IndicatorProgress, plan: Pick<PlanDetail, 'lastYear'>): Sentence | null {
  const { indicator, assessment: a } = item;
  if (!LAGGING.includes(a.status) || a.latestValue === null) return null;
  const id = { indicatorId: indicator.id };
  const d = indicator.decimals;
  const w = new Writer().say(`${quoted(indicator.name)}：`);
  if (indicator.kind === 'growthRate') {
    if (a.requiredAnnualChange !== null) {
      w.say(`${plan.lastYear}年前需年均增长`).num('requiredAnnualChange', a.requiredAnnualChange, rateDecimals(d), id, '%').say('方能完成目标');
      if (indicator.annualRate !== null) w.say('（规划目标年均增长').num('annualRate', indicator.annualRate, decimalsOfRate(indicator.annualRate), id, '%）');
    } else {
      w.say('规划期');
      if (a.averageAnnualGrowthPct !== null) w.say('年均增长').num('averageAnnualGrowthPct', a.averageAnnualGrowthPct, rateDecimals(d), id, '%').say('，');
      w.say('未达到规划目标');
      if (indicator.annualRate !== null) w.say('年均增长').num('annualRate', indicator.annualRate, decimalsOfRate(indicator.annualRate), id, '%');
    }
    return w.say('。').done();
  }
  const unit = changeUnit(item);
  if (a.gapToTarget !== null) w.say(a.requiredAnnualChange !== null ? '距目标尚差' : '规划期末距目标差').num('gapToTarget', Math.abs(a.gapToTarget), d, id, unit);
  if (a.requiredAnnualChange !== null) {
    w.say(`，${plan.lastYear}年前需年均${a.requiredAnnualChange >= 0 ? '增加' : '减少'}`).num('requiredAnnualChange', Math.abs(a.requiredAnnualChange), rateDecimals(d), id, unit);
  }
  return w.say('。').done();
}

function actionSuggestion(b: ActionBehind, approvedOnly: boolean): Sentence {
  const w = new Writer().quote(`“${withEnumerationCommas(b.row.action.name)}”`).say(`（专栏${b.row.programmeNumber}，${TASK_SCHEDULE_LABELS_ZH[b.status]}）：`);
  if (b.status === 'overdue') w.say(`${b.row.periodLabel}进展报告尚未${approvedOnly ? '报送或审核' : '报送'}`);
  const next = asWritten(b.latest?.nextSteps ?? null);
  if (next) w.say(`${b.status === 'overdue' ? '；' : ''}${b.latest && b.row.report?.id !== b.latest.id ? `${taskPeriodLabelZh(b.latest)}报告` : '报告'}所述下一步打算：`).quote(next);
  else if (b.status === 'delayed') w.say('报告未填写下一步打算');
  return w.say('。').done();
}

/** One line per action behind with a report; one line per period for those overdue without any report. */
function actionSuggestions(behind: readonly ActionBehind[], approvedOnly: boolean): Sentence[] {
  const out = behind.filter((b) => b.latest !== null).map((b) => actionSuggestion(b, approvedOnly));
  const silent = behind.filter((b) => b.latest === null);
  for (const period of [...new Set(silent.map((b) => b.row.periodLabel))]) {
    const n = silent.filter((b) => b.row.periodLabel === period).length;
    out.push(
      new Writer()
        .say('第五部分所列逾期且无进展报告的')
        .num('taskTotal', n, 0, { status: 'overdueWithoutReport' }, `项任务：${period}进展报告尚未${approvedOnly ? '报送或审核' : '报送'}。`)
        .done(),
    );
  }
  return out;
}

function suggestionsOf(progress: PlanProgress, plan: Pick<PlanDetail, 'lastYear'>, tasks: EvaluationTasksInput | null | undefined): EvaluationDraft['suggestions'] {
  const tasksKnown = !!tasks && tasks.overview.rollup.total > 0 && hasTaskReports(tasks);
  const items = [
    ...progress.indicators.map((item) => indicatorSuggestion(item, plan)).filter((s): s is Sentence => s !== null),
    ...(tasksKnown ? actionSuggestions(actionsBehind(tasks!), tasks!.approvedOnly) : []),
  ];
  // After the plan's last year no rate is required any more: those indicators' next-period values are in （一）.
  const ended = progress.indicators.some((i) => LAGGING.includes(i.assessment.status) && i.assessment.latestValue !== null && i.assessment.requiredAnnualChange === null);
  const lead: Sentence =
    items.length > 0
      ? { text: `依据本报告的指标监测数据${tasksKnown ? '和重点任务进展报告' : ''}，以下事项需跟进${ended ? '（规划期末未完成目标的指标，下一规划期参考值见本部分（一））' : ''}：`, facts: [] }
      : { text: `依据本报告的监测数据，无滞后或未完成的指标${tasksKnown ? '，无逾期或滞后的重点任务' : ''}，暂无需跟进的事项。`, facts: [] };
  return { lead, items };
}

/** 存在的问题 of the key tasks: every action overdue or lagging with its stated problems (none without reports). */
function taskProblems(tasks: EvaluationTasksInput | null | undefined): Sentence[] {
  if (!tasks || tasks.overview.rollup.total === 0 || !hasTaskReports(tasks)) return [];
  return behindSentences(actionsBehind(tasks), tasks.approvedOnly, '重点任务');
}

/** The 十五五 proposals per indicator (proposeTargets on the approved figures) with their printed cells and notes. */
export function proposalRows(plan: Pick<PlanDetail, 'lastYear'>, progress: PlanProgress, allFigures: readonly Figure[], nextTargetYear: number): ProposalRow[] {
  return progress.indicators.map((item) => {
    const { indicator } = item;
    const figures = allFigures
      .filter((f) => f.indicatorId === indicator.id && f.status !== 'returned')
      .map((f) => ({ year: f.year, value: f.value, approved: f.status === 'approved' }));
    const set = proposeTargets(item.plan, figures, { nextTargetYear, decimals: indicator.decimals, asOfYear: progress.asOfYear });
    const d = indicator.decimals;
    const cells = set.proposals.map((p) => {
      const text = formatNumber(p.value, d);
      const rate =
        p.value === null
          ? '—'
          : indicator.kind === 'growthRate'
            ? ''
            : p.annualGrowthPct !== null
              ? `年均${formatNumber(p.annualGrowthPct, 2)}%`
              : `年均${formatNumber(p.annualChange, rateDecimals(d))}`;
      return { kind: p.kind, text, rate, worse: p.worseThanBaseline };
    });
    const notes = [
      ...set.notes.map((n) => PROPOSAL_NOTE_LABELS_ZH[n]),
      ...set.proposals.flatMap((p) => p.notes.map((n) => `${PROPOSAL_KIND_LABELS_ZH[p.kind]}：${PROPOSAL_NOTE_LABELS_ZH[n]}`)),
      ...set.proposals.filter((p) => p.worseThanBaseline).map((p) => `${PROPOSAL_KIND_LABELS_ZH[p.kind]}：低于新基数`),
    ];
    return {
      indicatorId: indicator.id,
      sequence: indicator.sequence,
      name: indicator.name,
      unit: indicator.unit,
      decimals: d,
      baselineText: set.baseline ? formatNumber(set.baseline.value, d) : '—',
      baselineYear: set.baseline?.year ?? null,
      baselineValue: set.baseline?.value ?? null,
      cells,
      notes,
      set,
    };
  });
}

export function evaluationDraft(plan: PlanDetail, progress: PlanProgress, options: EvaluationOptions): EvaluationDraft {
  const year = progress.asOfYear;
  const final = options.kind === 'final';
  const nextFirstYear = plan.lastYear + 1;
  const nextLastYear = plan.lastYear + (plan.lastYear - plan.baseYear);
  const counts = STATUS_ORDER.map((status) => ({ status, label: statusLabelZh(status, progress.rollup.final), count: progress.rollup.byStatus[status] }));
  const rows = proposalRows(plan, progress, options.allFigures, nextLastYear);
  const worse = rows.filter((r) => r.cells.some((c) => c.worse)).length;
  return {
    kind: options.kind,
    kindLabel: EVALUATION_KIND_LABELS_ZH[options.kind],
    title: evaluationTitle(plan.name, year, options.kind),
    planName: plan.name,
    year,
    final,
    preface: options.preface?.trim() ? options.preface.trim() : null,
    sampleNotice: options.sampleNotice,
    dataNote: progress.includeUnapproved
      ? '本报告含未审核数据，标注“未审核”的数据尚未通过审核；标注“初步”的为初步统计数据。'
      : '本报告仅采用已审核数据；标注“初步”的为初步统计数据。',
    overview: { sentences: overviewSentences(progress, progress.rollup.final, year), counts, total: progress.rollup.total },
    categories: categoryOf(progress, plan, progress.rollup.final),
    tasks: taskSection(options.tasks),
    benchmarks: benchmarkSection(options.benchmarks, year),
    problems: [...problemSentences(progress, plan, progress.rollup.final), ...taskProblems(options.tasks)],
    suggestions: suggestionsOf(progress, plan, options.tasks),
    proposals: {
      heading: `“十五五”（${nextFirstYear}—${nextLastYear}年）目标测算参考`,
      notice: PROPOSAL_NOTICE_ZH,
      nextFirstYear,
      nextLastYear,
      rows,
      sentences: [
        {
          text: `按${PROPOSAL_KINDS.map((k) => `“${PROPOSAL_KIND_LABELS_ZH[k]}”`).join('、')}三种口径，以最近一年已审核数据为新基数，测算${nextLastYear}年各指标参考值${worse > 0 ? `；其中${worse}项指标有低于新基数的测算值，已在表中标注` : ''}。`,
          facts: worse > 0 ? [{ key: 'total', indicatorId: null, value: worse, text: String(worse) }] : [],
        },
      ],
    },
  };
}

/** A paragraph's text from its sentences. */
export const paragraphText = (sentences: readonly Sentence[]) => sentences.map((s) => s.text).join('');
