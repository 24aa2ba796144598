import { requirePageUser } from '@/lib/auth/session';
import { notFound, redirect } from 'next/navigation';
import { getPlanFigures } from '@/lib/data/figures';
import { defaultAsOfYear } from '@/lib/plan-progress';
import { findPlan, reportPath } from '@/lib/report-request';
import { includeUnapprovedSchema, reportYearSchema } from '@/lib/schemas/report';

/** /reports/{plan}?year=&includeUnapproved= — where the options form lands; redirects to the report page. */
export default async function PlanReports({ params, searchParams }: { params: Promise<{ plan: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('plans.read');
  const [{ plan: slug }, search] = await Promise.all([params, searchParams]);
  const plan = await findPlan(slug);
  if (!plan) notFound();
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const year = reportYearSchema(plan).safeParse(first(search.year));
  const include = includeUnapprovedSchema.safeParse(first(search.includeUnapproved));
  const chosenYear = year.success ? year.data : defaultAsOfYear(plan, await getPlanFigures(plan.id));
  redirect(reportPath(plan.slug, chosenYear, include.success && include.data));
}
