import { getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/session';
import { getPlanDetail } from '@/lib/data/plans';
import { PlanTable } from './_components/plan-table';
import { SampleDataNotice } from './_components/sample-data-notice';

export default async function HomePage() {
  await requirePageUser('plans.read');
  const [plan, t] = await Promise.all([getPlanDetail(), getTranslations('plan')]);
  if (!plan) return <p className="rounded border border-amber-300 bg-amber-50 p-4">{t('noPlan')}</p>;

  return (
    <div className="space-y-4">
      {plan.hasSampleData && <SampleDataNotice />}
      <header>
        <h1 className="text-xl font-semibold sm:text-2xl">
          {plan.name}
          {plan.status === 'archived' && <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 align-middle text-xs">{t('archived')}</span>}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {t('period', { region: plan.region, baseYear: plan.baseYear, firstYear: plan.firstYear, lastYear: plan.lastYear })}
          {' · '}
          {t('indicatorCount', { count: plan.indicators.length, categories: plan.categories.length })}
        </p>
      </header>
      <PlanTable plan={plan} />
      <p className="text-xs text-slate-500">{t('source', { source: plan.sourceDocument })}</p>
    </div>
  );
}
