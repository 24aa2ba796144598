// Fixtures of the key-tasks and benchmarks modules beside the sample plan (sample-plan.ts), shaped as
// lib/data returns them, without a database: the plan's 36 actions of 专栏1–8 (ids 100·专栏 + number) with
// due dates for every period, a handful of task reports in every state, and the plan text's reference
// values (all for 2020), county ranks (2018–2020, first) and history (ids = 序号 for indicators, position
// for series). Used by the view and export tests and by scripts/render-evaluation.ts.
import type { PlanBenchmarks, TaskPlan, TaskReport } from '@/lib/data/types';
import {
  LUQUAN_2021_2025_HISTORY,
  LUQUAN_2021_2025_REFERENCE_VALUES,
  LUQUAN_2021_2025_SUPPLEMENTARY_SERIES,
  LUQUAN_COUNTY_EVALUATIONS,
  type BenchmarkSubject,
} from '@/lib/plans/luquan-2021-2025-benchmarks';
import { LUQUAN_2021_2025_PROGRAMMES } from '@/lib/plans/luquan-2021-2025-tasks';

/** The date the task statuses are computed on (after every 2025 due date). */
export const SAMPLE_TODAY = '2026-12-03';

export function sampleTaskPlan(): TaskPlan {
  const dueDates: TaskPlan['dueDates'] = [];
  for (let year = 2021; year <= 2025; year++) dueDates.push({ year, half: 'H1', dueDate: `${year}-07-15` }, { year, half: 'FY', dueDate: `${year + 1}-01-31` });
  return {
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
    dueDates,
  };
}

let nextId = 1;
function report(
  actionId: number,
  year: number,
  half: 'H1' | 'FY',
  status: TaskReport['status'],
  state: TaskReport['state'],
  texts: { problems?: string; nextSteps?: string } = {},
): TaskReport {
  return {
    id: nextId++, actionId, year, half, status, percent: null, progress: `${year}年${half === 'H1' ? '上半年' : '全年'}进展`,
    problems: texts.problems ?? null, nextSteps: texts.nextSteps ?? null, state, version: 1, reviewNote: null,
    updatedByName: '张录入', updatedAt: `${year}-07-01T00:00:00.000Z`, values: [], evidence: [],
  };
}

/**
 * Task reports (approved unless said): 专栏1 action 1 完成 in 2024; 专栏2 action 1 滞后 in 2025 (全年, with
 * problems and next steps); 专栏3 action 2 推进中 in 2025 上半年 (with problems; 全年 missing, so 逾期 in
 * 2025); 专栏4 action 1 推进中 in 2025 全年; 专栏5 action 2 (its first) 滞后 in 2025 全年, submitted only (counts with
 * unapproved figures); 专栏6 action 1 a draft 已完成 (never counts).
 */
export function sampleTaskReports(): TaskReport[] {
  nextId = 1;
  return [
    report(101, 2024, 'FY', 'completed', 'approved'),
    report(201, 2025, 'H1', 'inProgress', 'approved'),
    report(201, 2025, 'FY', 'delayed', 'approved', { problems: '关键设备进口受限，攻关项目延期。', nextSteps: '协调替代设备供应商' }),
    report(302, 2025, 'H1', 'inProgress', 'approved', { problems: '用地手续未办结', nextSteps: '年底前完成用地审批' }),
    report(401, 2025, 'FY', 'inProgress', 'approved'),
    report(502, 2025, 'FY', 'delayed', 'submitted', { problems: '资金未到位' }),
    report(601, 2025, 'FY', 'completed', 'draft'),
  ];
}

const seriesId = (key: string) => LUQUAN_2021_2025_SUPPLEMENTARY_SERIES.findIndex((s) => s.key === key) + 1;
const ref = (s: BenchmarkSubject) => (s.type === 'indicator' ? { type: 'indicator' as const, id: s.sequence } : { type: 'series' as const, id: seriesId(s.key) });
const reviewed = { status: 'approved' as const, version: 1, reviewNote: null, updatedByName: '规划文本', updatedAt: '2026-01-01T00:00:00.000Z' };

/** The benchmarks the seed loads from the plan text: reference values of 2020, county ranks of 2018–2020, history. */
export function seededBenchmarks(): PlanBenchmarks {
  return {
    series: LUQUAN_2021_2025_SUPPLEMENTARY_SERIES.map((s, i) => ({ id: i + 1, key: s.key, name: s.name, unit: s.unit, kind: s.kind, direction: s.direction, decimals: s.decimals, relatedIndicatorSequence: s.relatedIndicator, note: s.note, position: i + 1 })),
    seriesFigures: [],
    referenceValues: LUQUAN_2021_2025_REFERENCE_VALUES.map((r, i) => ({ ...reviewed, id: i + 1, subject: ref(r.subject), kind: r.kind, year: r.year, value: Number(r.value), valueText: r.value, source: r.source, note: r.note, isSample: false })),
    countyEvaluations: LUQUAN_COUNTY_EVALUATIONS.map((c, i) => ({ ...reviewed, id: i + 1, year: c.year, provinceRank: c.provinceRank, grade: c.grade, score: null, source: c.source, note: c.note })),
    history: LUQUAN_2021_2025_HISTORY.map((h, i) => ({ id: i + 1, subject: ref(h.subject), year: h.year, value: Number(h.value), valueText: h.value, source: h.source, stated: h.stated, section: h.section, note: h.note })),
    sourceRules: [],
    ruleHistory: [],
    sourceValues: [],
  };
}
