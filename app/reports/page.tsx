import { requirePageUser } from '@/lib/auth/session';
import { notFound, redirect } from 'next/navigation';
import { getPlanFigures } from '@/lib/data/figures';
import { getPlanDetail } from '@/lib/data/plans';
import { defaultAsOfYear } from '@/lib/plan-progress';
import { reportPath } from '@/lib/report-request';

/** /reports: the current plan's report for the latest year with approved figures. */
export default async function ReportsIndex() {
  await requirePageUser('plans.read');
  const plan = await getPlanDetail();
  if (!plan) notFound();
  redirect(reportPath(plan.slug, defaultAsOfYear(plan, await getPlanFigures(plan.id)), false));
}
