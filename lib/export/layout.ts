// Layout helpers shared by the spreadsheet and document builders (no numbers are computed here).
import type { CellFormat, ReportCell } from './report';

/** Width of a text in "narrow characters": CJK and full-width signs take two, everything else one. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u2014\u201C\u201D]/.test(ch) ? 2 : 1;
  return width;
}

const quote = (literal: string) => `"${literal.replace(/"/g, '""')}"`;

/**
 * An Excel number format that shows the number exactly as lib/progress formats it:
 * decimal → formatNumber (grouped, fixed decimals), percent → formatPercent, asPublished → as written.
 * Marks (（2024年）, （未审核）) become a literal suffix so the cell stays a number.
 */
export function excelNumberFormat(format: CellFormat, marks: readonly string[] = [], locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const fraction = (decimals: number) => (decimals > 0 ? `.${'0'.repeat(decimals)}` : '');
  const base =
    format.kind === 'decimal' ? `#,##0${fraction(format.decimals)}` : format.kind === 'percent' ? `0${fraction(format.decimals)}%` : 'General';
  if (marks.length === 0) return base;
  return `${base}${quote(locale === 'en' ? ` (${marks.join(', ')})` : `（${marks.join('，')}）`)}`;
}

/** The longest word of a text without Chinese characters (an English header must not break inside a word); 0 for Chinese. */
export function longestWord(text: string): number {
  return /[\u2E80-\u9FFF]/.test(text) ? 0 : Math.max(0, ...text.split(/\s+/).map((word) => word.length));
}

/** Whether a cell holds a number a spreadsheet should keep numeric. */
export const isNumericCell = (cell: ReportCell): cell is ReportCell & { value: number; format: CellFormat } =>
  cell.value !== null && cell.format !== undefined;
