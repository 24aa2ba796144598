/**
 * The evaluation report's read for a request (page, .docx route): the annual report of the same plan, year
 * and data option (loadReport), the stored preface, and the report shaped by lib/views/evaluation. Sections
 * 3 and 4 take the key-tasks and benchmarks modules' summaries when those modules provide them; until then
 * they say in one sentence that the module has no data.
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
import { loadReport } from './index';

/** The preface of a plan year, or null. */
export const loadEvaluationPreface = cache(getEvaluationPreface);

export type EvaluationRequest =
  | { ok: true; plan: PlanDetail; figures: Figure[]; report: ReportData; draft: EvaluationDraft; preface: EvaluationPreface | null; kinds: EvaluationKind[] }
  | { ok: false; status: 400 | 404; message: string };

/** Optional inputs of sections 3 and 4, from the modules that hold them (none wired yet: see README). */
export interface EvaluationModuleInputs {
  tasks?: EvaluationTasksInput | null;
  benchmarks?: EvaluationBenchmarksInput | null;
}

export async function loadEvaluation(
  slug: string,
  query: { year: string | null | undefined; includeUnapproved: string | null | undefined; kind: string | null | undefined },
  modules: EvaluationModuleInputs = {},
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
  const preface = await loadEvaluationPreface(plan.id, year);
  const draft = evaluationDraft(plan, progress, {
    kind,
    preface: preface?.text ?? null,
    allFigures: figures,
    sampleNotice: report.sampleNotice,
    tasks: modules.tasks ?? null,
    benchmarks: modules.benchmarks ?? null,
  });
  return { ok: true, plan, figures, report, draft, preface, kinds };
}
