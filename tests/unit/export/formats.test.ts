// Reads each generated file back with an independent reader and checks what a user would see.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseCsv } from '@/tests/helpers/csv';
import { describe, expect, it } from 'vitest';
import { buildCsv } from '@/lib/export/csv';
import { buildDocx } from '@/lib/export/docx';
import { buildReport } from '@/lib/export/report';
import { buildXlsx, XLSX_FIRST_DATA_ROW, XLSX_HEADER_ROW, XLSX_SHEET_NAME } from '@/lib/export/xlsx';
import { assessPlan } from '@/lib/views/plan-progress';
import { LUQUAN_2021_2025 } from '@/lib/plans/luquan-2021-2025';
import { formatNumber, formatPercent, formatPlanFigure, formatPlannedChange, statusLabelZh } from '@/lib/progress';
import { sampleFigures, samplePlan } from './sample-plan';

const generatedAt = new Date('2026-03-01T08:30:00Z');
const plan = samplePlan();
const progressOf = (year: number, includeUnapproved = false) => assessPlan(plan, sampleFigures(), year, { includeUnapproved });
const reportOf = (year: number, includeUnapproved = false) => buildReport(plan, progressOf(year, includeUnapproved), { generatedAt });

/** Excel column letters of the table, in order. */
const letter = (index: number) => String.fromCharCode(65 + index);

/** The category merges implied by the seed: one range per category over its indicators' rows. */
function expectedCategoryMerges(): string[] {
  const merges: string[] = [];
  let row = XLSX_FIRST_DATA_ROW;
  for (const category of LUQUAN_2021_2025.categories) {
    const count = LUQUAN_2021_2025.indicators.filter((i) => i.category === category).length;
    if (count > 1) merges.push(`A${row}:A${row + count - 1}`);
    row += count;
  }
  return merges;
}

async function readXlsx(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.getWorksheet(XLSX_SHEET_NAME)!;
}

describe('xlsx', () => {
  it.each([[2023, false], [2025, true]] as const)('%i (unapproved %s): title, merges, every cell, number formats', async (year, includeUnapproved) => {
    const progress = progressOf(year, includeUnapproved);
    const report = buildReport(plan, progress, { generatedAt });
    const sheet = await readXlsx(await buildXlsx(report));
    const lastColumn = letter(report.columns.length - 1);
    expect(report.columns.length).toBe(year === 2025 ? 12 : 11);

    expect(sheet.getCell('A1').value).toBe(`鹿泉区科技创新“十四五”规划主要指标监测表（${year}年）`);
    const merges = sheet.model.merges;
    expect(merges).toContain(`A1:${lastColumn}1`);
    for (const range of expectedCategoryMerges()) expect(merges).toContain(range);

    expect(sheet.getRow(XLSX_HEADER_ROW).values).toEqual([undefined, ...report.columns.map((c) => c.label)]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: XLSX_HEADER_ROW });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });

    for (const [index, item] of progress.indicators.entries()) {
      const { indicator, assessment: a } = item;
      const r = XLSX_FIRST_DATA_ROW + index;
      const at = (key: string) => sheet.getCell(`${letter(report.columns.findIndex((c) => c.key === key))}${r}`);
      expect(at('category').value).toBe(indicator.category.name); // the merged cell's master value
      expect(at('sequence').value).toBe(indicator.sequence);
      expect(at('name').value).toBe(`${indicator.name}（${indicator.unit}）`);
      // Plan figures stay numbers shown as published; "-" where the plan has none.
      expect(indicator.baseline === null ? at('baseline').value : String(at('baseline').value)).toBe(formatPlanFigure(indicator.baseline));
      expect(indicator.target === null ? at('target').value : String(at('target').value)).toBe(formatPlanFigure(indicator.target));
      if (indicator.kind === 'cumulative') expect(at('plannedChange').value).toBe(formatPlannedChange(indicator));
      else expect(String(at('plannedChange').value)).toBe(formatPlannedChange(indicator));
      // The year's figure: numeric with the indicator's decimals, marks as literal suffix, "—" text when missing.
      if (a.latestValue === null) {
        expect(at('actual').value).toBe('—');
        expect(at('completion').value).toBe(a.status === 'noData' ? '暂无数据' : '—');
        expect(at('expectedProgress').value).toBe(a.expectedProgress);
      } else {
        expect(at('actual').value).toBe(a.latestValue);
        const fraction = indicator.decimals > 0 ? `.${'0'.repeat(indicator.decimals)}` : '';
        const marks = [...(a.latestYear !== year ? [`${a.latestYear}年`] : []), ...(item.usesUnapproved ? ['未审核'] : []), ...(item.preliminaryInFinal ? ['初步'] : [])];
        expect(at('actual').numFmt).toBe(`#,##0${fraction}${marks.length ? `"（${marks.join('，')}）"` : ''}`);
        expect(at('expectedProgress').value).toBe(a.expectedProgress);
        expect(at('expectedProgress').numFmt).toBe('0.0%');
        if (a.completion === null) expect(at('completion').value).toBe('—');
        else {
          expect(at('completion').value).toBe(a.completion);
          expect(at('completion').numFmt).toBe('0.0%');
        }
      }
      expect(at('status').value).toBe(statusLabelZh(a.status, a));
      if (year === 2025) expect(at('met').value).toBe(a.status === 'achieved' ? '是' : a.status === 'notAchieved' ? '否' : '—');
    }

    const footer = [...report.notes, report.dataStatus, report.sampleNotice, report.generatedAtText];
    footer.forEach((text, i) => expect(sheet.getCell(`A${XLSX_FIRST_DATA_ROW + 16 + i}`).value).toBe(text));
    expect(sheet.getCell(`A${XLSX_FIRST_DATA_ROW + 16}`).value).toBe('注：[]括弧内数据为5年累计增长。');
    expect(footer.join('')).toContain(includeUnapproved ? '含未审核数据' : '仅含已审核数据');
  });

  it('sizes the columns for Chinese text: the name column is the widest, none is narrower than 6', async () => {
    const sheet = await readXlsx(await buildXlsx(reportOf(2023)));
    const widths = Array.from({ length: 11 }, (_, i) => sheet.getColumn(i + 1).width ?? 0);
    expect(Math.max(...widths)).toBe(widths[2]);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(6);
    // A4 landscape with fit-to-width: keep the total near one page so the scale stays readable.
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThan(160);
  });
});

async function documentXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('word/document.xml')!.async('string');
}

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const unescapeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('docx', () => {
  it('has the title, the summary paragraph, the table with merged categories and the note; landscape A4', async () => {
    const report = reportOf(2023);
    const xml = await documentXml(await buildDocx(report));
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => unescapeXml(textOf(m[0])));
    expect(paragraphs).toContain(report.title);
    expect(paragraphs).toContain(report.summary);
    expect(report.summary).toContain('截至2023年，16项指标中');
    expect(paragraphs).toContain('注：[]括弧内数据为5年累计增长。');

    // the report table, then the sign-off block (落款) as a borderless table
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(2);
    expect(unescapeXml(textOf(tables[1]!))).toBe('填报单位（盖章）：' + '\u3000'.repeat(10) + '负责人：' + '\u3000'.repeat(10) + '审核人：' + '\u3000'.repeat(10) + '填表人：' + '\u3000'.repeat(10) + '联系电话：' + '\u3000'.repeat(10) + '填报日期：' + '\u3000'.repeat(10));
    const rows = [...tables[0]!.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(17);
    const cellsOf = (row: string) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => unescapeXml(textOf(m[0])));
    expect(cellsOf(rows[0]!)).toEqual(report.columns.map((c) => c.label));
    // Every body row has all columns (merged-away category cells are empty continuations).
    report.rows.forEach((row, i) => {
      expect(cellsOf(rows[i + 1]!)).toEqual(report.columns.map((c) => (c.key === 'category' && row.categoryRowSpan === 0 ? '' : row.cells[c.key].text)));
    });
    const restarts = (tables[0]!.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length;
    const continues = (tables[0]!.match(/<w:vMerge(?: w:val="continue")?\/>/g) ?? []).length;
    expect(restarts).toBe(expectedCategoryMerges().length);
    expect(continues).toBe(16 - LUQUAN_2021_2025.categories.length);
    expect(rows[0]).toContain('<w:tblHeader/>');

    const size = /<w:pgSz ([^>]*)\/>/.exec(xml)![1]!;
    const attr = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(size)![1]);
    expect(size).toContain('w:orient="landscape"');
    expect(attr('w')).toBe(16838);
    expect(attr('h')).toBe(11906);
  });

  it('the final report carries 是否完成 and the unapproved marks', async () => {
    const report = reportOf(2025, true);
    const xml = unescapeXml(textOf(await documentXml(await buildDocx(report))));
    expect(xml).toContain('是否完成');
    expect(xml).toContain(`${formatNumber(10.35, 2)}（未审核，初步）`);
    expect(xml).toContain('标注“未审核”的数据尚未通过审核');
  });
});


describe('csv', () => {
  it('starts with a BOM, parses to a header and 16 rows with the table texts', () => {
    const report = reportOf(2023);
    const bytes = buildCsv(report);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(report.columns.map((c) => c.label));
    expect(rows).toHaveLength(16);
    const progress = progressOf(2023);
    rows.forEach((row, i) => {
      const { indicator, assessment: a } = progress.indicators[i]!;
      expect(row).toHaveLength(report.columns.length);
      expect(row[1]).toBe(String(indicator.sequence));
      expect(row[7]).toBe(formatNumber(a.latestValue, indicator.decimals));
      expect(row[8]).toBe(a.status === 'noData' ? '暂无数据' : formatPercent(a.completion));
      expect(row[9]).toBe(formatPercent(a.expectedProgress));
      expect(row[10]).toBe(statusLabelZh(a.status, a));
    });
    // 1,046 contains a comma: it must be quoted, and it reads back whole.
    expect(text).toContain('"1,046"');
    expect(rows[15]![7]).toBe('—');
  });
});
