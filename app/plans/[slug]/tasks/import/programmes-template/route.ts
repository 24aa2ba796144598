import { withApiAuth } from '@/lib/auth/api';
import { downloadResponse } from '@/lib/export/http';
import { errorResponse } from '@/lib/http/errors';
import { buildTaskProgrammeTemplate } from '@/lib/import/task-programme-workbook';
import { loadPlan } from '@/lib/loaders';

export const dynamic = 'force-dynamic';

/** GET /plans/{plan}/tasks/import/programmes-template — the empty .xlsx a new plan's 专栏 and actions are typed into. */
export const GET = withApiAuth('tasks.manage', async (_request: Request, context: { params: Promise<{ slug: string }> }) => {
  const plan = await loadPlan((await context.params).slug);
  if (!plan) return errorResponse(404, '找不到该规划');
  const bytes = await buildTaskProgrammeTemplate(plan.name);
  return downloadResponse(bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${plan.region}${plan.shortName}规划重点任务导入表.xlsx`, 'task-programmes.xlsx');
});
