// The 对标值 template and its reader (lib/import/benchmark-workbook.ts), and the preview that decides what an
// import would write (lib/views/benchmark-import.ts): shaping only, no database.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  BENCHMARK_SHEET,
  buildBenchmarkTemplate,
  KIND_COLUMNS,
  readBenchmarkWorkbook,
  type BenchmarkTemplateSubject,
} from '@/lib/import/benchmark-workbook';
import { FIGURE_TEMPLATE_MAX_ROWS } from '@/lib/import/figure-workbook';
import type { BenchmarkKind, PlanBenchmarks, PlanDetail, ReferenceValueRecord } from '@/lib/data/types';
import { buildReferenceImportPreview, referenceImportToken, templateSubjects } from '@/lib/views/benchmark-import';

const PLAN = 'luquan-2021-2025';
const indicators = [
  { id: 11, sequence: 6, name: '高新技术企业数量', unit: '家' },
  { id: 12, sequence: 10, name: '每万人口高价值发明专利拥有量', unit: '件' },
];
const series = [{ id: 31, key: 'fiscalStiSpending', name: '财政科技支出', unit: '万元' }];

function reference(id: number, subject: { type: 'indicator' | 'series'; id: number }, kind: BenchmarkKind, valueText: string, status: ReferenceValueRecord['status'], extra: Partial<ReferenceValueRecord> = {}): ReferenceValueRecord {
  return { id, subject, kind, year: 2020, value: Number(valueText), valueText, source: '规划文本', note: null, status, version: 2, isSample: false, reviewNote: null, updatedByName: '张录入', updatedAt: '2026-01-01T00:00:00.000Z', ...extra };
}

const stored: ReferenceValueRecord[] = [
  reference(1, { type: 'indicator', id: 11 }, 'provinceBest', '258', 'approved', { source: '比全省最高值258家.1043家低30家.206家' }),
  reference(2, { type: 'indicator', id: 11 }, 'cityBest', '150', 'draft', { source: '市通报', note: '草稿' }),
  reference(3, { type: 'indicator', id: 12 }, 'cityRank', '6', 'submitted'),
  reference(4, { type: 'indicator', id: 11 }, 'cityAverage', '99', 'approved', { year: 2021 }), // another year: not in 2020's template
];
const plan = { indicators } as unknown as Pick<PlanDetail, 'indicators'>;
const benchmarks = { series, referenceValues: stored } as unknown as Pick<PlanBenchmarks, 'series' | 'referenceValues'>;
const subjects: BenchmarkTemplateSubject[] = templateSubjects(plan, benchmarks, 2020);
const expected = { planSlug: PLAN, firstYear: 2020, lastYear: 2025, year: 2020, subjects };

const column = (kind: BenchmarkKind) => KIND_COLUMNS.find((c) => c.kind === kind)!.column;
/** The 数值 row of the nth subject (0-based) in the template: four rows per subject after the header. */
const valueRow = (index: number) => 4 + index * 4;

async function filled(edit: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void, input = subjects): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildBenchmarkTemplate({ planSlug: PLAN, planName: '鹿泉区科技创新“十四五”规划', year: 2020, subjects: input })) as never);
  edit(workbook.getWorksheet(BENCHMARK_SHEET)!, workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('对标值 template', () => {
  it('lists the indicators by 序号, then the series, the kinds as columns, pre-filled with the year’s stored values', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await filled(() => {})) as never);
    const sheet = workbook.getWorksheet(BENCHMARK_SHEET)!;
    expect(sheet.getCell(1, 1).value).toBe('鹿泉区科技创新“十四五”规划 2020年对标值填报表');
    expect(sheet.getRow(3).values).toEqual([undefined, '类型', '序号', '名称', '单位', '项目', '全市最高值', '全市平均值', '全省最高值', '全省平均值', '本区全市排名（位）', '本区全省排名（位）', '本区占全市总量比重（%）', '全市总量', '相当于全省最高值的比例（%）', '比全市最高值低', '比全省最高值低']);
    expect([1, 2, 3, 4, 5].map((c) => sheet.getCell(valueRow(0), c).value)).toEqual(['指标', 6, '高新技术企业数量', '家', '数值']);
    expect([0, 1, 2, 3].map((offset) => sheet.getCell(valueRow(0) + offset, 5).value)).toEqual(['数值', '数据来源', '备注', '状态']);
    expect([1, 2, 3].map((c) => sheet.getCell(valueRow(2), c).value)).toEqual(['监测指标', 1, '财政科技支出']);
    // stored values with their source, note and status; the 2021 value stays out of the 2020 template
    expect(sheet.getCell(valueRow(0), column('provinceBest')).value).toBe(258);
    expect(sheet.getCell(valueRow(0) + 1, column('provinceBest')).value).toBe('比全省最高值258家.1043家低30家.206家');
    expect(sheet.getCell(valueRow(0) + 3, column('provinceBest')).value).toBe('已审核（锁定）');
    expect(sheet.getCell(valueRow(0) + 2, column('cityBest')).value).toBe('草稿');
    expect(sheet.getCell(valueRow(0), column('cityAverage')).value).toBeNull();
    expect(sheet.getCell(valueRow(0) + 3, column('cityAverage')).value).toBe('未填报');
    // approved cells locked, the others open; ranks whole ≥ 1, shares 0–100
    // (a locked cell is Excel's default: exceljs writes no protection for it)
    expect(sheet.getCell(valueRow(0), column('provinceBest')).protection?.locked ?? true).toBe(true);
    expect(sheet.getCell(valueRow(0) + 1, column('provinceBest')).protection?.locked ?? true).toBe(true);
    expect(sheet.getCell(valueRow(0), column('cityBest')).protection).toMatchObject({ locked: false });
    expect(sheet.getCell(valueRow(1), column('cityRank')).dataValidation).toMatchObject({ type: 'whole', formulae: [1] });
    expect(sheet.getCell(valueRow(1), column('shareOfProvinceBest')).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
  });

  it('reads back exactly what it was filled with (an untouched template holds the stored values)', async () => {
    const reading = await readBenchmarkWorkbook(await filled(() => {}), expected);
    expect(reading.errors).toEqual([]);
    expect(reading.values).toEqual([
      { row: valueRow(0), subject: { type: 'indicator', id: 11 }, kind: 'cityBest', value: '150', source: '市通报', note: '草稿' },
      { row: valueRow(0), subject: { type: 'indicator', id: 11 }, kind: 'provinceBest', value: '258', source: '比全省最高值258家.1043家低30家.206家', note: null },
      { row: valueRow(1), subject: { type: 'indicator', id: 12 }, kind: 'cityRank', value: '6', source: '规划文本', note: null },
    ]);
  });

  it('returns every error at once, each named by subject, kind and row', async () => {
    const bytes = await filled((sheet) => {
      sheet.getCell(valueRow(0), column('cityAverage')).value = '12x';
      sheet.getCell(valueRow(1), column('provinceRank')).value = 0;
      sheet.getCell(valueRow(1), column('shareOfCityTotal')).value = 130;
      sheet.getCell(valueRow(1) + 1, column('shareOfCityTotal')).value = '长'.repeat(501);
      sheet.getCell(valueRow(2), 3).value = '财政科技投入';
      sheet.getCell(valueRow(2), column('cityTotal')).value = 61234.5;
    });
    const reading = await readBenchmarkWorkbook(bytes, expected);
    expect(reading.errors).toEqual([
      { row: valueRow(0), column: '数值', message: '请输入数字，例如 1200 或 13.31', subject: '6. 高新技术企业数量', kind: 'cityAverage' },
      { row: valueRow(1), column: '数值', message: '排名须为不小于 1 的整数。', subject: '10. 每万人口高价值发明专利拥有量', kind: 'provinceRank' },
      { row: valueRow(1), column: '数值', message: expect.stringContaining('0'), subject: '10. 每万人口高价值发明专利拥有量', kind: 'shareOfCityTotal' },
      { row: valueRow(1) + 1, column: '数据来源', message: '数据来源最多500个字', subject: '10. 每万人口高价值发明专利拥有量', kind: 'shareOfCityTotal' },
      { row: valueRow(2), column: '名称', message: '名称与规划不一致，应为“财政科技支出”', subject: '财政科技支出（监测指标）' },
    ]);
    // the valid value of the renamed series is still read (the name error alone stops the import)
    expect(reading.values.find((v) => v.kind === 'cityTotal')).toMatchObject({ subject: { type: 'series', id: 31 }, value: '61234.5', source: null });
  });

  it('refuses another plan’s or year’s template, a year outside the plan, a figure template, and junk', async () => {
    const bytes = await filled(() => {});
    expect((await readBenchmarkWorkbook(bytes, { ...expected, planSlug: 'other' })).errors[0]!.message).toBe('模板属于另一个规划，请重新下载本规划的模板');
    expect((await readBenchmarkWorkbook(bytes, { ...expected, year: 2021 })).errors[0]!.message).toBe('模板是2020年的，当前导入的是2021年');
    expect((await readBenchmarkWorkbook(bytes, { ...expected, year: 2019 })).errors[0]!.message).toBe('年份不在规划的基期和规划期内。');
    expect((await readBenchmarkWorkbook(new TextEncoder().encode('not a workbook'), expected)).errors[0]!.message).toContain('无法读取文件');
    const other = new ExcelJS.Workbook();
    other.addWorksheet('填报').getCell(1, 1).value = 'x';
    expect((await readBenchmarkWorkbook(new Uint8Array(await other.xlsx.writeBuffer()), expected)).errors[0]!.message).toContain('缺少“对标值”工作表');
  });

  it('stops at the figure import’s row limit', async () => {
    const bytes = await filled((sheet) => {
      sheet.getCell(FIGURE_TEMPLATE_MAX_ROWS + 5, 5).value = '备注';
    });
    expect((await readBenchmarkWorkbook(bytes, expected)).errors).toEqual([{ row: 0, column: null, message: expect.stringContaining('行数过多（上限 1000 行）') }]);
  });
});

describe('对标值 import preview', () => {
  const mayEnterAll = () => true;
  const read = async (edit: (sheet: ExcelJS.Worksheet) => void) => readBenchmarkWorkbook(await filled(edit), expected);

  it('shows stored → new, keeps stored source and note for blank cells, and writes only what changes', async () => {
    const reading = await read((sheet) => {
      sheet.getCell(valueRow(0), column('cityBest')).value = 151; // draft 150 → 151
      sheet.getCell(valueRow(0) + 1, column('cityBest')).value = null; // blank source: keep 市通报
      sheet.getCell(valueRow(0) + 2, column('cityBest')).value = null; // blank note: keep 草稿
      sheet.getCell(valueRow(2), column('cityTotal')).value = 61234.5; // new, with a source
      sheet.getCell(valueRow(2) + 1, column('cityTotal')).value = '石家庄市统计年鉴2021 第88页';
    });
    const preview = buildReferenceImportPreview(plan, benchmarks, 2020, reading, mayEnterAll);
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => [r.label, r.kind, r.before?.value ?? null, r.after.value, r.change])).toEqual([
      ['6. 高新技术企业数量', 'cityBest', '150', '151', 'update'],
      ['6. 高新技术企业数量', 'provinceBest', '258', '258', 'unchanged'],
      ['10. 每万人口高价值发明专利拥有量', 'cityRank', '6', '6', 'unchanged'],
      ['财政科技支出（监测指标）', 'cityTotal', null, '61234.5', 'create'],
    ]);
    expect(preview.writes).toEqual([
      { row: valueRow(0), subject: { type: 'indicator', id: 11 }, kind: 'cityBest', value: '151', source: '市通报', note: '草稿', baseVersion: 2 },
      { row: valueRow(2), subject: { type: 'series', id: 31 }, kind: 'cityTotal', value: '61234.5', source: '石家庄市统计年鉴2021 第88页', note: null, baseVersion: 0 },
    ]);
    expect(referenceImportToken(preview)).toBe('indicator:11:cityBest:2:151,series:31:cityTotal:0:61234.5');
  });

  it('names every refusal at once: a changed approved value, a new value without source, a subject the user may not enter', async () => {
    const reading = await read((sheet) => {
      sheet.getCell(valueRow(0), column('provinceBest')).value = 260; // approved: locked
      sheet.getCell(valueRow(1), column('provinceRank')).value = 18; // new, no source
      sheet.getCell(valueRow(2), column('cityBest')).value = 20000; // a series: not for limited staff
      sheet.getCell(valueRow(2) + 1, column('cityBest')).value = '通报';
    });
    const preview = buildReferenceImportPreview(plan, benchmarks, 2020, reading, (subject) => subject.type === 'indicator');
    expect(preview.errors).toEqual([
      { row: valueRow(0), column: '数值', message: '该对标值已审核锁定，不能通过导入修改', subject: '6. 高新技术企业数量', kind: 'provinceBest' },
      { row: valueRow(1), column: '数据来源', message: '请填写数据来源（文件、页码或原文）', subject: '10. 每万人口高价值发明专利拥有量', kind: 'provinceRank' },
      { row: valueRow(2), column: '序号', message: '您没有录入该指标对标值的权限', subject: '财政科技支出（监测指标）', kind: 'cityBest' },
    ]);
    expect(preview.writes).toEqual([]);
  });
});
