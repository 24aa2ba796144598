/**
 * The annual report in the layout of the plan's 表1: one pure function from the plan and its assessed
 * progress to everything the xlsx, docx, csv, print page and JSON API show. Every number is formatted by
 * lib/progress here, once; the format builders only lay the result out. No arithmetic beyond layout.
 *
 * Decisions (documented in README "Annual report"):
 * - 实际值 is the figure the assessment used: the latest one up to the report year. When that figure is
 *   from an earlier year, the value carries the year, e.g. "8.44（2024年）", and a footnote explains
 *   that 完成率, 序时进度 and 状态 refer to that year.
 * - A figure not yet approved (only with includeUnapproved) reads "10.35（未审核）" plus a footnote.
 * - Missing values read "—", never 0. 序时进度 is the time share of the period whether or not there is a
 *   figure; without one, 完成率 reads 暂无数据 (as the cards do).
 * - In the final evaluation a preliminary (初步) figure is marked "（初步）" plus a footnote; an indicator
 *   without a figure for the last year is 待终期评价.
 * - 是否完成 appears only in the final evaluation (year = plan.lastYear): 是 for achieved, 否 for
 *   notAchieved, "—" where no final verdict exists yet (no figure for the target year).
 */
import type { PlanDetail } from '@/lib/data/types';
import type { IndicatorProgress, PlanProgress } from '@/lib/views/plan-progress';
import {
  formatNumber,
  formatPercent,
  formatPlanFigure,
  formatPlannedChange,
  MISSING,
  statusLabelZh,
  STATUS_LABELS_ZH,
  type Assessment,
  type PlanRollup,
  type Status,
} from '@/lib/progress';
import { EMPTY_SIGN_OFF, SIGN_OFF_FIELDS, SIGN_OFF_LABELS_ZH, type SignOff, type SignOffField } from '@/lib/schemas/sign-off';
import type { BenchmarkTable } from './benchmark-table';
import { attributeText, bracketNote, reportText, tableText } from './labels';

export type ReportColumnKey =
  | 'category'
  | 'sequence'
  | 'name'
  | 'baseline'
  | 'target'
  | 'plannedChange'
  | 'attribute'
  | 'actual'
  | 'completion'
  | 'expectedProgress'
  | 'status'
  | 'met';

export interface ReportColumn {
  key: ReportColumnKey;
  label: string;
  align: 'left' | 'center' | 'right';
}

/**
 * How a numeric cell is displayed, so a spreadsheet can keep the number and format it the same way:
 * `decimal` = formatNumber(value, decimals) (grouped), `percent` = formatPercent(value, decimals) of a
 * ratio, `asPublished` = the plan's own figure as written (formatPlanFigure).
 */
export type CellFormat = { kind: 'decimal'; decimals: number } | { kind: 'percent'; decimals: number } | { kind: 'asPublished' };

export interface ReportCell {
  /** what the table shows, marks included */
  text: string;
  /** the raw number behind a numeric cell; null for text cells and missing values */
  value: number | null;
  format?: CellFormat;
  /** notes in brackets after the value, e.g. ['2024年'] or ['未审核'] */
  marks: string[];
}

export interface ReportRow {
  indicatorId: number;
  sequence: number;
  category: string;
  /** rows the category cell spans when this is the category's first row; 0 on the rows below it */
  categoryRowSpan: number;
  name: string;
  unit: string;
  attribute: PlanDetail['indicators'][number]['attribute'];
  status: Status;
  /** the year of the figure shown as 实际值 (null: none) */
  figureYear: number | null;
  /** that figure is not approved yet */
  unapproved: boolean;
  /** the final evaluation uses a preliminary (初步) figure */
  preliminary: boolean;
  cells: Record<ReportColumnKey, ReportCell>;
}

/**
 * What every table export lays out — the indicator report (ReportData) and the key-task table
 * (task-report.ts): the xlsx, docx and csv builders take only this. The first column's cells merge over
 * `categoryRowSpan` rows (类别, 专栏).
 */
export interface TableReport {
  /** the optional 对标 table (?benchmarks=1), laid out after the main table by every builder */
  benchmarks?: BenchmarkTable | null;
  /** the sign-off block (落款) printed under the table; absent: none */
  signOff?: SignOffLine[];
  planName: string;
  title: string;
  fileBaseName: string;
  /** the worksheet's name in the xlsx (default: 主要指标监测表) */
  sheetName?: string;
  columns: { key: string; label: string; align: 'left' | 'center' | 'right' }[];
  rows: { categoryRowSpan: number; cells: Record<string, ReportCell> }[];
  summary: string;
  notes: string[];
  dataStatus: string;
  sampleNotice: string | null;
  generatedAt: string;
  generatedAtText: string;
}

export interface ReportData {
  planSlug: string;
  planName: string;
  year: number;
  /** 鹿泉区科技创新“十四五”规划主要指标监测表（2023年） */
  title: string;
  /** download name without extension: 鹿泉区科技创新十四五规划指标监测表_2023年 */
  fileBaseName: string;
  /** the final evaluation (year = plan.lastYear): adds the 是否完成 column */
  final: boolean;
  includeUnapproved: boolean;
  containsSampleData: boolean;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** the auto-drafted summary paragraph (plain text, editable in Word) */
  summary: string;
  /** 注：[]括弧内数据为5年累计增长。 and the footnotes that apply */
  notes: string[];
  /** 数据状态：仅含已审核数据。 / 含未审核数据。 */
  dataStatus: string;
  /** 示例数据：… when any figure is sample data, else null */
  sampleNotice: string | null;
  /** ISO 8601 */
  generatedAt: string;
  /** 生成时间：2026年12月1日 17:41 (Beijing time) */
  generatedAtText: string;
  rollup: PlanRollup;
  /** the sign-off block (落款) in print order; an empty value prints as a blank line */
  signOff: SignOffLine[];
  /** the optional 对标 table (?benchmarks=1), laid out after 表1 by every builder */
  benchmarks?: BenchmarkTable | null;
}

export interface SignOffLine {
  field: SignOffField;
  label: string;
  value: string;
}

const cell = (text: string, extra: Partial<ReportCell> = {}): ReportCell => ({ text, value: null, marks: [], ...extra });

function withMarks(text: string, marks: string[]): string {
  return marks.length === 0 || text === MISSING ? text : `${text}（${marks.join('，')}）`;
}

// Download names keep the plan's words but drop quotation marks, which some file systems and mail clients mangle.
const withoutQuotes = (name: string) => name.replace(/["'“”‘’「」『』]/g, '');

/** 鹿泉区科技创新十四五规划指标监测表_2023年 */
export function reportFileBaseName(planName: string, year: number): string {
  return reportText('fileName', { plan: withoutQuotes(planName), year });
}

/** 鹿泉区科技创新十四五规划年度数据_2021-2025年 (the figures CSV of the data API) */
export function figuresFileBaseName(plan: { name: string; firstYear: number; lastYear: number }): string {
  return reportText('figuresFileName', { plan: withoutQuotes(plan.name), firstYear: plan.firstYear, lastYear: plan.lastYear });
}

export const GENERATED_AT = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function columnsFor(plan: PlanDetail, year: number, final: boolean): ReportColumn[] {
  const columns: ReportColumn[] = [
    { key: 'category', label: tableText('category'), align: 'center' },
    { key: 'sequence', label: tableText('sequence'), align: 'center' },
    { key: 'name', label: reportText('nameWithUnit'), align: 'left' },
    { key: 'baseline', label: tableText('baseline', { year: plan.baseYear }), align: 'right' },
    { key: 'target', label: tableText('target', { year: plan.lastYear }), align: 'right' },
    { key: 'plannedChange', label: tableText('annualChange'), align: 'right' },
    { key: 'attribute', label: tableText('attribute'), align: 'center' },
    { key: 'actual', label: reportText('actual', { year }), align: 'right' },
    { key: 'completion', label: reportText('completion'), align: 'right' },
    { key: 'expectedProgress', label: reportText('expectedProgress'), align: 'right' },
    { key: 'status', label: reportText('status'), align: 'center' },
  ];
  if (final) columns.push({ key: 'met', label: reportText('met'), align: 'center' });
  return columns;
}

function metCell(a: Assessment): ReportCell {
  if (a.status === 'achieved') return cell(reportText('metYes'));
  if (a.status === 'notAchieved') return cell(reportText('metNo'));
  return cell(MISSING);
}

function rowOf(item: IndicatorProgress, year: number, final: boolean): Omit<ReportRow, 'categoryRowSpan'> {
  const { indicator, assessment: a } = item;
  const marks: string[] = [];
  if (a.latestYear !== null && a.latestYear !== year) marks.push(reportText('olderYearMark', { year: a.latestYear }));
  if (item.usesUnapproved) marks.push(reportText('unapprovedMark'));
  if (item.preliminaryInFinal) marks.push(reportText('preliminaryMark'));
  const decimal: CellFormat = { kind: 'decimal', decimals: indicator.decimals };
  const percent: CellFormat = { kind: 'percent', decimals: 1 };
  const hasData = a.latestYear !== null;
  const plannedChange = formatPlannedChange(indicator);
  const cells: Record<ReportColumnKey, ReportCell> = {
    category: cell(indicator.category.name),
    sequence: cell(String(indicator.sequence), { value: indicator.sequence, format: { kind: 'decimal', decimals: 0 } }),
    name: cell(`${indicator.name}（${indicator.unit}）`),
    baseline: cell(formatPlanFigure(indicator.baseline), { value: indicator.baseline, format: { kind: 'asPublished' } }),
    target: cell(formatPlanFigure(indicator.target), { value: indicator.target, format: { kind: 'asPublished' } }),
    // A bracketed cumulative increase is text; a stated rate is the plan's number as written.
    plannedChange:
      indicator.kind === 'cumulative'
        ? cell(plannedChange)
        : cell(plannedChange, { value: indicator.annualRate, format: { kind: 'asPublished' } }),
    attribute: cell(attributeText(indicator.attribute)),
    actual: cell(withMarks(formatNumber(a.latestValue, indicator.decimals), marks), { value: a.latestValue, format: decimal, marks: hasData ? marks : [] }),
    // the same word as completionText (lib/i18n/progress-text.ts) on the pages
    completion: a.status === 'noData' ? cell(STATUS_LABELS_ZH.noData) : cell(formatPercent(a.completion), { value: a.completion, format: percent }),
    // 序时进度 is the time share of the period, with or without a figure.
    expectedProgress: cell(formatPercent(a.expectedProgress), { value: a.expectedProgress, format: percent }),
    status: cell(statusLabelZh(a.status, a)),
    met: final ? metCell(a) : cell(''),
  };
  return {
    indicatorId: indicator.id,
    sequence: indicator.sequence,
    category: indicator.category.name,
    name: indicator.name,
    unit: indicator.unit,
    attribute: indicator.attribute,
    status: a.status,
    figureYear: a.latestYear,
    unapproved: item.usesUnapproved,
    preliminary: item.preliminaryInFinal,
    cells,
  };
}

/** Rows in 表1 order (category position, then 序号) with the category cell's row span on each category's first row. */
function layoutRows(rows: { row: Omit<ReportRow, 'categoryRowSpan'>; position: number }[]): ReportRow[] {
  const ordered = [...rows].sort((x, y) => x.position - y.position || x.row.sequence - y.row.sequence).map((r) => r.row);
  return ordered.map((row, index) => {
    if (index > 0 && ordered[index - 1]!.category === row.category) return { ...row, categoryRowSpan: 0 };
    let span = 1;
    while (ordered[index + span]?.category === row.category) span += 1;
    return { ...row, categoryRowSpan: span };
  });
}

// Names are quoted: some contain 、 themselves (市级以上创新团队、领军人物数量).
const names = (rows: ReportRow[]) => rows.map((r) => `“${r.name}”`).join('、');

/**
 * The summary paragraph: the engine's roll-up sentence, then the indicators by name — those ahead
 * (提前实现, 快于序时进度) and behind (滞后, 明显滞后) and those without data; in the final evaluation
 * which targets were met, not met, or cannot be judged yet.
 */
function draftSummary(progress: PlanProgress, rows: ReportRow[], final: boolean, year: number): string {
  const byStatus = (...statuses: Status[]) => rows.filter((r) => statuses.includes(r.status));
  const parts: string[] = [];
  if (final) {
    const met = byStatus('achieved');
    const notMet = byStatus('notAchieved');
    const pending = rows.filter((r) => r.status !== 'achieved' && r.status !== 'notAchieved');
    if (met.length === rows.length && rows.length > 0) parts.push(reportText('summaryAllMet'));
    else if (met.length > 0) parts.push(reportText('summaryFinalMet', { names: names(met) }));
    if (notMet.length > 0) parts.push(reportText('summaryFinalNotMet', { names: names(notMet) }));
    if (pending.length > 0) parts.push(reportText('summaryFinalPending', { names: names(pending), year }));
  } else {
    for (const status of ['achieved', 'ahead', 'lagging', 'seriouslyLagging', 'noData', 'noTarget'] as const) {
      const group = byStatus(status);
      if (group.length > 0) parts.push(reportText('summaryGroup', { label: STATUS_LABELS_ZH[status], names: names(group) }));
    }
  }
  const lead = progress.includeUnapproved ? progress.summaryZh.replace(/。$/, `${reportText('summaryUnapproved')}。`) : progress.summaryZh;
  const detail = parts.length > 0 ? `其中，${parts.join('；')}。` : '';
  return `${lead}${detail}${progress.includeUnapproved ? '' : reportText('summaryApproved')}`;
}

export function buildReport(plan: PlanDetail, progress: PlanProgress, options: { generatedAt: Date; signOff?: SignOff }): ReportData {
  const year = progress.asOfYear;
  const final = year >= plan.lastYear;
  const rows = layoutRows(progress.indicators.map((item) => ({ row: rowOf(item, year, final), position: item.indicator.category.position })));
  const containsSampleData = plan.hasSampleData || progress.indicators.some((i) => i.figures.some((f) => f.isSample));

  const notes = [bracketNote(plan.lastYear - plan.baseYear)];
  if (rows.some((r) => r.figureYear !== null && r.figureYear !== year)) notes.push(reportText('footnoteOlderYear', { year }));
  if (rows.some((r) => r.unapproved)) notes.push(reportText('footnoteUnapproved'));
  if (rows.some((r) => r.preliminary)) notes.push(reportText('footnotePreliminary'));
  if (final) notes.push(reportText('footnoteMet', { year }));

  return {
    planSlug: plan.slug,
    planName: plan.name,
    year,
    title: reportText('title', { plan: plan.name, year }),
    fileBaseName: reportFileBaseName(plan.name, year),
    final,
    includeUnapproved: progress.includeUnapproved,
    containsSampleData,
    columns: columnsFor(plan, year, final),
    rows,
    summary: draftSummary(progress, rows, final, year),
    notes,
    dataStatus: reportText(progress.includeUnapproved ? 'dataStatusUnapproved' : 'dataStatusApproved'),
    sampleNotice: containsSampleData ? reportText('sampleData') : null,
    generatedAt: options.generatedAt.toISOString(),
    generatedAtText: reportText('generatedAt', { time: GENERATED_AT.format(options.generatedAt) }),
    rollup: progress.rollup,
    signOff: signOffLines(options.signOff ?? EMPTY_SIGN_OFF),
  };
}

/** The plan's sign-off fields as labelled lines, in the order they print. */
export function signOffLines(signOff: SignOff): SignOffLine[] {
  return SIGN_OFF_FIELDS.map((field) => ({ field, label: SIGN_OFF_LABELS_ZH[field], value: signOff[field] ?? '' }));
}
