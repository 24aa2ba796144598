// Issue 13 item 8 — an import exhausting memory: a small .xlsx with many junk rows was parsed whole
// (0.95 MB, 170,000 rows: 3 s and 300 MB), four at once stalled every page. The importers now read with
// bounds (rows, columns of the template; exceljs's streaming reader stopping early) and a process takes
// only a few imports at once. Also issue 13 item 5 — a year outside the plan is refused like the entry page.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildFigureTemplate, FIGURE_TEMPLATE_MAX_ROWS, parseFigureWorkbook, type TemplateIndicator } from '@/lib/import/figure-workbook';
import { IMPORT_BUSY_MESSAGE, MAX_CONCURRENT_IMPORTS, withImportSlot } from '@/lib/import/import-slots';
import { buildPlanTableWorkbook, parsePlanTableWorkbook, PLAN_TABLE_MAX_ROWS } from '@/lib/import/plan-table-workbook';
import type { IndicatorDefinition } from '@/lib/data/types';
import { LUQUAN_2021_2025 } from '@/lib/plans/luquan-2021-2025';

const plan = LUQUAN_2021_2025;
const indicators: TemplateIndicator[] = plan.indicators.map((seed, index) => ({
  id: 100 + index, sequence: seed.sequence, category: seed.category, name: seed.name, unit: seed.unit, kind: seed.kind, decimals: seed.decimals, previous: null,
}));
const expected = { planSlug: plan.slug, firstYear: plan.firstYear, lastYear: plan.lastYear, year: 2023, indicators };
const definitions: IndicatorDefinition[] = plan.indicators.map((seed, index) => ({
  id: index + 1,
  sequence: seed.sequence,
  category: { id: plan.categories.indexOf(seed.category) + 1, name: seed.category, position: plan.categories.indexOf(seed.category) + 1 },
  name: seed.name, unit: seed.unit, kind: seed.kind,
  baseline: seed.baseline === null ? null : Number(seed.baseline),
  target: seed.target === null ? null : Number(seed.target),
  annualRate: seed.annualRate === null ? null : Number(seed.annualRate),
  cumulativeIncrease: seed.cumulativeIncrease === null ? null : Number(seed.cumulativeIncrease),
  attribute: seed.attribute, direction: seed.direction, decimals: seed.decimals,
  responsibleUnit: null, cooperatingUnits: null, contact: null, definition: null, status: 'active',
}));

/** A workbook written row by row (exceljs's streaming writer), as a junk generator would. */
async function streamed(sheets: { name: string; state?: 'visible' | 'veryHidden'; rows: Iterable<ExcelJS.CellValue[]> }[]): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  for (const sheet of sheets) {
    const ws = writer.addWorksheet(sheet.name, { state: sheet.state ?? 'visible' });
    for (const row of sheet.rows) ws.addRow(row).commit();
    ws.commit();
  }
  await writer.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

function* junkRows(count: number, first: ExcelJS.CellValue[][] = []) {
  yield* first;
  for (let i = 0; i < count; i++) yield [i, `junk ${i}`, 'x', 1, 2, '统计年鉴', '正式', 'note'];
}
const templateHead = [['title'], ['hint'], ['序号', '指标名称', '单位', '上年数值', '本年数值', '数据来源', '初步/正式', '备注']];
const meta = { name: '_meta', state: 'veryHidden' as const, rows: [['plan', plan.slug], ['year', 2023], ['version', '1']] };

describe('Import exhausts memory: too many rows are refused clearly, before everything is parsed', () => {
  it('the figure template with 20,000 junk rows: 行数过多, nothing else', async () => {
    const bytes = await streamed([{ name: '填报', rows: junkRows(20_000, templateHead) }, meta]);
    expect(await parseFigureWorkbook(bytes, expected)).toEqual({
      ok: false,
      errors: [{ row: 0, column: null, message: `行数过多（上限 ${FIGURE_TEMPLATE_MAX_ROWS} 行），请使用本系统的模板，删除多余的行后重新上传` }],
    });
  });

  it('a single far-away row counts as its row number; a value in a far-away column is refused', async () => {
    const template = new ExcelJS.Workbook();
    await template.xlsx.load(Buffer.from(await buildFigureTemplate({ planSlug: plan.slug, planName: plan.name, year: 2023, indicators })) as never);
    template.getWorksheet('填报')!.getCell(1_000_000, 1).value = 'x';
    const far = await parseFigureWorkbook(new Uint8Array(await template.xlsx.writeBuffer()), expected);
    expect(far).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('行数过多') }] });

    const wide = new ExcelJS.Workbook();
    await wide.xlsx.load(Buffer.from(await buildFigureTemplate({ planSlug: plan.slug, planName: plan.name, year: 2023, indicators })) as never);
    wide.getWorksheet('填报')!.getCell(9, 5).value = 345;
    wide.getWorksheet('填报')!.getCell(9, 5000).value = 'x';
    expect(await parseFigureWorkbook(new Uint8Array(await wide.xlsx.writeBuffer()), expected)).toMatchObject({
      ok: false, errors: [{ message: '列数过多（上限 26 列），请使用本系统的模板，删除多余的列后重新上传' }],
    });
  });

  it('a normal template still imports, side notes in a spare column included', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await buildFigureTemplate({ planSlug: plan.slug, planName: plan.name, year: 2023, indicators })) as never);
    const sheet = workbook.getWorksheet('填报')!;
    sheet.getCell(9, 5).value = 345; // 序号 6
    sheet.getCell(9, 10).value = '核对过';
    expect(await parseFigureWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), expected)).toMatchObject({ ok: true, figures: [{ sequence: 6, value: '345' }] });
  });

  it('a truncated file is refused as unreadable, never hangs', async () => {
    const bytes = await buildFigureTemplate({ planSlug: plan.slug, planName: plan.name, year: 2023, indicators });
    for (const length of [0, 10, 100, 1000, Math.floor(bytes.length / 2), bytes.length - 10]) {
      const result = await parseFigureWorkbook(bytes.slice(0, length), expected);
      expect(result.ok, `${length} bytes`).toBe(false);
    }
  });

  it('the plan table (表1) with 20,000 junk rows: 行数过多; the normal table still reads', async () => {
    const header = [['类别', '指标名称', '2020年基数', '2025年目标', '年均增长[累计]', '指标属性']];
    const junk = function* () {
      yield* header;
      for (let i = 0; i < 20_000; i++) yield ['创新投入', `${i + 1}.指标${i}（个）`, 1, 2, '[1]', '预期性'];
    };
    expect(await parsePlanTableWorkbook(await streamed([{ name: '表1', rows: junk() }]))).toEqual({
      ok: false,
      errors: [{ row: 0, message: `行数过多（上限 ${PLAN_TABLE_MAX_ROWS} 行），请使用本系统的模板，删除多余的行后重新上传` }],
    });
    const normal = await buildPlanTableWorkbook({ name: plan.name, baseYear: plan.baseYear, lastYear: plan.lastYear, indicators: definitions });
    const read = await parsePlanTableWorkbook(normal);
    expect(read.ok && read.value.indicators.length).toBe(plan.indicators.length);
  });
});

describe('Import exhausts memory: only a few imports at once per process', () => {
  it(`takes ${MAX_CONCURRENT_IMPORTS} at once, answers the next one busy at once, and frees its slots`, async () => {
    const releases: (() => void)[] = [];
    const held = Array.from({ length: MAX_CONCURRENT_IMPORTS }, (_, i) => withImportSlot(() => new Promise<number>((resolve) => releases.push(() => resolve(i)))));
    expect(await withImportSlot(async () => 'too many')).toEqual({ ok: false, busy: true });
    releases.forEach((release) => release());
    expect(await Promise.all(held)).toEqual(held.map((_, i) => ({ ok: true, value: i })));
    expect(await withImportSlot(async () => 'again')).toEqual({ ok: true, value: 'again' });
    // A failing import frees its slot too.
    await expect(withImportSlot(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await withImportSlot(async () => 'after a failure')).toEqual({ ok: true, value: 'after a failure' });
    expect(IMPORT_BUSY_MESSAGE).toMatch(/[\u4e00-\u9fff]/);
  });

  it('parallel imports of real files: never more than the limit at once, the others busy', async () => {
    const bytes = await streamed([{ name: '填报', rows: junkRows(5_000, templateHead) }, meta]);
    const results = await Promise.all(Array.from({ length: 6 }, () => withImportSlot(() => parseFigureWorkbook(bytes, expected))));
    const busy = results.filter((r) => !r.ok).length;
    expect(busy).toBe(6 - MAX_CONCURRENT_IMPORTS);
    for (const r of results) if (r.ok) expect(r.value).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('行数过多') }] });
  });
});

describe('Imports accept years outside the plan: refused with the entry page’s message', () => {
  it.each([2099, 2020, 2026])('a %i template for a 2021–2025 plan', async (year) => {
    const bytes = await buildFigureTemplate({ planSlug: plan.slug, planName: plan.name, year, indicators });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    workbook.getWorksheet('填报')!.getCell(9, 5).value = 345;
    const result = await parseFigureWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), { ...expected, year });
    expect(result).toEqual({ ok: false, errors: [{ row: 0, column: null, message: '年份不在规划期内。' }] });
  });
});
