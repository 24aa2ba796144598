/**
 * The reads pages, route handlers and server actions call — the only callers of lib/data's reads from
 * app/. Each loader takes already-parsed keys (a slug, a plan id, a year: lib/schemas/params.ts) and is
 * wrapped in React's cache(), so one request (a page and its generateMetadata, a layout and its page,
 * several components) loads a plan and its figures once.
 *
 * Every cached loader is keyed by primitives that name one plan (slug or plan id) and nothing that
 * changes within a request, so a later cross-request cache can key the same functions on
 * (plan id, per-plan data version) without changing a caller.
 */
import { cache } from 'react';
import { listApiTokens } from '@/lib/data/api-tokens';
import { getIndicatorHistory } from '@/lib/data/figure-writes';
import { getPlanBenchmarks } from '@/lib/data/benchmarks';
import { getPlanFigures } from '@/lib/data/figures';
import { checkDatabase } from '@/lib/data/health';
import { getPlanDetail, getPlanDetailByIndicator, listPlans } from '@/lib/data/plans';
import type { Figure, PlanBenchmarks, PlanDetail } from '@/lib/data/types';
import { getUser, listUsers } from '@/lib/data/users';
import { buildReport, type ReportData } from '@/lib/export/report';
import { buildBenchmarkTable } from '@/lib/export/benchmark-table';
import { parseId, parseSlug, parseYear, single, type SearchParams } from '@/lib/schemas/params';
import { firstIssue, reportQuerySchema } from '@/lib/schemas/report';
import { assessPlan, type PlanProgress } from '@/lib/views/plan-progress';
import { reviewItems, type ReviewItem } from '@/lib/views/review-queue';
import { benchmarkSummary, countyEvaluationView, sourceCheckItems, type BenchmarkSummaryItem, type CountyEvaluationView, type SourceCheckItem } from '@/lib/views/benchmarks';

/** A plan by its slug (as typed in a URL or a form), or null when the slug is malformed or names no plan. */
export const loadPlan = cache(async (slug: string): Promise<PlanDetail | null> => {
  const parsed = parseSlug(slug);
  return parsed === null ? null : getPlanDetail(parsed);
});

/** The plan marked current (the start page, /entry, /reports), or null when there is none. */
export const loadCurrentPlan = cache(async (): Promise<PlanDetail | null> => getPlanDetail());

/** The plan an indicator belongs to (any id as given; an id beyond int4 names no indicator). */
export const loadPlanOfIndicator = cache(async (indicatorId: number): Promise<PlanDetail | null> => {
  const id = parseId(indicatorId);
  return id === null ? null : getPlanDetailByIndicator(id);
});

/** Every figure of a plan, whatever its review status. */
export const loadPlanFigures = cache(async (planId: number): Promise<Figure[]> => getPlanFigures(planId));

/** Every plan, newest period first. */
export const loadPlans = cache(listPlans);

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

/** The figures awaiting review in every active plan. */
export const loadReviewQueue = cache(async (): Promise<ReviewItem[]> => {
  const plans = (await loadPlans()).filter((p) => p.status === 'active');
  const loaded = await Promise.all(
    plans.map(async (info) => {
      const plan = await loadPlan(info.slug);
      return plan ? reviewItems(plan, await loadPlanFigures(plan.id)) : [];
    }),
  );
  return loaded.flat();
});

export const loadIndicatorHistory = cache(getIndicatorHistory);
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
  query: { year: string | null | undefined; includeUnapproved: string | null | undefined },
  now: Date = new Date(),
): Promise<ReportRequest> {
  const plan = await loadPlan(slug);
  if (!plan) return UNKNOWN_PLAN;
  const parsed = reportQuerySchema(plan).safeParse({ year: query.year ?? undefined, includeUnapproved: query.includeUnapproved ?? undefined });
  if (!parsed.success) return { ok: false, status: 400, message: firstIssue(parsed.error) };
  const figures = await loadPlanFigures(plan.id);
  const progress = assessPlan(plan, figures, parsed.data.year, { includeUnapproved: parsed.data.includeUnapproved });
  return { ok: true, plan, figures, progress, report: buildReport(plan, progress, { generatedAt: now }) };
}

/** The route props of /reports/[slug]/[year] and its print page. */
export interface ReportPageProps {
  params: Promise<{ slug: string; year: string }>;
  searchParams: Promise<SearchParams>;
}

/** One report per (plan, year, option) and request: the page and its generateMetadata share it. */
const loadReportOnce = cache((slug: string, year: string, includeUnapproved: string | undefined) => loadReport(slug, { year, includeUnapproved }));

/** The report a report page shows, from its route params and ?includeUnapproved=. */
export async function loadReportPage({ params, searchParams }: ReportPageProps) {
  const [{ slug, year }, search] = await Promise.all([params, searchParams]);
  return loadReportOnce(slug, year, single(search.includeUnapproved));
}

// ── Benchmarks (对标, 县域评价, 十三五 history, 核对) ──────────────────────────────────────────────────

/** Everything the benchmarks module holds for a plan (reference values, series, evaluations, history, sources). */
export const loadPlanBenchmarks = cache(async (planId: number): Promise<PlanBenchmarks> => getPlanBenchmarks(planId));

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
