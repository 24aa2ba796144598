import Link from 'next/link';
import { BenchmarkLinks } from '@/app/_components/benchmarks/benchmark-links';
import { getLocale, getTranslations } from 'next-intl/server';
import { DashboardControls, UnapprovedNotice } from './dashboard-controls';
import { CompletionChart } from './completion-chart';
import { IndicatorCard } from './indicator-card';
import { StatusSummary } from './status-summary';
import { SampleDataNotice } from '../sample-data-notice';
import { completionScaleMax } from '@/lib/views/chart-geometry';
import { dashboardHref, parseDashboardQuery, type SearchParams } from '@/lib/views/dashboard';
import { indicatorPath } from '@/lib/views/paths';
import { BindingIndicators, LateUnits, PlanSwitcher } from './plan-extras';
import type { PlanDetail } from '@/lib/data/types';
import { loadOverdueFigures, loadOverview, loadPlanFigures, loadPlans, loadTaskRollup } from '@/lib/loaders';
import { responsibilitiesPath, tasksPath } from '@/lib/views/paths';
import { taskSummarySentenceEn } from '@/lib/progress';
import { categoryLang, categoryName } from '@/lib/views/names';

/** Leaders' overview of one plan: summary, counts by status, a card per indicator, completion vs 序时进度. */
export async function PlanOverview({ plan, searchParams }: { plan: PlanDetail; searchParams: SearchParams }) {
  const [figures, t, plans, locale] = await Promise.all([loadPlanFigures(plan.id), getTranslations('dashboard'), loadPlans(), getLocale()]);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const overview = await loadOverview(plan, parseDashboardQuery(searchParams, plan, figures));
  const { query, progress, defaultYear } = overview;
  const path = `/plans/${plan.slug}`;
  const keep = { asOfYear: query.asOfYear, includeUnapproved: query.includeUnapproved };
  const scaleMax = completionScaleMax(overview.chartItems.map((i) => i.assessment.completion));
  // 重点任务: one line for leaders; the dashboard's year when one was chosen, else the tasks' own default year.
  const taskYear = query.asOfYear !== defaultYear ? query.asOfYear : null;
  const tasks = await loadTaskRollup(plan.slug, taskYear, !query.includeUnapproved);

  return (
    <div className="space-y-4">
      {plan.hasSampleData && <SampleDataNotice />}
      <PlanSwitcher plans={plans} currentSlug={plan.slug} />
      <header className="flex flex-wrap items-end justify-between gap-x-4 gap-y-1">
        <div>
          <h1 className="text-xl font-semibold sm:text-2xl">{plan.name}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {t('period', { region: plan.region, baseYear: plan.baseYear, firstYear: plan.firstYear, lastYear: plan.lastYear })}
          </p>
        </div>
        <nav className="no-print flex flex-wrap gap-3 text-sm">
          <BenchmarkLinks planSlug={plan.slug} firstYear={plan.firstYear} />
          <Link href={`${path}/definitions`} className="text-brand-700 underline hover:text-brand-800">{t('definitionsLink')}</Link>
        </nav>
      </header>

      {tasks && tasks.rollup.total > 0 && (
        <p className="rounded border border-brand-100 bg-white px-3 py-2 text-sm" data-testid="task-summary">
          <span className="font-medium text-brand-800">{t('tasksHeading', { year: tasks.year })}</span>{locale === 'en' ? taskSummarySentenceEn(tasks.rollup) : tasks.sentence}{' '}
          <Link href={tasksPath(plan.slug, { year: taskYear, includeUnapproved: query.includeUnapproved ? '1' : null })} className="no-print whitespace-nowrap text-brand-700 underline">{t('tasksLink')}</Link>{' '}
          <Link href={responsibilitiesPath(plan.slug)} className="no-print whitespace-nowrap text-brand-700 underline">{t('responsibilitiesLink')}</Link>
        </p>
      )}

      <DashboardControls path={path} query={query} years={overview.years} defaultYear={defaultYear} offerUnapproved={overview.hasUnapprovedFigures} />
      <UnapprovedNotice query={query} />
      <BindingIndicators items={progress.indicators} hrefOf={(id) => dashboardHref(indicatorPath(plan.slug, id), keep, { asOfYear: defaultYear })} />
      <LateUnits overdue={await loadOverdueFigures(plan, today)} />
      <StatusSummary progress={progress} path={path} query={query} defaultYear={defaultYear} shownCount={overview.shownCount} />

      {overview.shownCount === 0 && (
        <p className="rounded border border-slate-300 bg-white p-4 text-sm">
          {t('filter.none')}{' '}
          <Link href={dashboardHref(path, keep, { asOfYear: defaultYear })} className="text-brand-700 underline">{t('filter.clear')}</Link>
        </p>
      )}

      {overview.groups
        .filter((group) => group.cards.length > 0)
        .map((group) => (
          <section key={group.category.id} aria-labelledby={`category-${group.category.position}`} className="break-inside-avoid-page">
            <h2 id={`category-${group.category.position}`} className="mb-2 flex items-baseline gap-3 text-base font-semibold text-brand-800">
              <Link href={dashboardHref(`${path}/categories/${group.category.position}`, keep, { asOfYear: defaultYear })} className="hover:underline">
                <span lang={categoryLang(locale, group.category)}>{categoryName(locale, group.category)}</span>
              </Link>
            </h2>
            <div className="grid grid-cols-1 gap-3 md:grid-cols-2 lg:grid-cols-3 print:grid-cols-3">
              {group.cards.map((card) => (
                <IndicatorCard key={card.indicator.id} card={card} scaleMax={scaleMax} href={dashboardHref(indicatorPath(plan.slug, card.indicator.id), keep, { asOfYear: defaultYear })} />
              ))}
            </div>
            {group.moreCount > 0 && (
              <p className="mt-2 text-sm" data-testid="category-more">
                <Link href={dashboardHref(`${path}/categories/${group.category.position}`, keep, { asOfYear: defaultYear })} className="text-brand-700 underline">
                  {t('filter.more', { count: group.moreCount })}
                </Link>
              </p>
            )}
          </section>
        ))}

      <CompletionChart items={overview.chartItems} scaleMax={scaleMax} note={overview.capped ? t('completionChart.capped', { count: overview.chartItems.length }) : undefined} />
    </div>
  );
}
