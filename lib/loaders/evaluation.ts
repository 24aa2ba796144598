/**
 * The evaluation report's read for a request (page, .docx route): the annual report of the same plan, year
 * and data option (loadReport), the stored preface, and the report shaped by lib/views/evaluation. Section
 * 3 takes the key-task overview of the report year as /plans/<slug>/tasks shows it (loadTaskRollup, with the
 * same approved-only rule as the figures) and the plan's task reports; section 4 the 对标 summary up to the
 * report year (loadBenchmarkSummary, as the 对标分析 page orders it) with the county evaluation's ranks.
 */
import { cache } from 'react';
import { getEvaluationPreface, type EvaluationPreface } from '@/lib/data/evaluation-prefaces';
import type { Figure, PlanDetail } from '@/lib/data/types';
import type { ReportData } from '@/lib/export/report';
import { evaluationKindSchema } from '@/lib/schemas/evaluation';
import { firstIssue } from '@/lib/schemas/report';
import {
  defaultEvaluationKind,
  evaluationDraft,
  evaluationKindsFor,
  EVALUATION_KIND_LABELS_ZH,
  type EvaluationBenchmarksInput,
  type EvaluationDraft,
  type EvaluationKind,
  type EvaluationTasksInput,
} from '@/lib/views/evaluation';
import { loadBenchmarkSummary, loadReport, loadTaskReports, loadTaskRollup } from './index';

/** The preface of a plan year, or null. */
export const loadEvaluationPreface = cache(getEvaluationPreface);

export type EvaluationRequest =
  | { ok: true; plan: PlanDetail; figures: Figure[]; report: ReportData; draft: EvaluationDraft; preface: EvaluationPreface | null; kinds: EvaluationKind[] }
  | { ok: false; status: 400 | 404; message: string };

/** Sections 3 and 4's inputs: the key-task overview and reports, the 对标 summary and county ranks, of the report year. */
export async function loadEvaluationModules(
  plan: PlanDetail,
  year: number,
  includeUnapproved: boolean,
): Promise<{ tasks: EvaluationTasksInput | null; benchmarks: EvaluationBenchmarksInput | null }> {
  const approvedOnly = !includeUnapproved;
  const [overview, reports, summary] = await Promise.all([
    loadTaskRollup(plan.slug, year, approvedOnly),
    loadTaskReports(plan.id),
    loadBenchmarkSummary(plan, year, { includeUnapproved }),
  ]);
  return {
    tasks: overview ? { overview, reports, approvedOnly } : null,
    benchmarks: summary ? { items: summary.items, county: summary.countyEvaluation } : null,
  };
}

export async function loadEvaluation(
  slug: string,
  query: { year: string | null | undefined; includeUnapproved: string | null | undefined; kind: string | null | undefined },
  now: Date = new Date(),
): Promise<EvaluationRequest> {
  const loaded = await loadReport(slug, { year: query.year, includeUnapproved: query.includeUnapproved }, now);
  if (!loaded.ok) return loaded;
  const { plan, figures, progress, report } = loaded;
  const year = progress.asOfYear;
  const parsed = evaluationKindSchema.safeParse(query.kind ?? undefined);
  if (!parsed.success) return { ok: false, status: 400, message: firstIssue(parsed.error) };
  const kinds = evaluationKindsFor(plan, year);
  const kind = parsed.data ?? defaultEvaluationKind(plan, year);
  if (!kinds.includes(kind)) {
    return { ok: false, status: 400, message: `${year}年只能生成${kinds.map((k) => EVALUATION_KIND_LABELS_ZH[k]).join('或')}报告。` };
  }
  const [preface, modules] = await Promise.all([loadEvaluationPreface(plan.id, year), loadEvaluationModules(plan, year, report.includeUnapproved)]);
  const draft = evaluationDraft(plan, progress, {
    kind,
    preface: preface?.text ?? null,
    allFigures: figures,
    sampleNotice: report.sampleNotice,
    tasks: modules.tasks,
    benchmarks: modules.benchmarks,
  });
  return { ok: true, plan, figures, report, draft, preface, kinds };
}
