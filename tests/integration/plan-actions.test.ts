// The plan-management server actions on a real database with a real admin session: what they refuse
// (and say next to which field), what they keep of the typed values, and that a refused action writes
// nothing. The data layer itself is covered by plans.test.ts.
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectClient } from '@/tests/helpers/test-database';

vi.mock('next/headers', async () => (await import('../helpers/next-request')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../helpers/next-request')).nextCacheMock);

const { form } = await import('../helpers/next-request');
const { setUpAccountsDatabase, signInWith, useCookies, ROLE_USERS } = await import('../helpers/accounts');
const actions = await import('@/app/_actions/plans');
const { getPlanDetail } = await import('@/lib/data/plans');
const { saveFigure, transitionFigure } = await import('@/lib/data/figure-writes');

let setup: Awaited<ReturnType<typeof setUpAccountsDatabase>>;
let db: pg.Client;
let adminCookies: Map<string, string>;

const PLAN = {
  name: '测试区科技创新“十五五”规划', shortName: '十五五', region: '测试区', baseYear: '2025', firstYear: '2026', lastYear: '2030', sourceDocument: '测试文件',
};
const INDICATOR = {
  sequence: '1', category: '创新产出', name: '高新技术企业数量', unit: '家', kind: 'cumulative', baseline: '100', target: '150', annualRate: '', cumulativeIncrease: '50',
  attribute: 'expected', direction: 'up', decimals: '0', responsibleUnit: '区科技局', contact: '', definition: '',
};
const plansCount = async () => (await db.query('SELECT count(*)::int AS n FROM "Plan"')).rows[0].n as number;

beforeAll(async () => {
  setup = await setUpAccountsDatabase('plans_actions');
  db = await connectClient(setup.database.url);
  adminCookies = await signInWith(ROLE_USERS.admin);
});
afterAll(async () => {
  await db?.end();
  await setup?.database.drop();
});

describe('creating a plan', () => {
  it('refuses a bad slug and inconsistent years next to their fields, keeps what was typed, creates nothing', async () => {
    useCookies(adminCookies);
    const before = await plansCount();
    const state = await actions.createPlanAction({}, form({ ...PLAN, firstYear: '2027', lastYear: '2024', slug: 'Luquan 2026', categories: '' }));
    expect(state.ok).toBeUndefined();
    expect(state.message).toBe('checkFields');
    expect(state.errors?.slug?.[0]).toMatch(/小写字母、数字和连字符/);
    expect(state.errors?.firstYear).toEqual(['起始年须为基期年的下一年']);
    expect(state.errors?.lastYear).toEqual(['目标年不能早于起始年']);
    expect(state.errors?.categories).toEqual(['请至少填写一个类别，每行一个']);
    expect(state.values).toMatchObject({ name: PLAN.name, slug: 'Luquan 2026', firstYear: '2027' });
    expect(await plansCount()).toBe(before);
  });

  it('creates the plan with its categories in the typed order, and refuses the same slug again', async () => {
    useCookies(adminCookies);
    const state = await actions.createPlanAction({}, form({ ...PLAN, slug: 'test-2026-2030', categories: '创新投入\n\n 创新产出 \n创新投入' }));
    expect(state).toMatchObject({ ok: true, slug: 'test-2026-2030' });
    const plan = await getPlanDetail('test-2026-2030');
    expect(plan).toMatchObject({ baseYear: 2025, firstYear: 2026, lastYear: 2030, isCurrent: false, status: 'active' });
    expect(plan!.categories.map((c) => c.name)).toEqual(['创新投入', '创新产出']);

    const again = await actions.createPlanAction({}, form({ ...PLAN, slug: 'test-2026-2030', categories: '创新投入' }));
    expect(again.errors?.slug).toEqual(['该标识已被其他规划使用']);
  });

  it('a copy refuses an unknown source plan', async () => {
    useCookies(adminCookies);
    const state = await actions.copyPlanAction({}, form({ ...PLAN, slug: 'copy-2026-2030', sourceSlug: 'no-such-plan' }));
    expect(state.errors?.sourceSlug).toEqual(['请选择要复制的规划']);
    expect(await getPlanDetail('copy-2026-2030')).toBeNull();
  });
});

describe('importing a 表1 table', () => {
  async function table(attribute: string): Promise<File> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表1');
    sheet.addRow(['类别', '指标名称', '2025年基数', '2030年目标', '年均增长[累计]', '指标属性']);
    sheet.addRow(['创新投入', '1.研发经费投入增长率（%）', '-', '-', '10', '约束性']);
    sheet.addRow(['创新产出', '2.有效发明专利（件）', '800', '1300', '[500]', attribute]);
    return new File([await workbook.xlsx.writeBuffer()], '表1.xlsx');
  }
  const importForm = (file: File, fields: Record<string, string> = {}) => {
    const data = form({ ...PLAN, slug: 'import-2026-2030', ...fields });
    data.append('file', file);
    return data;
  };

  it('lists the row errors and creates nothing when a row is bad', async () => {
    useCookies(adminCookies);
    const before = await plansCount();
    const state = await actions.importPlanAction({}, importForm(await table('重要')));
    expect(state.message).toBe('importRefused');
    expect(state.importErrors).toEqual([{ row: 3, message: '指标属性“重要”无法识别，应为预期性或约束性' }]);
    expect(state.values?.name).toBe(PLAN.name);
    expect(await plansCount()).toBe(before);
  });

  it('refuses years that differ from the table’s own', async () => {
    useCookies(adminCookies);
    const state = await actions.importPlanAction({}, importForm(await table('预期性'), { baseYear: '2020', firstYear: '2021', lastYear: '2025' }));
    expect(state.errors?.baseYear?.[0]).toMatch(/2025年/);
    expect(await getPlanDetail('import-2026-2030')).toBeNull();
  });

  it('imports a valid table with every indicator', async () => {
    useCookies(adminCookies);
    const state = await actions.importPlanAction({}, importForm(await table('预期性')));
    expect(state).toMatchObject({ ok: true, slug: 'import-2026-2030' });
    const plan = await getPlanDetail('import-2026-2030');
    expect(plan!.indicators.map((i) => [i.sequence, i.name, i.kind, i.attribute])).toEqual([
      [1, '研发经费投入增长率', 'growthRate', 'binding'],
      [2, '有效发明专利', 'cumulative', 'expected'],
    ]);
  });
});

describe('indicator definitions', () => {
  it('asks for a reason when the definition of an indicator with approved figures changes, and records it', async () => {
    useCookies(adminCookies);
    await actions.createPlanAction({}, form({ ...PLAN, slug: 'reason-2026-2030', categories: '创新产出' }));
    const added = await actions.saveIndicatorAction({}, form({ ...INDICATOR, planSlug: 'reason-2026-2030', id: '' }));
    expect(added).toMatchObject({ ok: true, message: 'indicatorCreated' });
    const id = added.indicatorId!;

    const actor = { id: setup.userIds.admin, name: '测试' };
    const saved = await saveFigure({ indicatorId: id, year: 2026, value: '112', source: null, quality: null, note: null, baseVersion: 0, submit: true }, actor);
    if (!saved.ok) throw new Error('figure not saved');
    expect((await transitionFigure({ id: saved.figure.id, version: saved.figure.version, action: 'approve' }, actor)).ok).toBe(true);

    // a field that does not judge figures changes without a reason
    const contact = await actions.saveIndicatorAction({}, form({ ...INDICATOR, contact: '李四', planSlug: 'reason-2026-2030', id: String(id) }));
    expect(contact).toMatchObject({ ok: true, message: 'indicatorSaved' });

    const refused = await actions.saveIndicatorAction({}, form({ ...INDICATOR, target: '160', cumulativeIncrease: '60', planSlug: 'reason-2026-2030', id: String(id) }));
    expect(refused).toMatchObject({ needsReason: true, message: 'reasonRequired' });
    expect(refused.values).toMatchObject({ target: '160', cumulativeIncrease: '60' });
    expect((await getPlanDetail('reason-2026-2030'))!.indicators[0]!.target).toBe(150);

    const accepted = await actions.saveIndicatorAction({}, form({ ...INDICATOR, target: '160', cumulativeIncrease: '60', reason: '按批复调整', planSlug: 'reason-2026-2030', id: String(id) }));
    expect(accepted).toMatchObject({ ok: true, message: 'indicatorSaved' });
    expect((await getPlanDetail('reason-2026-2030'))!.indicators[0]!.target).toBe(160);
    const event = await db.query(`SELECT reason FROM "DefinitionEvent" WHERE "indicatorId" = $1 AND action = 'updateIndicator' ORDER BY id DESC LIMIT 1`, [id]);
    expect(event.rows[0].reason).toBe('按批复调整');

    // it has figures: removing is refused, archiving is the way
    expect(await actions.removeIndicatorAction({}, form({ planSlug: 'reason-2026-2030', id: String(id) }))).toEqual({ message: 'refusal.hasFigures' });
  });

  it('refuses bad field values with the schema’s messages', async () => {
    useCookies(adminCookies);
    const state = await actions.saveIndicatorAction({}, form({ ...INDICATOR, kind: 'share', unit: '%', baseline: '40', target: '120', decimals: '9', planSlug: 'reason-2026-2030', id: '' }));
    expect(state.errors?.target).toEqual(['比例类指标的数值须在 0 到 100 之间']);
    expect(state.errors?.decimals).toEqual(['小数位数须为0到6的整数']);
    expect(state.values?.target).toBe('120');
  });

  it('moves an indicator and refuses due dates that are not dates', async () => {
    useCookies(adminCookies);
    const second = await actions.saveIndicatorAction({}, form({ ...INDICATOR, sequence: '2', name: '技术合同成交额', unit: '亿元', planSlug: 'reason-2026-2030', id: '' }));
    expect(await actions.moveIndicatorAction({}, form({ planSlug: 'reason-2026-2030', id: String(second.indicatorId), direction: 'up' }))).toMatchObject({ ok: true });
    expect((await getPlanDetail('reason-2026-2030'))!.indicators.map((i) => i.name)).toEqual(['技术合同成交额', '高新技术企业数量']);

    const bad = await actions.setDueDatesAction({}, form({ slug: 'reason-2026-2030', 'dueDate.2026': '2027-02-30x' }));
    expect(bad.errors?.['dueDate.2026']).toEqual(['请输入日期，例如 2026-03-31']);
    const good = await actions.setDueDatesAction({}, form({ slug: 'reason-2026-2030', 'dueDate.2026': '2027-03-31', 'dueDate.2027': '' }));
    expect(good).toMatchObject({ ok: true });
    expect((await getPlanDetail('reason-2026-2030'))!.dueDates).toEqual([{ year: 2026, dueDate: '2027-03-31' }]);
  });
});

describe('plan status', () => {
  it('refuses to archive the current plan; another plan is archived and then refuses changes', async () => {
    useCookies(adminCookies);
    expect(await actions.archivePlanAction({}, form({ slug: 'luquan-2021-2025' }))).toEqual({ message: 'refusal.isCurrent' });
    expect(await actions.archivePlanAction({}, form({ slug: 'test-2026-2030' }))).toMatchObject({ ok: true });
    const edit = await actions.updatePlanAction({}, form({ ...PLAN, name: '新名称', slug: 'test-2026-2030' }));
    expect(edit.message).toBe('refusal.archived');
    expect((await getPlanDetail('test-2026-2030'))!.name).toBe(PLAN.name);
  });

  it('refuses every plan action to a non-admin', async () => {
    useCookies(await signInWith(ROLE_USERS.leader));
    expect(await actions.createPlanAction({}, form({ ...PLAN, slug: 'leader-2026-2030', categories: '创新投入' }))).toMatchObject({ refused: 'forbidden' });
    expect(await getPlanDetail('leader-2026-2030')).toBeNull();
  });
});
