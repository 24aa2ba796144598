import { requirePageUser } from '@/lib/auth/session';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PlanTable } from '@/app/_components/plan-table';
import { SampleDataNotice } from '@/app/_components/sample-data-notice';
import { loadPlan } from '@/lib/loaders';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const [plan, t] = await Promise.all([loadPlan((await params).slug), getTranslations('plan')]);
  return { title: plan ? `${t('tableCaption')} · ${plan.name}` : undefined };
}

/** The plan's 表1 as published: categories, indicators, baselines, targets, planned growth. */
export default async function PlanDefinitionsPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePageUser('plans.read');
  const plan = await loadPlan((await params).slug);
  if (!plan) notFound();
  const t = await getTranslations();
  return (
    <div className="space-y-4">
      {plan.hasSampleData && <SampleDataNotice />}
      <header className="flex flex-wrap items-end justify-between gap-x-4 gap-y-1">
        <div>
          <h1 className="text-xl font-semibold sm:text-2xl">
            {plan.name}
            {plan.status === 'archived' && <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 align-middle text-xs">{t('plan.archived')}</span>}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {t('plan.period', { region: plan.region, baseYear: plan.baseYear, firstYear: plan.firstYear, lastYear: plan.lastYear })}
            {' · '}
            {t('plan.indicatorCount', { count: plan.indicators.length, categories: plan.categories.length })}
          </p>
        </div>
        <Link href={`/plans/${plan.slug}`} className="no-print text-sm text-brand-700 underline hover:text-brand-800">{t('dashboard.overviewLink')}</Link>
      </header>
      <PlanTable plan={plan} />
      <p className="text-xs text-slate-600">{t('plan.source', { source: plan.sourceDocument })}</p>
    </div>
  );
}
