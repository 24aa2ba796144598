/**
 * Pure shaping of the benchmarks module for pages, exports and the evaluation report: the district's
 * value per year beside the reference values (对标), the derived standing (lib/progress/benchmarks),
 * rank histories, the county evaluation, the 十三五 segment of an indicator's chart and the figures
 * whose further sources disagree (核对). No I/O.
 *
 * Which values count: approved reference values and figures; `includeUnapproved` adds the others
 * (marked). The district's value for a year is its figure, else the history figure the plan text
 * states, else (base year, level kinds) the 表1 baseline.
 */
import type {
  BenchmarkKind,
  BenchmarkSubjectRef,
  CountyEvaluationRecord,
  FigureSourceValueRecord,
  PlanBenchmarks,
  ReferenceValueRecord,
  SupplementarySeriesInfo,
} from '@/lib/data/types';
import type { Figure, IndicatorDefinition, PlanDetail } from '@/lib/data/types';
import {
  BENCHMARK_KINDS,
  checkSources,
  rankHistory,
  standingAgainstReferences,
  type GapToBest,
  type RankHistory,
  type SourceCheck,
  type SourceTolerance,
} from '@/lib/progress';
import type { TrajectoryRow } from '@/lib/progress';

/** A subject as the pages show it: an indicator of 表1 or a supplementary series. */
export interface SubjectInfo {
  ref: BenchmarkSubjectRef;
  /** "6. 高新技术企业数量" or the series' name */
  label: string;
  name: string;
  unit: string;
  decimals: number;
  direction: 'up' | 'down';
  /** 表1 序号, null for a series */
  sequence: number | null;
  /** indicator id (page link), null for a series */
  indicatorId: number | null;
}

export function subjectsOf(plan: Pick<PlanDetail, 'indicators'>, benchmarks: Pick<PlanBenchmarks, 'series'>): SubjectInfo[] {
  return [
    ...plan.indicators.map((i) => indicatorSubject(i)),
    ...benchmarks.series.map((s) => seriesSubject(s)),
  ];
}

function indicatorSubject(i: IndicatorDefinition): SubjectInfo {
  return { ref: { type: 'indicator', id: i.id }, label: `${i.sequence}. ${i.name}`, name: i.name, unit: i.unit, decimals: i.decimals, direction: i.direction, sequence: i.sequence, indicatorId: i.id };
}

function seriesSubject(s: SupplementarySeriesInfo): SubjectInfo {
  return { ref: { type: 'series', id: s.id }, label: s.name, name: s.name, unit: s.unit, decimals: s.decimals, direction: s.direction, sequence: null, indicatorId: null };
}

const sameSubject = (a: BenchmarkSubjectRef, b: BenchmarkSubjectRef) => a.type === b.type && a.id === b.id;
const counts = (status: string, includeUnapproved: boolean) => status === 'approved' || (includeUnapproved && status !== 'returned');

export interface DistrictValue {
  year: number;
  value: number;
  text: string;
  /** where it comes from: the yearly figure, the plan text (history) or 表1's baseline */
  origin: 'figure' | 'history' | 'baseline';
  unapproved: boolean;
}

/** The district's own value of a subject per year (figures, history, baseline), oldest first. */
export function districtValues(
  plan: Pick<PlanDetail, 'baseYear' | 'indicators'>,
  figures: readonly Figure[],
  benchmarks: Pick<PlanBenchmarks, 'history' | 'seriesFigures'>,
  subject: BenchmarkSubjectRef,
  includeUnapproved = false,
): DistrictValue[] {
  const byYear = new Map<number, DistrictValue>();
  if (subject.type === 'indicator') {
    const indicator = plan.indicators.find((i) => i.id === subject.id);
    if (indicator && indicator.kind !== 'growthRate' && indicator.baseline !== null) {
      byYear.set(plan.baseYear, { year: plan.baseYear, value: indicator.baseline, text: String(indicator.baseline), origin: 'baseline', unapproved: false });
    }
  }
  for (const h of benchmarks.history) {
    if (sameSubject(h.subject, subject)) byYear.set(h.year, { year: h.year, value: h.value, text: h.valueText, origin: 'history', unapproved: false });
  }
  const yearly =
    subject.type === 'indicator'
      ? figures.filter((f) => f.indicatorId === subject.id).map((f) => ({ year: f.year, value: f.value, status: f.status }))
      : benchmarks.seriesFigures.filter((f) => f.seriesId === subject.id).map((f) => ({ year: f.year, value: f.value, status: f.status }));
  for (const f of yearly) {
    if (counts(f.status, includeUnapproved)) byYear.set(f.year, { year: f.year, value: f.value, text: String(f.value), origin: 'figure', unapproved: f.status !== 'approved' });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export interface BenchmarkYearRow {
  year: number;
  district: DistrictValue | null;
  /** the reference values of that year by kind (those that count) */
  references: Partial<Record<BenchmarkKind, ReferenceValueRecord>>;
  shareOfCityBest: number | null;
  shareOfProvinceBest: number | null;
  /** the plan's stated "相当于全省最高值的x%" as a ratio, when stated instead of a best value */
  statedShareOfProvinceBest: number | null;
  gapToCityBest: GapToBest | null;
  gapToProvinceBest: GapToBest | null;
  shareOfCityAverage: number | null;
  shareOfProvinceAverage: number | null;
}

export interface SubjectBenchmarkView {
  subject: SubjectInfo;
  rows: BenchmarkYearRow[];
  cityRanks: RankHistory;
  provinceRanks: RankHistory;
  /** the latest year with a province best or stated share, for the summary */
  latest: BenchmarkYearRow | null;
  hasAny: boolean;
  unapprovedShown: boolean;
}

/** The 对标 of one subject: one row per year with a reference value, and its rank histories. */
export function subjectBenchmarkView(
  plan: Pick<PlanDetail, 'baseYear' | 'indicators'>,
  figures: readonly Figure[],
  benchmarks: PlanBenchmarks,
  subject: SubjectInfo,
  options: { includeUnapproved?: boolean; upToYear?: number } = {},
): SubjectBenchmarkView {
  const include = options.includeUnapproved ?? false;
  const refs = benchmarks.referenceValues.filter((r) => sameSubject(r.subject, subject.ref) && counts(r.status, include) && (options.upToYear === undefined || r.year <= options.upToYear));
  const district = new Map(districtValues(plan, figures, benchmarks, subject.ref, include).map((d) => [d.year, d]));
  const years = [...new Set(refs.map((r) => r.year))].sort((a, b) => a - b);
  const rows = years.map((year): BenchmarkYearRow => {
    const references: Partial<Record<BenchmarkKind, ReferenceValueRecord>> = {};
    for (const r of refs) if (r.year === year) references[r.kind] = r;
    const own = district.get(year) ?? null;
    const standing = standingAgainstReferences(own?.text ?? null, {
      cityBest: references.cityBest?.valueText,
      cityAverage: references.cityAverage?.valueText,
      provinceBest: references.provinceBest?.valueText,
      provinceAverage: references.provinceAverage?.valueText,
    }, subject.direction);
    const stated = references.shareOfProvinceBest ? references.shareOfProvinceBest.value / 100 : null;
    return {
      year,
      district: own,
      references,
      shareOfCityBest: standing.shareOfCityBest,
      shareOfProvinceBest: standing.shareOfProvinceBest ?? stated,
      statedShareOfProvinceBest: stated,
      gapToCityBest: standing.gapToCityBest,
      gapToProvinceBest: standing.gapToProvinceBest,
      shareOfCityAverage: standing.shareOfCityAverage,
      shareOfProvinceAverage: standing.shareOfProvinceAverage,
    };
  });
  const ranks = (kind: 'cityRank' | 'provinceRank') => rankHistory(refs.filter((r) => r.kind === kind).map((r) => ({ year: r.year, rank: r.value })));
  const latest = [...rows].reverse().find((r) => r.shareOfProvinceBest !== null || r.gapToProvinceBest !== null) ?? null;
  return {
    subject,
    rows,
    cityRanks: ranks('cityRank'),
    provinceRanks: ranks('provinceRank'),
    latest,
    hasAny: rows.length > 0,
    unapprovedShown: refs.some((r) => r.status !== 'approved'),
  };
}

export interface BenchmarkSummaryItem {
  subject: SubjectInfo;
  /** year of the comparison with the province's best (or of the latest reference value) */
  year: number | null;
  district: DistrictValue | null;
  provinceBest: ReferenceValueRecord | null;
  cityBest: ReferenceValueRecord | null;
  shareOfProvinceBest: number | null;
  /** true when the share is the plan's stated ratio, not derived from a best value */
  shareStated: boolean;
  gapToProvinceBest: GapToBest | null;
  shareOfCityBest: number | null;
  gapToCityBest: GapToBest | null;
  /** latest city / province ranks and their trend over the recorded years */
  cityRanks: RankHistory;
  provinceRanks: RankHistory;
}

/**
 * Per subject (表1 indicators, then supplementary series) with any reference value up to `year`: the
 * standing against the province's best in the latest year that has one. Sorted by distance from the
 * province's best, furthest first: share of the best ascending (gaps in different units are not
 * comparable, shares are); those without a province comparison follow in 表1 order.
 */
export function benchmarkSummary(
  plan: Pick<PlanDetail, 'baseYear' | 'indicators'>,
  figures: readonly Figure[],
  benchmarks: PlanBenchmarks,
  year: number,
  options: { includeUnapproved?: boolean } = {},
): BenchmarkSummaryItem[] {
  const items = subjectsOf(plan, benchmarks)
    .map((subject) => subjectBenchmarkView(plan, figures, benchmarks, subject, { ...options, upToYear: year }))
    .filter((view) => view.hasAny)
    .map((view): BenchmarkSummaryItem => {
      const row = view.latest ?? view.rows.at(-1) ?? null;
      return {
        subject: view.subject,
        year: row?.year ?? null,
        district: row?.district ?? null,
        provinceBest: row?.references.provinceBest ?? null,
        cityBest: row?.references.cityBest ?? null,
        shareOfProvinceBest: row?.shareOfProvinceBest ?? null,
        shareStated: row !== null && row.statedShareOfProvinceBest !== null && !row.references.provinceBest,
        gapToProvinceBest: row?.gapToProvinceBest ?? null,
        shareOfCityBest: row?.shareOfCityBest ?? null,
        gapToCityBest: row?.gapToCityBest ?? null,
        cityRanks: view.cityRanks,
        provinceRanks: view.provinceRanks,
      };
    });
  const order = new Map(items.map((item, index) => [item, index]));
  return items.sort((a, b) => {
    if (a.shareOfProvinceBest !== null && b.shareOfProvinceBest !== null) return a.shareOfProvinceBest - b.shareOfProvinceBest;
    if (a.shareOfProvinceBest !== null) return -1;
    if (b.shareOfProvinceBest !== null) return 1;
    return order.get(a)! - order.get(b)!;
  });
}

// ---------------------------------------------------------------------------------------------------
// County evaluation

export interface CountyEvaluationView {
  rows: CountyEvaluationRecord[];
  ranks: RankHistory;
}

export function countyEvaluationView(evaluations: readonly CountyEvaluationRecord[], includeUnapproved = false): CountyEvaluationView {
  const rows = evaluations.filter((e) => counts(e.status, includeUnapproved)).sort((a, b) => a.year - b.year);
  return { rows, ranks: rankHistory(rows.filter((r) => r.provinceRank !== null).map((r) => ({ year: r.year, rank: r.provinceRank! }))) };
}

// ---------------------------------------------------------------------------------------------------
// 十三五 segment of an indicator's chart

export interface HistoryTrajectoryRow extends TrajectoryRow {
  /** the level the plan text states for a year before the plan period (十三五), and at the base year */
  history?: number | null;
}

/**
 * Prepends the years before the base year that the plan text states a level for (level kinds only),
 * and puts the base year's level on the history line too, so the muted 十三五 segment meets the plan's
 * own lines. Returns the rows unchanged when there is no earlier figure.
 */
export function withHistorySegment(
  rows: readonly TrajectoryRow[],
  indicator: Pick<IndicatorDefinition, 'id' | 'kind' | 'baseline'>,
  baseYear: number,
  history: PlanBenchmarks['history'],
): HistoryTrajectoryRow[] {
  if (indicator.kind === 'growthRate') return [...rows];
  const mine = history.filter((h) => h.subject.type === 'indicator' && h.subject.id === indicator.id);
  const earlier = mine.filter((h) => h.year < baseYear).sort((a, b) => a.year - b.year);
  if (earlier.length === 0) return [...rows];
  const base = mine.find((h) => h.year === baseYear)?.value ?? indicator.baseline;
  const before = earlier.map((h): HistoryTrajectoryRow => ({ year: h.year, actual: null, planned: null, target: null, history: h.value }));
  return [...before, ...rows.map((r) => (r.year === baseYear ? { ...r, history: base } : { ...r, history: null }))];
}

// ---------------------------------------------------------------------------------------------------
// Cross-source checks (核对)

export interface SourceCheckItem {
  figure: Figure;
  indicator: IndicatorDefinition;
  primarySource: string;
  tolerance: SourceTolerance;
  /** whether the indicator has a rule (else: sources must agree exactly) */
  ruleSet: boolean;
  values: FigureSourceValueRecord[];
  check: SourceCheck;
}

export function toleranceOf(benchmarks: Pick<PlanBenchmarks, 'sourceRules'>, indicatorId: number): { tolerance: SourceTolerance; primarySource: string | null; ruleSet: boolean } {
  const rule = benchmarks.sourceRules.find((r) => r.indicatorId === indicatorId);
  return rule
    ? { tolerance: { mode: rule.toleranceMode, value: rule.tolerance }, primarySource: rule.primarySource, ruleSet: true }
    : { tolerance: { mode: 'absolute', value: 0 }, primarySource: null, ruleSet: false };
}

/** Every figure (of `year`, or all) with values in further sources, checked against its 主口径; mismatches first. */
export function sourceCheckItems(plan: Pick<PlanDetail, 'indicators'>, figures: readonly Figure[], benchmarks: Pick<PlanBenchmarks, 'sourceRules' | 'sourceValues'>, year?: number): SourceCheckItem[] {
  const byFigure = new Map<number, FigureSourceValueRecord[]>();
  for (const v of benchmarks.sourceValues) byFigure.set(v.observationId, [...(byFigure.get(v.observationId) ?? []), v]);
  const items: SourceCheckItem[] = [];
  for (const figure of figures) {
    if (year !== undefined && figure.year !== year) continue;
    const values = byFigure.get(figure.id);
    const indicator = plan.indicators.find((i) => i.id === figure.indicatorId);
    if (!values || !indicator) continue;
    const { tolerance, primarySource, ruleSet } = toleranceOf(benchmarks, indicator.id);
    const primary = primarySource ?? figure.source ?? '主口径';
    items.push({
      figure,
      indicator,
      primarySource: primary,
      tolerance,
      ruleSet,
      values,
      check: checkSources({ source: primary, value: String(figure.value) }, values.map((v) => ({ source: v.sourceName, value: v.valueText })), tolerance),
    });
  }
  return items.sort((a, b) => Number(b.check.mismatch) - Number(a.check.mismatch) || a.indicator.sequence - b.indicator.sequence);
}

/** The kinds in the order the pages list them. */
export const BENCHMARK_KIND_ORDER: readonly BenchmarkKind[] = BENCHMARK_KINDS;
