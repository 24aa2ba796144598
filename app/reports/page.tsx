import { requirePageUser } from '@/lib/auth/session';
import { notFound, redirect } from 'next/navigation';
import { defaultAsOfYear } from '@/lib/views/plan-progress';
import { loadCurrentPlan, loadPlanFigures } from '@/lib/loaders';
import { reportPath } from '@/lib/views/paths';

/** /reports: the current plan's report for the latest year with approved figures. */
export default async function ReportsIndex() {
  await requirePageUser('plans.read');
  const plan = await loadCurrentPlan();
  if (!plan) notFound();
  redirect(reportPath(plan.slug, defaultAsOfYear(plan, await loadPlanFigures(plan.id)), false));
}
