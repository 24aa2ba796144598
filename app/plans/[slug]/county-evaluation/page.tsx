import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { BenchmarkReviewForm, CountyEvaluationForm } from '@/app/_components/benchmarks/benchmark-forms';
import { rankText } from '@/app/_components/benchmarks/benchmark-panel';
import { RankTable } from '@/app/_components/benchmarks/rank-table';
import { can } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/session';
import { formatNumber } from '@/lib/progress';
import { loadPlan, loadPlanBenchmarks } from '@/lib/loaders';
import { countyEvaluationView } from '@/lib/views/benchmarks';

export async function generateMetadata() {
  const t = await getTranslations('benchmarks');
  return { title: t('countyTitle') };
}

/** 全省县域科技创新能力评价: the district's rank (class, score) over the years. */
export default async function CountyEvaluationPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requirePageUser('plans.read');
  const plan = await loadPlan((await params).slug);
  if (!plan) notFound();
  const [benchmarks, t] = await Promise.all([loadPlanBenchmarks(plan.id), getTranslations('benchmarks')]);
  const reviewer = can(user, 'figures.review') || can(user, 'figures.enter');
  const view = countyEvaluationView(benchmarks.countyEvaluations, reviewer);
  const trend = rankText(t, 'province', view.ranks);
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <p className="text-sm text-slate-600"><Link href={`/plans/${plan.slug}`} className="underline">{plan.name}</Link> · <Link href={`/plans/${plan.slug}/benchmarks`} className="underline">{t('links.benchmarks')}</Link></p>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('countyTitle')}</h1>
        <p className="text-sm text-slate-700">{t('countyIntro')}</p>
      </header>
      <section className="rounded border border-slate-300 bg-white p-3 sm:p-4">
        {view.rows.length === 0 && <p className="text-sm">{t('none')}</p>}
        <RankTable
          yearLabel={t('year')}
          columns={[
            { key: 'rank', label: t('provinceRank'), className: 'font-semibold' },
            { key: 'grade', label: t('grade') },
            { key: 'score', label: t('score') },
            { key: 'status', label: t('status'), className: 'whitespace-nowrap' },
            { key: 'source', label: t('sourceLabel'), className: 'min-w-48 text-xs text-slate-700' },
          ]}
          rows={view.rows.map((row) => ({
            key: row.id,
            year: row.year,
            cells: {
              rank: row.provinceRank === null ? '—' : t('rankValue', { rank: row.provinceRank }),
              grade: row.grade ?? '—',
              score: row.score === null ? '—' : formatNumber(row.score, 2),
              status: (
                <>
                  {t(`statuses.${row.status}`)}
                  {row.status === 'submitted' && can(user, 'figures.review') && <BenchmarkReviewForm entity="countyEvaluation" id={row.id} version={row.version} label={`${row.year} ${t('countyTitle')}`} />}
                </>
              ),
              source: `${row.source}${row.note ? `（${row.note}）` : ''}`,
            },
          }))}
          trend={trend}
          testId="county-evaluation"
          trendTestId="county-trend"
        />
      </section>
      {can(user, 'figures.enter') && plan.status === 'active' && (
        <section aria-labelledby="county-enter" className="no-print rounded border border-slate-300 bg-white p-3 sm:p-4">
          <h2 id="county-enter" className="mb-2 text-base font-semibold">{t('enterCounty')}</h2>
          <CountyEvaluationForm planSlug={plan.slug} defaultYear={plan.firstYear} />
        </section>
      )}
    </div>
  );
}
