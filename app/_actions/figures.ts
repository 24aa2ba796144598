'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/action';
import { canEnterIndicator } from '@/lib/auth/permissions';
import { importFigureDrafts, saveFigure, transitionFigure, type FigureSnapshot } from '@/lib/data/figure-writes';
import { loadPlan, loadPlanFigures } from '@/lib/loaders';
import { entryRows, warningsFor } from '@/lib/views/entry-sheet';
import { parseFigureWorkbook } from '@/lib/import/figure-workbook';
import { withImportSlot } from '@/lib/import/import-slots';
import type { FigureWarning } from '@/lib/progress';
import {
  entryIntentSchema,
  figureNoteSchema,
  figureQualitySchema,
  figureSourceSchema,
  planYearSchema,
  readEntryForm,
  reviewSchema,
  unlockSchema,
  type TypedEntryRow,
} from '@/lib/schemas/figure-entry';
import { parseFigure, type FigureErrorCode } from '@/lib/schemas/figure-value';
import { fieldErrors, type FormState } from '@/lib/schemas/form-state';
import { FIGURE_UPLOAD_MAX_BYTES } from '@/lib/schemas/uploads';

export interface EntryRowErrors {
  value?: { code: FigureErrorCode; decimals?: number };
  source?: boolean;
  quality?: boolean;
  note?: boolean;
}

export interface EntryFormState extends FormState {
  rowErrors?: Record<number, EntryRowErrors>;
  warnings?: Record<number, FigureWarning[]>;
  conflicts?: Record<number, FigureSnapshot>;
  rows?: Record<number, TypedEntryRow>;
  saved?: number;
  submitted?: number;
}

export interface ImportFormState extends FormState {
  importErrors?: { row: number; column: string | null; message: string }[];
  created?: number;
  updated?: number;
}

function revalidateFigures() {
  // Pages render on request; this refreshes what the browser's router keeps.
  revalidatePath('/', 'layout');
}

/** Saves a year's figures as drafts, or saves and submits them (the whole year, or one figure). */
export async function saveYearFigures(_previous: EntryFormState, formData: FormData): Promise<EntryFormState> {
  const { user, refusal } = await authorizeAction('figures.enter');
  if (refusal) return refusal;
  const target = planYearSchema.safeParse({ planSlug: formData.get('planSlug'), year: formData.get('year') });
  const intent = entryIntentSchema.safeParse(formData.get('intent') ?? 'draft');
  if (!target.success || !intent.success) return { message: 'entry.badRequest' };
  const plan = await loadPlan(target.data.planSlug);
  if (!plan || target.data.year < plan.firstYear || target.data.year > plan.lastYear) return { message: 'entry.badRequest' };
  if (plan.status === 'archived') return { message: 'entry.archived' };

  const rows = entryRows(plan, await loadPlanFigures(plan.id), target.data.year);
  const typed = readEntryForm(formData, rows.map((r) => r.indicator.id));
  const submitOne = intent.data.startsWith('submit:') ? Number(intent.data.slice(7)) : null;
  const submitAll = intent.data === 'submit';
  const rowErrors: Record<number, EntryRowErrors> = {};
  const warnings: Record<number, FigureWarning[]> = {};
  const changes: { row: (typeof rows)[number]; value: string; source: string | null; quality: 'preliminary' | 'final' | null; note: string | null; baseVersion: number }[] = [];
  const toSubmit: FigureSnapshot[] = [];

  for (const row of rows) {
    const input = typed.get(row.indicator.id);
    if (!input || !canEnterIndicator(user, row.indicator.id) || row.current?.status === 'approved') continue;
    const source = figureSourceSchema.safeParse(input.source);
    const quality = figureQualitySchema.safeParse(input.quality === '' ? null : input.quality);
    const note = figureNoteSchema.safeParse(input.note);
    const blank = input.value.trim() === '';
    const errors: EntryRowErrors = {};
    if (!source.success) errors.source = true;
    if (!quality.success) errors.quality = true;
    if (!note.success) errors.note = true;
    if (blank && !row.current) {
      if (input.source.trim() || input.note.trim() || input.quality) errors.value = { code: 'required' };
      if (Object.keys(errors).length > 0) rowErrors[row.indicator.id] = errors;
      continue; // nothing typed for this indicator
    }
    const parsed = parseFigure(input.value, row.indicator);
    if (!parsed.ok) errors.value = { code: parsed.code, ...(parsed.decimals === undefined ? {} : { decimals: parsed.decimals }) };
    if (Object.keys(errors).length > 0 || !parsed.ok || !source.success || !quality.success || !note.success) {
      rowErrors[row.indicator.id] = errors;
      continue;
    }
    const current = row.current;
    const changed =
      !current || current.value !== parsed.value || current.source !== source.data || current.quality !== quality.data || current.note !== note.data;
    const wantsSubmit = submitAll || submitOne === row.indicator.id;
    if (changed) {
      const rowWarnings = warningsFor(plan, row, parsed.value);
      if (rowWarnings.length > 0) warnings[row.indicator.id] = rowWarnings;
      changes.push({ row, value: parsed.text, source: source.data, quality: quality.data, note: note.data, baseVersion: Number(input.version) || 0 });
    } else if (wantsSubmit && current && (current.status === 'draft' || current.status === 'returned')) {
      toSubmit.push({ ...current, updatedByName: current.updatedByName, updatedAt: current.updatedAt });
    }
  }

  const typedRows = Object.fromEntries(typed);
  if (Object.keys(rowErrors).length > 0) return { message: 'entry.checkFields', rowErrors, rows: typedRows };
  if (Object.keys(warnings).length > 0 && formData.get('confirmWarnings') !== 'on') {
    return { message: 'entry.confirmWarnings', warnings, rows: typedRows };
  }

  const conflicts: Record<number, FigureSnapshot> = {};
  let saved = 0;
  let submitted = 0;
  for (const change of changes) {
    const submit = submitAll || submitOne === change.row.indicator.id;
    const result = await saveFigure(
      { indicatorId: change.row.indicator.id, year: target.data.year, value: change.value, source: change.source, quality: change.quality, note: change.note, baseVersion: change.baseVersion, submit },
      user,
    );
    if (result.ok && result.unchanged) {
      // Nothing differed from the stored figure: no new version, no history entry, reported as no change.
    } else if (result.ok) {
      saved += 1;
      if (submit) submitted += 1;
    } else if ('current' in result) {
      conflicts[change.row.indicator.id] = result.current;
    } else if (result.reason === 'archived') {
      return { message: 'entry.archived', rows: typedRows };
    }
  }
  for (const figure of toSubmit) {
    const result = await transitionFigure({ id: figure.id, version: figure.version, action: 'submit' }, user);
    if (result.ok) submitted += 1;
    else if ('current' in result) conflicts[figure.indicatorId] = result.current;
  }
  if (saved + submitted > 0) revalidateFigures();
  if (Object.keys(conflicts).length > 0) return { message: 'entry.conflicts', conflicts, rows: typedRows, saved, submitted };
  if (saved + submitted === 0) return { ok: true, message: 'entry.nothingChanged' };
  return { ok: true, message: submitted > 0 ? 'entry.submitted' : 'entry.saved', saved, submitted };
}

/** A reviewer approves a submitted figure (it locks) or returns it with a reason. */
export async function reviewFigure(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, refusal } = await authorizeAction('figures.review');
  if (refusal) return refusal;
  const parsed = reviewSchema.safeParse({ id: formData.get('id'), version: formData.get('version'), decision: formData.get('decision'), reason: formData.get('reason') ?? '' });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: 'review.checkFields', values: { reason: String(formData.get('reason') ?? '') } };
  const { id, version, decision, reason } = parsed.data;
  // 核对: an approval is refused while a further source differs beyond the tolerance, unless acknowledged
  const acknowledgeSourceMismatch = formData.get('acknowledgeSourceMismatch') === 'on';
  const result = await transitionFigure({ id, version, action: decision, reason: reason || null, acknowledgeSourceMismatch }, user);
  if (!result.ok) return { message: `review.refused.${result.reason}`, values: { reason } };
  // No revalidation: the queue keeps the item with its outcome, so the reviewer sees what was done
  // (every other page renders on request and shows the new status anyway).
  return { ok: true, message: decision === 'approve' ? 'review.approved' : 'review.returned' };
}

/** Only an admin reopens an approved figure, and says why; it goes back to draft. */
export async function unlockFigure(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, refusal } = await authorizeAction('figures.unlock');
  if (refusal) return refusal;
  const parsed = unlockSchema.safeParse({ id: formData.get('id'), version: formData.get('version'), reason: formData.get('reason') ?? '' });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: 'review.checkFields', values: { reason: String(formData.get('reason') ?? '') } };
  const result = await transitionFigure({ ...parsed.data, action: 'unlock' }, user);
  if (!result.ok) return { message: `review.refused.${result.reason}`, values: { reason: parsed.data.reason } };
  revalidateFigures();
  return { ok: true, message: 'review.unlocked' };
}

/** Imports a filled-in entry template: every row is checked first; all rows become drafts or none do. */
export async function importFigureWorkbook(_previous: ImportFormState, formData: FormData): Promise<ImportFormState> {
  const { user, refusal } = await authorizeAction('figures.enter');
  if (refusal) return refusal;
  const target = planYearSchema.safeParse({ planSlug: formData.get('planSlug'), year: formData.get('year') });
  if (!target.success) return { message: 'entry.badRequest' };
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return { message: 'import.noFile' };
  if (file.size > FIGURE_UPLOAD_MAX_BYTES) return { message: 'import.tooLarge' };
  const plan = await loadPlan(target.data.planSlug);
  if (!plan) return { message: 'entry.badRequest' };
  if (plan.status === 'archived') return { message: 'entry.archived' };
  const bytes = await file.arrayBuffer();
  const slot = await withImportSlot(() =>
    parseFigureWorkbook(bytes, { planSlug: plan.slug, firstYear: plan.firstYear, lastYear: plan.lastYear, year: target.data.year, indicators: plan.indicators }),
  );
  if (!slot.ok) return { message: 'import.busy' };
  const parsed = slot.value;
  if (!parsed.ok) return { message: 'import.rejected', importErrors: parsed.errors };
  const notMine = parsed.figures.filter((f) => !canEnterIndicator(user, f.indicatorId));
  if (notMine.length > 0) {
    return { message: 'import.rejected', importErrors: notMine.map((f) => ({ row: f.row, column: '序号', message: '您没有录入该指标的权限' })) };
  }
  const result = await importFigureDrafts(parsed.figures, user);
  if (!result.ok) {
    if (result.reason === 'locked') {
      const rowOf = (indicatorId: number) => parsed.figures.find((f) => f.indicatorId === indicatorId)?.row ?? 0;
      return { message: 'import.rejected', importErrors: result.locked.map((f) => ({ row: rowOf(f.indicatorId), column: '本年数值', message: '该数据已审核锁定，不能通过导入修改' })) };
    }
    return { message: result.reason === 'archived' ? 'entry.archived' : result.reason === 'conflict' ? 'import.conflict' : 'entry.badRequest' };
  }
  revalidateFigures();
  return { ok: true, message: 'import.done', created: result.created, updated: result.updated };
}
