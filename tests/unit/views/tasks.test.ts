// Shaping key tasks: an action's status in a year from its half-year reports and the due dates, the roll-up
// (overdue first), filters, targets judged from reported values, the milestone time line; and the
// 重点任务推进情况表 through the indicator report's builders, read back.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildCsv } from '@/lib/export/csv';
import { buildTaskReport } from '@/lib/export/task-report';
import { buildXlsx } from '@/lib/export/xlsx';
import type { TaskPlan, TaskReport } from '@/lib/data/types';
import { LUQUAN_2021_2025_PROGRAMMES } from '@/lib/plans/luquan-2021-2025-tasks';
import { parseCsv } from '@/tests/helpers/csv';
import {
  actionStatus,
  buildTaskOverview,
  defaultTaskYear,
  filterTaskRows,
  parseTaskFilter,
  projectTimeline,
  targetObservations,
  targetViews,
  taskPeriods,
} from '@/lib/views/tasks';

const PLAN = { slug: 'luquan-2021-2025', name: '鹿泉区科技创新“十四五”规划', baseYear: 2020, firstYear: 2021, lastYear: 2025 };

let nextId = 1;
const TASKS: TaskPlan = {
  planId: 1,
  programmes: LUQUAN_2021_2025_PROGRAMMES.map((p) => ({
    id: p.number,
    number: p.number,
    title: p.title,
    actions: p.actions.map((a) => ({
      id: p.number * 100 + a.number,
      programmeNumber: p.number,
      number: a.number,
      name: a.name,
      text: a.text,
      leadUnit: null,
      cooperatingUnits: null,
      targets: a.targets.map((t, i) => ({ ...t, id: p.number * 1000 + a.number * 10 + i, position: i + 1, baseline: null })),
    })),
  })),
  projects: [],
  dueDates: [
    { year: 2023, half: 'H1', dueDate: '2023-07-15' },
    { year: 2023, half: 'FY', dueDate: '2024-01-31' },
  ],
};

function report(actionId: number, year: number, half: 'H1' | 'FY', status: TaskReport['status'], state: TaskReport['state'], values: TaskReport['values'] = []): TaskReport {
  return {
    id: nextId++, actionId, year, half, status, percent: null, progress: `${year}${half}进展`, problems: null, nextSteps: null, state, version: 1,
    reviewNote: null, updatedByName: '张录入', updatedAt: '2023-07-01T00:00:00.000Z', values, evidence: [],
  };
}

const options = (today: string, approvedOnly = true) => ({ year: 2023, today, approvedOnly });

describe('actionStatus', () => {
  it.each([
    // [reports, today, approvedOnly, expected status, expected half]
    ['no report, nothing due yet', [], '2023-06-30', true, 'pending', 'H1'],
    ['no report, 上半年 due date passed', [], '2023-07-16', true, 'overdue', 'H1'],
    ['the due date itself is still on time', [], '2023-07-15', true, 'pending', 'H1'],
    ['an approved 上半年 report counts', [report(101, 2023, 'H1', 'inProgress', 'approved')], '2023-07-16', true, 'inProgress', 'H1'],
    ['a submitted report counts only with unapproved included', [report(101, 2023, 'H1', 'delayed', 'submitted')], '2023-07-16', true, 'overdue', 'H1'],
    ['… and then it counts', [report(101, 2023, 'H1', 'delayed', 'submitted')], '2023-07-16', false, 'delayed', 'H1'],
    ['a draft never counts', [report(101, 2023, 'H1', 'completed', 'draft')], '2023-08-01', false, 'overdue', 'H1'],
    ['全年 over 上半年', [report(101, 2023, 'H1', 'delayed', 'approved'), report(101, 2023, 'FY', 'completed', 'approved')], '2024-02-01', true, 'completed', 'FY'],
    ['全年 overdue despite an 上半年 report', [report(101, 2023, 'H1', 'inProgress', 'approved')], '2024-02-01', true, 'overdue', 'FY'],
    ['completed earlier carries on', [report(101, 2022, 'FY', 'completed', 'approved')], '2024-02-01', true, 'completed', 'FY'],
  ] as const)('%s', (_name, reports, today, approvedOnly, status, half) => {
    const s = actionStatus(reports, TASKS.dueDates, options(today, approvedOnly));
    expect(s.status).toBe(status);
    expect(s.period.half).toBe(half);
  });
});

describe('buildTaskOverview', () => {
  const reports = [report(101, 2023, 'H1', 'inProgress', 'approved'), report(102, 2023, 'H1', 'delayed', 'approved'), report(201, 2023, 'H1', 'completed', 'approved')];
  const overview = buildTaskOverview(TASKS, reports, options('2023-07-16'));

  it('counts 36 actions by status, per programme too, and words the leaders’ sentence', () => {
    expect(overview.rollup.total).toBe(36);
    expect(overview.rollup.byStatus).toMatchObject({ inProgress: 1, delayed: 1, completed: 1, overdue: 33 });
    expect(overview.sentence).toBe('36项重点任务中，已完成1项，推进中1项，滞后1项，逾期33项。');
    expect(overview.programmes.map((p) => p.total)).toEqual([5, 4, 5, 4, 3, 6, 5, 4]);
    expect(overview.programmes[0]!.heading).toBe('专栏1（标题缺失）');
    expect(overview.programmes[0]!.byStatus).toMatchObject({ inProgress: 1, delayed: 1, overdue: 3 });
  });

  it('lists overdue first, then delayed, then the rest in the plan’s order; filters by status and unit', () => {
    expect(overview.rows.slice(0, 33).every((r) => r.status === 'overdue')).toBe(true);
    expect(overview.rows[33]!.status).toBe('delayed');
    expect(overview.rows.slice(34).map((r) => r.action.id)).toEqual([101, 201]);
    expect(filterTaskRows(overview.rows, parseTaskFilter({ status: 'completed' })).map((r) => r.action.id)).toEqual([201]);
    expect(filterTaskRows(overview.rows, parseTaskFilter({ unit: '未填写' }))).toHaveLength(36);
    expect(filterTaskRows(overview.rows, parseTaskFilter({ unit: '区科技局' }))).toHaveLength(0);
    expect(parseTaskFilter({ status: 'nonsense' }).status).toBeNull();
    expect(overview.units).toEqual(['未填写']);
  });
});

describe('targets', () => {
  const action = TASKS.programmes[2]!.actions[1]!; // 专栏3 item 2: 每年形成2-3项…, 每年培养1-2名…
  it('takes each year’s counted 全年 value (上半年 values are not judged) and judges per year', () => {
    const [first] = action.targets;
    const reports = [
      report(action.id, 2022, 'FY', 'inProgress', 'approved', [{ targetId: first!.id, value: 4 }]),
      report(action.id, 2023, 'H1', 'inProgress', 'approved', [{ targetId: first!.id, value: 5 }]),
      report(action.id, 2023, 'FY', 'inProgress', 'submitted', [{ targetId: first!.id, value: 1 }]),
    ];
    expect(targetObservations(first!.id, reports, true)).toEqual([{ year: 2022, value: 4 }]);
    expect(targetObservations(first!.id, reports, false)).toEqual([{ year: 2022, value: 4 }, { year: 2023, value: 1 }]);
    const views = targetViews(PLAN, action, reports, { year: 2023, approvedOnly: false });
    expect(views[0]!.judgement.years.map((y) => [y.year, y.met, y.exceeded])).toEqual([[2022, true, true], [2023, false, false]]);
    expect(views[0]!.label).toBe('未完成');
    expect(views[0]!.latestText).toBe('1项（2023年）');
    expect(views[1]!.latestText).toBe('—');
  });
});

describe('periods and the time line', () => {
  it('two periods a year over the plan, and this year within the plan as the default', () => {
    expect(taskPeriods(PLAN)).toHaveLength(10);
    expect(defaultTaskYear(PLAN, '2026-12-03')).toBe(2025);
    expect(defaultTaskYear(PLAN, '2019-01-01')).toBe(2021);
    expect(defaultTaskYear(PLAN, '2023-05-01')).toBe(2023);
  });

  it('places milestones on the plan period and marks late ones', () => {
    const milestone = (id: number, plannedDate: string | null, actualDate: string | null) => ({ id, position: id, name: `m${id}`, plannedDate, actualDate, version: 1, updatedByName: null });
    const timeline = projectTimeline(PLAN, [{ id: 1, sequence: 1, name: 'p', source: null, actionId: null, leadUnit: null, cooperatingUnits: null, milestones: [
      milestone(1, '2021-01-01', '2021-01-01'), milestone(2, '2023-06-01', null), milestone(3, '2030-01-01', null), milestone(4, null, null), milestone(5, '2022-01-01', '2022-03-01'),
    ] }], '2024-01-01');
    const [m1, m2, m3, m4, m5] = timeline.projects[0]!.milestones;
    expect(m1!.marks.map((m) => m.left)).toEqual([0, 0]);
    expect(m2!.late).toBe(true);
    expect(m3!.marks[0]).toMatchObject({ left: 100, clamped: true });
    expect(m3!.late).toBe(false);
    expect(m4!.marks).toEqual([]);
    expect(m5!.late).toBe(true);
    expect(timeline.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
  });
});

describe('重点任务推进情况表 through the report builders', () => {
  const reports = [report(201, 2023, 'FY', 'inProgress', 'approved', [{ targetId: 2010, value: 3 }])];
  const overview = buildTaskOverview(TASKS, reports, options('2023-07-01'));
  const table = buildTaskReport(PLAN, overview, reports, { generatedAt: new Date('2024-02-01T02:00:00Z'), includeUnapproved: false });

  it('has the bureau’s columns, one row per action, 专栏 merged over its rows', () => {
    expect(table.columns.map((c) => c.label)).toEqual(['专栏', '序号', '任务', '责任单位', '目标', '进展情况', '状态']);
    expect(table.rows).toHaveLength(36);
    expect(table.rows.filter((r) => r.categoryRowSpan > 0).map((r) => r.categoryRowSpan)).toEqual([5, 4, 5, 4, 3, 6, 5, 4]);
    const row = table.rows.find((r) => r.actionId === 201)!;
    expect(Object.fromEntries(Object.entries(row.cells).map(([k, c]) => [k, c.text]))).toEqual({
      programme: '专栏2 实施产业技术创新工程',
      number: '1',
      task: '开展主导产业关键核心技术攻关行动',
      unit: '未填写',
      target: '争取3-5年时间突破5-10项制约产业发展和转型升级的关键核心技术（3项（2023年），基本符合序时进度）',
      progress: '2023FY进展',
      status: '推进中',
    });
    expect(table.title).toBe('鹿泉区科技创新“十四五”规划重点任务推进情况表（2023年）');
    expect(table.fileBaseName).toBe('鹿泉区科技创新十四五规划重点任务推进情况表_2023年');
    expect(table.summary).toContain('36项重点任务中，已完成0项，推进中1项，滞后0项，待报告35项。');
  });

  it('reads back from the xlsx and the csv', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildXlsx(table)) as never);
    const sheet = workbook.getWorksheet('重点任务推进情况表')!;
    expect(sheet.getCell(1, 1).value).toBe(table.title);
    expect(sheet.getRow(2).values).toEqual([undefined, '专栏', '序号', '任务', '责任单位', '目标', '进展情况', '状态']);
    expect(sheet.getCell(3, 1).value).toBe('专栏1（标题缺失）');
    expect(sheet.getCell(3, 1).isMerged).toBe(true);
    expect(sheet.getCell(8, 3).value).toBe('开展主导产业关键核心技术攻关行动');
    const csv = parseCsv(new TextDecoder().decode(buildCsv(table)).slice(1));
    expect(csv).toHaveLength(37);
    expect(csv[6]).toEqual(['专栏2 实施产业技术创新工程', '1', '开展主导产业关键核心技术攻关行动', '未填写', expect.stringContaining('突破5-10项'), '2023FY进展', '推进中']);
  });
});
