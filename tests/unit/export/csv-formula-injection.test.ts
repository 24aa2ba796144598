// Issue 13 item 4 — CSV formula injection. Staff type sources, notes; admins type names, units and
// categories. A spreadsheet opening the CSV must show such text as text (OWASP: a leading '), while
// numbers — negative ones included — stay numbers. The xlsx report keeps them as string cells.
import ExcelJS from 'exceljs';
import { parseCsv as parseCsvText } from '@/tests/helpers/csv';
import { describe, expect, it } from 'vitest';
import { buildCsv, buildFiguresCsv, csvNumber, toCsv } from '@/lib/export/csv';
import { buildReport } from '@/lib/export/report';
import { buildXlsx, XLSX_FIRST_DATA_ROW, XLSX_SHEET_NAME } from '@/lib/export/xlsx';
import { assessPlan } from '@/lib/views/plan-progress';
import { formatNumber } from '@/lib/progress';
import { sampleFigures, samplePlan } from './sample-plan';

const PAYLOADS = ['=HYPERLINK("http://example.invalid","点击")', '+1+cmd|\'/C calc\'!A0', '-2+3', '@SUM(1,1)', '\t=1+1', '\r=1+1'];

/** The CSV as records: drops the UTF-8 BOM the writer puts first, then the shared strict reader. */
function parseCsv(bytes: Uint8Array): string[][] {
  return parseCsvText(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1));
}

describe('CSV formula injection: the one CSV writer', () => {
  it.each(PAYLOADS)('text %j gets a leading apostrophe', (payload) => {
    expect(parseCsv(toCsv([[payload]]))).toEqual([[`'${payload}`]]);
  });

  it('leaves ordinary text, numbers, negative numbers and displayed numbers alone', () => {
    const [row] = parseCsv(toCsv([['高新技术企业', 'a=b', -3.5, 0, csvNumber('-1,046.50'), csvNumber('-12.5%'), true, null]]));
    expect(row).toEqual(['高新技术企业', 'a=b', '-3.5', '0', '-1,046.50', '-12.5%', 'true', '']);
  });

  it('a "number" that is not one is text, and neutralised', () => {
    expect(parseCsv(toCsv([[csvNumber('-1+cmd'), csvNumber('=1')]]))).toEqual([["'-1+cmd", "'=1"]]);
  });
});

describe('CSV formula injection: figures.csv', () => {
  it('neutralises name, unit, source and note; a negative value stays a number', () => {
    const plan = samplePlan();
    const indicator = plan.indicators.find((i) => i.kind === 'growthRate')!;
    plan.indicators = plan.indicators.map((i) => (i.id === indicator.id ? { ...i, name: PAYLOADS[0]!, unit: PAYLOADS[3]! } : i));
    const figure = { ...sampleFigures()[0]!, indicatorId: indicator.id, year: 2022, value: -3.5, source: PAYLOADS[1]!, note: PAYLOADS[4]! };
    const [header, row] = parseCsv(buildFiguresCsv(plan, [figure]));
    const at = (column: string) => row![header!.indexOf(column)];
    expect(at('indicator_name')).toBe(`'${PAYLOADS[0]}`);
    expect(at('unit')).toBe(`'${PAYLOADS[3]}`);
    expect(at('source')).toBe(`'${PAYLOADS[1]}`);
    expect(at('note')).toBe(`'${PAYLOADS[4]}`);
    expect(at('value')).toBe('-3.5');
  });
});

describe('CSV formula injection: the report CSV and xlsx', () => {
  const plan = samplePlan();
  const growth = plan.indicators.find((i) => i.kind === 'growthRate')!;
  plan.categories = plan.categories.map((c) => (c.id === growth.category.id ? { ...c, name: PAYLOADS[0]! } : c));
  plan.indicators = plan.indicators.map((i) => (i.id === growth.id ? { ...i, name: PAYLOADS[2]!, category: { ...i.category, name: PAYLOADS[0]! } } : i.category.id === growth.category.id ? { ...i, category: { ...i.category, name: PAYLOADS[0]! } } : i));
  const figures = sampleFigures().filter((f) => !(f.indicatorId === growth.id && f.year === 2023));
  figures.push({ ...sampleFigures()[0]!, id: 999, indicatorId: growth.id, year: 2023, value: -3.5, status: 'approved' });
  const report = buildReport(plan, assessPlan(plan, figures, 2023, { includeUnapproved: false }), { generatedAt: new Date('2026-03-01T08:30:00Z') });
  const rowIndex = report.rows.findIndex((r) => r.indicatorId === growth.id);

  it('the CSV neutralises the category and the name; the negative figure stays a number', () => {
    const [header, ...rows] = parseCsv(buildCsv(report));
    const row = rows[rowIndex]!;
    const at = (key: string) => row[report.columns.findIndex((c) => c.key === key)];
    expect(at('category')).toBe(`'${PAYLOADS[0]}`);
    expect(at('name')).toBe(`'${report.rows[rowIndex]!.cells.name.text}`);
    expect(at('actual')).toBe(formatNumber(-3.5, growth.decimals));
    expect(header).toEqual(report.columns.map((c) => c.label));
  });

  it('the xlsx writes them as strings, not formulas, and the negative figure as a number', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await buildXlsx(report)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(XLSX_SHEET_NAME)!;
    const at = (key: string) => sheet.getCell(XLSX_FIRST_DATA_ROW + rowIndex, report.columns.findIndex((c) => c.key === key) + 1);
    expect(at('category').type).toBe(ExcelJS.ValueType.String);
    expect(at('category').value).toBe(PAYLOADS[0]);
    expect(at('name').type).toBe(ExcelJS.ValueType.String);
    expect(at('name').value).toBe(report.rows[rowIndex]!.cells.name.text);
    expect(at('actual').value).toBe(-3.5);
  });
});
