import { withApiAuth } from '@/lib/auth/api';
import { entryRows } from '@/lib/views/entry-sheet';
import { downloadResponse } from '@/lib/export/http';
import { buildFigureTemplate } from '@/lib/import/figure-workbook';
import { errorResponse } from '@/lib/http/errors';
import { loadPlanFigures, loadPlanYear } from '@/lib/loaders';

/** The year's entry template (.xlsx): last year's figures and this year's as stored (approved ones locked). */
export const GET = withApiAuth('figures.enter', async (_request: Request, context: { params: Promise<{ slug: string; year: string }> }) => {
  const { slug, year: yearParam } = await context.params;
  const found = await loadPlanYear(slug, yearParam);
  if (!found) return errorResponse(404, '找不到该规划或年份');
  const { plan, year } = found;
  const rows = entryRows(plan, await loadPlanFigures(plan.id), year);
  const bytes = await buildFigureTemplate({
    planSlug: plan.slug,
    planName: plan.name,
    year,
    indicators: rows.map(({ indicator, previous, current }) => ({
      id: indicator.id,
      sequence: indicator.sequence,
      category: indicator.category.name,
      name: indicator.name,
      unit: indicator.unit,
      kind: indicator.kind,
      decimals: indicator.decimals,
      previous: previous && { year: previous.year, value: previous.value },
      current: current && { value: current.value, source: current.source, quality: current.quality, note: current.note, status: current.status },
    })),
  });
  const name = `${plan.region}${plan.shortName}规划指标数据填报_${year}年.xlsx`;
  return downloadResponse(bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name, `entry-template-${year}.xlsx`);
});
