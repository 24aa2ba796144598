import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ReviewBoard, type ReviewBoardItem } from '@/app/_components/review/review-board';
import { ReviewFilters } from '@/app/_components/review/review-filters';
import { SampleDataNotice } from '@/app/_components/sample-data-notice';
import { requirePageUser } from '@/lib/auth/session';
import { formatNumber } from '@/lib/progress';
import { loadReviewQueue, loadReviewTrails, loadSourceChecks } from '@/lib/loaders';
import { parseReviewQuery, type SearchParams } from '@/lib/schemas/params';
import { SourceMismatchAcknowledgement } from '@/app/_components/benchmarks/source-check-list';
import { indicatorPath } from '@/lib/views/paths';
import { filterReviewItems, pendingReviewCount, reviewFilterOptions } from '@/lib/views/review-queue';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('review'))('title') };
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser('figures.review');
  const query = parseReviewQuery(await searchParams);
  const [all, t, tEntry] = await Promise.all([loadReviewQueue(), getTranslations('review'), getTranslations('entry')]);
  const items = filterReviewItems(all, query);
  const trails = await loadReviewTrails(items.map((i) => i.figure.id));
  // 核对: figures whose further sources differ beyond the tolerance need the reviewer's acknowledgement
  const checks = (await Promise.all([...new Set(items.map((i) => i.plan.slug))].map((slug) => loadSourceChecks(slug)))).flat();
  const mismatchOf = (figureId: number) => checks.find((c) => c.figure.id === figureId && c.check.mismatch);
  const boardItems: ReviewBoardItem[] = items.map(({ plan, indicator, figure, previous, warnings }) => {
    const n = (v: number) => formatNumber(v, indicator.decimals);
    const trail = trails.get(figure.id);
    const details = [
      figure.source && t('sourceNote', { source: figure.source }),
      figure.quality && tEntry(`qualityOption.${figure.quality}`),
      figure.note && t('noteLabel', { note: figure.note }),
    ].filter(Boolean).join(' · ');
    return {
      id: figure.id,
      version: figure.version,
      status: figure.status as ReviewBoardItem['status'],
      year: figure.year,
      label: `${figure.year} ${indicator.sequence}.${indicator.name}`,
      planName: plan.name,
      category: indicator.category.name,
      unit: indicator.unit || null,
      responsibleUnit: indicator.responsibleUnit,
      indicatorName: indicator.name,
      sequence: indicator.sequence,
      indicatorHref: indicatorPath(plan.slug, indicator.id),
      value: n(figure.value),
      previous: previous ? `${n(previous.value)}（${previous.year}）` : null,
      submittedAt: trail?.submittedAt ?? (figure.status === 'submitted' ? figure.updatedAt : null),
      submittedBy: trail?.submittedBy ?? (figure.status === 'submitted' ? figure.updatedByName : null),
      earlierReturn: figure.status === 'submitted' ? (trail?.earlierReturn ?? null) : null,
      details: details || null,
      warnings,
      kind: indicator.kind,
      decimals: indicator.decimals,
      acknowledgement: mismatchOf(figure.id) ? <SourceMismatchAcknowledgement item={mismatchOf(figure.id)!} /> : null,
    };
  });
  const pending = pendingReviewCount(all);
  return (
    <div className="space-y-4">
      {items.some((i) => i.plan.hasSampleData) && <SampleDataNotice />}
      <header>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')} {t('pendingCount', { count: pending })}</p>
      </header>
      <ReviewFilters query={query} options={reviewFilterOptions(all)} />
      {items.length === 0 ? (
        <p className="rounded border border-slate-300 bg-white p-4 text-sm">{query.status === 'submitted' && !query.plan && !query.year && !query.unit ? t('empty') : t('emptyFiltered')}</p>
      ) : (
        <ReviewBoard key={JSON.stringify(query)} items={boardItems} />
      )}
    </div>
  );
}
