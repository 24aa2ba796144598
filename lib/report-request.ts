/**
 * Loads the annual report for a request: validates the plan slug, the year and includeUnapproved, reads
 * the plan and its figures through lib/data, assesses them (lib/plan-progress) and builds the report
 * (lib/export). Shared by the report page, the print page, the downloads and the data API, so that all
 * of them answer the same question the same way.
 */
import { getPlanFigures } from '@/lib/data/figures';
import { getPlanDetail } from '@/lib/data/plans';
import type { Figure, PlanDetail } from '@/lib/data/types';
import { buildReport, type ReportData } from '@/lib/export/report';
import { assessPlan, type PlanProgress } from '@/lib/plan-progress';
import { firstIssue, planSlugSchema, reportQuerySchema } from '@/lib/schemas/report';

export type ReportRequest =
  | { ok: true; plan: PlanDetail; figures: Figure[]; progress: PlanProgress; report: ReportData }
  | { ok: false; status: 400 | 404; message: string };

const UNKNOWN_PLAN = { ok: false, status: 404, message: '找不到这个规划。' } as const;

/** The plan for a slug, or null when the slug is malformed or names no plan. */
export async function findPlan(slug: string): Promise<PlanDetail | null> {
  if (!planSlugSchema.safeParse(slug).success) return null;
  return getPlanDetail(slug);
}

export async function loadReport(
  slug: string,
  query: { year: string | null | undefined; includeUnapproved: string | null | undefined },
  now: Date = new Date(),
): Promise<ReportRequest> {
  const plan = await findPlan(slug);
  if (!plan) return UNKNOWN_PLAN;
  const parsed = reportQuerySchema(plan).safeParse({ year: query.year ?? undefined, includeUnapproved: query.includeUnapproved ?? undefined });
  if (!parsed.success) return { ok: false, status: 400, message: firstIssue(parsed.error) };
  const figures = await getPlanFigures(plan.id);
  const progress = assessPlan(plan, figures, parsed.data.year, { includeUnapproved: parsed.data.includeUnapproved });
  return { ok: true, plan, figures, progress, report: buildReport(plan, progress, { generatedAt: now }) };
}

/** A JSON error answer in the API's shape: { error: { status, message } }. */
export function errorResponse(status: number, message: string): Response {
  return Response.json({ error: { status, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Path of the report page (suffix '' ), its print page ('/print') or a download ('/export/xlsx'). */
export function reportPath(slug: string, year: number, includeUnapproved: boolean, suffix = ''): string {
  const path = `/reports/${encodeURIComponent(slug)}/${year}${suffix}`;
  return includeUnapproved ? `${path}?includeUnapproved=1` : path;
}

/** The route props of /reports/[plan]/[year] and its print page. */
export interface ReportPageProps {
  params: Promise<{ plan: string; year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The report a report page shows, from its route params and ?includeUnapproved=. */
export async function loadReportPage({ params, searchParams }: ReportPageProps) {
  const [{ plan, year }, search] = await Promise.all([params, searchParams]);
  const raw = search.includeUnapproved;
  return loadReport(plan, { year, includeUnapproved: Array.isArray(raw) ? raw[0] : raw });
}
