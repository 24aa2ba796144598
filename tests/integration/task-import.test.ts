// The Excel import of a period's key-task reports on the real PostgreSQL, as a signed-in person calls it:
// the preview names every error by its action and writes nothing; a file that would change an approved
// report, or report an action the user may not, imports nothing at all; a report changed since the preview
// refuses the confirm; and confirms racing each other (or an approval) have exactly one winner.
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectClient, type TestDatabase } from '@/tests/helpers/test-database';
import { settleRace } from '@/tests/helpers/race';
import type { ImportedTaskProgramme } from '@/lib/data/types';

vi.mock('next/headers', async () => (await import('../helpers/next-request')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../helpers/next-request')).nextCacheMock);

const { form, runAction } = await import('../helpers/next-request');
const { setUpAccountsDatabase, signInWith, useCookies, TEST_PASSWORD } = await import('../helpers/accounts');
const { createAccount } = await import('@/lib/auth/accounts');
const { updateUserAccess } = await import('@/lib/data/users');
const { getPlanDetail } = await import('@/lib/data/plans');
const { getTaskPlan } = await import('@/lib/data/tasks');
const { importTaskReports, saveTaskReport, transitionTaskReport } = await import('@/lib/data/task-writes');
const { buildTaskReportTemplate, taskTemplateTargets, TASK_TEMPLATE_SHEET } = await import('@/lib/import/task-report-workbook');
const { importTaskReportWorkbook } = await import('@/app/_actions/tasks');
type TaskImportFormState = import('@/app/_actions/tasks').TaskImportFormState;
type TaskPlan = import('@/lib/data/types').TaskPlan;

let database: TestDatabase;
let db: pg.Client;
let tasks: TaskPlan;
let planId: number;
let userIds: Record<'admin' | 'staff' | 'reviewer' | 'leader', string>;
const PLAN = 'luquan-2021-2025';
const admin = { id: 'x', name: '赵管理' };

beforeAll(async () => {
  ({ database, userIds } = await setUpAccountsDatabase('task_import'));
  db = await connectClient(database.url);
  planId = (await getPlanDetail(PLAN))!.id;
  tasks = await getTaskPlan(planId);
  admin.id = userIds.admin;
}, 120_000);
afterAll(async () => {
  await db?.end();
  await database?.drop();
});

const action = (programme: number, number: number) => tasks.programmes.find((p) => p.number === programme)!.actions.find((a) => a.number === number)!;
const templateAction = (programme: number, number: number) => {
  const a = action(programme, number);
  return { id: a.id, programme, number, name: a.name, targets: taskTemplateTargets(a.targets) };
};
const count = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0].n as number;
const events = () => count('SELECT count(*)::int AS n FROM "TaskReportEvent"');

/** A template of the period with the given actions, each row filled as `fill` says (sheet row 4 = first action). */
async function filledFile(year: number, half: 'H1' | 'FY', rows: { programme: number; number: number; cells?: Record<number, ExcelJS.CellValue> }[]): Promise<File> {
  const template = await buildTaskReportTemplate({ planSlug: PLAN, planName: '十四五', year, half, actions: rows.map((r) => templateAction(r.programme, r.number)) });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as never);
  const sheet = workbook.getWorksheet(TASK_TEMPLATE_SHEET)!;
  rows.forEach((r, i) => {
    for (const [column, value] of Object.entries(r.cells ?? {})) sheet.getCell(4 + i, Number(column)).value = value;
  });
  return new File([await workbook.xlsx.writeBuffer()], 'tasks.xlsx');
}

async function upload(file: File, year: number, half: 'H1' | 'FY', extra: Record<string, string> = {}): Promise<TaskImportFormState> {
  const data = form({ planSlug: PLAN, year: String(year), half, ...extra });
  data.append('file', file);
  return (await runAction(() => importTaskReportWorkbook({}, data))).returned as TaskImportFormState;
}

const filled = (progress: string, status = '推进中', percent: ExcelJS.CellValue = 50) => ({ 4: status, 5: percent, 6: progress });

describe('Excel import of key-task reports', () => {
  it('previews without writing, then imports every row as a draft with its target values', async () => {
    useCookies(await signInWith('matrix_staff'));
    const withTargets = action(3, 2); // two per-year targets
    const file = await filledFile(2023, 'H1', [
      { programme: 1, number: 1, cells: filled('举办企业家培训两期。') },
      { programme: 3, number: 2, cells: { ...filled('形成成果2项。', '已完成', 100), 7: '经费不足', 11: 2, 13: '1' } },
      { programme: 1, number: 2 }, // left blank: not imported
    ]);
    const before = await events();
    const preview = await upload(file, 2023, 'H1');
    expect(preview).toMatchObject({ message: 'import.preview', preview: { writes: 2 } });
    expect(preview.preview!.rows.map((r) => [r.programme, r.number, r.change])).toEqual([[1, 1, 'create'], [3, 2, 'create']]);
    expect(await events()).toBe(before);

    const done = await upload(file, 2023, 'H1', { intent: 'confirm', token: preview.preview!.token });
    expect(done).toMatchObject({ ok: true, message: 'import.done', created: 2, updated: 0 });
    const { rows } = await db.query(
      `SELECT r.state::text, r.status::text, r.percent, r.problems, (SELECT string_agg(v.value::text, ',' ORDER BY t.position) FROM "TaskTargetValue" v JOIN "TaskTarget" t ON t.id = v."targetId" WHERE v."reportId" = r.id) AS vals,
              (SELECT string_agg(reason, ',') FROM "TaskReportEvent" e WHERE e."reportId" = r.id) AS reasons
       FROM "TaskReport" r WHERE r."actionId" = $1 AND r.year = 2023 AND r.half = 'H1'`,
      [withTargets.id],
    );
    expect(rows).toEqual([{ state: 'draft', status: 'completed', percent: 100, problems: '经费不足', vals: '2.000000,1.000000', reasons: 'Excel 导入' }]);
    // the same file again changes nothing
    expect(await upload(file, 2023, 'H1')).toMatchObject({ message: 'import.nothingChanged' });
  });

  it('lists every error at once, named by the action, and writes nothing', async () => {
    useCookies(await signInWith('matrix_staff'));
    const file = await filledFile(2023, 'FY', [
      { programme: 1, number: 1, cells: filled('已开展', '差不多', 120) },
      { programme: 1, number: 2, cells: { 3: '改过的名称', 4: '推进中' } },
      { programme: 2, number: 1, cells: { ...filled('突破技术'), 11: '很多' } },
      { programme: 1, number: 3, cells: filled('正常一行') },
    ]);
    const before = await events();
    const refused = await upload(file, 2023, 'FY', { intent: 'confirm', token: 'whatever' });
    expect(refused.message).toBe('import.rejected');
    expect(refused.importErrors!.map((e) => [e.action?.programme, e.action?.number, e.column])).toEqual([
      [1, 1, '推进状态'], [1, 1, '完成百分比'], [1, 2, '任务名称'], [1, 2, '进展情况'], [2, 1, '目标1完成值'],
    ]);
    expect(await events()).toBe(before);
    expect(await count(`SELECT count(*)::int AS n FROM "TaskReport" WHERE year = 2023 AND half = 'FY'`)).toBe(0);
  });

  it('refuses the whole file when it would change an approved report or an action the user may not report', async () => {
    const locked = action(4, 1);
    const saved = await saveTaskReport({ actionId: locked.id, year: 2024, half: 'H1', status: 'inProgress', percent: null, progress: '原报告', problems: null, nextSteps: null, values: [], baseVersion: 0, submit: true }, admin);
    if (!saved.ok) throw new Error(saved.reason);
    expect(await transitionTaskReport({ id: saved.report.id, version: saved.report.version, action: 'approve' }, admin)).toMatchObject({ ok: true });

    useCookies(await signInWith('matrix_staff'));
    const unchangedLocked = await filledFile(2024, 'H1', [{ programme: 4, number: 1, cells: { 4: '推进中', 6: '原报告' } }, { programme: 1, number: 1, cells: filled('新的报告') }]);
    const fine = await upload(unchangedLocked, 2024, 'H1');
    expect(fine).toMatchObject({ message: 'import.preview', preview: { writes: 1 } }); // an approved row left as it is, is not an error

    const before = await events();
    const changedLocked = await filledFile(2024, 'H1', [{ programme: 4, number: 1, cells: filled('改写已审核的报告') }, { programme: 1, number: 1, cells: filled('新的报告') }]);
    const refused = await upload(changedLocked, 2024, 'H1');
    expect(refused.message).toBe('import.rejected');
    expect(refused.importErrors).toEqual([expect.objectContaining({ message: '该报告已审核锁定，不能通过导入修改', action: expect.objectContaining({ id: locked.id }) })]);

    const id = await createAccount({ username: 'import_scoped', name: '限定录入员', role: 'staff', password: TEST_PASSWORD });
    expect(await updateUserAccess(id, { role: 'staff', allIndicators: false, indicatorIds: [], actionIds: [action(1, 1).id] })).toEqual({ ok: true });
    useCookies(await signInWith('import_scoped'));
    const notMine = await upload(await filledFile(2024, 'FY', [{ programme: 1, number: 1, cells: filled('我的任务') }, { programme: 5, number: 2, cells: filled('别人的任务') }]), 2024, 'FY');
    expect(notMine.message).toBe('import.rejected');
    expect(notMine.importErrors).toEqual([expect.objectContaining({ message: '您没有填报该任务的权限', action: expect.objectContaining({ programme: 5, number: 2 }) })]);
    expect(await events()).toBe(before);
  });

  it('refuses a confirm when a report changed since the preview, keeping the other person’s report', async () => {
    useCookies(await signInWith('matrix_staff'));
    const file = await filledFile(2025, 'H1', [{ programme: 7, number: 1, cells: filled('预览时的内容') }]);
    const preview = await upload(file, 2025, 'H1');
    expect(preview.message).toBe('import.preview');
    expect(await saveTaskReport({ actionId: action(7, 1).id, year: 2025, half: 'H1', status: 'delayed', percent: null, progress: '他人刚保存', problems: null, nextSteps: null, values: [], baseVersion: 0, submit: false }, admin)).toMatchObject({ ok: true });
    const refused = await upload(file, 2025, 'H1', { intent: 'confirm', token: preview.preview!.token });
    expect(refused.message).toBe('import.changedSincePreview');
    expect((await db.query(`SELECT progress FROM "TaskReport" WHERE "actionId" = $1 AND year = 2025 AND half = 'H1'`, [action(7, 1).id])).rows).toEqual([{ progress: '他人刚保存' }]);
  });
});

describe('importTaskReports (the write)', () => {
  const write = (actionId: number, baseVersion: number, progress: string) => ({ actionId, baseVersion, status: 'inProgress' as const, percent: null, progress, problems: null, nextSteps: null, values: [] });

  it('is all or nothing: one stale version refuses every row', async () => {
    const [a, b] = [action(8, 1), action(8, 2)];
    const saved = await saveTaskReport({ ...write(b.id, 0, '已有'), year: 2022, half: 'FY', submit: false }, admin);
    if (!saved.ok) throw new Error(saved.reason);
    const result = await importTaskReports({ planId, year: 2022, half: 'FY', reports: [write(a.id, 0, '新'), write(b.id, saved.report.version + 5, '改')] }, admin);
    expect(result).toEqual({ ok: false, reason: 'stale', changed: [b.id] });
    expect(await count(`SELECT count(*)::int AS n FROM "TaskReport" WHERE "actionId" = $1 AND year = 2022`, [a.id])).toBe(0);
    expect(await importTaskReports({ planId, year: 2022, half: 'FY', reports: [write(a.id, 0, '新'), write(b.id, saved.report.version, '改')] }, admin)).toEqual({ ok: true, created: 1, updated: 1 });
  });

  it('100 confirms of the same preview at once: exactly one imports, every other one is refused as stale', async () => {
    const ids = [action(5, 2).id, action(5, 3).id];
    const confirm = (text: string) => importTaskReports({ planId, year: 2021, half: 'H1', reports: ids.map((id) => write(id, 0, text)) }, admin);
    const results = await settleRace(Array.from({ length: 100 }, (_, i) => () => confirm(`导入${i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'stale')).toBe(true);
    const { rows } = await db.query(`SELECT DISTINCT progress, version FROM "TaskReport" WHERE "actionId" = ANY($1) AND year = 2021 AND half = 'H1'`, [ids]);
    expect(rows).toHaveLength(1); // both rows from the one winner
  });

  it('a confirm racing an approval never undoes it', async () => {
    const target = action(6, 1);
    const saved = await saveTaskReport({ ...write(target.id, 0, '待审核'), year: 2021, half: 'FY', submit: true }, admin);
    if (!saved.ok) throw new Error(saved.reason);
    const [imported, approved] = await Promise.all([
      importTaskReports({ planId, year: 2021, half: 'FY', reports: [write(target.id, saved.report.version, '导入改写')] }, admin),
      transitionTaskReport({ id: saved.report.id, version: saved.report.version, action: 'approve' }, admin),
    ]);
    expect([imported.ok, approved.ok].filter(Boolean)).toHaveLength(1);
    const { rows } = await db.query(`SELECT state::text, progress FROM "TaskReport" WHERE id = $1`, [saved.report.id]);
    expect(rows[0]).toEqual(approved.ok ? { state: 'approved', progress: '待审核' } : { state: 'draft', progress: '导入改写' });
  });
});

describe('a new plan imports its 专栏 and actions from an .xlsx', () => {
  it('reads the table with its targets, imports it once, all or nothing, and lists every error', async () => {
    const { createPlan } = await import('@/lib/data/plan-writes');
    const { buildTaskProgrammeTemplate, readTaskProgrammeWorkbook, PROGRAMME_SHEET, TARGET_SHEET } = await import('@/lib/import/task-programme-workbook');
    const { importTaskProgrammes } = await import('@/lib/data/task-writes');
    expect(await createPlan('luquan-2026-2030', { name: '鹿泉区科技创新“十五五”规划', shortName: '十五五', region: '鹿泉区', baseYear: 2025, firstYear: 2026, lastYear: 2030, sourceDocument: '—' }, { categories: ['创新投入'] }, admin)).toMatchObject({ ok: true });
    const fill = async (actions: ExcelJS.CellValue[][], targets: ExcelJS.CellValue[][]) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await buildTaskProgrammeTemplate('十五五')) as never);
      actions.forEach((values, i) => { workbook.getWorksheet(PROGRAMME_SHEET)!.getRow(3 + i).values = values; });
      targets.forEach((values, i) => { workbook.getWorksheet(TARGET_SHEET)!.getRow(3 + i).values = values; });
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    };
    const bad = await readTaskProgrammeWorkbook(await fill([[1, '企业创新', 1, '开展甲行动', '原文甲'], [1, null, 1, '开展乙行动', '原文乙'], ['一', null, 2, null, '原文']], [[1, 9, '每年2项', '成果', '项', '每年', 2]]));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((e) => [e.sheet, e.row])).toEqual([['重点任务', 4], ['重点任务', 5], ['重点任务', 5], ['量化目标', 3]]);

    const good = await readTaskProgrammeWorkbook(await fill(
      [[1, '企业创新', 1, '开展甲行动', '原文甲'], [1, null, 2, '开展乙行动', '原文乙'], [2, null, 1, '开展丙行动', '原文丙']],
      [[1, 2, '每年形成2-3项成果', '成果', '项', '每年', 2, 3, null, null], [2, 1, '到2030年达到10家左右', '联盟', '家', '期末达到', 10, null, '左右', 2030]],
    ));
    if (!good.ok) throw new Error(JSON.stringify(good.errors));
    const newPlanId = (await getPlanDetail('luquan-2026-2030'))!.id;
    expect(await importTaskProgrammes(newPlanId, good.programmes)).toEqual({ ok: true });
    const imported = await getTaskPlan(newPlanId);
    expect(imported.programmes.map((p) => [p.number, p.title, p.actions.map((a) => [a.number, a.name, a.targets.map((t) => [t.kind, t.lower, t.upper, t.qualifier, t.deadlineYear])])])).toEqual([
      [1, '企业创新', [[1, '开展甲行动', []], [2, '开展乙行动', [['perYear', 2, 3, null, null]]]]],
      [2, null, [[1, '开展丙行动', [['levelAt', 10, null, '左右', 2030]]]]],
    ]);
    expect(await importTaskProgrammes(newPlanId, good.programmes)).toEqual({ ok: false, reason: 'hasTasks' });
  });

  it('the admin previews (counts, 专栏, actions, targets as read) without writing; confirm writes; a confirm after someone else imported is refused', async () => {
    const { createPlan } = await import('@/lib/data/plan-writes');
    const { buildTaskProgrammeTemplate, PROGRAMME_SHEET, TARGET_SHEET } = await import('@/lib/import/task-programme-workbook');
    const { importTaskProgrammesAction } = await import('@/app/_actions/tasks');
    type State = import('@/app/_actions/tasks').TaskProgrammeImportState;
    const file = async (actions: ExcelJS.CellValue[][], targets: ExcelJS.CellValue[][] = []) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await buildTaskProgrammeTemplate('预览')) as never);
      actions.forEach((values, i) => { workbook.getWorksheet(PROGRAMME_SHEET)!.getRow(3 + i).values = values; });
      targets.forEach((values, i) => { workbook.getWorksheet(TARGET_SHEET)!.getRow(3 + i).values = values; });
      return new File([await workbook.xlsx.writeBuffer()], 'programmes.xlsx');
    };
    const send = async (slug: string, upload: File, extra: Record<string, string> = {}) => {
      const data = form({ planSlug: slug, ...extra });
      data.append('file', upload);
      return (await runAction(() => importTaskProgrammesAction({}, data))).returned as State;
    };
    const programmeCount = (slug: string) => count('SELECT count(*)::int AS n FROM "TaskProgramme" p JOIN "Plan" x ON x.id = p."planId" WHERE x.slug = $1', [slug]);
    for (const slug of ['preview-2026-2030', 'preview-race-2026-2030']) {
      expect(await createPlan(slug, { name: '预览测试规划', shortName: '预览', region: '鹿泉区', baseYear: 2025, firstYear: 2026, lastYear: 2030, sourceDocument: '—' }, { categories: ['创新投入'] }, admin)).toMatchObject({ ok: true });
    }
    useCookies(await signInWith('matrix_admin'));
    const good = await file([[1, '企业创新', 1, '开展甲行动', '原文甲'], [1, null, 2, '开展乙行动', '原文乙'], [2, null, 1, '开展丙行动', '原文丙']], [[1, 2, '每年形成2-3项成果', '成果', '项', '每年', 2, 3, null, null], [2, 1, '到2030年达到10家左右', '联盟', '家', '期末达到', 10, null, '左右', 2030]]);

    const preview = await send('preview-2026-2030', good);
    expect(preview).toMatchObject({ message: 'programmes.preview', preview: { counts: { programmes: 2, actions: 3, targets: 2 }, writes: 3 } });
    expect(preview.preview!.programmes.map((p) => [p.heading, p.actions.map((a) => [a.number, a.name, a.targets.map((t) => [t.kind, t.lower, t.upper, t.qualifier, t.deadlineYear])])])).toEqual([
      ['专栏1 企业创新', [[1, '开展甲行动', []], [2, '开展乙行动', [['perYear', '2', '3', null, null]]]]],
      ['专栏2（标题缺失）', [[1, '开展丙行动', [['levelAt', '10', null, '左右', 2030]]]]],
    ]);
    expect(await programmeCount('preview-2026-2030')).toBe(0);
    // errors: every one, by sheet and row, and nothing written even with intent=confirm
    const bad = await send('preview-2026-2030', await file([[1, null, 1, null, '原文'], ['一', null, 2, '开展丁行动', '原文']], [[1, 9, '每年2项', '成果', '项', '每周', 2]]), { intent: 'confirm', token: preview.preview!.token });
    expect(bad.message).toBe('programmes.rejected');
    expect(bad.preview).toBeUndefined();
    expect(bad.importErrors!.map((e) => [e.sheet, e.row])).toEqual([['重点任务', 3], ['重点任务', 4], ['量化目标', 3], ['量化目标', 3]]);
    // another file than the one previewed: the fresh preview, nothing written
    const other = await file([[1, '企业创新', 1, '开展甲行动', '原文甲']]);
    expect(await send('preview-2026-2030', other, { intent: 'confirm', token: preview.preview!.token })).toMatchObject({ message: 'programmes.changedSincePreview', preview: { counts: { programmes: 1, actions: 1, targets: 0 } } });
    expect(await programmeCount('preview-2026-2030')).toBe(0);

    expect(await send('preview-2026-2030', good, { intent: 'confirm', token: preview.preview!.token })).toMatchObject({ ok: true, message: 'programmes.done', programmes: 2, actions: 3, targets: 2 });
    expect(await programmeCount('preview-2026-2030')).toBe(2);
    // once the plan has tasks, even the preview says so
    expect(await send('preview-2026-2030', good)).toEqual({ message: 'programmes.hasTasks' });

    // two admins preview the same new plan; the first confirms; the second's confirm writes nothing
    const first = await send('preview-race-2026-2030', good);
    const second = await send('preview-race-2026-2030', other);
    expect(await send('preview-race-2026-2030', good, { intent: 'confirm', token: first.preview!.token })).toMatchObject({ ok: true });
    expect(await send('preview-race-2026-2030', other, { intent: 'confirm', token: second.preview!.token })).toEqual({ message: 'programmes.hasTasks' });
    expect(await programmeCount('preview-race-2026-2030')).toBe(2);
  });

  it('100 imports into one new plan at once: exactly one writes its 专栏, every other one is refused (hasTasks)', async () => {
    const { createPlan } = await import('@/lib/data/plan-writes');
    const { importTaskProgrammes } = await import('@/lib/data/task-writes');
    expect(await createPlan('race-2026-2030', { name: '并发导入测试规划', shortName: '并发', region: '鹿泉区', baseYear: 2025, firstYear: 2026, lastYear: 2030, sourceDocument: '—' }, { categories: ['创新投入'] }, admin)).toMatchObject({ ok: true });
    const racePlanId = (await getPlanDetail('race-2026-2030'))!.id;
    const programmes = (i: number): ImportedTaskProgramme[] => [{ number: 1, title: `专栏${i}`, actions: [{ number: 1, name: `开展第${i}项行动`, text: `原文${i}`, targets: [] }] }];
    const results = await settleRace(Array.from({ length: 100 }, (_, i) => () => importTaskProgrammes(racePlanId, programmes(i))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.ok)) expect(refused).toEqual({ ok: false, reason: 'hasTasks' });
    const stored = await getTaskPlan(racePlanId);
    expect(stored.programmes).toHaveLength(1);
    expect(stored.programmes[0]!.actions).toHaveLength(1);
    expect(stored.programmes[0]!.actions[0]!.name).toBe(`开展第${stored.programmes[0]!.title!.slice(2)}项行动`); // one import's rows, not a mix
  });
});
