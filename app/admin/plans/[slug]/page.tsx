import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/session';
import { definitionChecks, formatPlanFigure, formatPlannedChange } from '@/lib/progress';
import { BindingBadge } from '@/app/_components/binding-badge';
import { DefinitionChecks } from '@/app/_components/admin/definition-checks';
import { DueDatesForm, EditPlanForm } from '@/app/_components/admin/plan-edit-forms';
import { IndicatorRowActions } from '@/app/_components/admin/plan-row-actions';
import { SignOffForm } from '@/app/_components/admin/sign-off-form';
import { secondaryButtonClass } from '@/app/_components/form-classes';
import { loadPlan, loadPlanSignOff } from '@/lib/loaders';
import { planYears } from '@/lib/schemas/params';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const plan = await loadPlan((await params).slug);
  return { title: plan?.name };
}

export default async function PlanAdminPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePageUser('plans.manage');
  const plan = await loadPlan((await params).slug);
  if (!plan) notFound();
  const [t, tKinds, signOff] = await Promise.all([getTranslations('plansAdmin'), getTranslations('plansAdmin.kinds'), loadPlanSignOff(plan.id)]);
  const archived = plan.status === 'archived';
  const years = planYears(plan);
  const checks = definitionChecks(plan.indicators, plan.baseYear, plan.lastYear);
  const base = `/admin/plans/${plan.slug}`;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm"><Link href="/admin/plans" className="text-brand-700 underline">{t('backToList')}</Link></p>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold sm:text-2xl">
              {plan.name}
              {plan.isCurrent && <span className="ml-2 rounded bg-brand-700 px-2 py-0.5 align-middle text-xs font-normal text-white">{t('list.current')}</span>}
              {archived && <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 align-middle text-xs font-normal text-slate-700">{t('status.archived')}</span>}
            </h1>
            <p className="mt-1 text-sm text-slate-600">{t('list.years', { baseYear: plan.baseYear, firstYear: plan.firstYear, lastYear: plan.lastYear })} · <span className="font-mono">{plan.slug}</span></p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Link href={`/plans/${plan.slug}`} className={secondaryButtonClass}>{t('detail.overview')}</Link>
            <a href={`${base}/definitions.xlsx`} className={secondaryButtonClass} download>{t('detail.download')}</a>
            <Link href={`${base}/next-plan`} className={secondaryButtonClass}>测算下一规划目标</Link>
          </div>
        </div>
        {archived && <p className="rounded bg-slate-100 px-3 py-2 text-sm text-slate-700">{t('detail.archivedNotice')}</p>}
      </header>

      <DefinitionChecks checks={checks} id="checks-heading" />

      <section aria-labelledby="indicators-heading" className="rounded border border-slate-200 bg-white">
        <div className="flex flex-wrap items-center justify-between gap-2 p-4 pb-2">
          <h2 id="indicators-heading" className="text-base font-semibold">{t('indicators.title', { count: plan.indicators.length })}</h2>
          {!archived && <Link href={`${base}/indicators/new`} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">{t('indicators.add')}</Link>}
        </div>
        {plan.indicators.length === 0 ? (
          <p className="px-4 pb-4 text-sm text-slate-600">{t('indicators.empty')}</p>
        ) : (
          <ol className="divide-y divide-slate-200 border-t border-slate-200" data-testid="indicator-list">
            {plan.indicators.map((indicator, index) => (
              <li key={indicator.id} className="flex flex-col gap-2 px-4 py-2.5 sm:flex-row sm:items-center sm:justify-between" data-testid="indicator-row">
                <div className="min-w-0 text-sm">
                  <p>
                    <span className="tabular-nums text-slate-500">{indicator.sequence}.</span>{' '}
                    <Link href={`${base}/indicators/${indicator.id}`} className="font-medium text-brand-700 underline">{indicator.name}</Link>
                    <span className="text-slate-600">（{indicator.unit}）</span>
                    <BindingBadge attribute={indicator.attribute} />
                  </p>
                  <p className="mt-0.5 text-xs text-slate-600">
                    {indicator.category.name} · {tKinds(indicator.kind)} · {t('indicators.baseTarget', { baseline: formatPlanFigure(indicator.baseline), target: formatPlanFigure(indicator.target), change: formatPlannedChange(indicator) })}
                    {indicator.responsibleUnit && ` · ${indicator.responsibleUnit}`}
                  </p>
                </div>
                {!archived && (
                  <IndicatorRowActions planSlug={plan.slug} id={indicator.id} name={indicator.name} first={index === 0} last={index === plan.indicators.length - 1} />
                )}
              </li>
            ))}
          </ol>
        )}
        {plan.archivedIndicators.length > 0 && (
          <details className="border-t border-slate-200 px-4 py-2 text-sm">
            <summary className="cursor-pointer text-slate-700">{t('indicators.archived', { count: plan.archivedIndicators.length })}</summary>
            <ul className="mt-1 list-disc pl-5 text-slate-600">
              {plan.archivedIndicators.map((i) => <li key={i.id}>{i.name}（{i.unit}）</li>)}
            </ul>
          </details>
        )}
      </section>

      {!archived && (
        <section aria-labelledby="due-heading" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="due-heading" className="text-base font-semibold">{t('dueDates.title')}</h2>
          <p className="mb-3 mt-1 text-sm text-slate-600">{t('dueDates.intro')}</p>
          <DueDatesForm slug={plan.slug} years={years} dueDates={plan.dueDates} />
        </section>
      )}

      {!archived && (
        <section aria-labelledby="sign-off-heading" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="sign-off-heading" className="text-base font-semibold">{t('signOff.title')}</h2>
          <p className="mb-3 mt-1 text-sm text-slate-600">{t('signOff.intro')}</p>
          <SignOffForm slug={plan.slug} signOff={signOff} />
        </section>
      )}

      {!archived && (
        <section aria-labelledby="edit-heading" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="edit-heading" className="mb-3 text-base font-semibold">{t('edit.title')}</h2>
          <EditPlanForm plan={plan} />
        </section>
      )}
    </div>
  );
}
