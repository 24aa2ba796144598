// Domain shapes of the benchmarks module (对标值, supplementary series, county evaluation, 十三五 history,
// cross-source checks). Plain numbers and strings only; values keep their exact decimal text as well.
import type { BenchmarkKind } from '@/lib/progress/benchmarks';
import type { Direction, FigureStatus, IndicatorKind } from './types';

export type { BenchmarkKind };

/** What a value is about: an indicator of the plan (表1) or a supplementary series (监测指标). */
export type BenchmarkSubjectRef = { type: 'indicator'; id: number } | { type: 'series'; id: number };

/** "indicator:12" / "series:3": one key per subject, stored beside the foreign keys. */
export function subjectKey(subject: BenchmarkSubjectRef): string {
  return `${subject.type}:${subject.id}`;
}

export interface SupplementarySeriesInfo {
  id: number;
  key: string;
  name: string;
  unit: string;
  kind: Exclude<IndicatorKind, 'growthRate'> | IndicatorKind;
  direction: Direction;
  decimals: number;
  relatedIndicatorSequence: number | null;
  note: string | null;
  position: number;
}

/** Shared by every reviewed benchmark record. */
export interface ReviewedRecord {
  id: number;
  status: FigureStatus;
  version: number;
  reviewNote: string | null;
  updatedByName: string | null;
  /** ISO 8601 */
  updatedAt: string;
}

export interface ReferenceValueRecord extends ReviewedRecord {
  subject: BenchmarkSubjectRef;
  kind: BenchmarkKind;
  year: number;
  value: number;
  /** exact decimal text as stored (for the engine's exact differences) */
  valueText: string;
  source: string;
  note: string | null;
  isSample: boolean;
}

export interface SeriesFigureRecord extends ReviewedRecord {
  seriesId: number;
  year: number;
  value: number;
  valueText: string;
  source: string | null;
  note: string | null;
  isSample: boolean;
}

export interface CountyEvaluationRecord extends ReviewedRecord {
  year: number;
  provinceRank: number | null;
  grade: string | null;
  score: number | null;
  source: string;
  note: string | null;
}

export interface HistoryFigureRecord {
  id: number;
  subject: BenchmarkSubjectRef;
  year: number;
  value: number;
  valueText: string;
  source: string;
  stated: string | null;
  section: string | null;
  note: string | null;
}

export interface SourceCheckRuleRecord {
  indicatorId: number;
  primarySource: string;
  toleranceMode: 'absolute' | 'relative';
  tolerance: number;
}

export interface FigureSourceValueRecord {
  id: number;
  observationId: number;
  sourceName: string;
  value: number;
  valueText: string;
  source: string | null;
  note: string | null;
  updatedByName: string | null;
  updatedAt: string;
}

/** Everything the benchmarks module holds for one plan (one read). */
export interface PlanBenchmarks {
  series: SupplementarySeriesInfo[];
  seriesFigures: SeriesFigureRecord[];
  referenceValues: ReferenceValueRecord[];
  countyEvaluations: CountyEvaluationRecord[];
  history: HistoryFigureRecord[];
  sourceRules: SourceCheckRuleRecord[];
  sourceValues: FigureSourceValueRecord[];
}
