import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildFigureTemplate, parseFigureWorkbook, readFigureWorkbook, TEMPLATE_INSTRUCTIONS, type TemplateIndicator } from '@/lib/import/figure-workbook';
import { LUQUAN_2021_2025 } from '@/lib/plans/luquan-2021-2025';

const indicators: TemplateIndicator[] = LUQUAN_2021_2025.indicators.map((seed, index) => ({
  id: 100 + index,
  sequence: seed.sequence,
  category: seed.category,
  name: seed.name,
  unit: seed.unit,
  kind: seed.kind,
  decimals: seed.decimals,
  previous: seed.sequence === 6 ? { year: 2022, value: 301 } : null,
}));
const expected = { planSlug: LUQUAN_2021_2025.slug, firstYear: LUQUAN_2021_2025.firstYear, lastYear: LUQUAN_2021_2025.lastYear, year: 2023, indicators };
const FIRST_DATA_ROW = 4;

async function template() {
  return buildFigureTemplate({ planSlug: LUQUAN_2021_2025.slug, planName: LUQUAN_2021_2025.name, year: 2023, indicators });
}

async function filled(edit: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await template()) as never);
  edit(workbook.getWorksheet('填报')!, workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const rowOf = (sequence: number) => FIRST_DATA_ROW + sequence - 1;

describe('entry template', () => {
  it('lists every indicator with unit and last year’s figure, an empty value column and validations', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await template()) as never);
    const sheet = workbook.getWorksheet('填报')!;
    expect(sheet.getCell(1, 1).value).toBe('鹿泉区科技创新“十四五”规划 2023年指标数据填报表');
    expect(sheet.getRow(3).values).toEqual([undefined, '序号', '指标名称', '单位', '上年数值（2022年）', '本年数值（2023年）', '数据来源', '初步/正式', '备注', '状态']);
    for (const indicator of indicators) {
      const row = sheet.getRow(rowOf(indicator.sequence));
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value]).toEqual([indicator.sequence, indicator.name, indicator.unit]);
      expect(row.getCell(5).value).toBeNull();
    }
    expect(sheet.getCell(rowOf(6), 4).value).toBe(301);
    expect(sheet.getCell(rowOf(7), 4).value).toBe('—');
    expect(sheet.getCell(rowOf(6), 5).dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    expect(sheet.getCell(rowOf(9), 5).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(sheet.getCell(rowOf(1), 5).dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThan', formulae: [-100] });
  });
});

/** Every cell a sqref ("E4:E19 F4") covers, e.g. E4 … E19, F4. */
function cellsOf(sqref: string): string[] {
  return sqref.split(/\s+/).flatMap((range) => {
    const [from, to = from] = range.split(':') as [string, string?];
    const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(from)!;
    const [, c2, r2] = /^([A-Z]+)(\d+)$/.exec(to!)!;
    const out: string[] = [];
    for (let c = c1!.charCodeAt(0); c <= c2!.charCodeAt(0); c++) for (let r = Number(r1); r <= Number(r2); r++) out.push(`${String.fromCharCode(c)}${r}`);
    return out;
  });
}

describe('entry template pre-filled with the stored figures', () => {
  const withCurrent: TemplateIndicator[] = indicators.map((indicator) =>
    indicator.sequence === 6
      ? { ...indicator, current: { value: 320, source: '部门报送', quality: 'preliminary', note: '按月报汇总', status: 'approved' } }
      : indicator.sequence === 7
        ? { ...indicator, current: { value: 1050, source: '区统计局年报', quality: 'final', note: null, status: 'submitted' } }
        : indicator,
  );
  const build = () => buildFigureTemplate({ planSlug: LUQUAN_2021_2025.slug, planName: LUQUAN_2021_2025.name, year: 2023, indicators: withCurrent });

  it('carries value, source, quality, note and status; approved rows locked, the sheet protected, the blank-cell rule stated', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await build()) as never);
    const sheet = workbook.getWorksheet('填报')!;
    expect(sheet.getCell(2, 1).value).toBe(TEMPLATE_INSTRUCTIONS);
    expect(TEMPLATE_INSTRUCTIONS).toContain('留空的单元格不会改变系统中已存的内容');
    const row6 = sheet.getRow(rowOf(6));
    expect([5, 6, 7, 8, 9].map((c) => row6.getCell(c).value)).toEqual([320, '部门报送', '初步', '按月报汇总', '已审核（锁定）']);
    const row7 = sheet.getRow(rowOf(7));
    expect([5, 6, 7, 8, 9].map((c) => row7.getCell(c).value)).toEqual([1050, '区统计局年报', '正式', null, '已提交（待审核）']);
    expect(sheet.getCell(rowOf(8), 9).value).toBe('未填报');
    for (const c of [5, 6, 7, 8]) {
      expect(row6.getCell(c).protection?.locked ?? true).toBe(true); // locked is Excel's default
      expect(row7.getCell(c).protection).toMatchObject({ locked: false });
    }
    expect(row6.getCell(5).dataValidation?.type).toBeUndefined();
    const xml = await (await JSZip.loadAsync(await build())).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);
  });

  it('data validations never overlap, and the source list accepts free text', async () => {
    const xml = await (await JSZip.loadAsync(await build())).file('xl/worksheets/sheet1.xml')!.async('string');
    const validations = [...xml.matchAll(/<dataValidation [^>]*>/g)].map((m) => m[0]);
    expect(validations.length).toBeGreaterThan(0);
    const covered = validations.flatMap((v) => cellsOf(/sqref="([^"]+)"/.exec(v)![1]!));
    expect(new Set(covered).size).toBe(covered.length);
    const source = validations.find((v) => /sqref="F/.test(v))!;
    expect(source).toContain('type="list"');
    expect(source).not.toContain('showErrorMessage="1"');
  });

  it('reads back unchanged: every pre-filled row, no errors', async () => {
    const reading = await readFigureWorkbook(await build(), expected);
    expect(reading.errors).toEqual([]);
    expect(reading.figures.map((f) => [f.sequence, f.value, f.source, f.quality, f.note])).toEqual([
      [6, '320', '部门报送', 'preliminary', '按月报汇总'],
      [7, '1050', '区统计局年报', 'final', null],
    ]);
  });

  it('names the indicator of each row error and lists all errors at once', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await build()) as never);
    const sheet = workbook.getWorksheet('填报')!;
    sheet.getCell(rowOf(8), 5).value = 'abc';
    sheet.getCell(rowOf(9), 5).value = 140;
    sheet.getCell(rowOf(10), 7).value = '估计';
    sheet.getCell(rowOf(10), 5).value = 150;
    const reading = await readFigureWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), expected);
    expect(reading.errors.map((e) => [e.row, e.indicator?.sequence, e.column])).toEqual([
      [rowOf(8), 8, '本年数值'], [rowOf(9), 9, '本年数值'], [rowOf(10), 10, '初步/正式'],
    ]);
    expect(reading.errors[0]!.indicator!.name).toBe(indicators[7]!.name);
    expect(reading.figures.map((f) => f.sequence)).toEqual([6, 7]);
  });
});

describe('import', () => {
  it('reads the filled rows, skips empty ones, accepts 初步/正式 and full-width digits', async () => {
    const bytes = await filled((sheet) => {
      sheet.getCell(rowOf(6), 5).value = 345;
      sheet.getCell(rowOf(6), 6).value = '统计年鉴';
      sheet.getCell(rowOf(6), 7).value = '正式';
      sheet.getCell(rowOf(13), 5).value = 6.31;
      sheet.getCell(rowOf(13), 7).value = '初步';
      sheet.getCell(rowOf(13), 8).value = '含技术服务合同';
      sheet.getCell(rowOf(1), 5).value = '１３．０';
      sheet.getCell(rowOf(6), 12).value = 'an extra column is ignored';
    });
    expect(await parseFigureWorkbook(bytes, expected)).toEqual({
      ok: true,
      figures: [
        { row: 4, indicatorId: 100, sequence: 1, year: 2023, value: '13.0', source: null, quality: null, note: null },
        { row: 9, indicatorId: 105, sequence: 6, year: 2023, value: '345', source: '统计年鉴', quality: 'final', note: null },
        { row: 16, indicatorId: 112, sequence: 13, year: 2023, value: '6.31', source: null, quality: 'preliminary', note: '含技术服务合同' },
      ],
    });
  });

  it('reports every bad row at once, and returns no figures', async () => {
    const bytes = await filled((sheet) => {
      sheet.getCell(rowOf(4), 5).value = 39; // valid, but the file has errors elsewhere
      sheet.getCell(rowOf(6), 5).value = 345.5;
      sheet.getCell(rowOf(9), 5).value = 120;
      sheet.getCell(rowOf(10), 5).value = { error: '#VALUE!' } as ExcelJS.CellErrorValue;
      sheet.getCell(rowOf(11), 5).value = new Date('2023-01-01');
      // as Excel does when a date is typed (a style of its own: exceljs shares style objects between cells)
      sheet.getCell(rowOf(11), 5).style = { ...sheet.getCell(rowOf(11), 5).style, numFmt: 'yyyy-mm-dd' };
      sheet.getCell(rowOf(12), 5).value = 38;
      sheet.getCell(rowOf(12), 7).value = '估计';
      sheet.getCell(rowOf(14), 2).value = '改过的名称';
      sheet.getCell(rowOf(14), 5).value = 8;
    });
    expect(await parseFigureWorkbook(bytes, expected)).toEqual({
      ok: false,
      errors: [
        { row: rowOf(6), column: '本年数值', message: '请输入整数' },
        { row: rowOf(9), column: '本年数值', message: '比例须在 0 到 100 之间' },
        { row: rowOf(10), column: '本年数值', message: '单元格为错误值 #VALUE!' },
        { row: rowOf(11), column: '本年数值', message: '不是数字（单元格是日期格式）' },
        { row: rowOf(12), column: '初步/正式', message: '请填写“初步”或“正式”' },
        { row: rowOf(14), column: '指标名称', message: '指标名称与规划不一致，应为“市级以上技术转移机构数量”' },
      ],
    });
  });

  it('refuses an empty template, another year’s template and a file that is not a template', async () => {
    expect(await parseFigureWorkbook(await template(), expected)).toEqual({ ok: false, errors: [{ row: 0, column: null, message: '模板中没有填写任何数值' }] });
    expect((await parseFigureWorkbook(await template(), { ...expected, year: 2024 })).ok).toBe(false);
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell(1, 1).value = 'hello';
    const result = await parseFigureWorkbook(new Uint8Array(await other.xlsx.writeBuffer()), expected);
    expect(result).toEqual({ ok: false, errors: [{ row: 0, column: null, message: '这不是本系统的填报模板：缺少“填报”工作表' }] });
    expect(await parseFigureWorkbook(new TextEncoder().encode('not a zip'), expected)).toEqual({
      ok: false,
      errors: [{ row: 0, column: null, message: '无法读取文件：请上传从本系统下载的 .xlsx 填报模板' }],
    });
  });

  it('answers any cell content with figures or row errors, never an exception', async () => {
    const base = await template();
    const cellValue = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.double(),
      fc.integer(),
      fc.constantFrom('１２３', '1,200', '1,2,00', 'NaN', '', '  ', '#N/A', '-0', '1e309', '初步'),
      fc.constant({ error: '#DIV/0!' }),
      fc.boolean(),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 10 }), cellValue), { maxLength: 6 }), async (edits) => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(base as never);
        const sheet = workbook.getWorksheet('填报')!;
        for (const [sequence, column, value] of edits) sheet.getCell(rowOf(sequence), column).value = value as ExcelJS.CellValue;
        const result = await parseFigureWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), expected);
        if (result.ok) {
          for (const figure of result.figures) expect(Number.isFinite(Number(figure.value))).toBe(true);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(error.message).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
