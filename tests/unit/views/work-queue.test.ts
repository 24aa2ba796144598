// 我的待办 and the review queue's shaping (issue 15): which figures are someone's work, in what order,
// how they are counted, and what the review queue shows about a figure's history.
import { describe, expect, it } from 'vitest';
import type { Figure, PlanDetail, ReviewEvent } from '@/lib/data/types';
import { parseReviewQuery } from '@/lib/schemas/params';
import { filterReviewItems, pendingReviewCount, reviewFilterOptions, reviewItems, reviewTrails } from '@/lib/views/review-queue';
import { figureWorkItems, sortWorkItems, workCounts, type WorkItem } from '@/lib/views/work-queue';
import { samplePlan } from '../export/sample-plan';

let nextId = 1000;
const figure = (indicatorId: number, year: number, status: Figure['status'], extra: Partial<Figure> = {}): Figure => ({
  id: nextId++, indicatorId, year, value: 100, status, quality: null, source: null, note: null, version: 1, reviewNote: null,
  updatedByName: '张三', isSample: false, updatedAt: '2026-01-01T00:00:00.000Z', ...extra,
});

/** The 表1 plan with only indicators 1–3 and the given due dates. */
function plan(dueDates: PlanDetail['dueDates'], extra: Partial<PlanDetail> = {}): PlanDetail {
  const base = samplePlan();
  return { ...base, indicators: base.indicators.slice(0, 3), dueDates, ...extra };
}

const everyone = () => true;
const summary = (items: WorkItem[]) => items.map((i) => `${i.state}:${i.key}:${i.overdue ? 'late' : 'ok'}`);

describe('figureWorkItems', () => {
  const due = [
    { year: 2023, dueDate: '2024-03-31' },
    { year: 2024, dueDate: '2025-03-31' },
    { year: 2025, dueDate: '2026-03-31' },
  ];

  it('lists returned figures with the reason, drafts, and figures missing for overdue and the next due year', () => {
    const figures = [
      figure(1, 2023, 'approved'), figure(2, 2023, 'approved'), figure(3, 2023, 'approved'),
      figure(1, 2024, 'returned', { reviewNote: '请附统计年鉴页码' }), figure(2, 2024, 'draft'), figure(3, 2024, 'submitted'),
      figure(1, 2021, 'draft', { reviewNote: '统计局修订' }),
    ];
    const items = figureWorkItems(plan(due), figures, '2025-06-01', everyone);
    expect(summary(items)).toEqual([
      'returned:figure:1:2024:late',
      'draft:figure:2:2024:late', // overdue first
      'draft:figure:1:2021:ok', // 2021 has no due date
      'missing:figure:1:2025:ok', 'missing:figure:2:2025:ok', 'missing:figure:3:2025:ok', // the next due year
    ]);
    expect(items[0]).toMatchObject({ kind: 'figure', reason: '请附统计年鉴页码', due: '2025-03-31', period: 2024, href: '/plans/luquan-2021-2025/entry/2024#entry-row-1' });
    expect(items[0]!.title).toBe('1.全社会研发投入增长率（%）');
    expect(items[2]).toMatchObject({ reason: '统计局修订', due: null });
  });

  it('a due date is on time on its day and overdue the day after; years further ahead are not due yet', () => {
    const figures = [figure(1, 2023, 'approved'), figure(2, 2023, 'approved'), figure(3, 2023, 'approved')];
    const onTheDay = figureWorkItems(plan(due), figures, '2025-03-31', everyone);
    expect(summary(onTheDay)).toEqual(['missing:figure:1:2024:ok', 'missing:figure:2:2024:ok', 'missing:figure:3:2024:ok']);
    const dayAfter = figureWorkItems(plan(due), figures, '2025-04-01', everyone);
    expect(summary(dayAfter)).toEqual([
      'missing:figure:1:2024:late', 'missing:figure:2:2024:late', 'missing:figure:3:2024:late',
      'missing:figure:1:2025:ok', 'missing:figure:2:2025:ok', 'missing:figure:3:2025:ok',
    ]);
  });

  it('only the indicators this person enters; nothing from an archived plan; no due dates → only returned and drafts', () => {
    const figures = [figure(1, 2024, 'returned'), figure(2, 2024, 'draft')];
    expect(summary(figureWorkItems(plan(due), figures, '2025-06-01', (id) => id === 2))).toEqual(['draft:figure:2:2024:late', 'missing:figure:2:2023:late', 'missing:figure:2:2025:ok']);
    expect(figureWorkItems(plan(due, { status: 'archived' }), figures, '2025-06-01', everyone)).toEqual([]);
    expect(summary(figureWorkItems(plan([]), figures, '2025-06-01', everyone))).toEqual(['returned:figure:1:2024:ok', 'draft:figure:2:2024:ok']);
  });

  it('submitted and approved figures are nobody’s to-do; a due date outside the plan period is ignored', () => {
    const figures = [figure(1, 2025, 'submitted'), figure(2, 2025, 'approved'), figure(3, 2025, 'submitted')];
    expect(figureWorkItems(plan([{ year: 2025, dueDate: '2026-03-31' }, { year: 2026, dueDate: '2027-03-31' }]), figures, '2026-06-01', everyone)).toEqual([]);
  });
});

describe('workCounts', () => {
  it('counts each state and the overdue ones, and adds up to the total', () => {
    const item = (state: WorkItem['state'], overdue: boolean, key: string): WorkItem => ({ key, kind: 'figure', state, title: '', planName: '', period: 2024, reason: null, href: '/', due: null, overdue });
    const items = [item('returned', true, 'a'), item('draft', false, 'b'), item('draft', true, 'c'), item('missing', true, 'd'), item('missing', false, 'e')];
    const counts = workCounts(items);
    expect(counts).toEqual({ total: 5, returned: 1, draft: 2, missing: 2, overdue: 3 });
    expect(counts.returned + counts.draft + counts.missing).toBe(counts.total);
    expect(workCounts([])).toEqual({ total: 0, returned: 0, draft: 0, missing: 0, overdue: 0 });
    expect(sortWorkItems([...items].reverse()).map((i) => i.key)).toEqual(['a', 'c', 'b', 'd', 'e']);
  });
});

describe('review queue', () => {
  const p = plan([]);
  const sub = figure(1, 2024, 'submitted');
  const figures = [sub, figure(2, 2024, 'approved'), figure(3, 2023, 'returned'), figure(3, 2024, 'draft')];

  it('lists the statuses asked for; the badge counts only 待审核', () => {
    expect(reviewItems(p, figures).map((i) => i.figure.id)).toEqual([sub.id]);
    const all = reviewItems(p, figures, ['submitted', 'returned', 'approved']);
    expect(all.map((i) => `${i.figure.year}:${i.indicator.sequence}:${i.figure.status}`)).toEqual(['2023:3:returned', '2024:1:submitted', '2024:2:approved']);
    expect(pendingReviewCount(all)).toBe(1);
    expect(reviewFilterOptions(all)).toMatchObject({ years: [2023, 2024], statusCounts: { submitted: 1, returned: 1, approved: 1 } });
  });

  it('filters by plan, year, unit and status, parsed from the query string', () => {
    const withUnit = { ...p, indicators: p.indicators.map((i) => ({ ...i, responsibleUnit: i.sequence === 1 ? '区科技局' : '区统计局' })) };
    const all = reviewItems(withUnit, figures, ['submitted', 'returned', 'approved']);
    const shown = (search: Record<string, string>) => filterReviewItems(all, parseReviewQuery(search)).map((i) => `${i.figure.year}:${i.indicator.sequence}`);
    expect(shown({})).toEqual(['2024:1']); // default: 待审核
    expect(shown({ status: 'all' })).toEqual(['2023:3', '2024:1', '2024:2']);
    expect(shown({ status: 'all', unit: '区统计局' })).toEqual(['2023:3', '2024:2']);
    expect(shown({ status: 'all', year: '2023' })).toEqual(['2023:3']);
    expect(shown({ status: 'approved', plan: 'luquan-2021-2025' })).toEqual(['2024:2']);
    expect(shown({ status: 'all', plan: 'other-plan' })).toEqual([]);
    // what cannot name anything is dropped, not an error
    expect(parseReviewQuery({ status: 'toString', year: '20x4', plan: '../x', unit: ' ' })).toEqual({ plan: null, year: null, unit: null, status: 'submitted' });
    expect(reviewFilterOptions(all).units).toEqual(['区科技局', '区统计局']);
  });

  it('the trail: last submission and who sent it, and the return before it (not one from an earlier round)', () => {
    const e = (observationId: number, action: ReviewEvent['action'], newStatus: ReviewEvent['newStatus'], at: string, reason: string | null = null, actorName = '张三'): ReviewEvent =>
      ({ observationId, action, newStatus, actorName, at, reason });
    const trails = reviewTrails([
      e(1, 'create', 'submitted', '2025-01-01T00:00:00Z'),
      e(1, 'return', 'returned', '2025-01-02T00:00:00Z', '缺少来源', '王审核'),
      e(1, 'edit', 'draft', '2025-01-03T00:00:00Z'),
      e(1, 'submit', 'submitted', '2025-01-04T00:00:00Z', null, '李四'),
      e(2, 'submit', 'submitted', '2025-01-01T00:00:00Z'),
      e(2, 'return', 'returned', '2025-01-02T00:00:00Z', '旧原因'),
      e(2, 'submit', 'submitted', '2025-01-03T00:00:00Z'),
      e(2, 'approve', 'approved', '2025-01-04T00:00:00Z'),
      e(2, 'unlock', 'draft', '2025-01-05T00:00:00Z', '统计局修订'),
      e(2, 'submit', 'submitted', '2025-01-06T00:00:00Z'),
    ]);
    expect(trails.get(1)).toEqual({ submittedAt: '2025-01-04T00:00:00Z', submittedBy: '李四', earlierReturn: { reason: '缺少来源', at: '2025-01-02T00:00:00Z', by: '王审核' } });
    expect(trails.get(2)).toMatchObject({ submittedAt: '2025-01-06T00:00:00Z', earlierReturn: null });
    expect(trails.get(3)).toBeUndefined();
  });
});
