import { withApiAuth } from '@/lib/auth/api';
import { buildFiguresCsv } from '@/lib/export/csv';
import { CONTENT_TYPES, downloadResponse } from '@/lib/export/http';
import { figuresFileBaseName } from '@/lib/export/report';
import { errorResponse } from '@/lib/http/errors';
import { loadPlan, loadPlanFigures } from '@/lib/loaders';

export const dynamic = 'force-dynamic';

interface PlanRouteContext {
  params: Promise<{ slug: string }>;
}

/** GET /api/plans/{plan}/figures.csv — every yearly figure of the plan, whatever its review status. Read-only. */
async function getFiguresCsv(_request: Request, { params }: PlanRouteContext): Promise<Response> {
  const { slug } = await params;
  const plan = await loadPlan(slug);
  if (!plan) return errorResponse(404, '找不到这个规划。');
  const bytes = buildFiguresCsv(plan, await loadPlanFigures(plan.id));
  return downloadResponse(bytes, CONTENT_TYPES.csv, `${figuresFileBaseName(plan)}.csv`, `${plan.slug}_figures.csv`);
}

// A session or a read-only API token (lib/auth/api.ts).
export const GET = withApiAuth('reports.export', getFiguresCsv);
