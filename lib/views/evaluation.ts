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
import type { Figure, PlanDetail } from '@/lib/data/types';
import {
  formatNumber,
  formatPercent,
  proposeTargets,
  PROPOSAL_KIND_LABELS_ZH,
  PROPOSAL_KINDS,
  PROPOSAL_NOTE_LABELS_ZH,
  PROPOSAL_NOTICE_ZH,
  STATUS_ORDER,
  statusLabelZh,
  taskPeriodLabelZh,
  taskSummarySentenceZh,
  TASK_SCHEDULE_LABELS_ZH,
  trajectoryRows,
  type Assessment,
  type GapToBest,
  type StandingAgainstReferences,
  type Status,
  type TargetProposalSet,
  type TaskPeriod,
  type TaskRollup,
  type TaskScheduleStatus,
  type TrajectoryRow,
} from '@/lib/progress';
import type { IndicatorProgress, PlanProgress } from './plan-progress';

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
  | 'taskCount'
  | 'benchmarkValue'
  | 'benchmarkGap'
  | 'benchmarkShare';

export interface Fact {
  key: FactKey;
  /** the indicator the number is about; null for counts of the plan */
  indicatorId: number | null;
  /** statusCount / categoryStatusCount / taskCount: which status (and category) is counted */
  status?: string;
  category?: string;
  /** the raw number from the engine */
  value: number;
  /** how it prints in the sentence */
  text: string;
}

export interface Sentence {
  text: string;
  facts: Fact[];
}

/** Builds one sentence piece by piece, recording each number it prints. */
class Writer {
  private parts: string[] = [];
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
  pct(key: FactKey, ratio: number, meta: Partial<Fact> = {}): this {
    const text = formatPercent(ratio);
    this.facts.push({ key, indicatorId: null, ...meta, value: ratio, text });
    this.parts.push(text);
    return this;
  }
  done(): Sentence {
    return { text: this.parts.join(''), facts: this.facts };
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

/** What the key-tasks module (重点任务) gives the evaluation: its roll-up, the programmes, and the actions behind schedule. */
export interface EvaluationTasksInput {
  period: TaskPeriod;
  rollup: TaskRollup;
  /** 专栏 titles by number (null where the plan text lost the heading) */
  programmes: { number: number; title: string | null }[];
  /** overdue and delayed actions with the problems their reports state */
  behind: { programme: number; action: string; status: TaskScheduleStatus; problems: string | null }[];
}

/** What the benchmarks module (对标分析) gives: per indicator the standing, sorted by the gap to the province's best (largest first). */
export interface EvaluationBenchmarksInput {
  year: number;
  rows: {
    indicatorId: number;
    name: string;
    unit: string;
    decimals: number;
    value: number;
    provinceBest: number | null;
    standing: Pick<StandingAgainstReferences, 'shareOfProvinceBest' | 'gapToProvinceBest'>;
  }[];
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
  tasks: { sentences: Sentence[]; programmes: { label: string; sentence: Sentence }[]; behind: string[] };
  benchmarks: { sentences: Sentence[] };
  problems: Sentence[];
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
export const SUGGESTIONS_PLACEHOLDER = '（下一步工作建议由评估人员根据上述问题填写。）';

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

function taskSection(input: EvaluationTasksInput | null | undefined): EvaluationDraft['tasks'] {
  if (!input || input.rollup.total === 0) return { sentences: [{ text: NO_TASKS_SENTENCE, facts: [] }], programmes: [], behind: [] };
  const lead: Sentence = {
    text: `截至${taskPeriodLabelZh(input.period)}，${taskSummarySentenceZh(input.rollup)}`,
    facts: Object.entries(input.rollup.byStatus)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => ({ key: 'taskCount' as const, indicatorId: null, status, value: n, text: String(n) })),
  };
  const titles = new Map(input.programmes.map((p) => [p.number, p.title]));
  const programmes = input.rollup.programmes.map((p) => ({
    label: `专栏${p.programme}${titles.get(p.programme) ? ` ${titles.get(p.programme)}` : ''}`,
    sentence: { text: taskSummarySentenceZh(p), facts: [] },
  }));
  const behind = input.behind.map(
    (b) => `专栏${b.programme}“${b.action}”${TASK_SCHEDULE_LABELS_ZH[b.status]}${b.problems ? `，存在问题：${b.problems}` : '，未填写存在问题'}。`,
  );
  return { sentences: [lead], programmes, behind };
}

function gapText(gap: GapToBest | null, decimals: number, unit: string, w: Writer, id: number): void {
  if (!gap) return;
  if (gap.position === 'behind') w.say('，与全省最高值相差').num('benchmarkGap', gap.gap, decimals, { indicatorId: id }, unit);
  else w.say(gap.position === 'atBest' ? '，与全省最高值持平' : '，高于全省最高值');
}

function benchmarkSection(input: EvaluationBenchmarksInput | null | undefined): EvaluationDraft['benchmarks'] {
  if (!input || input.rows.length === 0) return { sentences: [{ text: NO_BENCHMARKS_SENTENCE, facts: [] }] };
  return {
    sentences: input.rows.map((row) => {
      const w = new Writer().say(`${quoted(row.name)}${input.year}年为`).num('benchmarkValue', row.value, row.decimals, { indicatorId: row.indicatorId }, row.unit);
      if (row.standing.shareOfProvinceBest !== null) w.say('，是全省最高值的').pct('benchmarkShare', row.standing.shareOfProvinceBest, { indicatorId: row.indicatorId });
      gapText(row.standing.gapToProvinceBest, row.decimals, row.unit, w, row.indicatorId);
      return w.say('。').done();
    }),
  };
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
    benchmarks: benchmarkSection(options.benchmarks),
    problems: problemSentences(progress, plan, progress.rollup.final),
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
