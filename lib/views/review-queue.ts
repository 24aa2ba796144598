/**
 * The review queue (数据审核): the figures of a plan that reviewers act on, with last year's figure, the
 * entry warnings, and (from the history) when and by whom each was submitted and why it was returned
 * before. Filters and counts. Pure shaping.
 */
import type { Figure, FigureStatus, IndicatorDefinition, PlanDetail, ReviewEvent } from '@/lib/data/types';
import { entryRows, warningsFor } from '@/lib/views/entry-sheet';
import type { FigureWarning } from '@/lib/progress';

import { REVIEW_STATUSES, type ReviewQuery, type ReviewStatus } from '@/lib/schemas/params';

export { REVIEW_STATUSES, type ReviewStatus };

export interface ReviewItem {
  plan: Pick<PlanDetail, 'slug' | 'name' | 'hasSampleData'>;
  indicator: IndicatorDefinition;
  figure: Figure;
  previous: { year: number; value: number; approved: boolean } | null;
  warnings: FigureWarning[];
}

/** The figures of a plan in the given statuses (default: submitted only), by year then indicator order. */
export function reviewItems(plan: PlanDetail, figures: readonly Figure[], statuses: readonly FigureStatus[] = ['submitted']): ReviewItem[] {
  const items: ReviewItem[] = [];
  const years = [...new Set(figures.filter((f) => statuses.includes(f.status)).map((f) => f.year))].sort();
  for (const year of years) {
    for (const row of entryRows(plan, figures, year)) {
      if (!row.current || !statuses.includes(row.current.status)) continue;
      items.push({ plan, indicator: row.indicator, figure: row.current, previous: row.previous, warnings: warningsFor(plan, row, row.current.value) });
    }
  }
  return items;
}

/** The figures awaiting review: the count on the navigation's 数据审核 badge. */
export function pendingReviewCount(items: readonly ReviewItem[]): number {
  return items.filter((i) => i.figure.status === 'submitted').length;
}

/** The filters (parsed from the query string by lib/schemas/params parseReviewQuery). */
export type ReviewFilters = ReviewQuery;

export const DEFAULT_REVIEW_FILTERS: ReviewFilters = { plan: null, year: null, unit: null, status: 'submitted' };

export function filterReviewItems(items: readonly ReviewItem[], filters: ReviewFilters): ReviewItem[] {
  return items.filter(
    (i) =>
      (filters.plan === null || i.plan.slug === filters.plan) &&
      (filters.year === null || i.figure.year === filters.year) &&
      (filters.unit === null || i.indicator.responsibleUnit === filters.unit) &&
      (filters.status === null || i.figure.status === filters.status),
  );
}

/** The choices the filters offer: what occurs in the queue, sorted; and how many items each status has. */
export function reviewFilterOptions(items: readonly ReviewItem[]) {
  const plans = new Map<string, string>();
  for (const i of items) plans.set(i.plan.slug, i.plan.name);
  const statusCounts = Object.fromEntries(REVIEW_STATUSES.map((s) => [s, items.filter((i) => i.figure.status === s).length])) as Record<ReviewStatus, number>;
  return {
    plans: [...plans].map(([slug, name]) => ({ slug, name })),
    years: [...new Set(items.map((i) => i.figure.year))].sort((a, b) => a - b),
    units: [...new Set(items.map((i) => i.indicator.responsibleUnit).filter((u): u is string => u !== null))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    statusCounts,
  };
}

export interface ReviewTrail {
  /** the last time the figure went to 待审核, and who sent it */
  submittedAt: string | null;
  submittedBy: string | null;
  /** the return before that submission: the figure is a re-submission, and this is why it came back */
  earlierReturn: { reason: string | null; at: string; by: string } | null;
}

/** Each figure's trail from its history events (in the order they were written). */
export function reviewTrails(events: readonly ReviewEvent[]): Map<number, ReviewTrail> {
  const trails = new Map<number, ReviewTrail>();
  const lastReturn = new Map<number, ReviewEvent>();
  for (const event of events) {
    const trail = trails.get(event.observationId) ?? { submittedAt: null, submittedBy: null, earlierReturn: null };
    if (event.action === 'return') lastReturn.set(event.observationId, event);
    // an approval or an unlock closes a review round: an older return no longer explains anything
    if (event.action === 'approve' || event.action === 'unlock') lastReturn.delete(event.observationId);
    if (event.newStatus === 'submitted') {
      const returned = lastReturn.get(event.observationId);
      trail.submittedAt = event.at;
      trail.submittedBy = event.actorName;
      trail.earlierReturn = returned ? { reason: returned.reason, at: returned.at, by: returned.actorName } : null;
    }
    trails.set(event.observationId, trail);
  }
  return trails;
}
