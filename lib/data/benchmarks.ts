/**
 * Reads of the benchmarks module for one plan: supplementary series and their figures, reference values
 * (对标值), county evaluations, 十三五 history, the indicators' cross-source rules and the figures' values
 * in further sources. One call, a handful of queries; plain domain types out.
 */
import { getPrisma } from '@/lib/db';
import { decimalToNumber } from './decimal';
import type {
  BenchmarkSubjectRef,
  CountyEvaluationRecord,
  FigureSourceValueRecord,
  HistoryFigureRecord,
  PlanBenchmarks,
  ReferenceValueRecord,
  SeriesFigureRecord,
  SourceCheckRuleRecord,
  SourceRuleChange,
  SupplementarySeriesInfo,
} from './types';

function subjectOf(row: { indicatorId: number | null; seriesId: number | null }): BenchmarkSubjectRef {
  return row.indicatorId !== null ? { type: 'indicator', id: row.indicatorId } : { type: 'series', id: row.seriesId! };
}

const reviewed = (row: { id: number; status: ReferenceValueRecord['status']; version: number; reviewNote: string | null; updatedByName: string | null; updatedAt: Date }) => ({
  id: row.id,
  status: row.status,
  version: row.version,
  reviewNote: row.reviewNote,
  updatedByName: row.updatedByName,
  updatedAt: row.updatedAt.toISOString(),
});

/** A rule as a setSourceRule event keeps it (JSON: tolerance as decimal text). */
function ruleState(json: unknown): SourceRuleChange['before'] {
  if (!json || typeof json !== 'object') return null;
  const r = json as { primarySource?: unknown; toleranceMode?: unknown; tolerance?: unknown };
  return { primarySource: String(r.primarySource ?? ''), toleranceMode: r.toleranceMode === 'absolute' ? 'absolute' : 'relative', tolerance: Number(r.tolerance ?? 0) };
}

export async function getPlanBenchmarks(planId: number): Promise<PlanBenchmarks> {
  const prisma = getPrisma();
  const [series, seriesFigures, referenceValues, countyEvaluations, history, sourceRules, ruleHistory, sourceValues] = await Promise.all([
    prisma.supplementarySeries.findMany({ where: { planId }, orderBy: { position: 'asc' } }),
    prisma.seriesFigure.findMany({ where: { series: { planId } }, orderBy: [{ seriesId: 'asc' }, { year: 'asc' }] }),
    prisma.referenceValue.findMany({ where: { planId }, orderBy: [{ year: 'asc' }, { id: 'asc' }] }),
    prisma.countyEvaluation.findMany({ where: { planId }, orderBy: { year: 'asc' } }),
    prisma.historyFigure.findMany({ where: { planId }, orderBy: [{ year: 'asc' }, { id: 'asc' }] }),
    prisma.sourceCheckRule.findMany({ where: { indicator: { planId } } }),
    prisma.definitionEvent.findMany({ where: { planId, action: 'setSourceRule', indicatorId: { not: null } }, orderBy: [{ at: 'desc' }, { id: 'desc' }] }),
    prisma.figureSourceValue.findMany({ where: { observation: { indicator: { planId } } }, orderBy: [{ observationId: 'asc' }, { sourceName: 'asc' }] }),
  ]);
  return {
    series: series.map(
      (s): SupplementarySeriesInfo => ({
        id: s.id,
        key: s.key,
        name: s.name,
        unit: s.unit,
        kind: s.kind,
        direction: s.direction,
        decimals: s.decimals,
        relatedIndicatorSequence: s.relatedIndicatorSequence,
        note: s.note,
        position: s.position,
      }),
    ),
    seriesFigures: seriesFigures.map(
      (f): SeriesFigureRecord => ({
        ...reviewed(f),
        seriesId: f.seriesId,
        year: f.year,
        value: decimalToNumber(f.value)!,
        valueText: f.value.toString(),
        source: f.source,
        note: f.note,
        isSample: f.isSample,
      }),
    ),
    referenceValues: referenceValues.map(
      (r): ReferenceValueRecord => ({
        ...reviewed(r),
        subject: subjectOf(r),
        kind: r.kind,
        year: r.year,
        value: decimalToNumber(r.value)!,
        valueText: r.value.toString(),
        source: r.source,
        note: r.note,
        isSample: r.isSample,
      }),
    ),
    countyEvaluations: countyEvaluations.map(
      (c): CountyEvaluationRecord => ({
        ...reviewed(c),
        year: c.year,
        provinceRank: c.provinceRank,
        grade: c.grade,
        score: decimalToNumber(c.score),
        source: c.source,
        note: c.note,
      }),
    ),
    history: history.map(
      (h): HistoryFigureRecord => ({
        id: h.id,
        subject: subjectOf(h),
        year: h.year,
        value: decimalToNumber(h.value)!,
        valueText: h.value.toString(),
        source: h.source,
        stated: h.stated,
        section: h.section,
        note: h.note,
      }),
    ),
    sourceRules: sourceRules.map(
      (r): SourceCheckRuleRecord => ({ indicatorId: r.indicatorId, primarySource: r.primarySource, toleranceMode: r.toleranceMode, tolerance: decimalToNumber(r.tolerance)! }),
    ),
    ruleHistory: ruleHistory.map(
      (e): SourceRuleChange => ({
        id: e.id,
        indicatorId: e.indicatorId!,
        at: e.at.toISOString(),
        actorName: e.actorName,
        reason: e.reason,
        before: ruleState(e.before),
        after: ruleState(e.after) ?? { primarySource: '', toleranceMode: 'relative', tolerance: 0 },
      }),
    ),
    sourceValues: sourceValues.map(
      (v): FigureSourceValueRecord => ({
        id: v.id,
        observationId: v.observationId,
        sourceName: v.sourceName,
        value: decimalToNumber(v.value)!,
        valueText: v.value.toString(),
        source: v.source,
        note: v.note,
        updatedByName: v.updatedByName,
        updatedAt: v.updatedAt.toISOString(),
      }),
    ),
  };
}
