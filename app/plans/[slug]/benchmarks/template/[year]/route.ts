import { withApiAuth } from '@/lib/auth/api';
import { downloadResponse } from '@/lib/export/http';
import { buildBenchmarkTemplate } from '@/lib/import/benchmark-workbook';
import { errorResponse } from '@/lib/http/errors';
import { loadPlan, loadPlanBenchmarks } from '@/lib/loaders';
import { benchmarkImportYears } from '@/lib/schemas/benchmarks';
import { templateSubjects } from '@/lib/views/benchmark-import';

/** The year's reference-value template (.xlsx): the plan's indicators and series × the kinds, as stored (approved ones locked). */
export const GET = withApiAuth('figures.enter', async (_request: Request, context: { params: Promise<{ slug: string; year: string }> }) => {
  const { slug, year: yearParam } = await context.params;
  const plan = await loadPlan(slug);
  const year = Number(yearParam);
  if (!plan || !/^\d{4}$/.test(yearParam) || !benchmarkImportYears(plan).includes(year)) return errorResponse(404, '找不到该规划或年份');
  const benchmarks = await loadPlanBenchmarks(plan.id);
  const bytes = await buildBenchmarkTemplate({ planSlug: plan.slug, planName: plan.name, year, subjects: templateSubjects(plan, benchmarks, year) });
  const name = `${plan.region}${plan.shortName}规划对标值填报_${year}年.xlsx`;
  return downloadResponse(bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name, `benchmark-template-${year}.xlsx`);
});
