// The optional 对标 table in every export builder (csv, xlsx, docx): present when the report carries it,
// absent otherwise, with the same texts as the print page; 表1 is unchanged either way.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/tests/helpers/csv';
import type { BenchmarkTable } from '@/lib/export/benchmark-table';
import { BENCHMARK_TABLE_COLUMNS } from '@/lib/export/benchmark-table';
import { buildCsv } from '@/lib/export/csv';
import { buildDocx } from '@/lib/export/docx';
import { buildReport } from '@/lib/export/report';
import { buildXlsx, XLSX_BENCHMARK_SHEET_NAME, XLSX_SHEET_NAME } from '@/lib/export/xlsx';
import { assessPlan } from '@/lib/views/plan-progress';
import { sampleFigures, samplePlan } from './sample-plan';

const plan = samplePlan();
const base = buildReport(plan, assessPlan(plan, sampleFigures(), 2023), { generatedAt: new Date('2026-12-01T09:41:00Z') });
const table: BenchmarkTable = {
  title: '对标情况（截至2023年）',
  columns: BENCHMARK_TABLE_COLUMNS,
  rows: [
    {
      cells: { name: '6. 高新技术企业数量（家）', year: '2020', district: '228', provinceBest: '258', shareOfProvinceBest: '88.37%', gapToProvinceBest: '30家', cityBest: '—', ranks: '—' },
      values: { district: 228, provinceBest: 258, cityBest: null },
    },
  ],
  notes: ['注：按相当于全省最高值的比例由低到高排列。'],
};
const withTable = { ...base, benchmarks: table };

describe('对标 table in the exports', () => {
  it('csv: after 表1 and an empty row, the title, header and rows', () => {
    const plain = parseCsv(new TextDecoder().decode(buildCsv(base)));
    const rows = parseCsv(new TextDecoder().decode(buildCsv(withTable)));
    expect(rows.slice(0, plain.length)).toEqual(plain);
    const tail = rows.slice(plain.length);
    expect(tail[1]).toEqual(['对标情况（截至2023年）']);
    expect(tail[2]).toEqual(BENCHMARK_TABLE_COLUMNS.map((c) => c.label));
    expect(tail[3]).toEqual(['6. 高新技术企业数量（家）', '2020', '228', '258', '88.37%', '30家', '—', '—']);
  });

  it('xlsx: a sheet 对标 with numbers kept numeric; none without the option', async () => {
    const load = async (bytes: Uint8Array) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as never);
      return workbook;
    };
    expect((await load(await buildXlsx(base))).worksheets.map((s) => s.name)).toEqual([XLSX_SHEET_NAME]);
    const workbook = await load(await buildXlsx(withTable));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([XLSX_SHEET_NAME, XLSX_BENCHMARK_SHEET_NAME]);
    const sheet = workbook.getWorksheet(XLSX_BENCHMARK_SHEET_NAME)!;
    expect(sheet.getCell(1, 1).value).toBe('对标情况（截至2023年）');
    expect(sheet.getCell(2, 5).value).toBe('相当于全省最高值');
    expect(sheet.getCell(3, 3).value).toBe(228);
    expect(sheet.getCell(3, 4).value).toBe(258);
    expect(sheet.getCell(3, 5).value).toBe('88.37%');
  });

  it('docx: the table title and its rows follow 表1', async () => {
    const xml = async (bytes: Uint8Array) => (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string'));
    expect(await xml(await buildDocx(base))).not.toContain('对标情况');
    const doc = await xml(await buildDocx(withTable));
    expect(doc).toContain('对标情况（截至2023年）');
    expect(doc.indexOf('对标情况')).toBeGreaterThan(doc.indexOf(base.rows.at(-1)!.name));
    expect(doc).toContain('88.37%');
  });
});
