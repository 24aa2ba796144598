'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/auth/action';
import { canEnterIndicator } from '@/lib/auth/permissions';
import { importFigureDrafts, saveFigure, transitionFigure, type FigureSnapshot } from '@/lib/data/figure-writes';
import { loadPlan, loadPlanFigures } from '@/lib/loaders';
import { entryRows, warningsFor } from '@/lib/views/entry-sheet';
import { NOTHING_FILLED_IN, readFigureWorkbook, type ImportError } from '@/lib/import/figure-workbook';
import { buildImportPreview, previewToken, type ImportPreviewRow } from '@/lib/views/import-preview';
import { withImportSlot } from '@/lib/import/import-slots';
import type { FigureWarning } from '@/lib/progress';
import { gridFieldName, gridFormSchema, planYearSchema, reviewSchema, unlockSchema, yearFiguresFormSchema, type TypedEntryRow } from '@/lib/schemas/figure-entry';
import { parseFigure, type FigureErrorCode } from '@/lib/schemas/figure-value';
import type { FormState } from '@/lib/schemas/form-state';
import { planFigureSave, type EntryRowErrors } from '@/lib/views/figure-save';
import { confirmedRows, readEntryForm } from './entry-form';
import { FIGURE_UPLOAD_MAX_BYTES } from '@/lib/schemas/uploads';

export type { EntryRowErrors };

export interface EntryFormState extends FormState {
  rowErrors?: Record<number, EntryRowErrors>;
  warnings?: Record<number, FigureWarning[]>;
  conflicts?: Record<number, FigureSnapshot>;
  rows?: Record<number, TypedEntryRow>;
  saved?: number;
  submitted?: number;
}

export interface ImportFormState extends FormState {
  importErrors?: ImportError[];
  created?: number;
  updated?: number;
  /** the preview of the uploaded file: shown before anything is written */
  preview?: { rows: ImportPreviewRow[]; writes: number; token: string };
  /** indicators changed by someone else since the preview (confirm refused) */
  changedNames?: string[];
}

function revalidateFigures() {
  // Pages render on request; this refreshes what the browser's router keeps.
  revalidatePath('/', 'layout');
}

/** Saves a year's figures as drafts, or saves and submits them (the whole year, or one figure). */
export const saveYearFigures = formAction<typeof yearFiguresFormSchema, EntryFormState>('figures.enter', {
  schema: yearFiguresFormSchema,
  read: (formData) => ({ planSlug: formData.get('planSlug'), year: formData.get('year'), intent: formData.get('intent') ?? 'draft' }),
  invalid: () => ({ message: 'entry.badRequest' }),
  run: async ({ input: { planSlug, year, intent }, user, formData }) => {
    const plan = await loadPlan(planSlug);
    if (!plan || year < plan.firstYear || year > plan.lastYear) return { message: 'entry.badRequest' };
    if (plan.status === 'archived') return { message: 'entry.archived' };

    const rows = entryRows(plan, await loadPlanFigures(plan.id), year);
    const typed = readEntryForm(formData, rows.map((r) => r.indicator.id));
    const { rowErrors, warnings, changes, toSubmit } = planFigureSave(plan, rows, typed, intent, (indicatorId) => canEnterIndicator(user, indicatorId));

    const typedRows = Object.fromEntries(typed);
    if (Object.keys(rowErrors).length > 0) return { message: 'entry.checkFields', rowErrors, rows: typedRows };
    // each row's warnings are confirmed by that row's own 我已核实 (confirm.<indicatorId>)
    const confirmed = confirmedRows(formData, Object.keys(warnings));
    const unconfirmed = Object.fromEntries(Object.entries(warnings).filter(([id]) => !confirmed.has(id)));
    if (Object.keys(unconfirmed).length > 0) return { message: 'entry.confirmWarnings', warnings: unconfirmed, rows: typedRows };

    const conflicts: Record<number, FigureSnapshot> = {};
    let saved = 0;
    let submitted = 0;
    for (const { submit, ...change } of changes) {
      const result = await saveFigure({ ...change, year, submit }, user);
      if (result.ok && result.unchanged) {
        // Nothing differed from the stored figure: no new version, no history entry, reported as no change.
      } else if (result.ok) {
        saved += 1;
        if (submit) submitted += 1;
      } else if ('current' in result) {
        conflicts[change.indicatorId] = result.current;
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
  },
});

const readReason = (formData: FormData) => ({ reason: String(formData.get('reason') ?? '') });

/** A reviewer approves a submitted figure (it locks) or returns it with a reason. */
export const reviewFigure = formAction('figures.review', {
  schema: reviewSchema,
  read: (formData) => ({ id: formData.get('id'), version: formData.get('version'), decision: formData.get('decision'), reason: formData.get('reason') ?? '' }),
  values: readReason,
  invalid: 'review.checkFields',
  run: async ({ input: { id, version, decision, reason }, user, formData }) => {
    // 核对: an approval is refused while a further source differs beyond the tolerance, unless acknowledged
    const acknowledgeSourceMismatch = formData.get('acknowledgeSourceMismatch') === 'on';
    const result = await transitionFigure({ id, version, action: decision, reason: reason || null, acknowledgeSourceMismatch }, user);
    if (!result.ok) return { message: `review.refused.${result.reason}`, values: { reason } };
    // No revalidation: the queue keeps the item with its outcome, so the reviewer sees what was done
    // (every other page renders on request and shows the new status anyway).
    return { ok: true, message: decision === 'approve' ? 'review.approved' : 'review.returned' };
  },
});

/** Only an admin reopens an approved figure, and says why; it goes back to draft. */
export const unlockFigure = formAction('figures.unlock', {
  schema: unlockSchema,
  read: (formData) => ({ id: formData.get('id'), version: formData.get('version'), reason: formData.get('reason') ?? '' }),
  values: readReason,
  invalid: 'review.checkFields',
  run: async ({ input, user }) => {
    const result = await transitionFigure({ ...input, action: 'unlock' }, user);
    if (!result.ok) return { message: `review.refused.${result.reason}`, values: { reason: input.reason } };
    revalidateFigures();
    return { ok: true, message: 'review.unlocked' };
  },
});

/**
 * Imports a filled-in entry template in two steps. `intent=preview` (the default) reads the file and
 * answers the preview — every row's stored → new figure, its warnings, and every error at once — and
 * writes nothing. `intent=confirm` sends the same file with the preview's token: the file is read and
 * checked again against the figures as they are now; when anything differs from the preview (someone
 * saved, submitted or approved a figure meanwhile) nothing is written and the fresh preview is shown.
 * The write itself repeats each previewed version under the row lock: all rows become drafts or none do.
 */
export const importFigureWorkbook = formAction<typeof planYearSchema, ImportFormState>('figures.enter', {
  schema: planYearSchema,
  read: (formData) => ({ planSlug: formData.get('planSlug'), year: formData.get('year') }),
  invalid: () => ({ message: 'entry.badRequest' }),
  run: async ({ input: target, user, formData }) => {
    const confirm = formData.get('intent') === 'confirm';
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) return { message: 'import.noFile' };
    if (file.size > FIGURE_UPLOAD_MAX_BYTES) return { message: 'import.tooLarge' };
    const plan = await loadPlan(target.planSlug);
    if (!plan) return { message: 'entry.badRequest' };
    if (plan.status === 'archived') return { message: 'entry.archived' };
    const bytes = await file.arrayBuffer();
    const slot = await withImportSlot(() =>
      readFigureWorkbook(bytes, { planSlug: plan.slug, firstYear: plan.firstYear, lastYear: plan.lastYear, year: target.year, indicators: plan.indicators }),
    );
    if (!slot.ok) return { message: 'import.busy' };
    const figures = await loadPlanFigures(plan.id);
    const preview = buildImportPreview(plan, figures, target.year, slot.value, (indicatorId) => canEnterIndicator(user, indicatorId));
    const shown = { rows: preview.rows, writes: preview.writes.length, token: previewToken(preview) };
    if (preview.errors.length > 0) return { message: 'import.rejected', importErrors: preview.errors, ...(preview.rows.length > 0 ? { preview: shown } : {}) };
    if (preview.rows.length === 0) return { message: 'import.rejected', importErrors: [{ row: 0, column: null, message: NOTHING_FILLED_IN }] };
    if (preview.writes.length === 0) return { message: 'import.nothingChanged', preview: shown };
    if (!confirm) return { message: 'import.preview', preview: shown };
    if (formData.get('token') !== shown.token) return { message: 'import.changedSincePreview', preview: shown };

    const result = await importFigureDrafts(preview.writes, user);
    if (!result.ok) {
      const nameOf = (indicatorId: number) => {
        const indicator = plan.indicators.find((i) => i.id === indicatorId);
        return indicator ? `${indicator.sequence}. ${indicator.name}` : String(indicatorId);
      };
      if (result.reason === 'stale') return { message: 'import.changedSincePreview', changedNames: result.changed.map((c) => nameOf(c.indicatorId)), preview: shown };
      if (result.reason === 'locked') {
        const errors = result.locked.map((f) => {
          const indicator = plan.indicators.find((i) => i.id === f.indicatorId)!;
          const row = preview.writes.find((w) => w.indicatorId === f.indicatorId)?.row ?? 0;
          return { row, column: '本年数值', message: '该数据已审核锁定，不能通过导入修改', indicator: { id: indicator.id, sequence: indicator.sequence, name: indicator.name } };
        });
        return { message: 'import.rejected', importErrors: errors, preview: shown };
      }
      return { message: result.reason === 'archived' ? 'entry.archived' : result.reason === 'conflict' ? 'import.conflict' : 'entry.badRequest' };
    }
    revalidateFigures();
    return { ok: true, message: 'import.done', created: result.created, updated: result.updated };
  },
});

export interface GridFormState extends FormState {
  /** keyed by "<indicatorId>.<year>" */
  cellErrors?: Record<string, { code: FigureErrorCode; decimals?: number }>;
  warnings?: Record<string, FigureWarning[]>;
  conflicts?: Record<string, FigureSnapshot>;
  /** what was typed in every cell, so a refused form shows it again */
  typed?: Record<string, string>;
  saved?: number;
}

/**
 * The grid view (indicators × plan years) saves drafts of several years at once, with the entry form's
 * rules: the same parsing and messages, the same warnings (each confirmed in its own cell), the same
 * version check. A blank cell leaves the stored figure alone; source, 初步/正式 and note are kept.
 */
export const saveGridFigures = formAction<typeof gridFormSchema, GridFormState>('figures.enter', {
  schema: gridFormSchema,
  read: (formData) => ({ planSlug: String(formData.get('planSlug') ?? '') }),
  run: async ({ input, user, formData }) => {
    const plan = await loadPlan(input.planSlug);
    if (!plan) return { message: 'entry.badRequest' };
    if (plan.status === 'archived') return { message: 'entry.archived' };
    const figures = await loadPlanFigures(plan.id);
    const typed: Record<string, string> = {};
    const cellErrors: NonNullable<GridFormState['cellErrors']> = {};
    const warnings: Record<string, FigureWarning[]> = {};
    const changes: { key: string; indicatorId: number; year: number; value: string; current: (ReturnType<typeof entryRows>[number])['current']; baseVersion: number }[] = [];
    for (let year = plan.firstYear; year <= plan.lastYear; year += 1) {
      for (const row of entryRows(plan, figures, year)) {
        const key = `${row.indicator.id}.${year}`;
        const raw = formData.get(gridFieldName('value', row.indicator.id, year));
        if (typeof raw !== 'string') continue; // not on the form
        typed[key] = raw;
        if (!canEnterIndicator(user, row.indicator.id) || row.current?.status === 'approved' || raw.trim() === '') continue;
        const parsed = parseFigure(raw, row.indicator);
        if (!parsed.ok) {
          cellErrors[key] = { code: parsed.code, ...(parsed.decimals === undefined ? {} : { decimals: parsed.decimals }) };
          continue;
        }
        if (row.current && row.current.value === parsed.value) continue;
        const cellWarnings = warningsFor(plan, row, parsed.value);
        if (cellWarnings.length > 0) warnings[key] = cellWarnings;
        changes.push({ key, indicatorId: row.indicator.id, year, value: parsed.text, current: row.current, baseVersion: Number(formData.get(gridFieldName('version', row.indicator.id, year))) || 0 });
      }
    }
    if (Object.keys(cellErrors).length > 0) return { message: 'entry.checkFields', cellErrors, typed };
    const unconfirmed = Object.fromEntries(Object.entries(warnings).filter(([key]) => formData.get(`confirm.${key}`) !== 'on'));
    if (Object.keys(unconfirmed).length > 0) return { message: 'entry.confirmWarnings', warnings: unconfirmed, typed };

    const conflicts: Record<string, FigureSnapshot> = {};
    let saved = 0;
    for (const change of changes) {
      const { current } = change;
      const result = await saveFigure(
        { indicatorId: change.indicatorId, year: change.year, value: change.value, source: current?.source ?? null, quality: current?.quality ?? null, note: current?.note ?? null, baseVersion: change.baseVersion, submit: false },
        user,
      );
      if (result.ok && !result.unchanged) saved += 1;
      else if (!result.ok && 'current' in result) conflicts[change.key] = result.current;
      else if (!result.ok && result.reason === 'archived') return { message: 'entry.archived', typed };
    }
    if (saved > 0) revalidateFigures();
    if (Object.keys(conflicts).length > 0) return { message: 'entry.conflicts', conflicts, typed, saved };
    return saved === 0 ? { ok: true, message: 'entry.nothingChanged' } : { ok: true, message: 'entry.saved', saved };
  },
});
