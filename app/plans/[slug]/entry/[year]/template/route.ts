import { withApiAuth } from '@/lib/auth/api';
import { getPlanFigures } from '@/lib/data/figures';
import { getPlanDetail } from '@/lib/data/plans';
import { entryRows } from '@/lib/entry-sheet';
import { downloadResponse } from '@/lib/export/http';
import { buildFigureTemplate } from '@/lib/import/figure-workbook';

/** The year's entry template (.xlsx) with last year's figures; for those who may enter figures. */
export const GET = withApiAuth('figures.enter', async (_request: Request, context: { params: Promise<{ slug: string; year: string }> }) => {
  const { slug, year: yearParam } = await context.params;
  const year = Number(yearParam);
  const plan = await getPlanDetail(slug);
  if (!plan || !Number.isInteger(year) || year < plan.firstYear || year > plan.lastYear) {
    return Response.json({ error: '找不到该规划或年份' }, { status: 404 });
  }
  const rows = entryRows(plan, await getPlanFigures(plan.id), year);
  const bytes = await buildFigureTemplate({
    planSlug: plan.slug,
    planName: plan.name,
    year,
    indicators: rows.map(({ indicator, previous }) => ({
      id: indicator.id,
      sequence: indicator.sequence,
      category: indicator.category.name,
      name: indicator.name,
      unit: indicator.unit,
      kind: indicator.kind,
      decimals: indicator.decimals,
      previous: previous && { year: previous.year, value: previous.value },
    })),
  });
  const name = `${plan.region}${plan.shortName}规划指标数据填报_${year}年.xlsx`;
  return downloadResponse(bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name, `entry-template-${year}.xlsx`);
});
