import { getTranslations } from 'next-intl/server';
import { PlanOverview } from '@/app/_components/dashboard/plan-overview';
import { requirePageUser } from '@/lib/auth/session';
import type { SearchParams } from '@/lib/views/dashboard';
import { loadCurrentPlan } from '@/lib/loaders';

/** The start page is the current plan's overview; its links carry the plan's slug (/plans/[slug]/…). */
export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser('plans.read');
  const plan = await loadCurrentPlan();
  if (!plan) {
    const t = await getTranslations('plan');
    return <p className="rounded border border-amber-300 bg-amber-50 p-4">{t('noPlan')}</p>;
  }
  return <PlanOverview plan={plan} searchParams={await searchParams} />;
}
