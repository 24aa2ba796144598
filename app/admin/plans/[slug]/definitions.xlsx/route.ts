import { errorResponse } from '@/lib/http/errors';
import { withApiAuth } from '@/lib/auth/api';
import { CONTENT_TYPES, downloadResponse } from '@/lib/export/http';
import { buildPlanTableWorkbook } from '@/lib/import/plan-table-workbook';
import { loadPlan } from '@/lib/loaders';

/** The plan's indicator definitions in the layout of 表1 (.xlsx), the same file the plan import reads. */
export const GET = withApiAuth('plans.manage', async (_request: Request, context: { params: Promise<{ slug: string }> }) => {
  const plan = await loadPlan((await context.params).slug);
  if (!plan) return errorResponse(404, '找不到该规划');
  const bytes = await buildPlanTableWorkbook(plan);
  return downloadResponse(bytes, CONTENT_TYPES.xlsx, `${plan.region}${plan.shortName}规划指标表.xlsx`, `plan-${plan.slug}.xlsx`);
});
