/**
 * The report as an Excel workbook (exceljs): title row, styled header frozen below it, the 表1 table with
 * merged category cells, numbers kept numeric with formats matching the screen, "—" as text where a
 * value is missing, footer rows (note, data status, sample notice, generated at), A4 landscape fit to width.
 */
import ExcelJS from 'exceljs';
import { displayWidth, excelNumberFormat, isNumericCell, longestWord } from './layout';
import type { BenchmarkTable } from './benchmark-table';
import type { SignOffLine, TableReport } from './report';

const BODY_FONT = { name: '宋体', size: 10.5 };
const HEADER_FONT = { name: '黑体', size: 10.5, bold: true };
const TITLE_FONT = { name: '黑体', size: 16, bold: true };
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Width limits per column (in narrow characters) so that the table fits A4 landscape; longer text wraps. */
const MAX_WIDTH: Record<string, number> = { name: 34, category: 6, sequence: 6, status: 14, programme: 14, number: 6, task: 24, unit: 14, target: 36, progress: 44, lead: 30, cooperating: 44 };
const ENGLISH_MAX_WIDTH: Record<string, number> = { category: 14, status: 26 };
/** Columns whose text wraps. */
const WRAP = new Set(['name', 'actual', 'programme', 'task', 'unit', 'target', 'progress', 'lead', 'cooperating']);

export const XLSX_SHEET_NAME = '主要指标监测表';
/** Row numbers of the layout (1-based), for readers and tests. */
export const XLSX_TITLE_ROW = 1;
export const XLSX_HEADER_ROW = 2;
export const XLSX_FIRST_DATA_ROW = 3;

export async function buildXlsx(report: TableReport): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.planName;
  workbook.created = new Date(report.generatedAt);
  workbook.modified = new Date(report.generatedAt);
  workbook.title = report.title;

  const columnCount = report.columns.length;
  const sheet = workbook.addWorksheet(report.sheetName ?? XLSX_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: XLSX_HEADER_ROW }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${XLSX_TITLE_ROW}:${XLSX_HEADER_ROW}`,
    },
    headerFooter: { oddFooter: report.pageFooter ?? '第 &P 页，共 &N 页' },
  });

  // Column widths from the widest text (Chinese characters count double), within limits. The column
  // font also makes exceljs write every width (it leaves out a column that looks like its default).
  report.columns.forEach((column, index) => {
    // Headers wrap onto two lines, so a long header needs only half its width.
    const widest = Math.max(Math.ceil(displayWidth(column.label) / 2), ...report.rows.map((r) => displayWidth(r.cells[column.key]!.text)));
    const natural = widest + 2;
    const excelColumn = sheet.getColumn(index + 1);
    // English statuses and category names are longer than the Chinese ones the limits were set for
    const limit = report.locale === 'en' ? (ENGLISH_MAX_WIDTH[column.key] ?? MAX_WIDTH[column.key]) : MAX_WIDTH[column.key];
    excelColumn.width = Math.min(limit ?? 24, Math.max(6, natural, longestWord(column.label) + 2));
    excelColumn.font = BODY_FONT;
  });


  // Title
  sheet.mergeCells(XLSX_TITLE_ROW, 1, XLSX_TITLE_ROW, columnCount);
  const title = sheet.getCell(XLSX_TITLE_ROW, 1);
  title.value = report.title;
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(XLSX_TITLE_ROW).height = 30;

  // Header
  const header = sheet.getRow(XLSX_HEADER_ROW);
  report.columns.forEach((column, index) => {
    const c = header.getCell(index + 1);
    c.value = column.label;
    c.font = HEADER_FONT;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF3' } };
    c.border = BORDER;
  });
  header.height = 32;

  // Body
  report.rows.forEach((row, rowIndex) => {
    const excelRow = sheet.getRow(XLSX_FIRST_DATA_ROW + rowIndex);
    report.columns.forEach((column, columnIndex) => {
      const source = row.cells[column.key]!;
      const c = excelRow.getCell(columnIndex + 1);
      if (isNumericCell(source)) {
        c.value = source.value;
        c.numFmt = excelNumberFormat(source.format, source.marks, report.locale);
      } else {
        c.value = source.text;
      }
      c.font = BODY_FONT;
      c.border = BORDER;
      c.alignment = { horizontal: column.align, vertical: 'middle', wrapText: WRAP.has(column.key) };
    });
    // Excel and LibreOffice do not grow a row for wrapped text written by exceljs: give it the lines it needs.
    const lines = Math.max(1, ...report.columns.map((column, columnIndex) => {
      const width = sheet.getColumn(columnIndex + 1).width ?? 10;
      return WRAP.has(column.key) && columnIndex > 0 ? Math.ceil(displayWidth(row.cells[column.key]!.text) / Math.max(1, width - 1)) : 1;
    }));
    if (lines > 1) excelRow.height = lines * 14;
    if (row.categoryRowSpan > 1) {
      const start = XLSX_FIRST_DATA_ROW + rowIndex;
      sheet.mergeCells(start, 1, start + row.categoryRowSpan - 1, 1);
    }
  });

  // Footer: note, footnotes, data status, sample notice, generated at
  const footer = [...report.notes, report.dataStatus, ...(report.sampleNotice ? [report.sampleNotice] : []), report.generatedAtText];
  footer.forEach((text, index) => {
    const rowNumber = XLSX_FIRST_DATA_ROW + report.rows.length + index;
    sheet.mergeCells(rowNumber, 1, rowNumber, columnCount);
    const c = sheet.getCell(rowNumber, 1);
    c.value = text;
    c.font = { ...BODY_FONT, size: 9, ...(text === report.sampleNotice ? { bold: true, color: { argb: 'FF9A3412' } } : {}) };
    c.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  });

  // Sign-off block (落款): two rows below the footer, three labelled fields each ("负责人：王璐" or a blank line).
  const signOffStart = XLSX_FIRST_DATA_ROW + report.rows.length + footer.length + 1;
  signOffRows(report).forEach((line, index) => {
    const rowNumber = signOffStart + index;
    sheet.mergeCells(rowNumber, 1, rowNumber, columnCount);
    const c = sheet.getCell(rowNumber, 1);
    c.value = line;
    c.font = { ...BODY_FONT, size: 10 };
    c.alignment = { horizontal: 'left', vertical: 'middle' };
    sheet.getRow(rowNumber).height = 22;
  });
  if (report.benchmarks) addBenchmarkSheet(workbook, report.benchmarks);

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The sign-off lines as text rows of three fields each; a blank value is an underscored gap to write in. */
export function signOffRows(report: Pick<TableReport, 'signOff'>): string[] {
  if (!report.signOff) return [];
  const signOff = report.signOff;
  const field = (line: SignOffLine) => `${line.caption}${line.value || '＿＿＿＿＿＿＿＿'}`;
  return [signOff.slice(0, 3), signOff.slice(3)].map((group) => group.map(field).join('　　　　'));
}

export const XLSX_BENCHMARK_SHEET_NAME = '对标';

/** The optional 对标 table on a sheet of its own: title, header, rows (numbers numeric where the cell is a plain number), note. */
function addBenchmarkSheet(workbook: ExcelJS.Workbook, table: BenchmarkTable): void {
  const sheet = workbook.addWorksheet(XLSX_BENCHMARK_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
  });
  table.columns.forEach((column, index) => {
    const widest = Math.max(displayWidth(column.label), ...table.rows.map((r) => displayWidth(r.cells[column.key])));
    const c = sheet.getColumn(index + 1);
    c.width = Math.min(column.key === 'name' ? 44 : column.key === 'ranks' ? 36 : 18, Math.max(8, widest + 2));
    c.font = BODY_FONT;
  });
  sheet.mergeCells(1, 1, 1, table.columns.length);
  const title = sheet.getCell(1, 1);
  title.value = table.title;
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;
  table.columns.forEach((column, index) => {
    const c = sheet.getRow(2).getCell(index + 1);
    c.value = column.label;
    c.font = HEADER_FONT;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF3' } };
    c.border = BORDER;
  });
  table.rows.forEach((row, rowIndex) => {
    const excelRow = sheet.getRow(3 + rowIndex);
    // Wrapped cells need their height set: not every spreadsheet grows a row to fit its text.
    const lines = Math.max(...table.columns.map((column, i) => Math.ceil(displayWidth(row.cells[column.key]) / Math.max(1, (sheet.getColumn(i + 1).width ?? 10) - 1))));
    excelRow.height = 15 * Math.max(1, lines);
    table.columns.forEach((column, columnIndex) => {
      const c = excelRow.getCell(columnIndex + 1);
      const text = row.cells[column.key];
      const value = row.values[column.key];
      if (value != null && /^-?[\d,]+(\.\d+)?$/.test(text)) {
        c.value = value;
        const decimals = (text.split('.')[1] ?? '').length;
        c.numFmt = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
      } else {
        c.value = text;
      }
      c.font = BODY_FONT;
      c.border = BORDER;
      c.alignment = { horizontal: column.key === 'name' || column.key === 'ranks' ? 'left' : 'right', vertical: 'middle', wrapText: true };
    });
  });
  table.notes.forEach((note, index) => {
    const rowNumber = 3 + table.rows.length + index;
    sheet.mergeCells(rowNumber, 1, rowNumber, table.columns.length);
    const c = sheet.getCell(rowNumber, 1);
    c.value = note;
    c.font = { ...BODY_FONT, size: 9 };
    c.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  });
}
