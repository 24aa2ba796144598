import { requirePageUser } from '@/lib/auth/session';
import { notFound, redirect } from 'next/navigation';
import { defaultAsOfYear } from '@/lib/views/plan-progress';
import { loadPlan, loadPlanFigures } from '@/lib/loaders';
import { single } from '@/lib/schemas/params';
import { reportPath } from '@/lib/views/paths';
import { includeUnapprovedSchema, reportYearSchema } from '@/lib/schemas/report';

/** /reports/{plan}?year=&includeUnapproved= — where the options form lands; redirects to the report page. */
export default async function PlanReports({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('plans.read');
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const plan = await loadPlan(slug);
  if (!plan) notFound();
  const year = reportYearSchema(plan).safeParse(single(search.year));
  const include = includeUnapprovedSchema.safeParse(single(search.includeUnapproved));
  const chosenYear = year.success ? year.data : defaultAsOfYear(plan, await loadPlanFigures(plan.id));
  redirect(reportPath(plan.slug, chosenYear, include.success && include.data));
}
