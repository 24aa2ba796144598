import { isApiClient, withApiAuth } from '@/lib/auth/api';
import { canReportAction } from '@/lib/auth/permissions';
import { downloadResponse } from '@/lib/export/http';
import { errorResponse } from '@/lib/http/errors';
import { buildTaskReportTemplate, periodTitle, taskTemplateTargets } from '@/lib/import/task-report-workbook';
import { loadPlan, loadTaskPlan, loadTaskReports } from '@/lib/loaders';
import { taskImportPeriodSchema } from '@/lib/schemas/task-report';

export const dynamic = 'force-dynamic';

/**
 * GET /plans/{plan}/tasks/import/template?year=2025&half=H1 — the key-task reporting template of a period
 * (.xlsx), with the actions the caller may report, pre-filled with their stored reports (approved ones locked).
 */
export const GET = withApiAuth('tasks.report', async (request: Request, context: { params: Promise<{ slug: string }> }, caller) => {
  if (isApiClient(caller)) return errorResponse(403, '没有权限');
  const { slug } = await context.params;
  const search = new URL(request.url).searchParams;
  const parsed = taskImportPeriodSchema.safeParse({ planSlug: slug, year: search.get('year'), half: search.get('half') });
  if (!parsed.success) return errorResponse(400, '请指定报告期：year=年份&half=H1（上半年）或 FY（全年）');
  const plan = await loadPlan(slug);
  if (!plan) return errorResponse(404, '找不到该规划');
  const { year, half } = parsed.data;
  if (year < plan.firstYear || year > plan.lastYear) return errorResponse(400, '该年份不在规划期内');
  const [tasks, reports] = await Promise.all([loadTaskPlan(plan.id), loadTaskReports(plan.id)]);
  const actions = tasks.programmes.flatMap((p) =>
    p.actions
      .filter((a) => canReportAction(caller, a.id))
      .map((a) => {
        const current = reports.find((r) => r.actionId === a.id && r.year === year && r.half === half) ?? null;
        return {
          id: a.id, programme: p.number, number: a.number, name: a.name, targets: taskTemplateTargets(a.targets),
          current: current && { status: current.status, percent: current.percent, progress: current.progress, problems: current.problems, nextSteps: current.nextSteps, state: current.state, values: current.values },
        };
      }),
  );
  const bytes = await buildTaskReportTemplate({ planSlug: plan.slug, planName: plan.name, year, half, actions });
  const name = `${plan.region}${plan.shortName}规划重点任务填报_${periodTitle(year, half)}.xlsx`;
  return downloadResponse(bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name, `task-template-${year}-${half}.xlsx`);
});
