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
  statusLabelEn,
  statusLabelZh,
  STATUS_LABELS_EN,
  STATUS_LABELS_ZH,
  type Assessment,
  type PlanRollup,
  type Status,
} from '@/lib/progress';
import { EMPTY_SIGN_OFF, SIGN_OFF_FIELDS, SIGN_OFF_LABELS_EN, SIGN_OFF_LABELS_ZH, type SignOff, type SignOffField } from '@/lib/schemas/sign-off';
import { categoryName, indicatorLabel } from '@/lib/views/names';
import type { BenchmarkTable } from './benchmark-table';
import { attributeText, bracketNote, reportText, tableText, type ReportLocale } from './labels';

export type { ReportLocale };

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
  /** the xlsx page footer, with &P and &N (default: 第 &P 页，共 &N 页) */
  pageFooter?: string;
  /** the language of the texts (default Chinese): marks in number formats, column widths */
  locale?: ReportLocale;
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
  /** the language of every text below: Chinese (the official report) unless English was asked for */
  locale: ReportLocale;
  planSlug: string;
  planName: string;
  year: number;
  /** 鹿泉区科技创新“十四五”规划主要指标监测表（2023年） */
  title: string;
  /** download name without extension: 鹿泉区科技创新十四五规划指标监测表_2023年 */
  fileBaseName: string;
  /** the xlsx worksheet's name and page footer in an English report (default: the Chinese ones) */
  sheetName?: string;
  pageFooter?: string;
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
  /** the label with its colon, as printed: 负责人： / Head: */
  caption: string;
  value: string;
}

const cell = (text: string, extra: Partial<ReportCell> = {}): ReportCell => ({ text, value: null, marks: [], ...extra });

function withMarks(text: string, marks: string[], locale: ReportLocale): string {
  if (marks.length === 0 || text === MISSING) return text;
  return locale === 'en' ? `${text} (${marks.join(', ')})` : `${text}（${marks.join('，')}）`;
}

// Download names keep the plan's words but drop quotation marks, which some file systems and mail clients mangle.
const withoutQuotes = (name: string) => name.replace(/["'“”‘’「」『』]/g, '');

/** 鹿泉区科技创新十四五规划指标监测表_2023年 */
export function reportFileBaseName(planName: string, year: number, locale: ReportLocale = 'zh-CN'): string {
  return reportText('fileName', { plan: withoutQuotes(planName), year }, locale);
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

const GENERATED_AT_EN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

function columnsFor(plan: PlanDetail, year: number, final: boolean, locale: ReportLocale): ReportColumn[] {
  const table = (key: Parameters<typeof tableText>[0], vars?: Record<string, number>) => tableText(key, vars, locale);
  const text = (key: Parameters<typeof reportText>[0], vars?: Record<string, number>) => reportText(key, vars, locale);
  const columns: ReportColumn[] = [
    { key: 'category', label: table('category'), align: 'center' },
    { key: 'sequence', label: table('sequence'), align: 'center' },
    { key: 'name', label: text('nameWithUnit'), align: 'left' },
    { key: 'baseline', label: table('baseline', { year: plan.baseYear }), align: 'right' },
    { key: 'target', label: table('target', { year: plan.lastYear }), align: 'right' },
    { key: 'plannedChange', label: table('annualChange'), align: 'right' },
    { key: 'attribute', label: table('attribute'), align: 'center' },
    { key: 'actual', label: text('actual', { year }), align: 'right' },
    { key: 'completion', label: text('completion'), align: 'right' },
    { key: 'expectedProgress', label: text('expectedProgress'), align: 'right' },
    { key: 'status', label: text('status'), align: 'center' },
  ];
  if (final) columns.push({ key: 'met', label: text('met'), align: 'center' });
  return columns;
}

function metCell(a: Assessment, locale: ReportLocale): ReportCell {
  if (a.status === 'achieved') return cell(reportText('metYes', {}, locale));
  if (a.status === 'notAchieved') return cell(reportText('metNo', {}, locale));
  return cell(MISSING);
}

/** A status as the report names it; 已完成 / Achieved for an achievement in the final evaluation. */
export const reportStatusText = (status: Status, a: Assessment | boolean, locale: ReportLocale) =>
  locale === 'en' ? statusLabelEn(status, a) : statusLabelZh(status, a);

function rowOf(item: IndicatorProgress, year: number, final: boolean, locale: ReportLocale): Omit<ReportRow, 'categoryRowSpan'> {
  const { indicator, assessment: a } = item;
  const marks: string[] = [];
  if (a.latestYear !== null && a.latestYear !== year) marks.push(reportText('olderYearMark', { year: a.latestYear }, locale));
  if (item.usesUnapproved) marks.push(reportText('unapprovedMark', {}, locale));
  if (item.preliminaryInFinal) marks.push(reportText('preliminaryMark', {}, locale));
  // English names where an admin entered them, else the Chinese name and unit as a whole (lib/views/names)
  const label = indicatorLabel(locale, indicator);
  const category = categoryName(locale, indicator.category);
  const decimal: CellFormat = { kind: 'decimal', decimals: indicator.decimals };
  const percent: CellFormat = { kind: 'percent', decimals: 1 };
  const hasData = a.latestYear !== null;
  const plannedChange = formatPlannedChange(indicator);
  const cells: Record<ReportColumnKey, ReportCell> = {
    category: cell(category),
    sequence: cell(String(indicator.sequence), { value: indicator.sequence, format: { kind: 'decimal', decimals: 0 } }),
    name: cell(label.nameWithUnit),
    baseline: cell(formatPlanFigure(indicator.baseline), { value: indicator.baseline, format: { kind: 'asPublished' } }),
    target: cell(formatPlanFigure(indicator.target), { value: indicator.target, format: { kind: 'asPublished' } }),
    // A bracketed cumulative increase is text; a stated rate is the plan's number as written.
    plannedChange:
      indicator.kind === 'cumulative'
        ? cell(plannedChange)
        : cell(plannedChange, { value: indicator.annualRate, format: { kind: 'asPublished' } }),
    attribute: cell(attributeText(indicator.attribute, locale)),
    actual: cell(withMarks(formatNumber(a.latestValue, indicator.decimals), marks, locale), { value: a.latestValue, format: decimal, marks: hasData ? marks : [] }),
    // the same word as completionText (lib/i18n/progress-text.ts) on the pages
    completion: a.status === 'noData' ? cell((locale === 'en' ? STATUS_LABELS_EN : STATUS_LABELS_ZH).noData) : cell(formatPercent(a.completion), { value: a.completion, format: percent }),
    // 序时进度 is the time share of the period, with or without a figure.
    expectedProgress: cell(formatPercent(a.expectedProgress), { value: a.expectedProgress, format: percent }),
    status: cell(reportStatusText(a.status, a, locale)),
    met: final ? metCell(a, locale) : cell(''),
  };
  return {
    indicatorId: indicator.id,
    sequence: indicator.sequence,
    category,
    name: label.name,
    unit: label.unit,
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
const names = (rows: ReportRow[], locale: ReportLocale) => rows.map((r) => `“${r.name}”`).join(locale === 'en' ? ', ' : '、');

/**
 * The summary paragraph: the engine's roll-up sentence, then the indicators by name — those ahead
 * (提前实现, 快于序时进度) and behind (滞后, 明显滞后) and those without data; in the final evaluation
 * which targets were met, not met, or cannot be judged yet.
 */
export function draftSummary(
  progress: Pick<PlanProgress, 'includeUnapproved' | 'summaryZh' | 'summaryEn'>,
  rows: Pick<ReportRow, 'name' | 'status'>[],
  final: boolean,
  year: number,
  locale: ReportLocale = 'zh-CN',
): string {
  const en = locale === 'en';
  const text = (key: Parameters<typeof reportText>[0], vars?: Record<string, string | number>) => reportText(key, vars, locale);
  const list = (group: Pick<ReportRow, 'name'>[]) => names(group as ReportRow[], locale);
  const byStatus = (...statuses: Status[]) => rows.filter((r) => statuses.includes(r.status));
  const parts: string[] = [];
  if (final) {
    const met = byStatus('achieved');
    const notMet = byStatus('notAchieved');
    const pending = rows.filter((r) => r.status !== 'achieved' && r.status !== 'notAchieved');
    if (met.length === rows.length && rows.length > 0) parts.push(text('summaryAllMet'));
    else if (met.length > 0) parts.push(text('summaryFinalMet', { names: list(met) }));
    if (notMet.length > 0) parts.push(text('summaryFinalNotMet', { names: list(notMet) }));
    if (pending.length > 0) parts.push(text('summaryFinalPending', { names: list(pending), year }));
  } else {
    for (const status of ['achieved', 'ahead', 'lagging', 'seriouslyLagging', 'noData', 'noTarget'] as const) {
      const group = byStatus(status);
      if (group.length > 0) parts.push(text('summaryGroup', { label: (en ? STATUS_LABELS_EN : STATUS_LABELS_ZH)[status], names: list(group) }));
    }
  }
  const sentence = en ? progress.summaryEn : progress.summaryZh;
  const stop = en ? /\.$/ : /。$/;
  const lead = progress.includeUnapproved ? sentence.replace(stop, `${text('summaryUnapproved')}${en ? '.' : '。'}`) : sentence;
  const detail = parts.length > 0 ? text('summaryDetail', { parts: parts.join(en ? '; ' : '；') }) : '';
  const tail = progress.includeUnapproved ? '' : text('summaryApproved');
  return [lead, detail, tail].filter((s) => s !== '').join(en ? ' ' : '');
}

/**
 * The report in Chinese (the official one, the default) or, with `locale: 'en'`, in English: the same
 * rows and numbers; headers, statuses, marks, footnotes and the summary in English; indicator and
 * category names in English where an admin entered them, else in Chinese as a whole.
 */
export function buildReport(plan: PlanDetail, progress: PlanProgress, options: { generatedAt: Date; signOff?: SignOff; locale?: ReportLocale }): ReportData {
  const locale = options.locale ?? 'zh-CN';
  const text = (key: Parameters<typeof reportText>[0], vars?: Record<string, string | number>) => reportText(key, vars, locale);
  const year = progress.asOfYear;
  const final = year >= plan.lastYear;
  const rows = layoutRows(progress.indicators.map((item) => ({ row: rowOf(item, year, final, locale), position: item.indicator.category.position })));
  const containsSampleData = plan.hasSampleData || progress.indicators.some((i) => i.figures.some((f) => f.isSample));

  const notes = [bracketNote(plan.lastYear - plan.baseYear, locale)];
  if (rows.some((r) => r.figureYear !== null && r.figureYear !== year)) notes.push(text('footnoteOlderYear', { year }));
  if (rows.some((r) => r.unapproved)) notes.push(text('footnoteUnapproved'));
  if (rows.some((r) => r.preliminary)) notes.push(text('footnotePreliminary'));
  if (final) notes.push(text('footnoteMet', { year }));

  return {
    locale,
    planSlug: plan.slug,
    planName: plan.name,
    year,
    title: text('title', { plan: plan.name, year }),
    fileBaseName: reportFileBaseName(plan.name, year, locale),
    ...(locale === 'en' ? { sheetName: text('sheetName'), pageFooter: text('pageFooter') } : {}),
    final,
    includeUnapproved: progress.includeUnapproved,
    containsSampleData,
    columns: columnsFor(plan, year, final, locale),
    rows,
    summary: draftSummary(progress, rows, final, year, locale),
    notes,
    dataStatus: text(progress.includeUnapproved ? 'dataStatusUnapproved' : 'dataStatusApproved'),
    sampleNotice: containsSampleData ? text('sampleData') : null,
    generatedAt: options.generatedAt.toISOString(),
    generatedAtText: text('generatedAt', { time: (locale === 'en' ? GENERATED_AT_EN : GENERATED_AT).format(options.generatedAt) }),
    rollup: progress.rollup,
    signOff: signOffLines(options.signOff ?? EMPTY_SIGN_OFF, locale),
  };
}

/** The plan's sign-off fields as labelled lines, in the order they print. */
export function signOffLines(signOff: SignOff, locale: ReportLocale = 'zh-CN'): SignOffLine[] {
  const labels = locale === 'en' ? SIGN_OFF_LABELS_EN : SIGN_OFF_LABELS_ZH;
  return SIGN_OFF_FIELDS.map((field) => ({ field, label: labels[field], caption: locale === 'en' ? `${labels[field]}: ` : `${labels[field]}：`, value: signOff[field] ?? '' }));
}
