/**
 * CSV for Excel and the statistics office's tools: UTF-8 with a byte-order mark (without it Excel on
 * Windows reads the Chinese as mojibake), RFC 4180 (CRLF line ends, fields with comma, quote or line
 * break quoted, quotes doubled).
 */
import type { Figure, PlanDetail } from '@/lib/data/types';
import type { ReportData } from './report';

const BOM = '\uFEFF';

export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): Uint8Array {
  return new TextEncoder().encode(BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n');
}

/** The report table: a header row, then one row per indicator with the same texts as the table on screen. */
export function buildCsv(report: ReportData): Uint8Array {
  return toCsv([report.columns.map((c) => c.label), ...report.rows.map((row) => report.columns.map((c) => row.cells[c.key].text))]);
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
    .map(({ f, i }) => [i.sequence, i.name, i.unit, f.year, String(f.value), f.status, f.quality, f.source, f.note, f.isSample]);
  return toCsv([[...FIGURES_CSV_COLUMNS], ...rows]);
}
