import { requirePageUser } from '@/lib/auth/session';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ScrollTable } from '@/app/_components/scroll-table';
import { getLocale, getTranslations } from 'next-intl/server';
import { DashboardControls, UnapprovedNotice } from '@/app/_components/dashboard/dashboard-controls';
import { IndicatorCard } from '@/app/_components/dashboard/indicator-card';
import { StatusBadge } from '@/app/_components/dashboard/status-badge';
import { SampleDataNotice } from '@/app/_components/sample-data-notice';
import { completionScaleMax } from '@/lib/views/chart-geometry';
import { dashboardHref, parseDashboardQuery, type SearchParams } from '@/lib/views/dashboard';
import { completionText, statusText } from '@/lib/i18n/progress-text';
import { formatNumber, formatPercent, STATUS_ORDER } from '@/lib/progress';
import { loadOverview, loadPlan, loadPlanFigures } from '@/lib/loaders';
import { indicatorPath } from '@/lib/views/paths';
import { categoryName, indicatorLabel } from '@/lib/views/names';

type Params = Promise<{ slug: string; position: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { slug, position } = await params;
  const [plan, locale] = await Promise.all([loadPlan(slug), getLocale()]);
  const category = plan?.categories.find((c) => String(c.position) === position);
  return { title: category && plan ? `${categoryName(locale, category)} · ${plan.name}` : undefined };
}

/** One category's indicators together, for the section heads of a report. */
export default async function CategoryPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  await requirePageUser('plans.read');
  const { slug, position } = await params;
  const plan = await loadPlan(slug);
  const categories = [...(plan?.categories ?? [])].sort((a, b) => a.position - b.position);
  const index = categories.findIndex((c) => String(c.position) === position);
  if (!plan || index < 0) notFound();
  const category = categories[index]!;
  const [figures, t, locale] = await Promise.all([loadPlanFigures(plan.id), getTranslations('dashboard'), getLocale()]);
  // The status filter belongs to the overview; a category always shows all of its indicators.
  const query = { ...parseDashboardQuery(await searchParams, plan, figures), status: null };
  const overview = await loadOverview(plan, query, { allCards: true });
  const cards = overview.groups.find((g) => g.category.id === category.id)?.cards ?? [];
  const counts = overview.progress.rollup.byCategory[category.name];
  const keep = { asOfYear: query.asOfYear, includeUnapproved: query.includeUnapproved };
  const link = (path: string) => dashboardHref(path, keep, { asOfYear: overview.defaultYear });
  const path = `/plans/${plan.slug}/categories/${category.position}`;
  const scaleMax = completionScaleMax(overview.progress.indicators.map((i) => i.assessment.completion));
  const previous = categories[index - 1];
  const next = categories[index + 1];
  const cell = 'border-b border-slate-200 px-2 py-1.5';
  // the English names when an admin entered them, else the Chinese ones as a whole
  const heading = categoryName(locale, category);

  return (
    <div className="space-y-4">
      {plan.hasSampleData && <SampleDataNotice />}
      <header>
        <p className="no-print text-sm"><Link href={link(`/plans/${plan.slug}`)} className="text-brand-700 underline hover:text-brand-800">{plan.name}</Link></p>
        <h1 className="mt-1 text-xl font-semibold sm:text-2xl">{t('category.heading', { category: heading })}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-1.5 text-sm text-slate-700">
          <span>{t('category.indicatorCount', { count: cards.length })}</span>
          {counts &&
            STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => (
              <StatusBadge key={s} status={s} label={t('summary.countItem', { status: statusText(locale, s, overview.progress.rollup.final), count: counts[s] })} />
            ))}
        </p>
      </header>

      <DashboardControls path={path} query={query} years={overview.years} defaultYear={overview.defaultYear} offerUnapproved={overview.hasUnapprovedFigures} />
      <UnapprovedNotice query={query} />

      <div className="grid grid-cols-1 gap-3 md:grid-cols-2 lg:grid-cols-3 print:grid-cols-3">
        {cards.map((card) => (
          <IndicatorCard key={card.indicator.id} card={card} scaleMax={scaleMax} href={link(indicatorPath(plan.slug, card.indicator.id))} />
        ))}
      </div>

      <ScrollTable label={t('category.tableCaption', { category: heading, year: query.asOfYear })}>
        <table className="w-full border-collapse text-sm">
          <caption className="px-2 py-2 text-left font-semibold">{t('category.tableCaption', { category: heading, year: query.asOfYear })}</caption>
          <thead className="bg-slate-100 text-left text-slate-700">
            <tr>
              <th scope="col" className={`${cell} font-medium`}>{t('completionChart.indicator')}</th>
              <th scope="col" className={`${cell} text-right font-medium`}>{t('category.latest')}</th>
              <th scope="col" className={`${cell} text-right font-medium`}>{t('completionChart.completion')}</th>
              <th scope="col" className={`${cell} text-right font-medium`}>{t('completionChart.expected')}</th>
              <th scope="col" className={`${cell} font-medium`}>{t('completionChart.status')}</th>
            </tr>
          </thead>
          <tbody>
            {cards.map(({ indicator, assessment }) => (
              <tr key={indicator.id}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  <Link href={link(indicatorPath(plan.slug, indicator.id))} className="hover:text-brand-700 hover:underline">{indicator.sequence}. <span lang={indicatorLabel(locale, indicator).lang}>{indicatorLabel(locale, indicator).nameWithUnit}</span></Link>
                </th>
                <td className={`${cell} text-right tabular-nums`}>
                  {formatNumber(assessment.latestValue, indicator.decimals)}
                  {assessment.latestYear !== null && <span className="ml-1 text-xs text-slate-500">{t('card.latestYear', { year: assessment.latestYear })}</span>}
                </td>
                <td className={`${cell} text-right tabular-nums`}>{completionText(locale, assessment)}</td>
                <td className={`${cell} text-right tabular-nums`}>{formatPercent(assessment.expectedProgress)}</td>
                <td className={cell}><StatusBadge status={assessment.status} label={statusText(locale, assessment.status, assessment)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>

      <nav aria-label={t('category.open')} className="no-print flex flex-wrap justify-between gap-2 text-sm">
        {previous ? <Link href={link(`/plans/${plan.slug}/categories/${previous.position}`)} className="text-brand-700 underline">← {t('category.previous', { category: categoryName(locale, previous) })}</Link> : <span />}
        {next && <Link href={link(`/plans/${plan.slug}/categories/${next.position}`)} className="text-brand-700 underline">{t('category.next', { category: categoryName(locale, next) })} →</Link>}
      </nav>
    </div>
  );
}
