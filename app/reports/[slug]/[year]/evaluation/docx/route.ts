import { withApiAuth } from '@/lib/auth/api';
import { buildEvaluationDocx } from '@/lib/export/evaluation-docx';
import { CONTENT_TYPES, downloadResponse } from '@/lib/export/http';
import { errorResponse } from '@/lib/http/errors';
import { loadEvaluation } from '@/lib/loaders/evaluation';

export const dynamic = 'force-dynamic';

interface RouteContext {
  params: Promise<{ slug: string; year: string }>;
}

/** GET /reports/{plan}/{year}/evaluation/docx[?kind=annual|midterm|final][&includeUnapproved=1] — the evaluation report as a Word file. */
async function downloadEvaluation(request: Request, { params }: RouteContext): Promise<Response> {
  const { slug, year } = await params;
  const search = new URL(request.url).searchParams;
  const loaded = await loadEvaluation(slug, { year, includeUnapproved: search.get('includeUnapproved'), kind: search.get('kind') });
  if (!loaded.ok) return errorResponse(loaded.status, loaded.message);
  const { draft, report } = loaded;
  const bytes = await buildEvaluationDocx({ draft, report });
  const name = draft.title.replace(/["'“”‘’「」『』]/g, '');
  return downloadResponse(bytes, CONTENT_TYPES.docx, `${name}.docx`, `${report.planSlug}_${report.year}_evaluation_${draft.kind}.docx`);
}

// A session or a read-only API token (lib/auth/api.ts).
export const GET = withApiAuth('reports.export', downloadEvaluation);
