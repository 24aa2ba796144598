import { withApiAuth } from '@/lib/auth/api';
import { getPlanDetail } from '@/lib/data/plans';
import { CONTENT_TYPES, downloadResponse } from '@/lib/export/http';
import { buildPlanTableWorkbook } from '@/lib/import/plan-table-workbook';

/** The plan's indicator definitions in the layout of 表1 (.xlsx), the same file the plan import reads. */
export const GET = withApiAuth('plans.manage', async (_request: Request, context: { params: Promise<{ slug: string }> }) => {
  const plan = await getPlanDetail((await context.params).slug);
  if (!plan) return Response.json({ error: '找不到该规划' }, { status: 404 });
  const bytes = await buildPlanTableWorkbook(plan);
  return downloadResponse(bytes, CONTENT_TYPES.xlsx, `${plan.region}${plan.shortName}规划指标表.xlsx`, `plan-${plan.slug}.xlsx`);
});
