import { FigureHistory } from '@/app/_components/entry/figure-history';
import { BindingBadge } from '@/app/_components/binding-badge';
import { UnlockForm } from '@/app/_components/entry/unlock-form';
import { can, canEnterIndicator } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/session';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { DashboardControls, UnapprovedNotice } from '@/app/_components/dashboard/dashboard-controls';
import { FiguresTable } from '@/app/_components/dashboard/figures-table';
import { IndicatorMetrics } from '@/app/_components/dashboard/indicator-metrics';
import { StatusBadge } from '@/app/_components/dashboard/status-badge';
import { GrowthChart, TrajectoryChart } from '@/app/_components/dashboard/lazy-charts';
import { SampleDataNotice } from '@/app/_components/sample-data-notice';
import { dashboardHref, parseDashboardQuery, type SearchParams } from '@/lib/views/dashboard';
import { statusText } from '@/lib/i18n/progress-text';
import { formatNumber, formatPercent, formatPlanFigure, formatPlannedChange } from '@/lib/progress';
import { loadIndicatorHistory, loadIndicatorView, loadPlanBenchmarks, loadPlanFigures, loadPlanIndicator } from '@/lib/loaders';
import { BenchmarkPanel } from '@/app/_components/benchmarks/benchmark-panel';
import { subjectBenchmarkView, subjectsOf, withHistorySegment } from '@/lib/views/benchmarks';
import { niceAxis } from '@/lib/progress/axis';
import { isCount } from '@/lib/views/dashboard';
import { indicatorPath } from '@/lib/views/paths';
import { categoryLang, categoryName, indicatorLabel, indicatorName } from '@/lib/views/names';

type Params = Promise<{ slug: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { slug, id } = await params;
  const [found, locale] = await Promise.all([loadPlanIndicator(slug, id), getLocale()]);
  const indicator = found?.indicator;
  return { title: indicator ? `${indicator.sequence}. ${indicatorName(locale, indicator)}` : undefined };
}

/** One indicator: chart of actuals against the 序时 trajectory and the target, metrics, figures, definition. */
export default async function IndicatorPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser('plans.read');
  const { slug, id: rawId } = await params;
  const found = await loadPlanIndicator(slug, rawId);
  if (!found) notFound();
  const { plan } = found;
  const id = found.indicator.id;
  const [figures, history, benchmarks, t, locale] = await Promise.all([loadPlanFigures(plan.id), loadIndicatorHistory(plan, id), loadPlanBenchmarks(plan.id), getTranslations(), getLocale()]);
  const view = await loadIndicatorView(plan, id, parseDashboardQuery(await searchParams, plan, figures));
  if (!view) notFound();
  const { indicator, assessment } = view.item;
  const { query, defaultYear } = view;
  const keep = { asOfYear: query.asOfYear, includeUnapproved: query.includeUnapproved };
  const overviewHref = dashboardHref(`/plans/${plan.slug}`, keep, { asOfYear: defaultYear });
  const categoryHref = dashboardHref(`/plans/${plan.slug}/categories/${indicator.category.position}`, keep, { asOfYear: defaultYear });
  const growth = indicator.kind === 'growthRate';
  const d = indicator.decimals;
  // the English name and unit when an admin entered them, else the Chinese ones as a whole
  const names = indicatorLabel(locale, indicator);
  const category = { name: categoryName(locale, indicator.category), lang: categoryLang(locale, indicator.category) };
  const latestRow = view.trajectory.find((row) => row.year === assessment.latestYear);
  const baseRow = view.trajectory[0];
  const targetRow = view.trajectory.at(-1);
  const chartValue = (v: number | null | undefined) => formatNumber(v ?? null, growth ? 1 : d);
  const chartSummary =
    assessment.latestYear === null
      ? t('dashboard.indicator.chartSummaryNoData')
      : t(growth ? 'dashboard.indicator.chartSummaryIndex' : 'dashboard.indicator.chartSummaryLevel', {
          baseYear: plan.baseYear,
          baseline: chartValue(baseRow?.actual),
          year: assessment.latestYear,
          latest: chartValue(latestRow?.actual),
          planned: chartValue(latestRow?.planned),
          targetYear: plan.lastYear,
          target: chartValue(targetRow?.target),
          unit: names.unit,
        });
  const consistencyText = view.consistency.map((diff) =>
    t(`dashboard.consistency.${diff.field}`, {
      stated: String(diff.stated),
      implied: String(diff.implied),
      target: formatPlanFigure(indicator.target),
      baseline: formatPlanFigure(indicator.baseline),
      years: plan.lastYear - plan.baseYear,
    }),
  );
  const term = 'text-xs text-slate-600';
  // 对标 and the 十三五 segment (years before the base year that the plan text states)
  const subject = subjectsOf(plan, benchmarks).find((s) => s.indicatorId === indicator.id)!;
  const benchmarkView = subjectBenchmarkView(plan, figures, benchmarks, subject, { includeUnapproved: query.includeUnapproved, upToYear: query.asOfYear });
  const trajectory = withHistorySegment(view.trajectory, indicator, plan.baseYear, benchmarks.history);
  const historyYears = trajectory.filter((row) => row.year < plan.baseYear).map((row) => row.year);
  // The 十三五 segment widens the value range: the axis covers it too.
  const trajectoryAxis = historyYears.length > 0
    ? niceAxis(trajectory.flatMap((row) => [row.actual, row.planned, row.target, row.history]), { integer: isCount(indicator) })
    : view.trajectoryAxis;

  return (
    <div className="space-y-4">
      {plan.hasSampleData && <SampleDataNotice />}
      <nav aria-label={t('dashboard.indicator.breadcrumb')} className="no-print text-sm text-slate-600">
        <ol className="flex flex-wrap gap-1">
          <li><Link href={overviewHref} className="text-brand-700 underline hover:text-brand-800">{plan.name}</Link> ›</li>
          <li><Link href={categoryHref} lang={category.lang} className="text-brand-700 underline hover:text-brand-800">{category.name}</Link> ›</li>
          <li aria-current="page">{indicator.sequence}. <span lang={names.lang}>{names.name}</span></li>
        </ol>
      </nav>

      <header className="space-y-2">
        <h1 className="text-xl font-semibold sm:text-2xl">
          <span className="text-slate-500">{indicator.sequence}.</span> <span lang={names.lang}>{names.name}</span>
          <span className="ml-1 text-base font-normal text-slate-600" lang={names.lang}>{names.english ? `(${names.unit})` : `（${names.unit}）`}</span>
          <BindingBadge attribute={indicator.attribute} />
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <StatusBadge status={assessment.status} label={statusText(locale, assessment.status, assessment)} />
          {view.item.usesUnapproved && <span className="rounded border border-dashed border-amber-600 px-1.5 py-0.5 text-xs text-amber-900">{t('dashboard.card.unapproved')}</span>}
          {view.item.preliminaryInFinal && <span title={t('dashboard.card.preliminaryTitle')} className="rounded border border-dashed border-violet-600 px-1.5 py-0.5 text-xs text-violet-900">{t('dashboard.card.preliminary')}</span>}
          <span data-testid="indicator-lead">
            {assessment.latestYear === null
              ? t('dashboard.indicator.leadNoData', { year: query.asOfYear, expected: formatPercent(assessment.expectedProgress) })
              : t('dashboard.indicator.lead', { year: query.asOfYear, completion: formatPercent(assessment.completion), expected: formatPercent(assessment.expectedProgress) })}
          </span>
        </p>
      </header>

      <DashboardControls path={indicatorPath(plan.slug, indicator.id)} query={query} years={view.years} defaultYear={defaultYear} offerUnapproved={figures.some((f) => f.status === 'submitted' || f.status === 'draft')} />
      <UnapprovedNotice query={query} />

      <section aria-labelledby="chart-heading" className="rounded border border-slate-300 bg-white p-3 sm:p-4 break-inside-avoid">
        <h2 id="chart-heading" className="text-base font-semibold">{t('dashboard.indicator.chartHeading')}</h2>
        <p className="mt-1 text-xs text-slate-600">
          {growth ? t('dashboard.indicator.chartIndexNote', { baseYear: plan.baseYear }) : t('dashboard.indicator.chartLevelNote', { unit: names.unit })}
        </p>
        <div data-testid="trajectory-chart" className="mt-2">
          <TrajectoryChart
            rows={trajectory}
            axis={trajectoryAxis}
            decimals={growth ? 1 : d}
            labels={{
              actual: t('dashboard.indicator.actual'),
              planned: t('dashboard.indicator.planned'),
              target: t('dashboard.indicator.target', { year: plan.lastYear }),
              chart: t('dashboard.indicator.chartHeading'),
              history: t('benchmarks.historySegment'),
            }}
          />
        </div>
        <p className="mt-2 text-sm text-slate-700">{chartSummary}</p>
        {historyYears.length > 0 && <p className="mt-1 text-xs text-slate-600" data-testid="history-note">{t('benchmarks.historyNote', { years: [...historyYears, plan.baseYear].join(locale === 'en' ? ', ' : '、') })}</p>}
      </section>

      {growth && (
        <section aria-labelledby="growth-heading" className="rounded border border-slate-300 bg-white p-3 sm:p-4 break-inside-avoid">
          <h2 id="growth-heading" className="text-base font-semibold">{t('dashboard.indicator.growthHeading')}</h2>
          <div data-testid="growth-chart" className="mt-2">
            <GrowthChart
              rows={view.growth}
              axis={view.growthAxis}
              decimals={d}
              labels={{
                growth: t('dashboard.indicator.growth'),
                targetRate: t('dashboard.indicator.targetRate', { rate: `${formatPlanFigure(indicator.annualRate)}%` }),
                chart: t('dashboard.indicator.growthHeading'),
              }}
            />
          </div>
          <p className="mt-2 text-sm text-slate-700">
            {t('dashboard.indicator.growthSummary', {
              list: view.growth
                .map((row) => t('dashboard.indicator.growthItem', { year: row.year, value: row.growth === null ? t('dashboard.indicator.growthNone') : `${formatNumber(row.growth, d)}%` }))
                .join(locale === 'en' ? '; ' : '；'),
              rate: `${formatPlanFigure(indicator.annualRate)}%`,
            })}
          </p>
        </section>
      )}

      <BenchmarkPanel view={{ ...benchmarkView, subject: { ...benchmarkView.subject, unit: names.unit } }} manageHref={can(user, 'figures.enter') ? `/plans/${plan.slug}/benchmarks#enter` : null} />

      <section aria-labelledby="metrics-heading">
        <h2 id="metrics-heading" className="mb-2 text-base font-semibold">{t('dashboard.indicator.metricsHeading')}</h2>
        <IndicatorMetrics indicator={indicator} assessment={assessment} targetYear={plan.lastYear} />
      </section>

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading" className="mb-2 text-base font-semibold">{t('dashboard.indicator.figuresHeading')}</h2>
        <FiguresTable indicator={indicator} figures={view.figures} />
      </section>

      {plan.status === 'active' && (canEnterIndicator(user, indicator.id) || can(user, 'figures.unlock')) && (
        <section aria-labelledby="figure-actions-heading" className="no-print space-y-2 rounded border border-slate-300 bg-white p-3 sm:p-4">
          <h2 id="figure-actions-heading" className="text-base font-semibold">{t('figureActions.title')}</h2>
          {canEnterIndicator(user, indicator.id) && (
            <p className="flex flex-wrap items-center gap-1 text-sm">
              {t('figureActions.enter')}
              {view.years.map((year) => (
                <Link key={year} href={`/plans/${plan.slug}/entry/${year}#entry-row-${indicator.sequence}`} className="rounded px-2 py-0.5 text-brand-700 underline ring-1 ring-slate-300 hover:bg-slate-100">
                  {year}
                </Link>
              ))}
            </p>
          )}
          {can(user, 'figures.unlock') && figures.some((f) => f.indicatorId === indicator.id && f.status === 'approved') && (
            <div className="space-y-2">
              <h3 className="text-sm font-medium">{t('figureActions.unlockTitle')}</h3>
              {figures
                .filter((f) => f.indicatorId === indicator.id && f.status === 'approved')
                .map((f) => (
                  <UnlockForm key={f.id} id={f.id} version={f.version} year={f.year} />
                ))}
            </div>
          )}
        </section>
      )}

      <section aria-labelledby="history-heading" className="rounded border border-slate-300 bg-white p-3 sm:p-4">
        <h2 id="history-heading" className="mb-2 text-base font-semibold">{t('entry.history')}</h2>
        <FigureHistory entries={history} decimals={indicator.decimals} />
      </section>

      <section aria-labelledby="definition-heading" className="rounded border border-slate-300 bg-white p-3 sm:p-4 break-inside-avoid">
        <h2 id="definition-heading" className="text-base font-semibold">{t('dashboard.indicator.definitionHeading')}</h2>
        <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <div><dt className={term}>{t('dashboard.definition.unit')}</dt><dd lang={names.lang}>{names.unit}</dd></div>
          <div><dt className={term}>{t('dashboard.definition.kind')}</dt><dd>{t(`dashboard.definition.kinds.${indicator.kind}`)}</dd></div>
          <div><dt className={term}>{t('dashboard.definition.attribute')}</dt><dd>{t(`attribute.${indicator.attribute}`)}</dd></div>
          <div><dt className={term}>{t('dashboard.definition.baseline', { year: plan.baseYear })}</dt><dd className="tabular-nums">{formatPlanFigure(indicator.baseline)}</dd></div>
          <div><dt className={term}>{t('dashboard.definition.target', { year: plan.lastYear })}</dt><dd className="tabular-nums">{formatPlanFigure(indicator.target)}</dd></div>
          <div><dt className={term}>{t('table.annualChange')}</dt><dd className="tabular-nums">{formatPlannedChange(indicator)}</dd></div>
          <div className="sm:col-span-2 lg:col-span-3"><dt className={term}>{t('dashboard.definition.definition')}</dt><dd>{indicator.definition ?? t('dashboard.definition.notStated')}</dd></div>
          <div className="sm:col-span-2 lg:col-span-3"><dt className={term}>{t('dashboard.definition.responsibleUnit')}</dt><dd>{indicator.responsibleUnit ?? t('dashboard.definition.notStated')}</dd></div>
          <div className="sm:col-span-2 lg:col-span-3"><dt className={term}>{t('dashboard.definition.cooperatingUnits')}</dt><dd>{indicator.cooperatingUnits ?? t('dashboard.definition.notStated')}</dd></div>
        </dl>
        {consistencyText.length > 0 && (
          <div role="note" data-testid="consistency-note" className="mt-3 rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950">
            <p className="font-medium">{t('dashboard.indicator.consistencyHeading')}</p>
            {consistencyText.map((text) => <p key={text}>{text}</p>)}
          </div>
        )}
      </section>
    </div>
  );
}
