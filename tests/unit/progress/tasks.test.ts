import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ABOUT_TOLERANCE, compareTaskPeriods, judgeTarget, judgeValue, summarizeTasks, targetStatusLabelEn, targetStatusLabelZh,
  targetThresholds, taskPeriodLabelZh, taskScheduleStatus, taskSummarySentenceEn, taskSummarySentenceZh,
  TASK_SCHEDULE_ORDER, type ReportedTaskStatus, type TaskPeriod, type TaskReportState, type TaskScheduleStatus,
  type TaskTarget, type TargetJudgement, type TargetStatus,
} from '@/lib/progress';
import { LUQUAN_2021_2025_PROGRAMMES } from '@/lib/plans/luquan-2021-2025-tasks';
import { obs } from './fixtures';

const PLAN = { baseYear: 2020, lastYear: 2025 };
const at = (asOfYear: number) => ({ ...PLAN, asOfYear });

/** the seed's target whose subject is given */
function seedTarget(subject: string): TaskTarget {
  const t = LUQUAN_2021_2025_PROGRAMMES.flatMap((p) => p.actions.flatMap((a) => a.targets)).find((x) => x.subject === subject);
  if (!t) throw new Error(`no target ${subject}`);
  return t;
}
const CORE_TECH = seedTarget('关键核心技术'); // 突破5-10项, cumulative, by 2025
const RESULTS = seedTarget('重大科研成果和新产品'); // 每年2-3项
const OVERSEAS = seedTarget('境外高层次科技人才'); // 每年10名左右
const LEADERS = seedTarget('高层次创新创业领军人才'); // 5名左右, cumulative
const ALLIANCES_2025 = seedTarget('产业技术创新联盟'); // 到2025年达到5家, level
const ENVOYS = seedTarget('全区科技特派员总数'); // 到2025年达到100人, level
const BASE = seedTarget('“高技能人才”培训基地'); // 到2025年1个以上, level

function expectJudgement(actual: TargetJudgement, want: Partial<TargetJudgement>) {
  for (const [key, value] of Object.entries(want) as [keyof TargetJudgement, unknown][]) {
    if (typeof value === 'number' && typeof actual[key] === 'number') expect(actual[key], key).toBeCloseTo(value, 9);
    else expect(actual[key], key).toEqual(value);
  }
}

describe('targetThresholds', () => {
  it.each([
    ['range 5-10 (突破5-10项)', CORE_TECH, { metAt: 5, exceededAbove: 10 }],
    ['range 2-3 per year', RESULTS, { metAt: 2, exceededAbove: 3 }],
    ['10左右: ±10 %', OVERSEAS, { metAt: 9, exceededAbove: 11 }],
    ['5左右: ±10 %', LEADERS, { metAt: 4.5, exceededAbove: 5.5 }],
    ['a single number (达到100人)', ENVOYS, { metAt: 100, exceededAbove: 100 }],
    ['以上: no upper end', BASE, { metAt: 1, exceededAbove: null }],
    ['a range with 左右 widens both ends', { kind: 'perYear', lower: 2, upper: 3, qualifier: '左右', deadlineYear: null }, { metAt: 1.8, exceededAbove: 3.3 }],
    ['以上 ignores a stated upper end', { kind: 'perYear', lower: 1, upper: 4, qualifier: '以上', deadlineYear: null }, { metAt: 1, exceededAbove: null }],
  ] satisfies [string, TaskTarget, object][])('%s', (_, target, want) => {
    const got = targetThresholds(target);
    expect(got?.metAt).toBeCloseTo(want.metAt, 12);
    if (want.exceededAbove === null) expect(got?.exceededAbove).toBeNull();
    else expect(got?.exceededAbove).toBeCloseTo(want.exceededAbove, 12);
  });

  it.each([
    ['upper below lower', { kind: 'perYear', lower: 5, upper: 3, qualifier: null, deadlineYear: null }],
    ['NaN lower', { kind: 'perYear', lower: Number.NaN, upper: 3, qualifier: null, deadlineYear: null }],
    ['infinite upper', { kind: 'cumulative', lower: 1, upper: Number.POSITIVE_INFINITY, qualifier: null, deadlineYear: null }],
  ] satisfies [string, TaskTarget][])('unusable: %s', (_, target) => {
    expect(targetThresholds(target)).toBeNull();
    expect(judgeTarget(target, obs({ 2021: 3 }), at(2021)).status).toBe('noTarget');
  });
});

describe('judgeValue: met at the lower bound, exceeded above the upper', () => {
  const cases: [string, TaskTarget, number, boolean, boolean][] = [
    ['5-10: 4 not met', CORE_TECH, 4, false, false],
    ['5-10: 5 met (lower bound)', CORE_TECH, 5, true, false],
    ['5-10: 10 met, not exceeded (upper bound)', CORE_TECH, 10, true, false],
    ['5-10: 11 exceeded', CORE_TECH, 11, true, true],
    ['10左右: 8 not met', OVERSEAS, 8, false, false],
    ['10左右: 9 met', OVERSEAS, 9, true, false],
    ['10左右: 11 met', OVERSEAS, 11, true, false],
    ['10左右: 12 exceeded', OVERSEAS, 12, true, true],
    ['5左右: 4 not met', LEADERS, 4, false, false],
    ['5左右: 6 exceeded', LEADERS, 6, true, true],
    ['1个以上: 0 not met', BASE, 0, false, false],
    ['1个以上: 1 met', BASE, 1, true, false],
    ['1个以上: 50 met, never exceeded', BASE, 50, true, false],
    ['100人: 99 not met', ENVOYS, 99, false, false],
    ['100人: 100 met', ENVOYS, 100, true, false],
    ['100人: 101 exceeded', ENVOYS, 101, true, true],
    ['binary rounding does not decide: 0.1+0.2 against 0.3', { kind: 'perYear', lower: 0.3, upper: 0.3, qualifier: null, deadlineYear: null }, 0.1 + 0.2, true, false],
  ];
  it.each(cases)('%s', (_, target, value, met, exceeded) => {
    expect(judgeValue(targetThresholds(target)!, value)).toEqual({ met, exceeded });
  });
});

describe('judgeTarget', () => {
  type Case = [string, TaskTarget, Record<number, number>, number, Partial<TargetJudgement>];
  const cases: Case[] = [
    // per year: each year against 2-3; the status is the latest year's
    ['每年2-3项: each year judged on its own', RESULTS, { 2021: 2, 2022: 1, 2023: 4 }, 2023, {
      status: 'achieved', final: true, met: true, exceeded: true, latestYear: 2023, latestValue: 4, expectedProgress: null,
      years: [
        { year: 2021, value: 2, met: true, exceeded: false },
        { year: 2022, value: 1, met: false, exceeded: false },
        { year: 2023, value: 4, met: true, exceeded: true },
      ],
    }],
    ['每年2-3项: a year below 2 is notAchieved', RESULTS, { 2021: 2, 2022: 1, 2023: 4 }, 2022, { status: 'notAchieved', latestYear: 2022, met: false }],
    ['每年10名左右: 9 meets it', OVERSEAS, { 2024: 9 }, 2024, { status: 'achieved', met: true, exceeded: false }],
    ['per year without values: noData', RESULTS, {}, 2023, { status: 'noData', met: null, exceeded: null, years: [] }],
    ['per year: the base year and years after the plan do not count', RESULTS, { 2020: 5, 2026: 5 }, 2026, { status: 'noData' }],
    // cumulative 5-10 by 2025 (running totals): 序时进度 k/5 against the lower bound 5
    ['5-10项, 2023: 3 so far = 序时进度 → onTrack', CORE_TECH, { 2021: 1, 2023: 3 }, 2023, {
      status: 'onTrack', expectedProgress: 0.6, completion: 0.6, progressRatio: 1, final: false, met: false, deadlineYear: 2025,
    }],
    ['5-10项, 2023: 4 → ahead (R 1.33)', CORE_TECH, { 2023: 4 }, 2023, { status: 'ahead', progressRatio: 0.8 / 0.6 }],
    ['5-10项, 2023: 2 → lagging (R 0.67)', CORE_TECH, { 2023: 2 }, 2023, { status: 'lagging' }],
    ['5-10项, 2023: 1 → seriouslyLagging (R 0.33)', CORE_TECH, { 2023: 1 }, 2023, { status: 'seriouslyLagging' }],
    ['5-10项, 2023: 5 → met early (提前实现)', CORE_TECH, { 2023: 5 }, 2023, { status: 'achieved', final: false, met: true, exceeded: false }],
    ['5-10项, 2025: 11 → achieved and exceeded', CORE_TECH, { 2023: 4, 2025: 11 }, 2025, { status: 'achieved', final: true, exceeded: true }],
    ['5-10项, 2025: 4 → notAchieved', CORE_TECH, { 2025: 4 }, 2025, { status: 'notAchieved', final: true, met: false }],
    ['5-10项, asOf 2027: still judged at 2025', CORE_TECH, { 2025: 6, 2026: 1 }, 2027, { status: 'achieved', latestYear: 2025, final: true }],
    ['5名左右, 2025: 5 → achieved', LEADERS, { 2025: 5 }, 2025, { status: 'achieved', exceeded: false }],
    ['5名左右, 2025: 4 → notAchieved (below 4.5)', LEADERS, { 2025: 4 }, 2025, { status: 'notAchieved' }],
    ['5名左右, 2022: 2 → 序时进度 against 4.5: R = (2/4.5)/0.4 = 1.11 → ahead', LEADERS, { 2022: 2 }, 2022, { status: 'ahead', progressRatio: 2 / 4.5 / 0.4 }],
    // levels by 2025: without the base-year level there is no 序时进度
    ['达到100人, 2023: 60 without a baseline → noBaseline', ENVOYS, { 2023: 60 }, 2023, {
      status: 'noBaseline', expectedProgress: 0.6, completion: null, progressRatio: null, met: false,
    }],
    ['达到100人, 2023: 100 → met early even without a baseline', ENVOYS, { 2023: 100 }, 2023, { status: 'achieved', final: false }],
    ['达到100人, 2025: 99 → notAchieved', ENVOYS, { 2025: 99 }, 2025, { status: 'notAchieved' }],
    ['达到100人, baseline 40, 2023: 76 → onTrack (c 0.6, e 0.6)', { ...ENVOYS, baseline: 40 }, { 2023: 76 }, 2023, {
      status: 'onTrack', completion: 0.6, progressRatio: 1,
    }],
    ['达到100人, baseline 120 (already above): 90 → hold the level, seriouslyLagging', { ...ENVOYS, baseline: 120 }, { 2023: 90 }, 2023, {
      status: 'seriouslyLagging', completion: 0,
    }],
    ['达到100人, baseline 120: 110 → achieved', { ...ENVOYS, baseline: 120 }, { 2023: 110 }, 2023, { status: 'achieved' }],
    ['联盟达到5家: a 2026 value is outside the deadline', ALLIANCES_2025, { 2026: 5 }, 2026, { status: 'noData' }],
    ['1个以上, 2024: 0 with baseline 0 → seriouslyLagging', { ...BASE, baseline: 0 }, { 2024: 0 }, 2024, { status: 'seriouslyLagging' }],
    ['1个以上, 2025: 3 → achieved, never exceeded', BASE, { 2025: 3 }, 2025, { status: 'achieved', exceeded: false }],
    ['a deadline not after the base year → noTarget', { ...ENVOYS, deadlineYear: 2020 }, { 2021: 100 }, 2021, { status: 'noTarget', thresholds: null }],
  ];
  it.each(cases)('%s', (_, target, values, asOf, want) => expectJudgement(judgeTarget(target, obs(values), at(asOf)), want));

  it('duplicate years: the last entry given wins', () => {
    const j = judgeTarget(CORE_TECH, [{ year: 2023, value: 1 }, { year: 2023, value: 4 }], at(2023));
    expect([j.latestValue, j.status]).toEqual([4, 'ahead']);
  });

  it('every target of the seed is usable and starts without data', () => {
    const targets = LUQUAN_2021_2025_PROGRAMMES.flatMap((p) => p.actions.flatMap((a) => a.targets));
    expect(targets).toHaveLength(12);
    for (const t of targets) {
      const j = judgeTarget(t, [], at(2023));
      expect(j.thresholds, t.phrase).not.toBeNull();
      expect(j.status).toBe('noData');
      expect(j.deadlineYear).toBe(2025);
    }
  });

  it.each([
    [{ status: 'achieved', final: true }, '已完成', 'Achieved'],
    [{ status: 'achieved', final: false }, '提前实现', 'Achieved early'],
    [{ status: 'notAchieved', final: true }, '未完成', 'Not achieved'],
    [{ status: 'noBaseline', final: false }, '缺少基数', 'No baseline'],
    [{ status: 'onTrack', final: false }, '基本符合序时进度', 'On track'],
  ] satisfies [{ status: TargetStatus; final: boolean }, string, string][])('label of %o', (j, zh, en) => {
    expect(targetStatusLabelZh(j)).toBe(zh);
    expect(targetStatusLabelEn(j)).toBe(en);
  });
});

describe('taskScheduleStatus', () => {
  const due = '2023-07-15';
  const report = (status: ReportedTaskStatus, state: TaskReportState = 'submitted') => ({ status, state });
  it.each([
    ['no report, the day after the due date → 逾期', null, due, '2023-07-16', {}, 'overdue'],
    ['no report, on the due date → pending', null, due, '2023-07-15', {}, 'pending'],
    ['no report, before the due date → pending', null, due, '2023-06-30', {}, 'pending'],
    ['no report, no due date set → pending', null, null, '2030-01-01', {}, 'pending'],
    ['a draft is not a report: overdue after the due date', report('completed', 'draft'), due, '2023-08-01', {}, 'overdue'],
    ['a returned report is not a report', report('completed', 'returned'), due, '2023-08-01', {}, 'overdue'],
    ['submitted after the due date counts', report('delayed'), due, '2023-08-01', {}, 'delayed'],
    ['approvedOnly: submitted does not count yet', report('delayed'), due, '2023-08-01', { approvedOnly: true }, 'overdue'],
    ['approvedOnly: approved counts', report('ongoing', 'approved'), due, '2023-08-01', { approvedOnly: true }, 'ongoing'],
    ['not started is a reported status', report('notStarted', 'approved'), due, '2023-07-01', {}, 'notStarted'],
    ['in progress', report('inProgress'), due, '2023-07-01', {}, 'inProgress'],
    ['completed', report('completed', 'approved'), due, '2024-01-01', {}, 'completed'],
  ] satisfies [string, { status: ReportedTaskStatus; state: TaskReportState } | null, string | null, string, { approvedOnly?: boolean }, TaskScheduleStatus][])(
    '%s', (_, r, dueDate, today, options, want) => expect(taskScheduleStatus(r, dueDate, today, options)).toBe(want),
  );

  it('periods read and sort as 上半年 before 全年', () => {
    const periods: TaskPeriod[] = [{ year: 2024, half: 'H1' }, { year: 2023, half: 'FY' }, { year: 2023, half: 'H1' }];
    expect([...periods].sort(compareTaskPeriods).map(taskPeriodLabelZh)).toEqual(['2023年上半年', '2023年全年', '2024年上半年']);
  });
});

describe('roll-up and the leaders\' sentence', () => {
  const statuses = (counts: Partial<Record<TaskScheduleStatus, number>>, programme = 1) =>
    Object.entries(counts).flatMap(([status, n]) => Array.from({ length: n }, () => ({ programme, status: status as TaskScheduleStatus })));

  it('counts per programme (in order of first appearance) and for the plan', () => {
    const r = summarizeTasks([...statuses({ completed: 2, delayed: 1 }, 3), ...statuses({ inProgress: 4 }, 1), ...statuses({ overdue: 1 }, 3)]);
    expect(r.total).toBe(8);
    expect(r.byStatus).toEqual({ completed: 2, inProgress: 4, delayed: 1, ongoing: 0, notStarted: 0, overdue: 1, pending: 0 });
    expect(r.programmes.map((p) => [p.programme, p.total, p.byStatus.completed, p.byStatus.overdue])).toEqual([[3, 4, 2, 1], [1, 4, 0, 0]]);
  });

  it.each([
    ['the three named always, others when present', { completed: 3, inProgress: 30, delayed: 1, overdue: 2 },
      '36项重点任务中，已完成3项，推进中30项，滞后1项，逾期2项。', 'Of 36 key tasks: 3 completed, 30 in progress, 1 delayed and 2 overdue.'],
    ['zeros of the three are said', { inProgress: 8 }, '8项重点任务中，已完成0项，推进中8项，滞后0项。', 'Of 8 key tasks: 0 completed, 8 in progress and 0 delayed.'],
    ['every status in order', { pending: 1, overdue: 1, notStarted: 1, ongoing: 1, delayed: 1, inProgress: 1, completed: 1 },
      '7项重点任务中，已完成1项，推进中1项，滞后1项，持续推进1项，未启动1项，逾期1项，待报告1项。',
      'Of 7 key tasks: 1 completed, 1 in progress, 1 delayed, 1 ongoing, 1 not started, 1 overdue and 1 not yet reported.'],
    ['one task', { completed: 1 }, '1项重点任务中，已完成1项，推进中0项，滞后0项。', 'Of 1 key task: 1 completed, 0 in progress and 0 delayed.'],
    ['none', {}, '暂无重点任务。', 'There are no key tasks.'],
  ] satisfies [string, Partial<Record<TaskScheduleStatus, number>>, string, string][])('%s', (_, counts, zh, en) => {
    const r = summarizeTasks(statuses(counts));
    expect(taskSummarySentenceZh(r)).toBe(zh);
    expect(taskSummarySentenceEn(r)).toBe(en);
  });

  it('the seed: 36 actions, all pending before any due date', () => {
    const items = LUQUAN_2021_2025_PROGRAMMES.flatMap((p) => p.actions.map(() => ({ programme: p.number, status: taskScheduleStatus(null, '2023-07-15', '2023-07-01') })));
    const r = summarizeTasks(items);
    expect(r.programmes.map((p) => p.total)).toEqual([5, 4, 5, 4, 3, 6, 5, 4]);
    expect(taskSummarySentenceZh(r)).toBe('36项重点任务中，已完成0项，推进中0项，滞后0项，待报告36项。');
  });
});

// ------------------------------------------------------------------------------------------------
// Properties
// ------------------------------------------------------------------------------------------------

const amount = fc.double({ min: 0, max: 1e6, noNaN: true });
const anyValue = fc.oneof(fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.integer({ min: -5, max: 200 }));
const qualifier = fc.constantFrom<TaskTarget['qualifier']>(null, '左右', '以上');
/** a usable target: lower ≤ upper (null for 以上) */
const anyTarget = fc
  .record({
    kind: fc.constantFrom<TaskTarget['kind']>('perYear', 'cumulative', 'levelAt'),
    a: amount, b: amount, qualifier, single: fc.boolean(),
    deadlineYear: fc.option(fc.integer({ min: 2021, max: 2027 })),
    baseline: fc.option(amount),
  })
  .map(({ a, b, single, qualifier: q, ...rest }): TaskTarget => {
    const lower = Math.min(a, b);
    return { ...rest, lower, upper: q === '以上' ? null : single ? lower : Math.max(a, b), qualifier: q };
  });
const anyValues = fc.array(fc.record({ year: fc.integer({ min: 2019, max: 2028 }), value: anyValue }), { maxLength: 8 });
const asOf = fc.integer({ min: 2019, max: 2028 });

const RANK: Record<TargetStatus, number> = {
  noTarget: -1, noData: -1, pendingFinal: -1, noBaseline: 0, seriouslyLagging: 0, lagging: 1, onTrack: 2, ahead: 3, notAchieved: 0, achieved: 4,
};

describe('properties', () => {
  it('met is monotone in the achieved value, and so is exceeded', () => {
    fc.assert(fc.property(anyTarget, anyValue, anyValue, (t, x, y) => {
      const th = targetThresholds(t)!;
      const [lo, hi] = x <= y ? [x, y] : [y, x];
      if (judgeValue(th, lo).met) expect(judgeValue(th, hi).met).toBe(true);
      if (judgeValue(th, lo).exceeded) expect(judgeValue(th, hi).exceeded).toBe(true);
    }), { numRuns: 2000 });
  });

  it('exceeded implies met; a range is met at its lower bound and not exceeded at its upper', () => {
    fc.assert(fc.property(anyTarget, anyValue, (t, v) => {
      const th = targetThresholds(t)!;
      const j = judgeValue(th, v);
      if (j.exceeded) expect(j.met).toBe(true);
      expect(judgeValue(th, t.lower).met).toBe(true);
      if (t.upper !== null) expect(judgeValue(th, t.upper).exceeded).toBe(false);
      if (t.qualifier === null) expect(judgeValue(th, t.lower - 1).met).toBe(false);
      if (t.qualifier === '左右') expect(th.metAt).toBeCloseTo(t.lower * (1 - ABOUT_TOLERANCE), 6);
    }), { numRuns: 2000 });
  });

  it('judgeTarget: achieved exactly when the latest value meets the target; exceeded only when met; numbers finite', () => {
    fc.assert(fc.property(anyTarget, anyValues, asOf, (t, values, year) => {
      const j = judgeTarget(t, values, { ...PLAN, asOfYear: year });
      if (j.latestYear === null) expect(['noData', 'noTarget']).toContain(j.status);
      else {
        expect(j.status === 'achieved').toBe(j.met);
        if (j.exceeded) expect(j.met).toBe(true);
        if (t.kind !== 'perYear' && j.final) expect(['achieved', 'notAchieved']).toContain(j.status);
        if (t.kind === 'perYear') expect(['achieved', 'notAchieved']).toContain(j.status);
      }
      for (const y of j.years) if (y.exceeded) expect(y.met).toBe(true);
      for (const v of [j.expectedProgress, j.completion, j.progressRatio]) expect(v === null || Number.isFinite(v)).toBe(true);
    }), { numRuns: 2000 });
  });

  it('a higher latest value never gives a worse status (cumulative and level targets)', () => {
    const levelish = anyTarget.filter((t) => t.kind !== 'perYear');
    fc.assert(fc.property(levelish, anyValues, fc.integer({ min: 2021, max: 2025 }), anyValue, anyValue, (t, values, year, x, y) => {
      const [lo, hi] = x <= y ? [x, y] : [y, x];
      const earlier = values.filter((v) => v.year < year);
      const judge = (v: number) => judgeTarget(t, [...earlier, { year, value: v }], { ...PLAN, asOfYear: year });
      expect(RANK[judge(lo).status]).toBeLessThanOrEqual(RANK[judge(hi).status]);
    }), { numRuns: 2000 });
  });

  it('per year: a year is judged on its own value, whatever the other years hold', () => {
    const perYear = anyTarget.map((t) => ({ ...t, kind: 'perYear' as const }));
    fc.assert(fc.property(perYear, anyValues, fc.integer({ min: 2021, max: 2025 }), anyValue, (t, values, year, v) => {
      const others = values.filter((o) => o.year !== year);
      const alone = judgeTarget(t, [{ year, value: v }], { ...PLAN, asOfYear: 2025 }).years;
      const among = judgeTarget(t, [...others, { year, value: v }], { ...PLAN, asOfYear: 2025 }).years.filter((o) => o.year === year);
      expect(among).toEqual(alone);
    }), { numRuns: 1000 });
  });

  it('schedule: the reported status when a report counts, else overdue exactly when the due date has passed', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2023-07-${String(d).padStart(2, '0')}`);
    const report = fc.option(fc.record({
      status: fc.constantFrom<ReportedTaskStatus>('notStarted', 'inProgress', 'completed', 'ongoing', 'delayed'),
      state: fc.constantFrom<TaskReportState>('draft', 'submitted', 'returned', 'approved'),
    }));
    fc.assert(fc.property(report, fc.option(day), day, fc.boolean(), (r, due, today, approvedOnly) => {
      const s = taskScheduleStatus(r, due, today, { approvedOnly });
      const counts = r !== null && (r.state === 'approved' || (r.state === 'submitted' && !approvedOnly));
      if (counts) expect(s).toBe(r.status);
      else expect(s).toBe(due !== null && due < today ? 'overdue' : 'pending');
    }), { numRuns: 1000 });
  });

  it('roll-up: counts add up to the total, per programme and in the sentence', () => {
    const item = fc.record({ programme: fc.integer({ min: 1, max: 8 }), status: fc.constantFrom(...TASK_SCHEDULE_ORDER) });
    fc.assert(fc.property(fc.array(item, { maxLength: 60 }), (items) => {
      const r = summarizeTasks(items);
      const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
      expect(sum(r.byStatus)).toBe(items.length);
      expect(r.programmes.reduce((a, p) => a + p.total, 0)).toBe(items.length);
      for (const p of r.programmes) expect(sum(p.byStatus)).toBe(p.total);
      const sentence = taskSummarySentenceZh(r);
      if (items.length > 0) {
        const numbers = [...sentence.matchAll(/(\d+)项/g)].map((m) => Number(m[1]));
        expect(numbers[0]).toBe(items.length);
        expect(numbers.slice(1).reduce((a, b) => a + b, 0)).toBe(items.length);
      }
    }), { numRuns: 1000 });
  });
});
