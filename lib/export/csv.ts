/**
 * CSV for Excel and the statistics office's tools: UTF-8 with a byte-order mark (without it Excel on
 * Windows reads the Chinese as mojibake), RFC 4180 (CRLF line ends, fields with comma, quote or line
 * break quoted, quotes doubled).
 *
 * The one CSV writer of the app (`toCsv`): every CSV goes through it. Text that a spreadsheet would take
 * as a formula (it starts with =, +, -, @, tab or carriage return — OWASP "CSV injection") gets a leading
 * `'`, so LibreOffice and Excel show it as text. Numbers are not text: a JS number, or a number as the
 * table shows it wrapped in `csvNumber()`, is written as is, so a negative figure stays a number.
 */
import type { Figure, PlanDetail } from '@/lib/data/types';
import { isNumericCell } from './layout';
import type { TableReport } from './report';

const BOM = '\uFEFF';

/** A number as displayed (e.g. `-1,046.50` or `-3.5%`), written as a number cell. */
export interface CsvNumberText {
  readonly csvNumber: string;
}
export type CsvCell = string | number | boolean | null | undefined | CsvNumberText;

export const csvNumber = (text: string): CsvNumberText => ({ csvNumber: text });

/** What a spreadsheet reads as a number: optional minus, digits (thousands grouped or not), decimals, optional %. */
const NUMBER_TEXT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;
/** OWASP: a cell starting with one of these is read as a formula. Line feed too, for good measure. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** The text of one cell before quoting: numbers as is, text neutralised. */
function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return NUMBER_TEXT.test(value.csvNumber) ? value.csvNumber : neutralised(value.csvNumber);
  return neutralised(value);
}

const neutralised = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

export function csvField(value: CsvCell): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): Uint8Array {
  return new TextEncoder().encode(BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n');
}

/** The report table: a header row, then one row per indicator with the same texts as the table on screen. */
export function buildCsv(report: TableReport): Uint8Array {
  const table = report.benchmarks;
  return toCsv([
    report.columns.map((c) => c.label),
    ...report.rows.map((row) =>
      report.columns.map((c) => {
        const cell = row.cells[c.key]!;
        // A numeric cell without marks is a number; with marks (“8.44（2024年）”) it is text.
        return isNumericCell(cell) && cell.marks.length === 0 ? csvNumber(cell.text) : cell.text;
      }),
    ),
    // the optional 对标 table after an empty row: its title, header and rows (texts as on screen)
    ...(table
      ? [[], [table.title], table.columns.map((c) => c.label), ...table.rows.map((row) => table.columns.map((c) => (row.values[c.key] != null && /^-?[\d,]+(\.\d+)?$/.test(row.cells[c.key]) ? csvNumber(row.cells[c.key]) : row.cells[c.key])))]
      : []),
  ]);
}

export const FIGURES_CSV_COLUMNS = [
  'indicator_sequence',
  'indicator_name',
  'unit',
  'year',
  'value',
  'status',
  'quality',
  'source',
  'note',
  'is_sample',
] as const;

/**
 * Every yearly figure of a plan for machines: raw values as stored (no grouping, no rounding), the review
 * status in English codes (draft, submitted, approved, returned), one row per figure in 序号 and year order.
 */
export function buildFiguresCsv(plan: PlanDetail, figures: readonly Figure[]): Uint8Array {
  const indicators = new Map(plan.indicators.map((i) => [i.id, i]));
  const rows = figures
    .filter((f) => indicators.has(f.indicatorId))
    .map((f) => ({ f, i: indicators.get(f.indicatorId)! }))
    .sort((a, b) => a.i.sequence - b.i.sequence || a.f.year - b.f.year)
    .map(({ f, i }) => [i.sequence, i.name, i.unit, f.year, f.value, f.status, f.quality, f.source, f.note, f.isSample]);
  return toCsv([[...FIGURES_CSV_COLUMNS], ...rows]);
}
