/**
 * 我的待办: what a person has to do next, as one list of items each linking to the exact place to do it.
 * Pure shaping of domain data; the clock comes in as `today` (an ISO date in Beijing time).
 *
 * The item type is shared by every module that puts work in front of people: today yearly figures
 * (kind 'figure'); the key-tasks module adds its reports as another kind with the same fields.
 */
import type { Figure, PlanDetail } from '@/lib/data/types';
import { entryRowPath } from '@/lib/views/paths';

/** What kind of work an item is; a new module adds its own kind (e.g. 'taskReport'). */
export type WorkItemKind = 'figure';

/**
 * Where an item stands, most urgent first:
 * returned — a reviewer sent it back (see `reason`); draft — saved, not yet submitted;
 * missing — nothing entered yet for a period that is due (see `due` and `overdue`).
 */
export const WORK_ITEM_STATES = ['returned', 'draft', 'missing'] as const;
export type WorkItemState = (typeof WORK_ITEM_STATES)[number];

export interface WorkItem {
  /** unique within a queue and stable across requests, e.g. figure:12:2024 */
  key: string;
  kind: WorkItemKind;
  state: WorkItemState;
  /** what the item is about, as data (not UI text): the indicator's sequence, name and unit */
  title: string;
  /** the plan it belongs to and the period */
  planName: string;
  period: number;
  /** the reviewer's return reason (returned), or the admin's unlock reason (a draft reopened), else null */
  reason: string | null;
  /** the page and row to act on */
  href: string;
  /** the due date of the period (ISO date), null when none is set */
  due: string | null;
  /** due strictly before today (the due date itself is on time) */
  overdue: boolean;
}

export interface WorkCounts {
  total: number;
  returned: number;
  draft: number;
  missing: number;
  overdue: number;
}

/**
 * The figures a person who enters figures has to act on in one plan: every returned figure, every draft,
 * and the figures not yet entered for each year whose due date has passed (overdue) or is the next one
 * coming (due for the current period). `mayEnter` limits it to the indicators this person enters.
 */
export function figureWorkItems(plan: PlanDetail, figures: readonly Figure[], today: string, mayEnter: (indicatorId: number) => boolean): WorkItem[] {
  if (plan.status === 'archived') return [];
  const dueOf = new Map(plan.dueDates.map((d) => [d.year, d.dueDate]));
  const inPeriod = (year: number) => year >= plan.firstYear && year <= plan.lastYear;
  const upcoming = plan.dueDates
    .filter((d) => inPeriod(d.year) && d.dueDate >= today)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.year - b.year))[0];
  const dueYears = new Set(plan.dueDates.filter((d) => inPeriod(d.year) && (d.dueDate < today || d === upcoming)).map((d) => d.year));

  const items: WorkItem[] = [];
  for (const indicator of plan.indicators) {
    if (!mayEnter(indicator.id)) continue;
    const title = `${indicator.sequence}.${indicator.name}（${indicator.unit}）`;
    const item = (year: number, state: WorkItemState, reason: string | null): WorkItem => {
      const due = dueOf.get(year) ?? null;
      return {
        key: `figure:${indicator.id}:${year}`,
        kind: 'figure',
        state,
        title,
        planName: plan.name,
        period: year,
        reason,
        href: entryRowPath(plan.slug, year, indicator.sequence),
        due,
        overdue: due !== null && due < today,
      };
    };
    const mine = figures.filter((f) => f.indicatorId === indicator.id && inPeriod(f.year));
    for (const figure of mine) {
      if (figure.status === 'returned') items.push(item(figure.year, 'returned', figure.reviewNote));
      else if (figure.status === 'draft') items.push(item(figure.year, 'draft', figure.reviewNote));
    }
    for (const year of dueYears) {
      if (!mine.some((f) => f.year === year)) items.push(item(year, 'missing', null));
    }
  }
  return sortWorkItems(items);
}

const STATE_ORDER: Record<WorkItemState, number> = { returned: 0, draft: 1, missing: 2 };

/** Returned first, then drafts, then missing; within each, overdue first, then by due date, period and key. */
export function sortWorkItems(items: readonly WorkItem[]): WorkItem[] {
  return [...items].sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      Number(b.overdue) - Number(a.overdue) ||
      (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
      a.period - b.period ||
      a.key.localeCompare(b.key, 'en', { numeric: true }),
  );
}

/** How many items in each state, and how many are overdue (whatever their state). */
export function workCounts(items: readonly WorkItem[]): WorkCounts {
  const counts: WorkCounts = { total: items.length, returned: 0, draft: 0, missing: 0, overdue: 0 };
  for (const item of items) {
    counts[item.state] += 1;
    if (item.overdue) counts.overdue += 1;
  }
  return counts;
}
