/**
 * The reference-value template (对标值, .xlsx) of one year and its reader. The sheet lists the plan's
 * indicators (表1) and supplementary series (监测指标), one block of four rows each — 数值, 数据来源, 备注,
 * 状态 — with the reference kinds (全市最高值, 全市平均值, 全省最高值, … ) as columns, pre-filled with what
 * is stored. Approved values are locked (grey; the sheet is protected without a password). A blank 数值
 * cell imports nothing for that kind; a blank 数据来源 or 备注 cell keeps what is stored.
 *
 * Same limits and streaming reader as the figure template (readBoundedWorkbook: 1,000 rows, 26 columns).
 * The reader returns every valid value and every error at once, each error named by its indicator or
 * series and kind; whether a value may be written (locked, permitted, source present) is decided by the
 * preview (lib/views/benchmark-import.ts) against the stored values.
 */
import ExcelJS from 'exceljs';
import { BENCHMARK_KINDS, BENCHMARK_KIND_LABELS_ZH, type BenchmarkKind } from '@/lib/progress';
import { parseBenchmarkValue } from '@/lib/schemas/benchmarks';
import type { FigureStatus } from '@/lib/data/types';
import { limitMessage, readBoundedWorkbook } from './bounded-workbook';
import { FIGURE_TEMPLATE_MAX_COLUMNS, FIGURE_TEMPLATE_MAX_ROWS, numberText, readCell, TEMPLATE_STATUS_TEXT, type CellText } from './figure-workbook';

export type TemplateSubjectType = 'indicator' | 'series';

export interface StoredReference {
  value: string;
  source: string;
  note: string | null;
  status: FigureStatus;
}

export interface BenchmarkTemplateSubject {
  type: TemplateSubjectType;
  id: number;
  /** 表1 序号 for an indicator; the series' place in the plan's list (1, 2, …) for a series */
  number: number;
  name: string;
  unit: string;
  /** the year's stored values by kind */
  stored: Partial<Record<BenchmarkKind, StoredReference>>;
}

export interface BenchmarkTemplateInput {
  planSlug: string;
  planName: string;
  year: number;
  subjects: BenchmarkTemplateSubject[];
}

/** A value the reader accepted (format only; the preview decides the rest). */
export interface ImportedReference {
  /** the sheet row of its 数值 cell */
  row: number;
  subject: { type: TemplateSubjectType; id: number };
  kind: BenchmarkKind;
  value: string;
  /** null: the cell was blank (keep what is stored) */
  source: string | null;
  note: string | null;
}

export interface BenchmarkImportError {
  /** sheet row; 0 for the file as a whole */
  row: number;
  column: string | null;
  message: string;
  /** "6. 高新技术企业数量" / "财政科技支出（监测指标）" */
  subject?: string;
  kind?: BenchmarkKind;
}

export interface BenchmarkWorkbookReading {
  values: ImportedReference[];
  errors: BenchmarkImportError[];
}

export interface BenchmarkWorkbookExpectation {
  planSlug: string;
  /** the years a template may be for (the plan's base year … its last year) */
  firstYear: number;
  lastYear: number;
  year: number;
  subjects: Pick<BenchmarkTemplateSubject, 'type' | 'id' | 'number' | 'name'>[];
}

export const BENCHMARK_SHEET = '对标值';
const META_SHEET = '_meta';
const TEMPLATE_KIND = 'benchmarks';
const HEADER_ROW = 3;
const [TYPE, NUMBER, NAME, UNIT, ITEM] = [1, 2, 3, 4, 5] as const;
const FIRST_KIND = 6;
/** The kinds' columns, in the order of BENCHMARK_KINDS (F, G, …). */
export const KIND_COLUMNS: readonly { kind: BenchmarkKind; column: number }[] = BENCHMARK_KINDS.map((kind, index) => ({ kind, column: FIRST_KIND + index }));
export const ITEM_LABELS = { value: '数值', source: '数据来源', note: '备注', status: '状态' } as const;
const TYPE_LABELS: Record<TemplateSubjectType, string> = { indicator: '指标', series: '监测指标' };
const TEXT_MAX = 500;

export const BENCHMARK_TEMPLATE_INSTRUCTIONS =
  '每个指标或监测指标占四行：数值、数据来源、备注、状态；各列为对标值的类型。只修改“数值”“数据来源”“备注”三行；排名填名次（整数），比例填百分数（如 25.59）。留空的“数值”不导入；留空的“数据来源”“备注”保留系统中已存的内容。新填的数值须有数据来源（文件、页码或原文）。导入的数值提交审核；已审核的数值已锁定，不能修改。';

/** The column title of a kind: its label, with the unit where the kind has its own (ranks, shares). */
export function kindColumnTitle(kind: BenchmarkKind): string {
  const label = BENCHMARK_KIND_LABELS_ZH[kind];
  if (kind === 'cityRank' || kind === 'provinceRank') return `${label}（位）`;
  if (kind === 'shareOfCityTotal' || kind === 'shareOfProvinceBest') return `${label}（%）`;
  return label;
}

/** "6. 高新技术企业数量" or "财政科技支出（监测指标）": how errors and the preview name a subject. */
export function subjectLabel(subject: Pick<BenchmarkTemplateSubject, 'type' | 'number' | 'name'>): string {
  return subject.type === 'indicator' ? `${subject.number}. ${subject.name}` : `${subject.name}（监测指标）`;
}

export async function buildBenchmarkTemplate(input: BenchmarkTemplateInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '科技创新规划指标监测平台';
  const lastColumn = FIRST_KIND + KIND_COLUMNS.length - 1;
  const sheet = workbook.addWorksheet(BENCHMARK_SHEET, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: ITEM }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 9 }, { width: 6 }, { width: 30 }, { width: 8 }, { width: 9 }, ...KIND_COLUMNS.map(() => ({ width: 15 }))];
  sheet.mergeCells(1, 1, 1, lastColumn);
  sheet.getCell(1, 1).value = `${input.planName} ${input.year}年对标值填报表`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(2, 1, 2, lastColumn);
  sheet.getCell(2, 1).value = BENCHMARK_TEMPLATE_INSTRUCTIONS;
  sheet.getCell(2, 1).font = { size: 10, color: { argb: 'FF555555' } };
  sheet.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(2).height = 44;

  const header = sheet.getRow(HEADER_ROW);
  ['类型', '序号', '名称', '单位', '项目', ...KIND_COLUMNS.map(({ kind }) => kindColumnTitle(kind))].forEach((title, index) => {
    const cell = header.getCell(index + 1);
    cell.value = title;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 32;

  input.subjects.forEach((subject, index) => {
    const top = HEADER_ROW + 1 + index * 4;
    const rows = { value: top, source: top + 1, note: top + 2, status: top + 3 };
    const first = sheet.getRow(top);
    first.getCell(TYPE).value = TYPE_LABELS[subject.type];
    first.getCell(NUMBER).value = subject.number;
    first.getCell(NAME).value = subject.name;
    first.getCell(UNIT).value = subject.unit;
    for (const column of [TYPE, NUMBER, NAME, UNIT]) {
      sheet.mergeCells(top, column, top + 3, column);
      sheet.getCell(top, column).alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
    }
    for (const [item, row] of Object.entries(rows) as [keyof typeof rows, number][]) {
      sheet.getCell(row, ITEM).value = ITEM_LABELS[item];
      sheet.getCell(row, ITEM).font = { color: { argb: 'FF374151' } };
      sheet.getCell(row, ITEM).alignment = { vertical: 'top' };
    }
    // a line under each subject's block
    for (let column = TYPE; column <= FIRST_KIND + KIND_COLUMNS.length - 1; column++) sheet.getCell(rows.status, column).border = { bottom: { style: 'thin', color: { argb: 'FF9CA3AF' } } };
    sheet.getRow(rows.source).height = 42;
    for (const { kind, column } of KIND_COLUMNS) {
      const stored = subject.stored[kind] ?? null;
      const locked = stored?.status === 'approved';
      const value = sheet.getCell(rows.value, column);
      const source = sheet.getCell(rows.source, column);
      const note = sheet.getCell(rows.note, column);
      if (stored) {
        value.value = Number(stored.value);
        source.value = stored.source;
        note.value = stored.note;
      }
      const status = sheet.getCell(rows.status, column);
      status.value = TEMPLATE_STATUS_TEXT[stored?.status ?? 'none'];
      status.font = { size: 9, color: { argb: 'FF4B5563' }, bold: locked };
      for (const cell of [value, source, note]) {
        cell.protection = { locked };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: locked ? 'FFE5E7EB' : 'FFFFF8DC' } };
      }
      source.alignment = { wrapText: true, vertical: 'top' };
      source.font = { size: 9 };
      note.font = { size: 9 };
      if (locked) continue;
      const rank = kind === 'cityRank' || kind === 'provinceRank';
      const share = kind === 'shareOfCityTotal' || kind === 'shareOfProvinceBest';
      value.dataValidation = rank
        ? { type: 'whole', allowBlank: true, showErrorMessage: true, errorTitle: '数值不符合要求', error: '排名须为不小于 1 的整数', operator: 'greaterThanOrEqual', formulae: [1] }
        : share
          ? { type: 'decimal', allowBlank: true, showErrorMessage: true, errorTitle: '数值不符合要求', error: '比例须在 0 到 100 之间', operator: 'between', formulae: [0, 100] }
          : { type: 'decimal', allowBlank: true, showErrorMessage: true, errorTitle: '数值不符合要求', error: '须为不小于 0 的数', operator: 'greaterThanOrEqual', formulae: [0] };
    }
  });
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false });

  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRows([['plan', input.planSlug], ['year', input.year], ['template', TEMPLATE_KIND], ['version', '1']]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const blank = (cell: CellText) => cell.ok && (cell.text === null || cell.text.trim() === '');

/** Optional text of a 数据来源 or 备注 cell: null when blank, an error message when unreadable or too long. */
function optionalText(cell: CellText, what: string): { ok: true; text: string | null } | { ok: false; message: string } {
  if (!cell.ok) return cell;
  const text = (cell.number !== null ? String(cell.number) : (cell.text ?? '')).trim();
  if (text === '') return { ok: true, text: null };
  if (text.length > TEXT_MAX) return { ok: false, message: `${what}最多${TEXT_MAX}个字` };
  return { ok: true, text };
}

/**
 * Reads a filled-in reference-value template: every valid value and every error at once (a file-level
 * error comes with no values). Nothing here looks at what is stored.
 */
export async function readBenchmarkWorkbook(bytes: ArrayBuffer | Uint8Array, expected: BenchmarkWorkbookExpectation): Promise<BenchmarkWorkbookReading> {
  const fileError = (message: string): BenchmarkWorkbookReading => ({ values: [], errors: [{ row: 0, column: null, message }] });
  if (!Number.isInteger(expected.year) || expected.year < expected.firstYear || expected.year > expected.lastYear) return fileError('年份不在规划的基期和规划期内。');
  const read = await readBoundedWorkbook(bytes, {
    maxRows: FIGURE_TEMPLATE_MAX_ROWS,
    maxColumns: FIGURE_TEMPLATE_MAX_COLUMNS,
    wantSheet: (name) => name === BENCHMARK_SHEET || name === META_SHEET,
  });
  if (!read.ok) return fileError(read.problem === 'unreadable' ? '无法读取文件：请上传从本系统下载的 .xlsx 对标值模板' : limitMessage(read.problem, read.limit));
  const sheet = read.sheets.find((s) => s.name === BENCHMARK_SHEET);
  const meta = read.sheets.find((s) => s.name === META_SHEET);
  if (!sheet || !meta) return fileError('这不是本系统的对标值模板：缺少“对标值”工作表');
  const metaValue = (key: string) => {
    for (let r = 1; r <= meta.rowCount; r++) if (meta.value(r, 1) === key) return meta.value(r, 2);
    return undefined;
  };
  if (metaValue('template') !== TEMPLATE_KIND) return fileError('这不是本系统的对标值模板');
  if (metaValue('plan') !== expected.planSlug) return fileError('模板属于另一个规划，请重新下载本规划的模板');
  if (Number(metaValue('year')) !== expected.year) return fileError(`模板是${String(metaValue('year'))}年的，当前导入的是${expected.year}年`);

  const byKey = new Map(expected.subjects.map((s) => [`${s.type}:${s.number}`, s]));
  const errors: BenchmarkImportError[] = [];
  const values: ImportedReference[] = [];
  const seen = new Set<string>();
  const cells = (row: number) => KIND_COLUMNS.map(({ column }) => readCell(sheet.value(row, column)));

  interface Block { subject: BenchmarkWorkbookExpectation['subjects'][number]; label: string; valueRow: number; sourceRow: number | null; noteRow: number | null }
  let block: Block | null = null;
  /** a 数值 row whose subject could not be named: its 数据来源/备注 rows are skipped, not reported again */
  let skipping = false;

  const finish = (b: Block) => {
    const valueCells = cells(b.valueRow);
    const sourceCells = b.sourceRow === null ? null : cells(b.sourceRow);
    const noteCells = b.noteRow === null ? null : cells(b.noteRow);
    KIND_COLUMNS.forEach(({ kind }, index) => {
      const err = (row: number, column: string, message: string) => errors.push({ row, column, message, subject: b.label, kind });
      const cell = valueCells[index]!;
      if (!cell.ok) return err(b.valueRow, ITEM_LABELS.value, cell.message);
      const raw = numberText(cell, 6);
      if (raw === null || raw.trim() === '') return; // nothing for this kind
      const parsed = parseBenchmarkValue(raw, kind);
      const source = sourceCells ? optionalText(sourceCells[index]!, '数据来源') : ({ ok: true, text: null } as const);
      const note = noteCells ? optionalText(noteCells[index]!, '备注') : ({ ok: true, text: null } as const);
      if (!parsed.ok) err(b.valueRow, ITEM_LABELS.value, parsed.message);
      if (!source.ok) err(b.sourceRow!, ITEM_LABELS.source, source.message);
      if (!note.ok) err(b.noteRow!, ITEM_LABELS.note, note.message);
      if (parsed.ok && source.ok && note.ok) values.push({ row: b.valueRow, subject: { type: b.subject.type, id: b.subject.id }, kind, value: parsed.text, source: source.text, note: note.text });
    });
  };

  for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) {
    const item = readCell(sheet.value(r, ITEM));
    const itemText = item.ok ? (item.text ?? '').trim() : '';
    const identity = [TYPE, NUMBER, NAME].map((c) => readCell(sheet.value(r, c)));
    const rowCells = cells(r);
    if (itemText === '' && [...identity, ...rowCells].every(blank)) continue;
    if (itemText === ITEM_LABELS.value) {
      if (block) finish(block);
      block = null;
      skipping = true;
      const [typeCell, numberCell, nameCell] = identity as [CellText, CellText, CellText];
      const typeText = typeCell.ok ? (typeCell.text ?? '').trim() : '';
      const type = (Object.entries(TYPE_LABELS).find(([, label]) => label === typeText)?.[0] ?? null) as TemplateSubjectType | null;
      const number = numberCell.ok ? Number(numberCell.text) : NaN;
      const subject = type ? byKey.get(`${type}:${number}`) : undefined;
      if (!subject) {
        errors.push({ row: r, column: '序号', message: type ? `${TYPE_LABELS[type]}序号不是本规划的${TYPE_LABELS[type]}` : '“类型”应为“指标”或“监测指标”' });
        continue;
      }
      const label = subjectLabel(subject);
      const key = `${subject.type}:${subject.id}`;
      if (seen.has(key)) {
        errors.push({ row: r, column: '序号', message: `${label}重复出现`, subject: label });
        continue;
      }
      seen.add(key);
      if (!nameCell.ok || (nameCell.text ?? '').trim() !== subject.name) errors.push({ row: r, column: '名称', message: `名称与规划不一致，应为“${subject.name}”`, subject: label });
      block = { subject, label, valueRow: r, sourceRow: null, noteRow: null };
      skipping = false;
    } else if (itemText === ITEM_LABELS.source || itemText === ITEM_LABELS.note) {
      if (!block) {
        if (!skipping) errors.push({ row: r, column: '项目', message: `“${itemText}”行前面缺少“数值”行（每个指标依次为 数值、数据来源、备注、状态）` });
        continue;
      }
      if (itemText === ITEM_LABELS.source) block.sourceRow = r;
      else block.noteRow = r;
    } else if (itemText === ITEM_LABELS.status) {
      continue; // read-only
    } else {
      errors.push({ row: r, column: '项目', message: '“项目”应为 数值、数据来源、备注 或 状态', ...(block ? { subject: block.label } : {}) });
    }
  }
  if (block) finish(block);
  errors.sort((a, b) => a.row - b.row);
  return { values, errors };
}
