import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPlanFigures } from '@/lib/data/figures';
import { saveFigure, transitionFigure, type Actor } from '@/lib/data/figure-writes';
import { archivePlan, copyPlan, createPlan, removeIndicator, saveIndicator, setCurrentPlan, setDueDates, updatePlan, archiveIndicator, reorderIndicators } from '@/lib/data/plan-writes';
import { getPlanDetail, listPlans } from '@/lib/data/plans';
import type { IndicatorDefinition } from '@/lib/data/types';
import { buildPlanTableWorkbook, parsePlanTableWorkbook } from '@/lib/import/plan-table-workbook';
import { assessPlan } from '@/lib/views/plan-progress';
import { LUQUAN_2021_2025 } from '@/lib/plans/luquan-2021-2025';
import type { IndicatorFields } from '@/lib/schemas/plan';
import { seedDatabase } from '@/prisma/seed';
import { createTestDatabase, migrate, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
const admin: Actor = { id: 'admin-1', name: '赵管理' };
const FIFTEENTH = { name: '鹿泉区科技创新“十五五”规划', shortName: '十五五', region: '鹿泉区', baseYear: 2025, firstYear: 2026, lastYear: 2030, sourceDocument: '（起草中）' };

beforeAll(async () => {
  database = await createTestDatabase('plans');
  migrate(database.url);
  await seedDatabase(database.url, { sample: true });
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => {
  await database?.drop();
});

/** Every definition field that a plan's table carries, in comparable form. */
function fieldsOf(indicator: IndicatorDefinition) {
  const { id: _id, category, ...rest } = indicator;
  return { ...rest, category: category.name };
}

function asFields(indicator: IndicatorDefinition): IndicatorFields {
  const s = (n: number | null) => (n === null ? null : String(n));
  return {
    sequence: indicator.sequence, category: indicator.category.name, name: indicator.name, unit: indicator.unit, kind: indicator.kind,
    baseline: s(indicator.baseline), target: s(indicator.target), annualRate: s(indicator.annualRate), cumulativeIncrease: s(indicator.cumulativeIncrease),
    attribute: indicator.attribute, direction: indicator.direction, decimals: indicator.decimals,
    responsibleUnit: indicator.responsibleUnit, cooperatingUnits: indicator.cooperatingUnits, contact: indicator.contact, definition: indicator.definition,
  };
}

describe('plans as first-class', () => {
  it('creates 十五五 by copying 十四五, moves it to 2026–2030, edits targets; the engine assesses it; 十四五 is untouched', async () => {
    const source = (await getPlanDetail(LUQUAN_2021_2025.slug))!;
    const sourceFigures = await getPlanFigures(source.id);
    expect(await copyPlan(LUQUAN_2021_2025.slug, 'luquan-2026-2030', FIFTEENTH, admin)).toEqual({ ok: true, value: { slug: 'luquan-2026-2030' } });

    const copy = (await getPlanDetail('luquan-2026-2030'))!;
    expect(copy).toMatchObject({ baseYear: 2025, firstYear: 2026, lastYear: 2030, isCurrent: false, hasSampleData: false });
    expect(copy.indicators.map(fieldsOf).map(({ contact: _c, ...f }) => f)).toEqual(source.indicators.map(fieldsOf).map(({ contact: _c, ...f }) => f));

    // new baselines are 十四五's 2025 levels; new targets for 2030
    const hightech = copy.indicators.find((i) => i.sequence === 6)!;
    expect(await saveIndicator('luquan-2026-2030', hightech.id, { ...asFields(hightech), baseline: '398', target: '600', cumulativeIncrease: '202' }, admin, null)).toMatchObject({ ok: true });
    const saved = await saveFigure({ indicatorId: hightech.id, year: 2026, value: '440', source: '部门报送', quality: 'preliminary', note: null, baseVersion: 0, submit: true }, admin);
    expect(saved.ok).toBe(true);
    if (saved.ok) await transitionFigure({ id: saved.figure.id, version: saved.figure.version, action: 'approve' }, admin);

    const fresh = (await getPlanDetail('luquan-2026-2030'))!;
    const progress = assessPlan(fresh, await getPlanFigures(fresh.id), 2026);
    const row6 = progress.indicators.find((i) => i.indicator.sequence === 6)!;
    expect(row6.assessment).toMatchObject({ latestYear: 2026, latestValue: 440, elapsedYears: 1, expectedProgress: 0.2 });
    expect(row6.assessment.completion).toBeCloseTo(42 / 202, 12);

    expect(await getPlanFigures(source.id)).toEqual(sourceFigures);
    expect((await getPlanDetail(LUQUAN_2021_2025.slug))!.indicators).toEqual(source.indicators);
  });

  it('round-trips the seeded 表1 through its Excel layout exactly', async () => {
    const source = (await getPlanDetail(LUQUAN_2021_2025.slug))!;
    const bytes = await buildPlanTableWorkbook(source);
    const imported = await parsePlanTableWorkbook(bytes);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.value).toMatchObject({ baseYear: 2020, lastYear: 2025, categories: [...LUQUAN_2021_2025.categories] });
    const fields = { ...FIFTEENTH, name: '十四五（导入副本）', baseYear: 2020, firstYear: 2021, lastYear: 2025 };
    expect(await createPlan('luquan-import', fields, imported.value, admin)).toMatchObject({ ok: true });
    const copy = (await getPlanDetail('luquan-import'))!;
    expect(copy.indicators.map(fieldsOf)).toEqual(source.indicators.map(fieldsOf));
  });

  it('imports a plain 表1 without the extra columns, inferring kinds and decimals', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表1');
    sheet.addRows([
      ['类别', '指标名称', '2025年基数', '2030年目标', '年均增长[累计]', '指标属性'],
      ['创新投入', '1.全社会研发投入增长率（%）', '-', '-', '12', '预期性'],
      ['创新能力', '2.高新技术企业数量（家）', '398', '600', '[202]', '约束性'],
      ['', '3.规上工业企业研发机构的比例(%)', '38.2', '60', '4.36', '预期性'],
      ['注：[]括弧内数据为5年累计增长。'],
    ]);
    const result = await parsePlanTableWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(result).toMatchObject({
      ok: true,
      value: {
        baseYear: 2025,
        lastYear: 2030,
        categories: ['创新投入', '创新能力'],
        indicators: [
          { sequence: 1, category: '创新投入', name: '全社会研发投入增长率', unit: '%', kind: 'growthRate', annualRate: '12', baseline: null, decimals: 2, attribute: 'expected' },
          { sequence: 2, category: '创新能力', name: '高新技术企业数量', unit: '家', kind: 'cumulative', cumulativeIncrease: '202', decimals: 0, attribute: 'binding' },
          { sequence: 3, category: '创新能力', name: '规上工业企业研发机构的比例', unit: '%', kind: 'share', annualRate: '4.36', baseline: '38.2', decimals: 1 },
        ],
      },
    });
  });

  it('reports every bad row of a table and creates nothing', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('表1').addRows([
      ['类别', '指标名称', '2025年基数', '2030年目标', '年均增长[累计]', '指标属性'],
      ['创新投入', '全社会研发投入增长率', '-', '-', '12', '预期性'],
      ['创新能力', '2.高新技术企业数量（家）', '三百', '600', '[202]', '预期性'],
      ['', '3.比例（%）', '38.2', '160', '4', '重要'],
    ]);
    const result = await parsePlanTableWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 2, message: '指标名称应写成“序号.名称（单位）”，例如“6.高新技术企业数量（家）”，而不是“全社会研发投入增长率”' },
        { row: 3, message: '基数：请输入数字，例如 1200 或 13.31' },
        { row: 4, message: '指标属性“重要”无法识别，应为预期性或约束性' },
      ],
    });
  });

  it('guards definitions: removing an indicator with figures is refused; approved figures need a reason to change their definition', async () => {
    const plan = (await getPlanDetail(LUQUAN_2021_2025.slug))!;
    const row6 = plan.indicators.find((i) => i.sequence === 6)!;
    expect(await removeIndicator(plan.slug, row6.id, admin)).toEqual({ ok: false, reason: 'hasFigures' });
    expect(await saveIndicator(plan.slug, row6.id, { ...asFields(row6), target: '360' }, admin, null)).toEqual({ ok: false, reason: 'reasonRequired' });
    expect(await saveIndicator(plan.slug, row6.id, { ...asFields(row6), responsibleUnit: '区科技局' }, admin, null)).toMatchObject({ ok: true });
    expect(await saveIndicator(plan.slug, row6.id, { ...asFields(row6), target: '360', responsibleUnit: '区科技局' }, admin, '规划中期调整')).toMatchObject({ ok: true });
    expect((await getPlanDetail(plan.slug))!.indicators.find((i) => i.id === row6.id)).toMatchObject({ target: 360, responsibleUnit: '区科技局' });
    expect(await saveIndicator(plan.slug, row6.id, { ...asFields(row6), sequence: 7 }, admin, '调整')).toEqual({ ok: false, reason: 'sequenceTaken' });
  });

  it('adds, reorders, archives and removes indicators of a new plan', async () => {
    expect(await createPlan('small', { ...FIFTEENTH, name: '小规划', shortName: '小' }, { categories: ['创新投入'] }, admin)).toMatchObject({ ok: true });
    const base = { category: '创新投入', unit: '家', kind: 'cumulative' as const, baseline: '1', target: '5', annualRate: null, cumulativeIncrease: '4', attribute: 'expected' as const, direction: 'up' as const, decimals: 0, responsibleUnit: null, cooperatingUnits: null, contact: null, definition: null };
    const a = await saveIndicator('small', null, { ...base, sequence: 1, name: '甲' }, admin, null);
    const b = await saveIndicator('small', null, { ...base, sequence: 2, name: '乙' }, admin, null);
    const c = await saveIndicator('small', null, { ...base, sequence: 3, name: '丙', category: '创新生态' }, admin, null);
    if (!a.ok || !b.ok || !c.ok) throw new Error('indicators not created');
    expect(await reorderIndicators('small', [c.value.id, a.value.id, b.value.id], admin)).toEqual({ ok: true, value: null });
    let plan = (await getPlanDetail('small'))!;
    expect(plan.indicators.map((i) => [i.sequence, i.name])).toEqual([[1, '丙'], [2, '甲'], [3, '乙']]);
    expect(plan.categories.map((cat) => cat.name)).toEqual(['创新投入', '创新生态']);
    expect(await archiveIndicator('small', a.value.id, admin, '合并到乙')).toEqual({ ok: true, value: null });
    expect(await removeIndicator('small', b.value.id, admin)).toEqual({ ok: true, value: null });
    plan = (await getPlanDetail('small'))!;
    expect(plan.indicators.map((i) => i.name)).toEqual(['丙']);
    expect(plan.archivedIndicators.map((i) => i.name)).toEqual(['甲']);
    expect(await setDueDates('small', [{ year: 2026, dueDate: '2027-03-31' }], admin)).toEqual({ ok: true, value: null });
    expect((await getPlanDetail('small'))!.dueDates).toEqual([{ year: 2026, dueDate: '2027-03-31' }]);
  });

  it('switches the current plan; an archived plan stays readable but nothing in it changes', async () => {
    expect(await archivePlan(LUQUAN_2021_2025.slug, admin)).toEqual({ ok: false, reason: 'isCurrent' });
    expect(await setCurrentPlan('luquan-2026-2030', admin)).toEqual({ ok: true, value: null });
    expect((await getPlanDetail())!.slug).toBe('luquan-2026-2030');
    expect((await listPlans()).filter((p) => p.isCurrent).map((p) => p.slug)).toEqual(['luquan-2026-2030']);
    expect(await archivePlan(LUQUAN_2021_2025.slug, admin)).toEqual({ ok: true, value: null });

    const archived = (await getPlanDetail(LUQUAN_2021_2025.slug))!;
    expect(archived.status).toBe('archived');
    const row6 = archived.indicators.find((i) => i.sequence === 6)!;
    expect(await saveFigure({ indicatorId: row6.id, year: 2025, value: '400', source: null, quality: null, note: null, baseVersion: 1, submit: false }, admin)).toEqual({ ok: false, reason: 'archived' });
    expect(await saveIndicator(archived.slug, row6.id, asFields(row6), admin, 'x')).toEqual({ ok: false, reason: 'archived' });
    expect(await updatePlan(archived.slug, { ...FIFTEENTH, baseYear: 2020, firstYear: 2021, lastYear: 2025 }, admin)).toEqual({ ok: false, reason: 'archived' });
    expect(assessPlan(archived, await getPlanFigures(archived.id), 2023).summaryZh).toContain('16项指标');
  });

  it('refuses to move plan years past existing figures, and a taken slug', async () => {
    expect(await updatePlan('luquan-2026-2030', { ...FIFTEENTH, baseYear: 2026, firstYear: 2027, lastYear: 2031 }, admin)).toEqual({ ok: false, reason: 'yearsHaveFigures' });
    expect(await createPlan('small', { ...FIFTEENTH }, { categories: [] }, admin)).toEqual({ ok: false, reason: 'slugTaken' });
  });
});

describe('English names of indicators and categories (English mode)', () => {
  it('are saved with the definition, bump the data version, are recorded in the history, and stay when a save does not send them', async () => {
    const { connectClient } = await import('../helpers/test-database');
    const { indicatorFieldsSchema } = await import('@/lib/schemas/plan');
    // a copy of 十四五 of its own (the tests above archive 十四五)
    expect(await copyPlan(LUQUAN_2021_2025.slug, 'english-2026-2030', { ...FIFTEENTH, name: '英文名称测试规划', shortName: '英文测试' }, admin)).toMatchObject({ ok: true });
    const plan = (await getPlanDetail('english-2026-2030'))!;
    const row6 = plan.indicators.find((i) => i.sequence === 6)!;
    const fields = indicatorFieldsSchema.parse({ ...asFields(row6), nameEn: 'High-tech enterprises', unitEn: 'firms', categoryEn: 'Innovation capacity' });
    expect(await saveIndicator(plan.slug, row6.id, fields, admin, null)).toMatchObject({ ok: true });

    const after = (await getPlanDetail(plan.slug))!;
    expect(after.dataVersion).toBeGreaterThan(plan.dataVersion);
    const saved = after.indicators.find((i) => i.id === row6.id)!;
    expect(saved).toMatchObject({ nameEn: 'High-tech enterprises', unitEn: 'firms', name: row6.name, unit: row6.unit });
    // the category's English name belongs to the category: every indicator of it shows it
    expect(after.indicators.filter((i) => i.category.id === row6.category.id).every((i) => i.category.nameEn === 'Innovation capacity')).toBe(true);

    const client = await connectClient(database.url);
    try {
      const { rows } = await client.query<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
        `SELECT "before", "after" FROM "DefinitionEvent" WHERE "indicatorId" = $1 AND action = 'updateIndicator' ORDER BY id DESC LIMIT 1`,
        [row6.id],
      );
      expect(rows[0]!.before).toMatchObject({ nameEn: null, unitEn: null, categoryEn: null });
      expect(rows[0]!.after).toMatchObject({ nameEn: 'High-tech enterprises', unitEn: 'firms', categoryEn: 'Innovation capacity' });
    } finally {
      await client.end();
    }

    // a save without the English fields (the 表1 importer, older callers) keeps them; an empty one clears them
    expect(await saveIndicator(plan.slug, row6.id, { ...asFields(saved), responsibleUnit: '区科技局' }, admin, null)).toMatchObject({ ok: true });
    expect((await getPlanDetail(plan.slug))!.indicators.find((i) => i.id === row6.id)).toMatchObject({ nameEn: 'High-tech enterprises', unitEn: 'firms' });
    const cleared = indicatorFieldsSchema.parse({ ...asFields(saved), nameEn: '', unitEn: '', categoryEn: '' });
    expect(await saveIndicator(plan.slug, row6.id, cleared, admin, null)).toMatchObject({ ok: true });
    const final = (await getPlanDetail(plan.slug))!.indicators.find((i) => i.id === row6.id)!;
    expect(final).toMatchObject({ nameEn: null, unitEn: null });
    expect(final.category.nameEn).toBeNull();
  });
});
