// fast-check over the two Excel importers: the real template (or 表1 as exported) with random cell
// contents — full-width digits, separators, error cells, formulas, dates, rich text, extra columns,
// empty or missing sheets. The importers never throw; they either return figures/definitions that pass
// the same rules as a typed entry, or errors with a row and a Chinese message — never both, never half.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { IndicatorDefinition } from '@/lib/data/types';
import { buildFigureTemplate, parseFigureWorkbook, type TemplateIndicator } from '@/lib/import/figure-workbook';
import { buildPlanTableWorkbook, parsePlanTableWorkbook } from '@/lib/import/plan-table-workbook';
import { LUQUAN_2021_2025 } from '@/lib/plans/luquan-2021-2025';
import { parseFigure } from '@/lib/schemas/figure-value';
import { indicatorFieldsSchema } from '@/lib/schemas/plan';

const RUNS = 300;
// thousands of cases: generous per-test time on a busy 2-core machine (a limit, not a timing assertion)
vi.setConfig({ testTimeout: 600_000 });
const CHINESE = /[\u4e00-\u9fff]/;

const indicators: TemplateIndicator[] = LUQUAN_2021_2025.indicators.map((seed, index) => ({
  id: 100 + index,
  sequence: seed.sequence,
  category: seed.category,
  name: seed.name,
  unit: seed.unit,
  kind: seed.kind,
  decimals: seed.decimals,
  previous: null,
}));
const expected = { planSlug: LUQUAN_2021_2025.slug, firstYear: LUQUAN_2021_2025.firstYear, lastYear: LUQUAN_2021_2025.lastYear, year: 2023, indicators };
const definitions: IndicatorDefinition[] = LUQUAN_2021_2025.indicators.map((seed, index) => ({
  id: index + 1,
  sequence: seed.sequence,
  category: { id: LUQUAN_2021_2025.categories.indexOf(seed.category) + 1, name: seed.category, position: LUQUAN_2021_2025.categories.indexOf(seed.category) + 1 },
  name: seed.name,
  unit: seed.unit,
  kind: seed.kind,
  baseline: seed.baseline === null ? null : Number(seed.baseline),
  target: seed.target === null ? null : Number(seed.target),
  annualRate: seed.annualRate === null ? null : Number(seed.annualRate),
  cumulativeIncrease: seed.cumulativeIncrease === null ? null : Number(seed.cumulativeIncrease),
  attribute: seed.attribute,
  direction: seed.direction,
  decimals: seed.decimals,
  responsibleUnit: null, cooperatingUnits: null,
  contact: null,
  definition: null,
  status: 'active',
}));

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
/** What a cell may hold after someone edited the file. */
const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...`0123456789${FULL_WIDTH_DIGITS}.,，．-－+ %e`.split('')), maxLength: 14 }),
  fc.double({ noNaN: true, min: -1e13, max: 1e13 }),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!', '#REF!').map((error) => ({ error }) as ExcelJS.CellErrorValue),
  fc.tuple(fc.string({ maxLength: 10 }), fc.oneof(fc.double({ noNaN: true }), fc.string({ maxLength: 10 }))).map(([formula, result]) => ({ formula: `=${formula || 'A1'}`, result }) as ExcelJS.CellFormulaValue),
  fc.date({ noInvalidDate: true, min: new Date('1990-01-01'), max: new Date('2100-01-01') }),
  fc.boolean(),
  fc.string({ maxLength: 10 }).map((text) => ({ richText: [{ text }, { text: '１' }] }) as ExcelJS.CellRichTextValue),
  fc.constantFrom('初步', '正式', 'preliminary', 'final', '统计年鉴', '1,200', '1,20', '１２３．４', '13.31', '-100', '101', ' 7 '),
);
const edit = fc.record({ row: fc.integer({ min: 1, max: 24 }), column: fc.integer({ min: 1, max: 12 }), value: cellValue });
const edits = fc.array(edit, { maxLength: 12 });
/** Also now and then: the data sheet emptied, a sheet removed, columns inserted. */
const damage = fc.constantFrom('none', 'none', 'none', 'none', 'emptySheet', 'dropSheet', 'insertColumn', 'extraSheet');

async function edited(bytes: Uint8Array, sheetName: (workbook: ExcelJS.Workbook) => ExcelJS.Worksheet, changes: { row: number; column: number; value: ExcelJS.CellValue }[], how: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  const sheet = sheetName(workbook);
  for (const { row, column, value } of changes) sheet.getCell(row, column).value = value;
  if (how === 'emptySheet') sheet.spliceRows(1, sheet.rowCount);
  if (how === 'dropSheet') workbook.removeWorksheet(sheet.id);
  if (how === 'insertColumn') sheet.spliceColumns(3, 0, ['额外列']);
  if (how === 'extraSheet') workbook.addWorksheet('其他').getCell(1, 1).value = '指标名称';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

let template: Uint8Array;
let planTable: Uint8Array;
beforeAll(async () => {
  template = await buildFigureTemplate({ planSlug: LUQUAN_2021_2025.slug, planName: LUQUAN_2021_2025.name, year: 2023, indicators });
  planTable = await buildPlanTableWorkbook({ name: LUQUAN_2021_2025.name, baseYear: LUQUAN_2021_2025.baseYear, lastYear: LUQUAN_2021_2025.lastYear, indicators: definitions });
});

describe('parseFigureWorkbook under random edits', () => {
  it('never throws; returns valid figures or row errors in Chinese, never both', async () => {
    await fc.assert(
      fc.asyncProperty(edits, damage, async (changes, how) => {
        const bytes = await edited(template, (w) => w.getWorksheet('填报')!, changes, how);
        const result = await parseFigureWorkbook(bytes, expected);
        if (result.ok) {
          expect(result.figures.length).toBeGreaterThan(0);
          const sequences = result.figures.map((f) => f.sequence);
          expect(new Set(sequences).size).toBe(sequences.length);
          for (const figure of result.figures) {
            const indicator = indicators.find((i) => i.id === figure.indicatorId)!;
            const reparsed = parseFigure(figure.value, indicator);
            expect(reparsed.ok && reparsed.text).toBe(figure.value);
            expect(figure.year).toBe(2023);
          }
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) {
            expect(error.row).toBeGreaterThanOrEqual(0);
            expect(error.message).toMatch(CHINESE);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('reads a value typed with full-width digits or separators like the ASCII one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 9_999_999 }), fc.constantFrom('ascii', 'fullWidth', 'grouped', 'groupedFullWidth'), async (n, style) => {
        const grouped = n.toLocaleString('en');
        const text = { ascii: String(n), fullWidth: [...String(n)].map((d) => FULL_WIDTH_DIGITS[Number(d)]).join(''), grouped, groupedFullWidth: grouped.replaceAll(',', '，') }[style];
        const bytes = await edited(template, (w) => w.getWorksheet('填报')!, [{ row: 4 + 5, column: 5, value: text }], 'none'); // row of 序号 6, a whole-number indicator
        const result = await parseFigureWorkbook(bytes, expected);
        expect(result).toMatchObject({ ok: true, figures: [{ sequence: 6, value: String(n) }] });
      }),
      { numRuns: 100 },
    );
  });

  it('refuses bytes that are not a workbook at all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
        const result = await parseFigureWorkbook(bytes, expected);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('parsePlanTableWorkbook under random edits', () => {
  it('reads 表1 as exported back to its own 16 indicators', async () => {
    const result = await parsePlanTableWorkbook(planTable);
    expect(result.ok && result.value.indicators.map((i) => i.name)).toEqual(LUQUAN_2021_2025.indicators.map((i) => i.name));
  });

  it('never throws; returns definitions that pass indicatorFieldsSchema, or row errors in Chinese', async () => {
    await fc.assert(
      fc.asyncProperty(edits, damage, async (changes, how) => {
        const bytes = await edited(planTable, (w) => w.worksheets[0]!, changes, how);
        const result = await parsePlanTableWorkbook(bytes);
        if (result.ok) {
          for (const indicator of result.value.indicators) expect(indicatorFieldsSchema.safeParse(indicator).success).toBe(true);
          expect(result.value.categories).toEqual([...new Set(result.value.indicators.map((i) => i.category))]);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(error.message).toMatch(CHINESE);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses bytes that are not a workbook at all', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
        expect((await parsePlanTableWorkbook(bytes)).ok).toBe(false);
      }), { numRuns: 100 });
  });
});
