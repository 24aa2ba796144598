import { withApiAuth } from '@/lib/auth/api';
import { errorResponse } from '@/lib/http/errors';
import { loadTaskReport } from '@/lib/loaders';

export const dynamic = 'force-dynamic';

/**
 * GET /api/plans/{plan}/tasks[?year=2025][&includeUnapproved=1] — the key tasks (read-only): the roll-up,
 * the 重点任务推进情况表 exactly as exported, each action with its targets, status and counted report, and
 * the projects with their milestones. README "Key tasks" documents the fields.
 */
async function getTasks(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const loaded = await loadTaskReport(slug, { year: search.get('year'), includeUnapproved: search.get('includeUnapproved') });
  if (!loaded.ok) return errorResponse(loaded.status, loaded.message);
  const { overview, report, tasks } = loaded;
  return Response.json({
    year: overview.year,
    summary: overview.sentence,
    rollup: overview.rollup,
    report,
    actions: overview.programmes.flatMap((p) =>
      p.rows.map((row) => ({
        id: row.action.id,
        programme: p.number,
        programmeTitle: tasks.programmes.find((x) => x.number === p.number)?.title ?? null,
        number: row.action.number,
        name: row.action.name,
        text: row.action.text,
        leadUnit: row.action.leadUnit,
        cooperatingUnits: row.action.cooperatingUnits,
        status: row.status,
        period: row.period,
        targets: row.action.targets,
        report: row.report && {
          year: row.report.year, half: row.report.half, status: row.report.status, state: row.report.state, percent: row.report.percent,
          progress: row.report.progress, problems: row.report.problems, nextSteps: row.report.nextSteps, values: row.report.values,
          updatedAt: row.report.updatedAt, evidence: row.report.evidence.map((e) => ({ id: e.id, fileName: e.fileName, contentType: e.contentType, size: e.size })),
        },
      })),
    ),
    projects: tasks.projects,
  });
}

// A session or a read-only API token, as the other data endpoints.
export const GET = withApiAuth('plans.read', getTasks);
