/**
 * What an Excel import would do, shown before anything is written: each row's stored figure → the new
 * one, its warnings, whether it turns a submitted (or returned) figure back into a draft, and every error
 * of the file at once — format errors, approved (locked) figures the file would change and indicators
 * the user may not enter — each named by its indicator. A blank source, 初步/正式 or note cell keeps the
 * stored one. Rows that change nothing are listed as such and not written. Pure: the action loads, this
 * decides, the write repeats the versions the preview was based on.
 */
import type { Figure, FigureQuality, FigureStatus, ImportedFigure, PlanDetail } from '@/lib/data/types';
import type { FigureWarning } from '@/lib/progress';
import { entryRows, warningsFor } from './entry-sheet';

export type { ImportedFigure };

/** An error of the file or of a row, named by its indicator when the row names one (lib/import's ImportError). */
export interface ImportError {
  row: number;
  column: string | null;
  message: string;
  indicator?: { id: number; sequence: number; name: string };
}

export interface FigureFields {
  value: string;
  source: string | null;
  quality: FigureQuality | null;
  note: string | null;
}

export interface ImportPreviewRow {
  /** the sheet row */
  row: number;
  indicatorId: number;
  sequence: number;
  name: string;
  unit: string;
  decimals: number;
  kind: PlanDetail['indicators'][number]['kind'];
  /** the stored figure (null: none yet) */
  before: (FigureFields & { status: FigureStatus; version: number }) | null;
  /** what the figure would be after the import (blank cells keep the stored fields) */
  after: FigureFields;
  change: 'create' | 'update' | 'unchanged';
  warnings: FigureWarning[];
  /** the import would turn this submitted or returned figure back into a draft */
  backToDraft: Exclude<FigureStatus, 'draft' | 'approved'> | null;
}

export interface ImportPreview {
  year: number;
  rows: ImportPreviewRow[];
  /** every error, in sheet order; nothing may be written while there is one */
  errors: ImportError[];
  /** the figures to write, each with the version it was previewed against (0: none yet) */
  writes: (ImportedFigure & { baseVersion: number })[];
}

const LOCKED_MESSAGE = '该数据已审核锁定，不能通过导入修改';
const NOT_YOURS_MESSAGE = '您没有录入该指标的权限';

const decimalText = (value: number) => String(value);

/** Builds the preview of a reading (readFigureWorkbook) against the stored figures of the plan. */
export function buildImportPreview(
  plan: PlanDetail,
  figures: readonly Figure[],
  year: number,
  reading: { figures: readonly ImportedFigure[]; errors: readonly ImportError[] },
  mayEnter: (indicatorId: number) => boolean,
): ImportPreview {
  const entries = new Map(entryRows(plan, figures, year).map((row) => [row.indicator.id, row]));
  const errors: ImportError[] = [...reading.errors];
  const rows: ImportPreviewRow[] = [];
  const writes: ImportPreview['writes'] = [];
  for (const imported of reading.figures) {
    const entry = entries.get(imported.indicatorId);
    if (!entry) continue; // the reader only returns the plan's indicators
    const { indicator, current } = entry;
    const named = { id: indicator.id, sequence: indicator.sequence, name: indicator.name };
    const before = current && { value: decimalText(current.value), source: current.source, quality: current.quality, note: current.note, status: current.status, version: current.version };
    const after: FigureFields = {
      value: imported.value,
      source: imported.source ?? before?.source ?? null,
      quality: imported.quality ?? before?.quality ?? null,
      note: imported.note ?? before?.note ?? null,
    };
    const same = before !== null && Number(before.value) === Number(after.value) && before.source === after.source && before.quality === after.quality && before.note === after.note;
    const change = before === null ? 'create' : same ? 'unchanged' : 'update';
    rows.push({
      row: imported.row,
      indicatorId: indicator.id,
      sequence: indicator.sequence,
      name: indicator.name,
      unit: indicator.unit,
      decimals: indicator.decimals,
      kind: indicator.kind,
      before,
      after,
      change,
      warnings: change === 'unchanged' ? [] : warningsFor(plan, entry, Number(after.value)),
      backToDraft: change === 'update' && (before?.status === 'submitted' || before?.status === 'returned') ? before.status : null,
    });
    if (change === 'unchanged') continue;
    if (!mayEnter(indicator.id)) errors.push({ row: imported.row, column: '序号', message: NOT_YOURS_MESSAGE, indicator: named });
    else if (before?.status === 'approved') errors.push({ row: imported.row, column: '本年数值', message: LOCKED_MESSAGE, indicator: named });
    else writes.push({ ...imported, ...after, baseVersion: before?.version ?? 0 });
  }
  errors.sort((a, b) => a.row - b.row);
  return { year, rows, errors, writes };
}

/** The versions a preview was based on, as the confirm form sends them back: "indicatorId:version,…". */
export function previewToken(preview: Pick<ImportPreview, 'writes'>): string {
  return preview.writes.map((w) => `${w.indicatorId}:${w.baseVersion}:${w.value}`).join(',');
}
