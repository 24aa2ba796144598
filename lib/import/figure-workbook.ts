/**
 * The yearly entry template (.xlsx) and its importer. The template lists a plan's indicators for one
 * year with last year's figure and this year's figure as stored (value, source, 初步/正式, note, status);
 * approved rows are locked (and the sheet protected, so Excel keeps them read-only). Staff change what
 * they need and upload it. A blank cell leaves the stored value alone (the sheet says so). The importer
 * checks every row first and returns every figure and every row error (readFigureWorkbook), or either
 * every figure or the errors (parseFigureWorkbook) — never a partial write: what follows is all or nothing.
 */
import ExcelJS from 'exceljs';
import { COMMON_SOURCES, figureNoteSchema, figureSourceSchema, parseQuality, QUALITY_LABELS_ZH } from '@/lib/schemas/figure-entry';
import { parseFigure, type FigureRules } from '@/lib/schemas/figure-value';
import { OUTSIDE_PLAN_YEAR_MESSAGE } from '@/lib/schemas/figure-entry';
import type { FigureQuality, FigureStatus } from '@/lib/data/types';
import { limitMessage, readBoundedWorkbook } from './bounded-workbook';

export interface TemplateIndicator extends FigureRules {
  id: number;
  sequence: number;
  category: string;
  name: string;
  unit: string;
  previous: { year: number; value: number } | null;
  /** this year's figure as stored, pre-filled into the sheet; approved ones are locked */
  current?: { value: number; source: string | null; quality: FigureQuality | null; note: string | null; status: FigureStatus } | null;
}

/** The 状态 column: what the stored figure is (read-only; the importer ignores it). */
export const TEMPLATE_STATUS_TEXT: Record<FigureStatus | 'none', string> = {
  none: '未填报',
  draft: '草稿',
  submitted: '已提交（待审核）',
  returned: '已退回',
  approved: '已审核（锁定）',
};

/** Row 2 of the sheet: how to fill it in, and that a blank cell changes nothing. */
export const TEMPLATE_INSTRUCTIONS =
  '请只修改“本年数值”“数据来源”“初步/正式”“备注”四列；增长率类指标填写当年增速（%）。留空的单元格不会改变系统中已存的内容（不会清空）；“本年数值”留空的行不导入。已审核的行已锁定，不能修改。数据来源可从下拉列表选择，也可直接填写其他来源。';
export interface TemplateInput {
  planSlug: string;
  planName: string;
  year: number;
  indicators: TemplateIndicator[];
}

export interface ImportedFigure {
  /** the sheet row it came from, for messages */
  row: number;
  indicatorId: number;
  sequence: number;
  year: number;
  value: string;
  source: string | null;
  quality: 'preliminary' | 'final' | null;
  note: string | null;
}

export interface ImportError {
  /** the sheet row (1-based, as Excel shows it); 0 for the file as a whole */
  row: number;
  column: string | null;
  message: string;
  /** the indicator the row names, when it names one: errors are listed by indicator, not only by row */
  indicator?: { id: number; sequence: number; name: string };
}

export type ImportResult = { ok: true; figures: ImportedFigure[] } | { ok: false; errors: ImportError[] };

/** Every valid row and every error of a file, together (a file-level error comes with no figures). */
export interface WorkbookReading {
  figures: ImportedFigure[];
  errors: ImportError[];
}

const SHEET = '填报';
const META_SHEET = '_meta';
const HEADER_ROW = 3;
const COLUMNS = ['序号', '指标名称', '单位', '上年数值', '本年数值', '数据来源', '初步/正式', '备注', '状态'] as const;
const [SEQ, NAME, , , VALUE, SOURCE, QUALITY, NOTE, STATUS] = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
const TEMPLATE_VERSION = '1';
/** Bounds of an upload: far more rows than any plan has indicators, the template's 8 columns with room for side notes. */
export const FIGURE_TEMPLATE_MAX_ROWS = 1000;
export const FIGURE_TEMPLATE_MAX_COLUMNS = 26;

export async function buildFigureTemplate(input: TemplateInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '科技创新规划指标监测平台';
  const sheet = workbook.addWorksheet(SHEET, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 6 }, { width: 40 }, { width: 8 }, { width: 14 }, { width: 14 }, { width: 16 }, { width: 11 }, { width: 28 }, { width: 16 }];
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getCell(1, 1).value = `${input.planName} ${input.year}年指标数据填报表`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(2, 1, 2, COLUMNS.length);
  sheet.getCell(2, 1).value = TEMPLATE_INSTRUCTIONS;
  sheet.getCell(2, 1).font = { size: 10, color: { argb: 'FF555555' } };
  sheet.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(2).height = 44;

  const header = sheet.getRow(HEADER_ROW);
  COLUMNS.forEach((title, index) => {
    const cell = header.getCell(index + 1);
    cell.value = title === '上年数值' ? `上年数值（${input.year - 1}年）` : title === '本年数值' ? `本年数值（${input.year}年）` : title;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 32; // two lines: 上年数值（2024年）

  const firstRow = HEADER_ROW + 1;
  input.indicators.forEach((indicator, index) => {
    const row = sheet.getRow(firstRow + index);
    const current = indicator.current ?? null;
    const locked = current?.status === 'approved';
    row.getCell(SEQ).value = indicator.sequence;
    row.getCell(NAME).value = indicator.name;
    row.getCell(3).value = indicator.unit;
    row.getCell(4).value = indicator.previous?.value ?? '—';
    const value = row.getCell(VALUE);
    value.numFmt = indicator.decimals === 0 ? '0' : `0.${'0'.repeat(indicator.decimals)}`;
    if (current) {
      value.value = current.value;
      row.getCell(SOURCE).value = current.source;
      row.getCell(QUALITY).value = current.quality ? QUALITY_LABELS_ZH[current.quality] : null;
      row.getCell(NOTE).value = current.note;
    }
    row.getCell(STATUS).value = TEMPLATE_STATUS_TEXT[current?.status ?? 'none'];
    // Editable cells are unlocked and tinted; an approved row stays locked and grey under the sheet protection.
    for (const column of [VALUE, SOURCE, QUALITY, NOTE]) {
      const cell = row.getCell(column);
      cell.protection = { locked };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: locked ? 'FFE5E7EB' : 'FFFFF8DC' } };
    }
    if (locked) row.getCell(STATUS).font = { bold: true, color: { argb: 'FF374151' } };
    // Each validation covers its own column (exceljs joins equal ones into ranges), so no two cover one
    // cell. The source list only suggests: other text is accepted (no error alert). None on locked rows.
    if (locked) return;
    row.getCell(SOURCE).dataValidation = { type: 'list', allowBlank: true, showErrorMessage: false, showInputMessage: true, promptTitle: '数据来源', prompt: '可从列表选择，也可直接填写其他来源', formulae: [`"${COMMON_SOURCES.join(',')}"`] };
    row.getCell(QUALITY).dataValidation = { type: 'list', allowBlank: true, showErrorMessage: true, error: '请选择初步或正式', formulae: [`"${QUALITY_LABELS_ZH.preliminary},${QUALITY_LABELS_ZH.final}"`] };
    const bounds = indicator.kind === 'growthRate' ? { operator: 'greaterThan' as const, formulae: [-100] } : indicator.kind === 'share' ? { operator: 'between' as const, formulae: [0, 100] } : { operator: 'greaterThanOrEqual' as const, formulae: [0] };
    value.dataValidation = {
      type: indicator.decimals === 0 ? 'whole' : 'decimal',
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: '数值不符合要求',
      error: indicator.kind === 'share' ? '比例须在 0 到 100 之间' : indicator.kind === 'growthRate' ? '增长率须大于 -100%' : '须为不小于 0 的数',
      ...bounds,
    };
  });
  // Protection without a password: it keeps approved rows from being typed over by mistake, it is not security
  // (the importer refuses changes to approved figures whatever the file says).
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false });

  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRows([['plan', input.planSlug], ['year', input.year], ['version', TEMPLATE_VERSION]]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export type CellText = { ok: true; text: string | null; number: number | null } | { ok: false; message: string };

/** What a cell holds, as text (and as a number when Excel stored one); Excel errors and dates are refused. */
export function readCell(cellValue: ExcelJS.CellValue): CellText {
  let value = cellValue as unknown;
  if (value && typeof value === 'object' && 'formula' in value) value = (value as { result?: unknown }).result ?? null;
  if (value === null || value === undefined) return { ok: true, text: null, number: null };
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, text: String(value), number: value } : { ok: false, message: '不是有效的数字' };
  if (typeof value === 'string') return { ok: true, text: value, number: null };
  if (typeof value === 'boolean') return { ok: false, message: '不是数字（单元格是逻辑值）' };
  if (value instanceof Date) return { ok: false, message: '不是数字（单元格是日期格式）' };
  if (typeof value === 'object' && 'error' in value) return { ok: false, message: `单元格为错误值 ${String((value as { error: unknown }).error)}` };
  if (typeof value === 'object' && 'richText' in value) {
    return { ok: true, text: (value as { richText: { text: string }[] }).richText.map((part) => part.text).join(''), number: null };
  }
  if (typeof value === 'object' && 'text' in value) return { ok: true, text: String((value as { text: unknown }).text), number: null };
  return { ok: false, message: '无法识别的单元格内容' };
}

/** A number Excel stored in binary (e.g. 13.309999999999999) is read back at the indicator's decimals. */
export function numberText(cell: Extract<CellText, { ok: true }>, decimals: number): string | null {
  if (cell.number === null) return cell.text;
  const rounded = Number(cell.number.toFixed(decimals));
  return Math.abs(rounded - cell.number) < 1e-9 * Math.max(1, Math.abs(cell.number)) ? String(rounded) : String(cell.number);
}

export interface WorkbookExpectation {
    planSlug: string;
    /** the plan period: a year outside it is refused, as on the entry page */
    firstYear: number;
    lastYear: number;
    year: number;
    indicators: Pick<TemplateIndicator, 'id' | 'sequence' | 'name' | 'kind' | 'decimals'>[];
}

/** Every figure or every error, never both: the import is all or nothing. */
export async function parseFigureWorkbook(bytes: ArrayBuffer | Uint8Array, expected: WorkbookExpectation): Promise<ImportResult> {
  const reading = await readFigureWorkbook(bytes, expected);
  if (reading.errors.length > 0) return { ok: false, errors: reading.errors.map(({ indicator: _named, ...error }) => error) };
  if (reading.figures.length === 0) return { ok: false, errors: [{ row: 0, column: null, message: NOTHING_FILLED_IN }] };
  return { ok: true, figures: reading.figures };
}

export const NOTHING_FILLED_IN = '模板中没有填写任何数值';

/**
 * Reads a filled-in template: the valid rows and every error at once, each row error naming its indicator.
 * Blank source, 初步/正式 or note cells come back as null (the preview keeps the stored ones).
 */
export async function readFigureWorkbook(bytes: ArrayBuffer | Uint8Array, expected: WorkbookExpectation): Promise<WorkbookReading> {
  const fileError = (message: string): WorkbookReading => ({ figures: [], errors: [{ row: 0, column: null, message }] });
  if (!Number.isInteger(expected.year) || expected.year < expected.firstYear || expected.year > expected.lastYear) return fileError(OUTSIDE_PLAN_YEAR_MESSAGE);
  const read = await readBoundedWorkbook(bytes, {
    maxRows: FIGURE_TEMPLATE_MAX_ROWS,
    maxColumns: FIGURE_TEMPLATE_MAX_COLUMNS,
    wantSheet: (name) => name === SHEET || name === META_SHEET,
  });
  if (!read.ok) return fileError(read.problem === 'unreadable' ? '无法读取文件：请上传从本系统下载的 .xlsx 填报模板' : limitMessage(read.problem, read.limit));
  const sheet = read.sheets.find((s) => s.name === SHEET);
  const meta = read.sheets.find((s) => s.name === META_SHEET);
  if (!sheet || !meta) return fileError('这不是本系统的填报模板：缺少“填报”工作表');
  const metaValue = (key: string) => {
    for (let r = 1; r <= meta.rowCount; r++) if (meta.value(r, 1) === key) return meta.value(r, 2);
    return undefined;
  };
  if (metaValue('plan') !== expected.planSlug) return fileError('模板属于另一个规划，请重新下载本规划的模板');
  if (Number(metaValue('year')) !== expected.year) return fileError(`模板是${String(metaValue('year'))}年的，当前导入的是${expected.year}年`);

  const bySequence = new Map(expected.indicators.map((indicator) => [indicator.sequence, indicator]));
  const errors: ImportError[] = [];
  const figures: ImportedFigure[] = [];
  const seen = new Set<number>();

  for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) {
    const cells = [SEQ, NAME, VALUE, SOURCE, QUALITY, NOTE].map((c) => readCell(sheet.value(r, c)));
    if (cells.every((cell) => cell.ok && (cell.text === null || cell.text.trim() === ''))) continue;
    const [seqCell, nameCell, valueCell, sourceCell, qualityCell, noteCell] = cells as [CellText, CellText, CellText, CellText, CellText, CellText];
    const sequence = seqCell.ok ? Number(seqCell.text) : NaN;
    const indicator = bySequence.get(sequence);
    const named = indicator && { id: indicator.id, sequence: indicator.sequence, name: indicator.name };
    const err = (column: string, message: string) => errors.push({ row: r, column, message, ...(named ? { indicator: named } : {}) });
    if (!indicator) {
      err('序号', '序号不是本规划的指标');
      continue;
    }
    if (seen.has(sequence)) {
      err('序号', `第${sequence}项指标重复出现`);
      continue;
    }
    seen.add(sequence);
    if (!nameCell.ok || (nameCell.text ?? '').trim() !== indicator.name) err('指标名称', `指标名称与规划不一致，应为“${indicator.name}”`);

    if (!valueCell.ok) {
      err('本年数值', valueCell.message);
      continue;
    }
    const valueText = numberText(valueCell, indicator.decimals);
    if (valueText === null || valueText.trim() === '') continue; // not filled in: no figure for this row
    const parsed = parseFigure(valueText, indicator);
    if (!parsed.ok) err('本年数值', parsed.message);

    const source = sourceCell.ok ? figureSourceSchema.safeParse(sourceCell.text ?? '') : null;
    if (!source?.success) err('数据来源', sourceCell.ok ? (source?.error?.issues[0]?.message ?? '来源无效') : sourceCell.message);
    const note = noteCell.ok ? figureNoteSchema.safeParse(noteCell.text ?? '') : null;
    if (!note?.success) err('备注', noteCell.ok ? (note?.error?.issues[0]?.message ?? '备注无效') : noteCell.message);
    const quality = qualityCell.ok ? parseQuality(qualityCell.text) : 'invalid';
    if (quality === 'invalid') err('初步/正式', '请填写“初步”或“正式”');

    if (parsed.ok && source?.success && note?.success && quality !== 'invalid') {
      figures.push({ row: r, indicatorId: indicator.id, sequence, year: expected.year, value: parsed.text, source: source.data, quality, note: note.data });
    }
  }

  return { figures, errors };
}
