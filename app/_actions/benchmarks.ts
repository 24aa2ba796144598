'use server';

/**
 * Server actions of the benchmarks module: reference values (对标值) and county evaluations entered by
 * staff and reviewed like figures, a figure's values in further sources (核对), an indicator's 主口径 and
 * tolerance. Each: authorize → parse (lib/schemas/benchmarks) → one lib/data write → form state.
 */
import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/action';
import { canEnterIndicator, type SessionUser } from '@/lib/auth/permissions';
import {
  importReferenceValues,
  removeFigureSourceValue,
  saveCountyEvaluation,
  saveFigureSourceValue,
  saveReferenceValue,
  saveSeriesFigure,
  saveSourceCheckRule,
  transitionBenchmarkRecord,
  type BenchmarkWriteResult,
} from '@/lib/data/benchmark-writes';
import { loadPlan, loadPlanBenchmarks, loadPlanFigures } from '@/lib/loaders';
import { readBenchmarkWorkbook, subjectLabel } from '@/lib/import/benchmark-workbook';
import { withImportSlot } from '@/lib/import/import-slots';
import { BENCHMARK_KIND_LABELS_ZH } from '@/lib/progress';
import { parseFigure } from '@/lib/schemas/figure-value';
import { FIGURE_UPLOAD_MAX_BYTES } from '@/lib/schemas/uploads';
import { buildReferenceImportPreview, LOCKED_REFERENCE_MESSAGE, referenceImportToken, templateSubjects, type BenchmarkImportError, type ReferenceImportRow } from '@/lib/views/benchmark-import';
import {
  benchmarkReviewSchema,
  countyEvaluationFormSchema,
  benchmarkImportYears,
  parseBenchmarkValue,
  referenceImportTargetSchema,
  referenceValueFormSchema,
  removeSourceValueSchema,
  seriesFigureFormSchema,
  sourceRuleFormSchema,
  sourceValueFormSchema,
} from '@/lib/schemas/benchmarks';
import { fieldErrors, typedValues, type FormState } from '@/lib/schemas/form-state';

const refresh = () => revalidatePath('/', 'layout');

function refusalState(result: Exclude<BenchmarkWriteResult, { ok: true }>, values: Record<string, string>): FormState {
  const current = 'current' in result ? result.current : null;
  return {
    message: `refused.${result.reason}`,
    values: { ...values, ...(current ? { currentValue: current.value ?? '', currentBy: current.updatedByName ?? '', currentVersion: String(current.version) } : {}) },
  };
}

/** Staff limited to some indicators may enter reference values of those only; series need the full scope. */
function mayEnterSubject(user: SessionUser, subject: { type: 'indicator' | 'series'; id: number }): boolean {
  return subject.type === 'indicator' ? canEnterIndicator(user, subject.id) : user.role !== 'staff' || user.indicatorIds === null;
}

const REFERENCE_FIELDS = ['subject', 'kind', 'year', 'value', 'source', 'note', 'baseVersion'];

/** Saves a reference value (draft, or submitted for review). */
export async function saveReferenceValueAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, refusal } = await authorizeAction('figures.enter');
  if (refusal) return refusal;
  const values = typedValues(formData, REFERENCE_FIELDS);
  const parsed = referenceValueFormSchema.safeParse(Object.fromEntries(['planSlug', 'intent', ...REFERENCE_FIELDS].map((f) => [f, formData.get(f) ?? ''])));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: 'checkFields', values };
  const plan = await loadPlan(parsed.data.planSlug);
  if (!plan) return { message: 'refused.notFound', values };
  if (!mayEnterSubject(user, parsed.data.subject)) return { refused: 'forbidden', message: 'refused.forbidden', values };
  const result = await saveReferenceValue({ ...parsed.data, planId: plan.id, submit: parsed.data.intent === 'submit' }, user);
  if (!result.ok) return refusalState(result, values);
  refresh();
  return { ok: true, message: result.unchanged ? 'nothingChanged' : parsed.data.intent === 'submit' ? 'submitted' : 'saved' };
}

const EVALUATION_FIELDS = ['year', 'provinceRank', 'grade', 'score', 'source', 'note', 'baseVersion'];

/** Saves the county evaluation of a year (draft, or submitted for review). */
export async function saveCountyEvaluationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, refusal } = await authorizeAction('figures.enter');
  if (refusal) return refusal;
  const values = typedValues(formData, EVALUATION_FIELDS);
  const parsed = countyEvaluationFormSchema.safeParse(Object.fromEntries(['planSlug', 'intent', ...EVALUATION_FIELDS].map((f) => [f, formData.get(f) ?? ''])));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: 'checkFields', values };
  const plan = await loadPlan(parsed.data.planSlug);
  if (!plan) return { message: 'refused.notFound', values };
  if (user.role === 'staff' && user.indicatorIds !== null) return { refused: 'forbidden', message: 'refused.forbidden', values };
  const result = await saveCountyEvaluation({ ...parsed.data, planId: plan.id, submit: parsed.data.intent === 'submit' }, user);
  if (!result.ok) return refusalState(result, values);
  refresh();
  return { ok: true, message: result.unchanged ? 'nothingChanged' : parsed.data.intent === 'submit' ? 'submitted' : 'saved' };
}

/** A reviewer approves or returns a submitted reference value, series figure or county evaluation. */
export async function reviewBenchmarkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, refusal } = await authorizeAction('figures.review');
  if (refusal) return refusal;
  const values = typedValues(formData, ['reason']);
  const parsed = benchmarkReviewSchema.safeParse(Object.fromEntries(['entity', 'id', 'version', 'decision', 'reason'].map((f) => [f, formData.get(f) ?? ''])));
  if (!parsed.success || parsed.data.decision === 'submit') return { errors: parsed.success ? undefined : fieldErrors(parsed.error), message: 'checkFields', values };
  const { entity, id, version, decision, reason } = parsed.data;
  const result = await transitionBenchmarkRecord({ entity, id, version, action: decision, reason: reason || null }, user);
  if (!result.ok) return refusalState(result, values);
  refresh();
  return { ok: true, message: decision === 'approve' ? 'approved' : 'returned' };
}

/** Adds or corrects a figure's value in a further source (核对). */
export async function saveSourceValueAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, refusal } = await authorizeAction('figures.enter');
  if (refusal) return refusal;
  const values = typedValues(formData, ['figure', 'sourceName', 'value', 'source', 'note']);
  const parsed = sourceValueFormSchema.safeParse(Object.fromEntries(['observationId', 'figureVersion', 'sourceName', 'value', 'source', 'note'].map((f) => [f, formData.get(f) ?? ''])));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: 'checkFields', values };
  const planSlug = String(formData.get('planSlug') ?? '');
  const plan = await loadPlan(planSlug);
  const figure = plan ? (await loadPlanFigures(plan.id)).find((f) => f.id === parsed.data.observationId) : undefined;
  const indicator = plan?.indicators.find((i) => i.id === figure?.indicatorId);
  if (!figure || !indicator) return { message: 'refused.notFound', values };
  if (!canEnterIndicator(user, indicator.id)) return { refused: 'forbidden', message: 'refused.forbidden', values };
  // the value in the indicator's own rules (a share stays 0–100, a count whole), with up to 2 more decimals
  const value = parseBenchmarkValue(parsed.data.value, indicator.kind === 'share' ? 'shareOfCityTotal' : 'cityBest');
  if (!value.ok) return { errors: { value: [value.code] }, message: 'checkFields', values };
  const result = await saveFigureSourceValue({ ...parsed.data, value: value.text }, user);
  if (!result.ok) return { message: `refused.${result.reason}`, values };
  refresh();
  return { ok: true, message: 'saved' };
}

/** Removes a figure's value in a further source. */
export async function removeSourceValueAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, refusal } = await authorizeAction('figures.enter');
  if (refusal) return refusal;
  const parsed = removeSourceValueSchema.safeParse({ observationId: formData.get('observationId'), figureVersion: formData.get('figureVersion'), sourceName: formData.get('sourceName') });
  if (!parsed.success) return { message: 'checkFields' };
  const plan = await loadPlan(String(formData.get('planSlug') ?? ''));
  const figure = plan ? (await loadPlanFigures(plan.id)).find((f) => f.id === parsed.data.observationId) : undefined;
  if (!figure) return { message: 'refused.notFound' };
  if (!canEnterIndicator(user, figure.indicatorId)) return { refused: 'forbidden', message: 'refused.forbidden' };
  const result = await removeFigureSourceValue(parsed.data, user);
  if (!result.ok) return { message: `refused.${result.reason}` };
  refresh();
  return { ok: true, message: 'removed' };
}

/** An admin sets an indicator's 主口径 and the tolerance of its cross-source check. */
export async function saveSourceRuleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, refusal } = await authorizeAction('plans.manage');
  if (refusal) return refusal;
  const values = typedValues(formData, ['primarySource', 'toleranceMode', 'tolerance', 'reason']);
  const parsed = sourceRuleFormSchema.safeParse(Object.fromEntries(['indicatorId', 'primarySource', 'toleranceMode', 'tolerance', 'reason'].map((f) => [f, formData.get(f) ?? ''])));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: 'checkFields', values };
  const result = await saveSourceCheckRule(parsed.data, user);
  if (!result.ok) return { message: `refused.${result.reason}`, values };
  if (result.unchanged) return { ok: true, message: 'nothingChanged' };
  refresh();
  return { ok: true, message: 'saved' };
}

const SERIES_FIELDS = ['seriesId', 'year', 'value', 'source', 'note', 'baseVersion'];

/** Saves a supplementary series' yearly figure (监测指标: no target, no status), draft or submitted. */
export async function saveSeriesFigureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, refusal } = await authorizeAction('figures.enter');
  if (refusal) return refusal;
  const values = typedValues(formData, SERIES_FIELDS);
  const parsed = seriesFigureFormSchema.safeParse(Object.fromEntries(['planSlug', 'intent', ...SERIES_FIELDS].map((f) => [f, formData.get(f) ?? ''])));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: 'checkFields', values };
  const plan = await loadPlan(parsed.data.planSlug);
  const series = plan ? (await loadPlanBenchmarks(plan.id)).series.find((s) => s.id === parsed.data.seriesId) : undefined;
  if (!plan || !series) return { message: 'refused.notFound', values };
  if (!mayEnterSubject(user, { type: 'series', id: series.id })) return { refused: 'forbidden', message: 'refused.forbidden', values };
  const value = parseFigure(parsed.data.value, { kind: series.kind, decimals: series.decimals });
  if (!value.ok) return { errors: { value: [`value.${value.code}`] }, message: 'checkFields', values };
  const result = await saveSeriesFigure({ ...parsed.data, value: value.text, submit: parsed.data.intent === 'submit' }, user);
  if (!result.ok) return refusalState(result, values);
  refresh();
  return { ok: true, message: result.unchanged ? 'nothingChanged' : parsed.data.intent === 'submit' ? 'submitted' : 'saved' };
}

export interface ReferenceImportFormState extends FormState {
  importErrors?: BenchmarkImportError[];
  /** the preview of the uploaded file: shown before anything is written */
  preview?: { rows: ReferenceImportRow[]; writes: number; token: string };
  /** values changed by someone else since the preview (confirm refused) */
  changedNames?: string[];
  created?: number;
  updated?: number;
}

/**
 * Imports a filled-in reference-value template (对标值) in two steps, like the figure import.
 * `intent=preview` reads the file and answers the preview (every value's stored → new, every error at
 * once) and writes nothing. `intent=confirm` sends the same file with the preview's token: it is read and
 * checked again against the values as they are now; when anything differs from the preview nothing is
 * written and the fresh preview is shown. The write (importReferenceValues) repeats each previewed
 * version under the row lock: all values are submitted for review, or none are.
 */
export async function importReferenceValuesAction(_previous: ReferenceImportFormState, formData: FormData): Promise<ReferenceImportFormState> {
  const { user, refusal } = await authorizeAction('figures.enter');
  if (refusal) return refusal;
  const target = referenceImportTargetSchema.safeParse({ planSlug: formData.get('planSlug'), year: formData.get('year'), intent: formData.get('intent') });
  if (!target.success) return { message: 'import.badRequest' };
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return { message: 'import.noFile' };
  if (file.size > FIGURE_UPLOAD_MAX_BYTES) return { message: 'import.tooLarge' };
  const plan = await loadPlan(target.data.planSlug);
  if (!plan) return { message: 'refused.notFound' };
  if (plan.status === 'archived') return { message: 'refused.archived' };
  const { year } = target.data;
  const years = benchmarkImportYears(plan);
  const benchmarks = await loadPlanBenchmarks(plan.id);
  const subjects = templateSubjects(plan, benchmarks, year);
  const bytes = await file.arrayBuffer();
  const slot = await withImportSlot(() =>
    readBenchmarkWorkbook(bytes, { planSlug: plan.slug, firstYear: years[0]!, lastYear: years.at(-1)!, year, subjects }),
  );
  if (!slot.ok) return { message: 'import.busy' };
  const preview = buildReferenceImportPreview(plan, benchmarks, year, slot.value, (subject) => mayEnterSubject(user, subject));
  const shown = { rows: preview.rows, writes: preview.writes.length, token: referenceImportToken(preview) };
  if (preview.errors.length > 0) return { message: 'import.rejected', importErrors: preview.errors, ...(preview.rows.length > 0 ? { preview: shown } : {}) };
  if (preview.rows.length === 0) return { message: 'import.empty' };
  if (preview.writes.length === 0) return { message: 'import.nothingChanged', preview: shown };
  if (target.data.intent !== 'confirm') return { message: 'import.preview', preview: shown };
  if (formData.get('token') !== shown.token) return { message: 'import.changedSincePreview', preview: shown };

  const result = await importReferenceValues({ planId: plan.id, year, values: preview.writes }, user);
  if (!result.ok) {
    const labelOf = (subject: { type: string; id: number }) => {
      const found = subjects.find((s) => s.type === subject.type && s.id === subject.id);
      return found ? subjectLabel(found) : String(subject.id);
    };
    const nameOf = (subject: { type: string; id: number }, kind: keyof typeof BENCHMARK_KIND_LABELS_ZH) => `${labelOf(subject)} ${BENCHMARK_KIND_LABELS_ZH[kind]}`;
    if (result.reason === 'stale') return { message: 'import.changedSincePreview', changedNames: result.changed.map((c) => nameOf(c.subject, c.kind)), preview: shown };
    if (result.reason === 'locked') {
      const errors = result.locked.map((l): BenchmarkImportError => {
        const write = preview.writes.find((w) => w.subject.type === l.subject.type && w.subject.id === l.subject.id && w.kind === l.kind);
        return { row: write?.row ?? 0, column: '数值', message: LOCKED_REFERENCE_MESSAGE, subject: labelOf(l.subject), kind: l.kind };
      });
      return { message: 'import.rejected', importErrors: errors, preview: shown };
    }
    return { message: result.reason === 'conflict' ? 'import.conflict' : `refused.${result.reason}` };
  }
  refresh();
  return { ok: true, message: 'import.done', created: result.created, updated: result.updated };
}
