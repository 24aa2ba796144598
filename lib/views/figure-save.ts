/**
 * The figure save of the entry form, planned without I/O: from a year's entry rows, what the person typed
 * and the button they pressed, decide each row's errors and warnings, the figures to write and the
 * unchanged drafts to submit. The action (app/_actions/figures.ts saveYearFigures) loads the rows, applies
 * the confirmation of the warnings, writes what this returns and shapes the answer.
 */
import type { Figure, PlanDetail } from '@/lib/data/types';
import type { FigureWarning } from '@/lib/progress';
import { figureNoteSchema, figureQualitySchema, figureSourceSchema, type TypedEntryRow } from '@/lib/schemas/figure-entry';
import { parseFigure, type FigureErrorCode } from '@/lib/schemas/figure-value';
import { warningsFor, type EntryRow } from './entry-sheet';

export interface EntryRowErrors {
  value?: { code: FigureErrorCode; decimals?: number };
  source?: boolean;
  quality?: boolean;
  note?: boolean;
}

/** The entry form's buttons: save drafts, save and submit the year, or save and submit one figure. */
export type EntryIntent = 'draft' | 'submit' | `submit:${number}`;

/** A figure to write: the value as stored text, the other fields parsed, the version the person saw. */
export interface FigureChange {
  indicatorId: number;
  value: string;
  source: string | null;
  quality: 'preliminary' | 'final' | null;
  note: string | null;
  baseVersion: number;
  /** submitted with the save (the year's submit, or this row's) */
  submit: boolean;
}

export interface FigureSavePlan {
  /** indicator id → what is wrong with its row; nothing is written while any row has errors */
  rowErrors: Record<number, EntryRowErrors>;
  /** indicator id → the warnings of a changed value, each row to be confirmed (我已核实) before anything is written */
  warnings: Record<number, FigureWarning[]>;
  changes: FigureChange[];
  /** stored drafts (or returned figures) left unchanged that the chosen button submits */
  toSubmit: Figure[];
}

/**
 * Plans a save. A row is skipped when it is not on the form, the person may not enter it (`mayEnter`,
 * the permission table's canEnterIndicator) or its figure is approved. A blank value with no stored
 * figure saves nothing (but is required once a source, note or 初步/正式 is given).
 */
export function planFigureSave(
  plan: PlanDetail,
  rows: readonly EntryRow[],
  typed: ReadonlyMap<number, TypedEntryRow>,
  intent: EntryIntent,
  mayEnter: (indicatorId: number) => boolean,
): FigureSavePlan {
  const submitOne = intent.startsWith('submit:') ? Number(intent.slice(7)) : null;
  const submitAll = intent === 'submit';
  const result: FigureSavePlan = { rowErrors: {}, warnings: {}, changes: [], toSubmit: [] };

  for (const row of rows) {
    const input = typed.get(row.indicator.id);
    if (!input || !mayEnter(row.indicator.id) || row.current?.status === 'approved') continue;
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
      if (Object.keys(errors).length > 0) result.rowErrors[row.indicator.id] = errors;
      continue; // nothing typed for this indicator
    }
    const parsed = parseFigure(input.value, row.indicator);
    if (!parsed.ok) errors.value = { code: parsed.code, ...(parsed.decimals === undefined ? {} : { decimals: parsed.decimals }) };
    if (Object.keys(errors).length > 0 || !parsed.ok || !source.success || !quality.success || !note.success) {
      result.rowErrors[row.indicator.id] = errors;
      continue;
    }
    const current = row.current;
    const changed =
      !current || current.value !== parsed.value || current.source !== source.data || current.quality !== quality.data || current.note !== note.data;
    const submit = submitAll || submitOne === row.indicator.id;
    if (changed) {
      const rowWarnings = warningsFor(plan, row, parsed.value);
      if (rowWarnings.length > 0) result.warnings[row.indicator.id] = rowWarnings;
      result.changes.push({
        indicatorId: row.indicator.id,
        value: parsed.text,
        source: source.data,
        quality: quality.data,
        note: note.data,
        baseVersion: Number(input.version) || 0,
        submit,
      });
    } else if (submit && current && (current.status === 'draft' || current.status === 'returned')) {
      result.toSubmit.push(current);
    }
  }
  return result;
}
