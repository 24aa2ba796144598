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
import { getPlanFigures } from '@/lib/data/figures';
import { checkDatabase } from '@/lib/data/health';
import { getPlanDetail, getPlanDetailByIndicator, listPlans } from '@/lib/data/plans';
import type { Figure, PlanDetail } from '@/lib/data/types';
import { getUser, listUsers } from '@/lib/data/users';
import { getTaskActionHistory, getTaskEvidenceFile, getTaskPlan, getTaskReports } from '@/lib/data/tasks';
import type { TaskPlan, TaskReport } from '@/lib/data/types';
import { buildTaskOverview, defaultTaskYear, type TaskOverview } from '@/lib/views/tasks';
import { buildReport, type ReportData } from '@/lib/export/report';
import { buildTaskReport, type TaskReportData } from '@/lib/export/task-report';
import { parseId, parseSlug, parseYear, single, type SearchParams } from '@/lib/schemas/params';
import { firstIssue, reportQuerySchema } from '@/lib/schemas/report';
import { assessPlan, type PlanProgress } from '@/lib/views/plan-progress';
import { reviewItems, type ReviewItem } from '@/lib/views/review-queue';

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

// ── Key tasks (重点任务) ─────────────────────────────────────────────────────────────────────────

/** Today's date in the bureau's time zone (Beijing), as YYYY-MM-DD: what "overdue" is judged against. */
export function todayInBeijing(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** A plan's programmes, actions, targets, projects and reporting due dates. */
export const loadTaskPlan = cache(async (planId: number): Promise<TaskPlan> => getTaskPlan(planId));

/** Every progress report of a plan's actions (any state), with target values and evidence names. */
export const loadTaskReports = cache(async (planId: number): Promise<TaskReport[]> => getTaskReports(planId));

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
    return buildTaskOverview(tasks, reports, { year: shown, today, approvedOnly });
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
