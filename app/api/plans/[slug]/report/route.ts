import { withApiAuth } from '@/lib/auth/api';
import { errorResponse } from '@/lib/http/errors';
import { loadReport } from '@/lib/loaders';

export const dynamic = 'force-dynamic';

interface PlanRouteContext {
  params: Promise<{ slug: string }>;
}

/**
 * GET /api/plans/{plan}/report?year=2023[&includeUnapproved=1] — the annual report as JSON: the table
 * exactly as exported (ReportData: texts and the raw numbers behind them) plus each indicator's raw
 * assessment from lib/progress. Read-only.
 */
async function getReport(request: Request, { params }: PlanRouteContext): Promise<Response> {
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const loaded = await loadReport(slug, { year: search.get('year'), includeUnapproved: search.get('includeUnapproved') });
  if (!loaded.ok) return errorResponse(loaded.status, loaded.message);
  const { report, progress } = loaded;
  return Response.json(
    {
      report,
      indicators: progress.indicators.map(({ indicator, assessment, usesUnapproved }) => ({
        id: indicator.id,
        sequence: indicator.sequence,
        name: indicator.name,
        unit: indicator.unit,
        kind: indicator.kind,
        decimals: indicator.decimals,
        baseline: indicator.baseline,
        target: indicator.target,
        annualRate: indicator.annualRate,
        cumulativeIncrease: indicator.cumulativeIncrease,
        usesUnapproved,
        assessment,
      })),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

// A session or a read-only API token (lib/auth/api.ts).
export const GET = withApiAuth('reports.export', getReport);
