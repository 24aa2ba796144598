// The key-task reporting template and its reader (lib/import/task-report-workbook.ts) and the import preview
// (lib/views/task-import-preview.ts): a downloaded template read back unchanged changes nothing; approved rows
// are locked in the sheet; every row error is named by its action; the preview decides create / update /
// unchanged, locked and not-yours rows, and the token changes with the file's content.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TaskPlan, TaskReport } from '@/lib/data/types';
import { buildTaskReportTemplate, readTaskReportWorkbook, TASK_TEMPLATE_SHEET, taskTemplateTargets, type TaskTemplateAction } from '@/lib/import/task-report-workbook';
import { buildTaskImportPreview, taskImportToken } from '@/lib/views/task-import-preview';

const PLAN = { planSlug: 'luquan-2021-2025', firstYear: 2021, lastYear: 2025 };
const TASKS: Pick<TaskPlan, 'programmes'> = {
  programmes: [
    {
      id: 1, number: 1, title: null,
      actions: [
        { id: 11, programmeNumber: 1, number: 1, name: '开展创新型企业家培育行动', text: '…', leadUnit: null, cooperatingUnits: null, targets: [] },
        { id: 12, programmeNumber: 1, number: 2, name: '开展科技型中小企业培育行动', text: '…', leadUnit: null, cooperatingUnits: null, targets: [] },
      ],
    },
    {
      id: 3, number: 3, title: '基础研究',
      actions: [{
        id: 32, programmeNumber: 3, number: 2, name: '开展重大科研成果培育行动', text: '…', leadUnit: null, cooperatingUnits: null,
        targets: [
          { id: 321, position: 1, phrase: '每年形成2-3项重大科研成果和新产品', subject: '重大科研成果和新产品', unit: '项', kind: 'perYear', lower: 2, upper: 3, qualifier: null, deadlineYear: null, horizonYears: null, baseline: null },
          { id: 322, position: 2, phrase: '每年培养1-2名科技领军人才', subject: '科技领军人才', unit: '名', kind: 'perYear', lower: 1, upper: 2, qualifier: null, deadlineYear: null, horizonYears: null, baseline: null },
        ],
      }],
    },
  ],
};
const report = (actionId: number, state: TaskReport['state'], extra: Partial<TaskReport> = {}): TaskReport => ({
  id: actionId * 10, actionId, year: 2024, half: 'FY', status: 'inProgress', percent: 60, progress: '已推进。', problems: null, nextSteps: '继续。',
  state, version: 3, reviewNote: null, updatedByName: '张', updatedAt: '2024-12-01T00:00:00Z', values: [], evidence: [], ...extra,
});
const STORED = [report(11, 'approved'), report(32, 'submitted', { values: [{ targetId: 321, value: 2 }, { targetId: 322, value: 1.5 }] })];
const templateActions = (): TaskTemplateAction[] =>
  TASKS.programmes.flatMap((p) => p.actions.map((a) => {
    const r = STORED.find((s) => s.actionId === a.id);
    return { id: a.id, programme: p.number, number: a.number, name: a.name, targets: taskTemplateTargets(a.targets), current: r ?? null };
  }));
const expected = { ...PLAN, year: 2024, half: 'FY' as const, actions: templateActions() };

async function template(edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const bytes = await buildTaskReportTemplate({ planSlug: PLAN.planSlug, planName: '鹿泉区科技创新“十四五”规划', year: 2024, half: 'FY', actions: templateActions() });
  if (!edit) return bytes;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  edit(workbook.getWorksheet(TASK_TEMPLATE_SHEET)!);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('key-task template', () => {
  it('is pre-filled with the stored reports; approved rows locked, the others editable; read back it changes nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await template()) as never);
    const sheet = workbook.getWorksheet(TASK_TEMPLATE_SHEET)!;
    expect([4, 5, 6].map((r) => [sheet.getCell(r, 1).value, sheet.getCell(r, 2).value, sheet.getCell(r, 4).value, sheet.getCell(r, 9).value])).toEqual([
      [1, 1, '推进中', '已审核（锁定）'], [1, 2, null, '未填报'], [3, 2, '推进中', '已提交（待审核）'],
    ]);
    expect([sheet.getCell(6, 10).value, sheet.getCell(6, 11).value, sheet.getCell(6, 12).value, sheet.getCell(6, 13).value]).toEqual(['重大科研成果和新产品（项）', 2, '科技领军人才（名）', 1.5]);
    expect(sheet.getCell(4, 6).protection?.locked ?? true).toBe(true); // locked is Excel's default
    expect(sheet.getCell(6, 6).protection?.locked).toBe(false);

    const reading = await readTaskReportWorkbook(await template(), expected);
    expect(reading.errors).toEqual([]);
    expect(reading.reports.map((r) => [r.actionId, r.status, r.percent, r.progress, r.nextSteps, r.values])).toEqual([
      [11, 'inProgress', 60, '已推进。', '继续。', []],
      [32, 'inProgress', 60, '已推进。', '继续。', [{ targetId: 321, value: '2' }, { targetId: 322, value: '1.5' }]],
    ]);
    const preview = buildTaskImportPreview(TASKS, STORED, { year: 2024, half: 'FY' }, reading, () => true);
    expect(preview.rows.map((r) => r.change)).toEqual(['unchanged', 'unchanged']);
    expect(preview.writes).toEqual([]);
    expect(preview.errors).toEqual([]);
  });

  it('reports every row error at once, each named by its action', async () => {
    const bytes = await template((sheet) => {
      sheet.getCell(4, 4).value = '进行中'; // not a status
      sheet.getCell(5, 5).value = 101; // a new row without status and progress, percent out of range
      sheet.getCell(6, 6).value = null; // progress cleared
      sheet.getCell(6, 13).value = '-1';
      sheet.getCell(6, 15).value = 3; // a third target the action does not have
      sheet.getCell(7, 1).value = 9;
      sheet.getCell(7, 2).value = 9;
    });
    const reading = await readTaskReportWorkbook(bytes, expected);
    expect(reading.reports).toEqual([]);
    expect(reading.errors.map((e) => [e.row, e.action?.id ?? null, e.column])).toEqual([
      [4, 11, '推进状态'],
      [5, 12, '推进状态'], [5, 12, '完成百分比'], [5, 12, '进展情况'],
      [6, 32, '进展情况'], [6, 32, '目标2完成值'], [6, 32, '目标3完成值'],
      [7, null, '专栏/序号'],
    ]);
  });

  it('refuses another period, another plan and a file that is not a template as a whole', async () => {
    const bytes = await template();
    expect((await readTaskReportWorkbook(bytes, { ...expected, half: 'H1' })).errors[0]!.message).toBe('模板是2024年全年的，当前导入的是2024年上半年');
    expect((await readTaskReportWorkbook(bytes, { ...expected, planSlug: 'other' })).errors[0]!.message).toContain('另一个规划');
    expect((await readTaskReportWorkbook(new TextEncoder().encode('not a zip'), expected)).errors[0]!.message).toContain('无法读取文件');
    expect((await readTaskReportWorkbook(bytes, { ...expected, year: 2030 })).errors[0]!.message).toBe('该年份不在规划期内');
  });
});

describe('buildTaskImportPreview', () => {
  const row = (actionId: number, programme: number, number: number, progress: string, values: { targetId: number; value: string }[] = []) => ({
    row: 4, actionId, programme, number, status: 'inProgress' as const, percent: 60, progress, problems: null, nextSteps: '继续。', values,
  });

  it('creates, updates (a submitted report back to draft, naming the fields) and refuses locked and not-yours rows', () => {
    const reading = { reports: [row(11, 1, 1, '改写'), { ...row(12, 1, 2, '新报告'), row: 5 }, { ...row(32, 3, 2, '已推进。', [{ targetId: 321, value: '3' }, { targetId: 322, value: '1.5' }]), row: 6 }], errors: [] };
    const preview = buildTaskImportPreview(TASKS, STORED, { year: 2024, half: 'FY' }, reading, (id) => id !== 12);
    expect(preview.rows.map((r) => [r.actionId, r.change, r.changed, r.backToDraft])).toEqual([
      [11, 'update', ['progress'], null],
      [12, 'create', ['status', 'percent', 'progress', 'problems', 'nextSteps'], null],
      [32, 'update', ['values'], 'submitted'],
    ]);
    expect(preview.errors.map((e) => [e.row, e.action!.id, e.message])).toEqual([[4, 11, '该报告已审核锁定，不能通过导入修改'], [5, 12, '您没有填报该任务的权限']]);
    expect(preview.writes.map((w) => [w.actionId, w.baseVersion])).toEqual([[32, 3]]);
  });

  it('the token changes with the versions and with the content', () => {
    const write = { actionId: 32, baseVersion: 3, status: 'inProgress' as const, percent: 60, progress: '甲', problems: null, nextSteps: null, values: [] };
    const token = taskImportToken({ writes: [write] });
    expect(taskImportToken({ writes: [{ ...write }] })).toBe(token);
    expect(taskImportToken({ writes: [{ ...write, baseVersion: 4 }] })).not.toBe(token);
    expect(taskImportToken({ writes: [{ ...write, progress: '乙' }] })).not.toBe(token);
  });
});
