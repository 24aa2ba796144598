import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { gapText, rankText } from '@/app/_components/benchmarks/benchmark-panel';
import { BenchmarkReviewForm, ReferenceValueForm, SeriesFigureForm } from '@/app/_components/benchmarks/benchmark-forms';
import { BenchmarkImportForm } from '@/app/_components/benchmarks/benchmark-import-form';
import { can } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/session';
import { BENCHMARK_KINDS, decimalsOf, formatNumber, formatPercent } from '@/lib/progress';
import { loadBenchmarkSummary, loadPlan, loadPlanBenchmarks } from '@/lib/loaders';
import { benchmarkImportYears } from '@/lib/schemas/benchmarks';
import { subjectsOf } from '@/lib/views/benchmarks';
import { indicatorPath } from '@/lib/views/paths';

export async function generateMetadata() {
  const t = await getTranslations('benchmarks');
  return { title: t('overviewTitle') };
}

/** 对标分析: where the district is furthest from the province's best; entry and review of reference values. */
export default async function BenchmarksPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requirePageUser('plans.read');
  const plan = await loadPlan((await params).slug);
  if (!plan) notFound();
  const [summary, benchmarks, t] = await Promise.all([loadBenchmarkSummary(plan, plan.lastYear), loadPlanBenchmarks(plan.id), getTranslations('benchmarks')]);
  if (!summary) notFound();
  const subjects = subjectsOf(plan, benchmarks);
  const pending = benchmarks.referenceValues.filter((r) => r.status === 'submitted');
  const pendingSeries = benchmarks.seriesFigures.filter((f) => f.status === 'submitted');
  const subjectName = (ref: { type: string; id: number }) => subjects.find((s) => s.ref.type === ref.type && s.ref.id === ref.id)?.label ?? '—';
  const active = plan.status === 'active';
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <p className="text-sm text-slate-600"><Link href={`/plans/${plan.slug}`} className="underline">{plan.name}</Link></p>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('overviewTitle')}</h1>
        <p className="text-sm text-slate-700">{t('overviewIntro')}</p>
        <nav className="flex flex-wrap gap-3 text-sm">
          <Link href={`/plans/${plan.slug}/county-evaluation`} className="text-brand-700 underline">{t('links.county')}</Link>
          <Link href={`/plans/${plan.slug}/checks/${plan.firstYear}`} className="text-brand-700 underline">{t('links.checks')}</Link>
        </nav>
      </header>

      <section aria-labelledby="summary-heading" className="rounded border border-slate-300 bg-white p-3 sm:p-4">
        <h2 id="summary-heading" className="sr-only">{t('overviewTitle')}</h2>
        {summary.items.length === 0 ? (
          <p className="text-sm">{t('noSummary')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="benchmark-summary">
              <thead>
                <tr className="border-b border-slate-300 text-left text-xs text-slate-600">
                  <th scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{t('subject')}</th>
                  <th scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{t('year')}</th>
                  <th scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{t('district')}</th>
                  <th scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{t('provinceBest')}</th>
                  <th scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{t('shareOfProvinceBest')}</th>
                  <th scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{t('gapToProvinceBest')}</th>
                  <th scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{t('cityBest')}</th>
                  <th scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{t('cityRank')} / {t('provinceRank')}</th>
                </tr>
              </thead>
              <tbody className="tabular-nums">
                {summary.items.map((item) => {
                  const d = item.subject.decimals;
                  const ranks = [rankText(t, 'city', item.cityRanks), rankText(t, 'province', item.provinceRanks)].filter(Boolean).join('；');
                  return (
                    <tr key={`${item.subject.ref.type}:${item.subject.ref.id}`} className="border-b border-slate-100 align-top">
                      <th scope="row" className="min-w-[12rem] py-1 pr-3 text-left font-normal">
                        {item.subject.indicatorId ? (
                          <Link href={indicatorPath(plan.slug, item.subject.indicatorId)} className="text-brand-700 underline">{item.subject.label}</Link>
                        ) : (
                          <>{item.subject.label} <span className="rounded bg-slate-100 px-1 text-xs text-slate-700">{t('series')}</span></>
                        )}
                        <span className="text-slate-500">（{item.subject.unit}）</span>
                      </th>
                      <td className="py-1 pr-3">{item.year ?? '—'}</td>
                      <td className="py-1 pr-3">{item.district ? formatNumber(item.district.value, d) : '—'}</td>
                      <td className="py-1 pr-3" title={item.provinceBest?.source}>{item.provinceBest ? formatNumber(item.provinceBest.value, decimalsOf(item.provinceBest.valueText)) : '—'}</td>
                      <td className="py-1 pr-3">{formatPercent(item.shareOfProvinceBest, 2)}{item.shareStated && <span className="text-xs text-slate-600">{t('stated')}</span>}</td>
                      <td className="py-1 pr-3">{gapText(t, item.gapToProvinceBest, d, item.subject.unit)}</td>
                      <td className="py-1 pr-3" title={item.cityBest?.source}>{item.cityBest ? formatNumber(item.cityBest.value, decimalsOf(item.cityBest.valueText)) : '—'}</td>
                      <td className="py-1 pr-3 text-xs">{ranks || '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className="mt-2 text-xs text-slate-600">{t('seriesNote')}</p>
      </section>

      {can(user, 'figures.review') && pendingSeries.length > 0 && (
        <section aria-labelledby="pending-series-heading" className="rounded border border-slate-300 bg-white p-3 sm:p-4">
          <h2 id="pending-series-heading" className="mb-2 text-base font-semibold">{t('reviewSeriesTitle')}</h2>
          <ul className="space-y-3">
            {pendingSeries.map((f) => {
              const s = benchmarks.series.find((x) => x.id === f.seriesId)!;
              const label = `${f.year} ${s.name}`;
              return (
                <li key={f.id} className="space-y-1 border-b border-slate-100 pb-2">
                  <p className="text-sm"><span className="font-medium">{label}</span>：<span className="tabular-nums">{f.valueText}</span>{s.unit} · {t('sourceLabel')}：{f.source ?? '—'} · {f.updatedByName}</p>
                  <BenchmarkReviewForm entity="seriesFigure" id={f.id} version={f.version} label={label} />
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {can(user, 'figures.review') && pending.length > 0 && (
        <section aria-labelledby="pending-heading" className="rounded border border-slate-300 bg-white p-3 sm:p-4">
          <h2 id="pending-heading" className="mb-2 text-base font-semibold">{t('reviewTitle')}</h2>
          <ul className="space-y-3">
            {pending.map((r) => {
              const label = `${r.year} ${subjectName(r.subject)} ${t(`kinds.${r.kind}`)}`;
              return (
                <li key={r.id} className="space-y-1 border-b border-slate-100 pb-2" data-testid={`pending-reference-${r.id}`}>
                  <p className="text-sm"><span className="font-medium">{label}</span>：<span className="tabular-nums">{r.valueText}</span> · {t('sourceLabel')}：{r.source}{r.note && ` · ${r.note}`} · {r.updatedByName}</p>
                  <BenchmarkReviewForm entity="referenceValue" id={r.id} version={r.version} label={label} />
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {can(user, 'figures.enter') && active && (
        <section id="enter" aria-labelledby="enter-heading" className="no-print rounded border border-slate-300 bg-white p-3 sm:p-4">
          <h2 id="enter-heading" className="text-base font-semibold">{t('enterTitle')}</h2>
          <p className="mb-3 text-xs text-slate-600">{t('enterIntro')}</p>
          <ReferenceValueForm
            planSlug={plan.slug}
            defaultYear={plan.firstYear}
            kinds={[...BENCHMARK_KINDS]}
            subjects={subjects.map((s) => ({ value: `${s.ref.type}:${s.ref.id}`, label: s.label, group: s.ref.type }))}
          />
          <h2 className="mt-6 text-base font-semibold">{t('enterSeries')}</h2>
          <p className="mb-3 text-xs text-slate-600">{t('seriesNote')}</p>
          <SeriesFigureForm planSlug={plan.slug} defaultYear={plan.firstYear} series={benchmarks.series.map((s) => ({ id: s.id, label: `${s.name}（${s.unit}）` }))} />
        </section>
      )}

      {can(user, 'figures.enter') && active && (
        <section id="import" aria-labelledby="import-heading" className="no-print rounded border border-slate-300 bg-white p-3 sm:p-4">
          <h2 id="import-heading" className="text-base font-semibold">{t('import.title')}</h2>
          <p className="mb-3 text-xs text-slate-600">{t('import.intro')}</p>
          <BenchmarkImportForm planSlug={plan.slug} years={benchmarkImportYears(plan)} defaultYear={plan.baseYear} />
        </section>
      )}
    </div>
  );
}
