/**
 * What a reference-value import (对标值 .xlsx) would do, shown before anything is written: each value's
 * stored → new figure (value, source, note), and every error at once — format errors from the reader,
 * a new value without a source, approved (locked) values the file changes, subjects the user may not
 * enter — each named by its indicator or series and kind. Blank 数据来源/备注 cells keep the stored ones.
 * Values that change nothing are listed as such and not written. Imported values are submitted for
 * review (the manual form's 提交审核). Pure: the action loads, this decides, the write repeats the
 * versions the preview was based on.
 *
 * Also the template's rows: the plan's subjects with the year's stored values (templateSubjects).
 */
import type { BenchmarkKind, BenchmarkSubjectRef, FigureStatus, PlanBenchmarks, PlanDetail } from '@/lib/data/types';

/** A value the workbook reader accepted (lib/import's ImportedReference; declared here so views do not import lib/import). */
export interface ImportedReference {
  row: number;
  subject: BenchmarkSubjectRef;
  kind: BenchmarkKind;
  value: string;
  source: string | null;
  note: string | null;
}

/** lib/import's BenchmarkImportError */
export interface BenchmarkImportError {
  row: number;
  column: string | null;
  message: string;
  subject?: string;
  kind?: BenchmarkKind;
}

export interface ReferenceFields {
  value: string;
  source: string | null;
  note: string | null;
}

export interface ReferenceImportRow {
  row: number;
  subject: BenchmarkSubjectRef;
  /** "6. 高新技术企业数量" / "财政科技支出（监测指标）" */
  label: string;
  unit: string;
  kind: BenchmarkKind;
  before: (ReferenceFields & { status: FigureStatus; version: number }) | null;
  after: ReferenceFields;
  change: 'create' | 'update' | 'unchanged';
}

export interface ReferenceImportWrite {
  row: number;
  subject: BenchmarkSubjectRef;
  kind: BenchmarkKind;
  value: string;
  source: string;
  note: string | null;
  /** the version previewed (0: none stored yet) */
  baseVersion: number;
}

export interface ReferenceImportPreview {
  year: number;
  rows: ReferenceImportRow[];
  /** every error, in sheet order; nothing may be written while there is one */
  errors: BenchmarkImportError[];
  writes: ReferenceImportWrite[];
}

export const LOCKED_REFERENCE_MESSAGE = '该对标值已审核锁定，不能通过导入修改';
export const SOURCE_MISSING_MESSAGE = '请填写数据来源（文件、页码或原文）';
const NOT_YOURS_MESSAGE = '您没有录入该指标对标值的权限';

const key = (subject: BenchmarkSubjectRef, kind: BenchmarkKind) => `${subject.type}:${subject.id}:${kind}`;

/** The plan's subjects as the template lists them: 表1's indicators by 序号, then the series by place. */
export function templateSubjects(plan: Pick<PlanDetail, 'indicators'>, benchmarks: Pick<PlanBenchmarks, 'series' | 'referenceValues'>, year: number) {
  const storedOf = (subject: BenchmarkSubjectRef) =>
    Object.fromEntries(
      benchmarks.referenceValues
        .filter((r) => r.year === year && r.subject.type === subject.type && r.subject.id === subject.id)
        .map((r) => [r.kind, { value: r.valueText, source: r.source, note: r.note, status: r.status }]),
    );
  const indicators = [...plan.indicators].sort((a, b) => a.sequence - b.sequence);
  return [
    ...indicators.map((i) => ({ type: 'indicator' as const, id: i.id, number: i.sequence, name: i.name, unit: i.unit, stored: storedOf({ type: 'indicator', id: i.id }) })),
    ...benchmarks.series.map((s, index) => ({ type: 'series' as const, id: s.id, number: index + 1, name: s.name, unit: s.unit, stored: storedOf({ type: 'series', id: s.id }) })),
  ];
}

/** Builds the preview of a reading (readBenchmarkWorkbook) against the stored reference values of the year. */
export function buildReferenceImportPreview(
  plan: Pick<PlanDetail, 'indicators'>,
  benchmarks: Pick<PlanBenchmarks, 'series' | 'referenceValues'>,
  year: number,
  reading: { values: readonly ImportedReference[]; errors: readonly BenchmarkImportError[] },
  mayEnter: (subject: BenchmarkSubjectRef) => boolean,
): ReferenceImportPreview {
  const subjects = new Map(templateSubjects(plan, benchmarks, year).map((s) => [`${s.type}:${s.id}`, s]));
  const stored = new Map(benchmarks.referenceValues.filter((r) => r.year === year).map((r) => [key(r.subject, r.kind), r]));
  const errors: BenchmarkImportError[] = [...reading.errors];
  const rows: ReferenceImportRow[] = [];
  const writes: ReferenceImportWrite[] = [];
  for (const imported of reading.values) {
    const subject = subjects.get(`${imported.subject.type}:${imported.subject.id}`);
    if (!subject) continue; // the reader only returns the plan's subjects
    const label = subject.type === 'indicator' ? `${subject.number}. ${subject.name}` : `${subject.name}（监测指标）`;
    const current = stored.get(key(imported.subject, imported.kind)) ?? null;
    const before = current && { value: current.valueText, source: current.source, note: current.note, status: current.status, version: current.version };
    const after: ReferenceFields = { value: imported.value, source: imported.source ?? before?.source ?? null, note: imported.note ?? before?.note ?? null };
    const same = before !== null && Number(before.value) === Number(after.value) && before.source === after.source && before.note === after.note;
    const change = before === null ? 'create' : same ? 'unchanged' : 'update';
    rows.push({ row: imported.row, subject: imported.subject, label, unit: subject.unit, kind: imported.kind, before, after, change });
    if (change === 'unchanged') continue;
    const named = { row: imported.row, subject: label, kind: imported.kind };
    if (!mayEnter(imported.subject)) errors.push({ ...named, column: '序号', message: NOT_YOURS_MESSAGE });
    else if (before?.status === 'approved') errors.push({ ...named, column: '数值', message: LOCKED_REFERENCE_MESSAGE });
    else if (after.source === null) errors.push({ ...named, column: '数据来源', message: SOURCE_MISSING_MESSAGE });
    else writes.push({ row: imported.row, subject: imported.subject, kind: imported.kind, value: after.value, source: after.source, note: after.note, baseVersion: before?.version ?? 0 });
  }
  errors.sort((a, b) => a.row - b.row);
  return { year, rows, errors, writes };
}

/** The versions and values a preview was based on, as the confirm form sends them back. */
export function referenceImportToken(preview: Pick<ReferenceImportPreview, 'writes'>): string {
  return preview.writes.map((w) => `${w.subject.type}:${w.subject.id}:${w.kind}:${w.baseVersion}:${w.value}`).join(',');
}
