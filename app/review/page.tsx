import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FigureWarnings } from '@/app/_components/entry/figure-warnings';
import { ReviewForm } from '@/app/_components/entry/review-item';
import { SampleDataNotice } from '@/app/_components/sample-data-notice';
import { requirePageUser } from '@/lib/auth/session';
import { formatNumber } from '@/lib/progress';
import { loadReviewQueue, loadSourceChecks } from '@/lib/loaders';
import { SourceMismatchAcknowledgement } from '@/app/_components/benchmarks/source-check-list';
import { indicatorPath } from '@/lib/views/paths';

export default async function ReviewPage() {
  await requirePageUser('figures.review');
  const [items, t, tEntry] = await Promise.all([loadReviewQueue(), getTranslations('review'), getTranslations('entry')]);
  // 核对: figures whose further sources differ beyond the tolerance need the reviewer's acknowledgement
  const checks = (await Promise.all([...new Set(items.map((i) => i.plan.slug))].map((slug) => loadSourceChecks(slug)))).flat();
  const mismatchOf = (figureId: number) => checks.find((c) => c.figure.id === figureId && c.check.mismatch);
  return (
    <div className="space-y-4">
      {items.some((i) => i.plan.hasSampleData) && <SampleDataNotice />}
      <header>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </header>
      {items.length === 0 && <p className="rounded border border-slate-300 bg-white p-4 text-sm">{t('empty')}</p>}
      <ul className="space-y-3">
        {items.map(({ plan, indicator, figure, previous, warnings }) => {
          const label = `${figure.year} ${indicator.sequence}.${indicator.name}`;
          const n = (v: number) => formatNumber(v, indicator.decimals);
          return (
            <li key={figure.id} className="grid gap-3 rounded border border-slate-300 bg-white p-3 md:grid-cols-[1fr_20rem]" data-testid={`review-${indicator.sequence}-${figure.year}`}>
              <div className="space-y-1">
                <p className="text-xs text-slate-600">{plan.name} · {indicator.category.name}</p>
                <h2 className="font-medium">
                  <Link href={indicatorPath(plan.slug, indicator.id)} className="text-brand-700 underline">{indicator.sequence}.{indicator.name}</Link>（{indicator.unit}）
                </h2>
                <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
                  <div><dt className="text-xs text-slate-600">{t('year')}</dt><dd>{figure.year}</dd></div>
                  <div><dt className="text-xs text-slate-600">{t('value')}</dt><dd className="text-base font-semibold tabular-nums">{n(figure.value)}</dd></div>
                  <div><dt className="text-xs text-slate-600">{t('previous')}</dt><dd className="tabular-nums">{previous ? `${n(previous.value)}（${previous.year}）` : '—'}</dd></div>
                  <div><dt className="text-xs text-slate-600">{t('submittedBy')}</dt><dd>{figure.updatedByName ?? '—'}</dd></div>
                </dl>
                {(figure.source || figure.note || figure.quality) && (
                  <p className="text-sm text-slate-700">
                    {figure.source && t('sourceNote', { source: figure.source })}
                    {figure.quality && ` · ${tEntry(`qualityOption.${figure.quality}`)}`}
                    {figure.note && ` · ${t('noteLabel', { note: figure.note })}`}
                  </p>
                )}
                {warnings.length > 0 && <FigureWarnings warnings={warnings} kind={indicator.kind} decimals={indicator.decimals} className="space-y-0.5 text-sm text-amber-900" />}
              </div>
              <ReviewForm id={figure.id} version={figure.version} label={label}>
                {mismatchOf(figure.id) && <SourceMismatchAcknowledgement item={mismatchOf(figure.id)!} />}
              </ReviewForm>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
