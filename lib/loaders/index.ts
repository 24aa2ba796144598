/**
 * The reads pages, route handlers and server actions call — the only callers of lib/data's reads from
 * app/. Each loader takes already-parsed keys (a slug, a plan id, a year: lib/schemas/params.ts) and is
 * wrapped in React's cache(), so one request (a page and its generateMetadata, a layout and its page,
 * several components) loads a plan and its figures once.
 *
 * Across requests: every request reads the plans with their data versions once (`loadPlans`, one
 * query); a plan's content and figures, and what lib/views shapes from them (`loadAssessedPlan`,
 * `loadOverview`, `loadIndicatorView`, `loadIndicatorHistory`, `loadOverdueFigures`), come from the
 * in-process cache of ./plan-cache.ts keyed on (plan, data version, …), computed once per data change.
 */
import { cache } from 'react';
import { listApiTokens } from '@/lib/data/api-tokens';
import { getIndicatorHistory, type FigureHistoryEntry } from '@/lib/data/figure-writes';
import { getPlanBenchmarks } from '@/lib/data/benchmarks';
import { getPlanFigures } from '@/lib/data/figures';
import { getPlanSignOff } from '@/lib/data/sign-off';
import { checkDatabase } from '@/lib/data/health';
import { getPlanContent, getPlanIdOfIndicator, listPlans } from '@/lib/data/plans';
import type { Figure, PlanBenchmarks, PlanDetail, PlanInfo } from '@/lib/data/types';
import { getUser, listUsers } from '@/lib/data/users';
import { getTaskActionHistory, getTaskEvidenceFile, getTaskPlan, getTaskReports } from '@/lib/data/tasks';
import type { TaskPlan, TaskReport } from '@/lib/data/types';
import { buildTaskOverview, defaultTaskYear, type TaskOverview } from '@/lib/views/tasks';
import { buildReport, type ReportData } from '@/lib/export/report';
import { reportLocale } from '@/lib/export/labels';
import { buildTaskReport, type TaskReportData } from '@/lib/export/task-report';
import { buildBenchmarkTable } from '@/lib/export/benchmark-table';
import { buildResponsibilityTable, type ResponsibilityTable } from '@/lib/export/responsibility';
import { parseId, parseSlug, parseYear, single, type SearchParams } from '@/lib/schemas/params';
import { firstIssue, reportQuerySchema } from '@/lib/schemas/report';
import { buildIndicatorView, buildOverview, OVERVIEW_CARDS_PER_CATEGORY, type DashboardQuery, type IndicatorView, type Overview } from '@/lib/views/dashboard';
import { overdueFigures, type OverdueFigure } from '@/lib/views/entry-sheet';
import { assessPlan, type PlanProgress } from '@/lib/views/plan-progress';
import { getReviewEvents } from '@/lib/data/review';
import { REVIEW_STATUSES, reviewItems, reviewTrails, type ReviewItem, type ReviewTrail } from '@/lib/views/review-queue';
import { figureWorkItems, sortWorkItems, type WorkItem } from '@/lib/views/work-queue';
import { benchmarkSummary, countyEvaluationView, sourceCheckItems, type BenchmarkSummaryItem, type CountyEvaluationView, type SourceCheckItem } from '@/lib/views/benchmarks';
import { planCache } from './plan-cache';

/** Every plan with its data version, newest period first: the one query every plan page makes. */
export const loadPlans = cache(listPlans);

/** This request's row of a plan (with its data version), or undefined: what the plan cache keys on. */
const planInfo = async (planId: number): Promise<PlanInfo | undefined> => (await loadPlans()).find((p) => p.id === planId);

/** The plan's row as read this request, with its content from the cache of its data version. */
async function withContent(info: PlanInfo | undefined): Promise<PlanDetail | null> {
  if (!info) return null;
  const content = await planCache.planData(info, 'content', () => getPlanContent(info.id));
  return content ? { ...info, ...content } : null;
}

/** A plan by its slug (as typed in a URL or a form), or null when the slug is malformed or names no plan. */
export const loadPlan = cache(async (slug: string): Promise<PlanDetail | null> => {
  const parsed = parseSlug(slug);
  return parsed === null ? null : withContent((await loadPlans()).find((p) => p.slug === parsed));
});

/** The plan marked current (the start page, /entry, /reports), or null when there is none. */
export const loadCurrentPlan = cache(async (): Promise<PlanDetail | null> => withContent((await loadPlans()).find((p) => p.isCurrent)));

const loadPlanById = cache(async (planId: number): Promise<PlanDetail | null> => withContent(await planInfo(planId)));

/** The plan an indicator belongs to (any id as given; an id beyond int4 names no indicator). */
export const loadPlanOfIndicator = cache(async (indicatorId: number): Promise<PlanDetail | null> => {
  const id = parseId(indicatorId);
  const planId = id === null ? null : await getPlanIdOfIndicator(id);
  return planId === null ? null : loadPlanById(planId);
});

/** Every figure of a plan, whatever its review status. */
export const loadPlanFigures = cache(async (planId: number): Promise<Figure[]> => {
  const info = await planInfo(planId);
  return info ? planCache.planData(info, 'figures', () => getPlanFigures(planId)) : [];
});

/** The plan assessed as of a year, with approved figures only or with the unapproved ones too. */
export const loadAssessedPlan = cache(async (plan: PlanDetail, asOfYear: number, includeUnapproved: boolean): Promise<PlanProgress> => {
  const figures = await loadPlanFigures(plan.id);
  return planCache.view(plan, 'assessPlan', [asOfYear, includeUnapproved], () => assessPlan(plan, figures, asOfYear, { includeUnapproved }));
});

/**
 * The overview of a plan for a reader's query (lib/views/dashboard buildOverview): at most
 * OVERVIEW_CARDS_PER_CATEGORY cards per category, or all of them with `allCards` (a category page).
 */
export async function loadOverview(plan: PlanDetail, query: DashboardQuery, options: { allCards?: boolean } = {}): Promise<Overview> {
  const [figures, progress] = await Promise.all([loadPlanFigures(plan.id), loadAssessedPlan(plan, query.asOfYear, query.includeUnapproved)]);
  const cardsPerCategory = options.allCards ? Infinity : OVERVIEW_CARDS_PER_CATEGORY;
  return planCache.view(plan, 'overview', [query.asOfYear, query.includeUnapproved, query.status, options.allCards ?? false], () =>
    buildOverview(plan, figures, query, { progress, cardsPerCategory }),
  );
}

/** One indicator's page data (lib/views/dashboard buildIndicatorView), or null when the plan has no such active indicator. */
export async function loadIndicatorView(plan: PlanDetail, indicatorId: number, query: DashboardQuery): Promise<IndicatorView | null> {
  const figures = await loadPlanFigures(plan.id);
  return planCache.view(plan, 'indicator', [indicatorId, query.asOfYear, query.includeUnapproved, query.status], () => buildIndicatorView(plan, figures, indicatorId, query));
}

/** The figures due by `today` (YYYY-MM-DD, Beijing) and not approved. */
export async function loadOverdueFigures(plan: PlanDetail, today: string): Promise<OverdueFigure[]> {
  const figures = await loadPlanFigures(plan.id);
  return planCache.view(plan, 'overdue', [today], () => overdueFigures(plan, figures, today));
}

/** The timeline of an indicator's figures, newest first (figure events change only with a bump of its plan). */
export async function loadIndicatorHistory(plan: PlanDetail, indicatorId: number): Promise<FigureHistoryEntry[]> {
  return planCache.view(plan, 'history', [indicatorId], () => getIndicatorHistory(indicatorId));
}

/** A plan's sign-off block (落款) for its reports and its settings page. */
export const loadPlanSignOff = cache(getPlanSignOff);

/** A plan and one of its years from route params, or null when either names nothing. */
export async function loadPlanYear(slug: string, rawYear: string): Promise<{ plan: PlanDetail; year: number } | null> {
  const plan = await loadPlan(slug);
  if (!plan) return null;
  const year = parseYear(rawYear, plan);
  return year === null ? null : { plan, year };
}

/** A plan and one of its active indicators from route params (/plans/[slug]/indicators/[id]), or null. */
export async function loadPlanIndicator(slug: string, rawId: string): Promise<{ plan: PlanDetail; indicator: PlanDetail['indicators'][number] } | null> {
  const id = parseId(rawId);
  const plan = id === null ? null : await loadPlan(slug);
  const indicator = plan?.indicators.find((i) => i.id === id);
  return plan && indicator ? { plan, indicator } : null;
}

/** The active plans with their figures (the queues span every active plan). */
const loadActivePlans = cache(async (): Promise<{ plan: PlanDetail; figures: Figure[] }[]> => {
  const plans = (await loadPlans()).filter((p) => p.status === 'active');
  const loaded = await Promise.all(
    plans.map(async (info) => {
      const plan = await loadPlan(info.slug);
      return plan ? { plan, figures: await loadPlanFigures(plan.id) } : null;
    }),
  );
  return loaded.filter((p) => p !== null);
});

/** The figures reviewers see in every active plan: submitted (待审核), returned and approved ones. */
export const loadReviewQueue = cache(async (): Promise<ReviewItem[]> =>
  (await loadActivePlans()).flatMap(({ plan, figures }) => reviewItems(plan, figures, REVIEW_STATUSES)),
);

/** When and by whom each of these figures was submitted, and the return before it (from the history). */
export async function loadReviewTrails(observationIds: readonly number[]): Promise<Map<number, ReviewTrail>> {
  return reviewTrails(await getReviewEvents(observationIds));
}

/**
 * 我的待办 of one person in every active plan: `mayEnter` says which indicators they enter (nothing for
 * someone who does not enter figures); `today` is the ISO date in Beijing time.
 */
export async function loadWorkQueue(mayEnter: (indicatorId: number) => boolean, today: string): Promise<WorkItem[]> {
  return sortWorkItems((await loadActivePlans()).flatMap(({ plan, figures }) => figureWorkItems(plan, figures, today, mayEnter)));
}

export const loadUser = cache(getUser);
export const loadUsers = cache(listUsers);
export const loadApiTokens = cache(listApiTokens);
export { checkDatabase };

export type ReportRequest =
  | { ok: true; plan: PlanDetail; figures: Figure[]; progress: PlanProgress; report: ReportData }
  | { ok: false; status: 400 | 404; message: string };

const UNKNOWN_PLAN = { ok: false, status: 404, message: '找不到这个规划。' } as const;

/**
 * The annual report for a request: validates the plan slug, the year and includeUnapproved, reads the
 * plan and its figures, assesses them (lib/views/plan-progress) and builds the report (lib/export).
 * Shared by the report page, the print page, the downloads and the data API, so that all of them answer
 * the same question the same way.
 */
export async function loadReport(
  slug: string,
  query: { year: string | null | undefined; includeUnapproved: string | null | undefined; lang?: string | null },
  now: Date = new Date(),
): Promise<ReportRequest> {
  const plan = await loadPlan(slug);
  if (!plan) return UNKNOWN_PLAN;
  const parsed = reportQuerySchema(plan).safeParse({ year: query.year ?? undefined, includeUnapproved: query.includeUnapproved ?? undefined });
  if (!parsed.success) return { ok: false, status: 400, message: firstIssue(parsed.error) };
  const [figures, progress, signOff] = await Promise.all([loadPlanFigures(plan.id), loadAssessedPlan(plan, parsed.data.year, parsed.data.includeUnapproved), loadPlanSignOff(plan.id)]);
  return { ok: true, plan, figures, progress, report: buildReport(plan, progress, { generatedAt: now, signOff, locale: reportLocale(query.lang) }) };
}

/** The route props of /reports/[slug]/[year] and its print page. */
export interface ReportPageProps {
  params: Promise<{ slug: string; year: string }>;
  searchParams: Promise<SearchParams>;
}

/** One report per (plan, year, option, language) and request: the page and its generateMetadata share it. */
const loadReportOnce = cache((slug: string, year: string, includeUnapproved: string | undefined, lang: string) => loadReport(slug, { year, includeUnapproved, lang }));

/** The report a report page shows, from its route params and ?includeUnapproved=, in the reader's language (the UI locale). */
export async function loadReportPage({ params, searchParams }: ReportPageProps, locale: string) {
  const [{ slug, year }, search] = await Promise.all([params, searchParams]);
  return loadReportOnce(slug, year, single(search.includeUnapproved), locale);
}

/** Today's date in Beijing (ISO, e.g. 2026-12-03): the one clock read for due dates, once per request. */
// ── Key tasks (重点任务) ─────────────────────────────────────────────────────────────────────────

/** Today's date in the bureau's time zone (Beijing), as YYYY-MM-DD: what "overdue" is judged against. */
export function todayInBeijing(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** Today's date in Beijing (ISO, e.g. 2026-12-03): the one clock read for due dates, once per request. */
export const loadToday = cache(todayInBeijing);

/** A plan's programmes, actions, targets, projects and reporting due dates (cached per data version: task writes bump it). */
export const loadTaskPlan = cache(async (planId: number): Promise<TaskPlan> => {
  const info = await planInfo(planId);
  return info ? planCache.planData(info, 'tasks', () => getTaskPlan(planId)) : getTaskPlan(planId);
});

/** Every progress report of a plan's actions (any state), with target values and evidence names (cached per data version). */
export const loadTaskReports = cache(async (planId: number): Promise<TaskReport[]> => {
  const info = await planInfo(planId);
  return info ? planCache.planData(info, 'taskReports', () => getTaskReports(planId)) : getTaskReports(planId);
});

export const loadTaskActionHistory = cache(getTaskActionHistory);

/** One evidence file with its bytes (not cached: read once per download). */
export const loadTaskEvidenceFile = getTaskEvidenceFile;

/**
 * The key-task roll-up of a plan (by slug or id) for a year: lib/progress's TaskRollup in `rollup`, the
 * sentence “36项重点任务中，已完成X项…”, per-programme rows and every action's row. Year null: this year
 * within the plan period. approvedOnly (default) counts approved reports only, as leaders see them.
 * Null when the plan does not exist.
 */
export const loadTaskRollup = cache(
  async (plan: string | number, year: number | null = null, approvedOnly = true): Promise<TaskOverview | null> => {
    const detail = typeof plan === 'number' ? (await loadPlans()).find((p) => p.id === plan) ?? null : await loadPlan(plan);
    if (!detail) return null;
    const today = todayInBeijing();
    const [tasks, reports] = await Promise.all([loadTaskPlan(detail.id), loadTaskReports(detail.id)]);
    const shown = year !== null && year >= detail.firstYear && year <= detail.lastYear ? year : defaultTaskYear(detail, today);
    return planCache.view(detail, 'taskRollup', [shown, today, approvedOnly], () => buildTaskOverview(tasks, reports, { year: shown, today, approvedOnly }));
  },
);

export type TaskReportRequest =
  | { ok: true; plan: PlanDetail; tasks: TaskPlan; reports: TaskReport[]; overview: TaskOverview; report: TaskReportData }
  | { ok: false; status: 400 | 404; message: string };

/**
 * 重点任务推进情况表 for a request (downloads, print page, JSON API): validates the slug, ?year= (optional:
 * this year within the plan period) and ?includeUnapproved=, then builds the table from the same overview
 * the pages show.
 */
export async function loadTaskReport(
  slug: string,
  query: { year: string | null | undefined; includeUnapproved: string | null | undefined },
  now: Date = new Date(),
): Promise<TaskReportRequest> {
  const plan = await loadPlan(slug);
  if (!plan) return UNKNOWN_PLAN;
  const schema = reportQuerySchema(plan).extend({ year: reportQuerySchema(plan).shape.year.optional() });
  const parsed = schema.safeParse({ year: query.year || undefined, includeUnapproved: query.includeUnapproved ?? undefined });
  if (!parsed.success) return { ok: false, status: 400, message: firstIssue(parsed.error) };
  const { includeUnapproved } = parsed.data;
  const [tasks, reports, overview] = await Promise.all([
    loadTaskPlan(plan.id),
    loadTaskReports(plan.id),
    loadTaskRollup(plan.slug, parsed.data.year ?? null, !includeUnapproved),
  ]);
  return { ok: true, plan, tasks, reports, overview: overview!, report: buildTaskReport(plan, overview!, reports, { generatedAt: now, includeUnapproved }) };
}

// ── Benchmarks (对标, 县域评价, 十三五 history, 核对) ──────────────────────────────────────────────────

/** Everything the benchmarks module holds for a plan (reference values, series, evaluations, history, sources). */
export const loadPlanBenchmarks = cache(async (planId: number): Promise<PlanBenchmarks> => {
  const info = await planInfo(planId);
  return info ? planCache.planData(info, 'benchmarks', () => getPlanBenchmarks(planId)) : getPlanBenchmarks(planId);
});

export interface BenchmarkSummary {
  year: number;
  includeUnapproved: boolean;
  /** per indicator (then supplementary series): share of the province's best, gaps, rank trends; furthest from the best first */
  items: BenchmarkSummaryItem[];
  /** 全省县域科技创新能力评价 ranks over the years */
  countyEvaluation: CountyEvaluationView;
}

const loadBenchmarkSummaryOnce = cache(async (slug: string, year: number, includeUnapproved: boolean): Promise<BenchmarkSummary | null> => {
  const plan = await loadPlan(slug);
  if (!plan) return null;
  const [figures, benchmarks] = await Promise.all([loadPlanFigures(plan.id), loadPlanBenchmarks(plan.id)]);
  return {
    year,
    includeUnapproved,
    items: benchmarkSummary(plan, figures, benchmarks, year, { includeUnapproved }),
    countyEvaluation: countyEvaluationView(benchmarks.countyEvaluations.filter((e) => e.year <= year), includeUnapproved),
  };
});

/**
 * The 对标 summary of a plan up to `year` (the evaluation report's 对标分析, the benchmarks overview,
 * the exports' 对标 table): per indicator its standing against the province's best in the latest year
 * that has one, sorted by distance from that best. Null for an unknown plan.
 */
export async function loadBenchmarkSummary(plan: Pick<PlanDetail, 'slug'> | string, year: number, options: { includeUnapproved?: boolean } = {}): Promise<BenchmarkSummary | null> {
  return loadBenchmarkSummaryOnce(typeof plan === 'string' ? plan : plan.slug, year, options.includeUnapproved ?? false);
}

/** The figures of a plan (of one year, or all) with values in further sources, checked against their 主口径 (核对). */
export const loadSourceChecks = cache(async (slug: string, year?: number): Promise<SourceCheckItem[]> => {
  const plan = await loadPlan(slug);
  if (!plan) return [];
  const [figures, benchmarks] = await Promise.all([loadPlanFigures(plan.id), loadPlanBenchmarks(plan.id)]);
  return sourceCheckItems(plan, figures, benchmarks, year);
});

/** The report with the optional 对标 table when `flag` is 1/true (exports and the print page). */
export async function loadReportWithBenchmarks(loaded: Extract<ReportRequest, { ok: true }>, flag: string | null | undefined): Promise<ReportData> {
  if (flag !== '1' && flag !== 'true') return loaded.report;
  const summary = await loadBenchmarkSummary(loaded.plan, loaded.report.year, { includeUnapproved: loaded.report.includeUnapproved });
  return summary ? { ...loaded.report, benchmarks: buildBenchmarkTable(summary.items, loaded.report.year) } : loaded.report;
}

/** 责任分解表 of a plan (page, print page, downloads): every indicator and action with its units. Null when the plan does not exist. */
export async function loadResponsibilityTable(slug: string, now: Date = new Date()): Promise<{ plan: PlanDetail; table: ResponsibilityTable } | null> {
  const plan = await loadPlan(slug);
  if (!plan) return null;
  const tasks = await loadTaskPlan(plan.id);
  return { plan, table: buildResponsibilityTable(plan, tasks, { generatedAt: now }) };
}
