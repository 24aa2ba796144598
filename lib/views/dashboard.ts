/**
 * What the leaders' pages show, shaped from the gateway's domain data: the overview (cards grouped by
 * category, filtered by status), one category, one indicator. Pure: no I/O and no arithmetic of its own;
 * assessments come from lib/views/plan-progress (lib/progress underneath), chart rows from lib/progress.
 */
import type { CategoryInfo, Figure, PlanDetail } from '@/lib/data/types';
import { parseYear, planYears, single, type SearchParams } from '@/lib/schemas/params';
import { assessPlan, defaultAsOfYear, type IndicatorProgress, type PlanProgress } from '@/lib/views/plan-progress';
import {
  checkPlanConsistency,
  growthBarRows,
  niceAxis,
  STATUS_ORDER,
  trajectoryRows,
  type ConsistencyDifference,
  type GrowthBarRow,
  type Status,
  type TrajectoryRow,
  type ValueAxis,
} from '@/lib/progress';

/** "Behind schedule" as leaders mean it: every status that needs attention. */
export const BEHIND_STATUSES: readonly Status[] = ['lagging', 'seriouslyLagging', 'notAchieved'];

export type StatusFilter = Status | 'behind';

export interface DashboardQuery {
  asOfYear: number;
  includeUnapproved: boolean;
  status: StatusFilter | null;
}

export type { SearchParams };

export function isStatusFilter(value: unknown): value is StatusFilter {
  return value === 'behind' || (typeof value === 'string' && (STATUS_ORDER as readonly string[]).includes(value));
}

/**
 * ?year=2023&unapproved=1&status=behind. Anything unknown or out of range falls back to the default
 * (year: the latest with approved data) rather than failing: a stale bookmark still opens the page.
 */
export function parseDashboardQuery(params: SearchParams, plan: Pick<PlanDetail, 'firstYear' | 'lastYear'>, figures: Figure[]): DashboardQuery {
  const status = single(params.status);
  return {
    asOfYear: parseYear(single(params.year), plan) ?? defaultAsOfYear(plan, figures),
    includeUnapproved: single(params.unapproved) === '1',
    status: isStatusFilter(status) ? status : null,
  };
}

/** A link to a dashboard page keeping the reader's choices; defaults are left out of the URL. */
export function dashboardHref(path: string, query: Partial<DashboardQuery>, defaults: { asOfYear?: number } = {}): string {
  const params = new URLSearchParams();
  if (query.asOfYear !== undefined && query.asOfYear !== defaults.asOfYear) params.set('year', String(query.asOfYear));
  if (query.includeUnapproved) params.set('unapproved', '1');
  if (query.status) params.set('status', query.status);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export function matchesStatus(status: Status, filter: StatusFilter | null): boolean {
  if (filter === null) return true;
  return filter === 'behind' ? BEHIND_STATUSES.includes(status) : status === filter;
}

export interface IndicatorCard extends IndicatorProgress {
  /** actual vs planned by year, for the card's trend line (growthRate: index, base year = 100) */
  trend: TrajectoryRow[];
}

export interface CategoryGroup {
  category: CategoryInfo;
  cards: IndicatorCard[];
  /** cards matching the filter that are not in `cards` (beyond the overview's cards per category) */
  moreCount: number;
}

/**
 * The overview shows at most this many cards per category (the category page shows them all): a plan of
 * 16 indicators is never cut, one of 1,000 stays a page that loads at a glance instead of 10 MB.
 */
export const OVERVIEW_CARDS_PER_CATEGORY = 12;

export interface Overview {
  query: DashboardQuery;
  /** the default year, so links can leave it out */
  defaultYear: number;
  years: number[];
  progress: PlanProgress;
  /** every category in plan order with its cards matching the status filter (possibly none) */
  groups: CategoryGroup[];
  /** cards shown after filtering */
  shownCount: number;
  /** the plan has figures not yet approved (the toggle is only offered then) */
  hasUnapprovedFigures: boolean;
  /**
   * the completion chart's rows: every indicator, or — when a category has more cards than are shown —
   * the indicators of the cards shown
   */
  chartItems: IndicatorProgress[];
  /** some matching cards are not shown (a category beyond the cards per category) */
  capped: boolean;
}

/**
 * `progress`: the plan assessed for the query's year and mode, when the caller has it already;
 * `cardsPerCategory`: the most cards a category shows (the overview: OVERVIEW_CARDS_PER_CATEGORY; all by default).
 */
export function buildOverview(
  plan: PlanDetail,
  figures: Figure[],
  query: DashboardQuery,
  options: { progress?: PlanProgress; cardsPerCategory?: number } = {},
): Overview {
  const progress = options.progress ?? assessPlan(plan, figures, query.asOfYear, { includeUnapproved: query.includeUnapproved });
  const limit = options.cardsPerCategory ?? Infinity;
  const groups = [...plan.categories]
    .sort((a, b) => a.position - b.position)
    .map((category) => {
      const matching = progress.indicators.filter((item) => item.indicator.category.id === category.id && matchesStatus(item.assessment.status, query.status));
      // trend rows only for the cards drawn
      const cards = matching.slice(0, limit).map((item): IndicatorCard => ({ ...item, trend: trajectoryRows(item.plan, item.figures, query.asOfYear) }));
      return { category, cards, moreCount: matching.length - cards.length };
    });
  const capped = groups.some((g) => g.moreCount > 0);
  return {
    query,
    defaultYear: defaultAsOfYear(plan, figures),
    years: planYears(plan),
    progress,
    groups,
    shownCount: groups.reduce((sum, g) => sum + g.cards.length + g.moreCount, 0),
    hasUnapprovedFigures: figures.some((f) => f.status === 'submitted' || f.status === 'draft'),
    chartItems: capped ? groups.flatMap((g) => g.cards) : progress.indicators,
    capped,
  };
}

export interface IndicatorView {
  query: DashboardQuery;
  defaultYear: number;
  years: number[];
  item: IndicatorProgress;
  /** actual, planned trajectory and target by year (growthRate: index, base year = 100) */
  trajectory: TrajectoryRow[];
  /** the trajectory chart's value axis: every plotted value and the target on it; whole numbers for counts */
  trajectoryAxis: ValueAxis;
  /** growthRate only: yearly growth against the planned rate */
  growth: GrowthBarRow[];
  /** the growth chart's axis (%), from 0 so bars start at the axis */
  growthAxis: ValueAxis;
  /** every figure of the indicator, whatever its review status, by year */
  figures: Figure[];
  /** where the plan's stated rate or cumulative increase differs from what its own figures imply */
  consistency: ConsistencyDifference[];
}

/** A count (家, 件, 人 …): a level shown without decimals, so its chart axis carries whole numbers only. */
export function isCount(indicator: Pick<PlanDetail['indicators'][number], 'kind' | 'decimals'>): boolean {
  return indicator.kind === 'cumulative' && indicator.decimals === 0;
}

export function buildIndicatorView(plan: PlanDetail, figures: Figure[], indicatorId: number, query: DashboardQuery): IndicatorView | null {
  const indicator = plan.indicators.find((i) => i.id === indicatorId);
  if (!indicator) return null;
  const progress = assessPlan({ ...plan, indicators: [indicator] }, figures, query.asOfYear, { includeUnapproved: query.includeUnapproved });
  const item = progress.indicators[0]!;
  const consistency = checkPlanConsistency([{ ...indicator, baseYear: plan.baseYear, targetYear: plan.lastYear }]);
  const trajectory = trajectoryRows(item.plan, item.figures, query.asOfYear);
  const growth = growthBarRows(item.plan, item.figures, query.asOfYear);
  return {
    query,
    defaultYear: defaultAsOfYear(plan, figures),
    years: planYears(plan),
    item,
    trajectory,
    trajectoryAxis: niceAxis(
      trajectory.flatMap((row) => [row.actual, row.planned, row.target]),
      { integer: isCount(indicator) },
    ),
    growth,
    growthAxis: niceAxis([0, ...growth.flatMap((row) => [row.growth, row.targetRate])]),
    figures: figures.filter((f) => f.indicatorId === indicator.id).sort((a, b) => a.year - b.year),
    consistency,
  };
}
