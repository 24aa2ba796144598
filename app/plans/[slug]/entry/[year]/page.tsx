import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EntryForm, type EntryFormRow } from '@/app/_components/entry/entry-form';
import { ImportForm } from '@/app/_components/entry/import-form';
import { SampleDataNotice } from '@/app/_components/sample-data-notice';
import { canEnterIndicator } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/session';
import { entryRows } from '@/lib/views/entry-sheet';
import { indicatorPlanOf } from '@/lib/views/plan-progress';
import { loadPlanFigures, loadPlanYear } from '@/lib/loaders';
import { EntrySourceCheckNotice } from '@/app/_components/benchmarks/entry-source-check-notice';
import { planYears } from '@/lib/schemas/params';

export default async function EntryYearPage({ params }: { params: Promise<{ slug: string; year: string }> }) {
  const user = await requirePageUser('figures.enter');
  const { slug, year: yearParam } = await params;
  const found = await loadPlanYear(slug, yearParam);
  if (!found) notFound();
  const { plan, year } = found;
  const [figures, t] = await Promise.all([loadPlanFigures(plan.id), getTranslations('entry')]);
  const archived = plan.status === 'archived';

  const rows: EntryFormRow[] = entryRows(plan, figures, year).map(({ indicator, previous, current }) => ({
    id: indicator.id,
    sequence: indicator.sequence,
    category: indicator.category.name,
    name: indicator.name,
    unit: indicator.unit,
    attribute: indicator.attribute,
    kind: indicator.kind,
    decimals: indicator.decimals,
    plan: indicatorPlanOf(indicator, plan),
    previous,
    current: current && { value: current.value, source: current.source, quality: current.quality, note: current.note, status: current.status, version: current.version, reviewNote: current.reviewNote },
    locked: archived ? 'archived' : current?.status === 'approved' ? 'approved' : !canEnterIndicator(user, indicator.id) ? 'notYours' : null,
  }));
  const years = planYears(plan);

  return (
    <div className="space-y-4">
      {plan.hasSampleData && <SampleDataNotice />}
      <header className="space-y-1">
        <p className="text-sm text-slate-600">
          <Link href={`/plans/${plan.slug}/entry`} className="underline">{t('yearsTitle')}</Link> · {plan.name}
        </p>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('title', { year })}</h1>
        <nav aria-label={t('yearsTitle')} className="flex flex-wrap gap-1 text-sm">
          {years.map((y) => (
            <Link key={y} href={`/plans/${plan.slug}/entry/${y}`} aria-current={y === year ? 'page' : undefined} className={`rounded px-2 py-1 ${y === year ? 'bg-brand-700 text-white' : 'bg-white ring-1 ring-slate-300 hover:bg-slate-100'}`}>
              {y}
            </Link>
          ))}
        </nav>
      </header>
      {archived && <p className="rounded border border-slate-300 bg-slate-100 px-3 py-2 text-sm">{t('archivedPlan')}</p>}
      <EntrySourceCheckNotice planSlug={plan.slug} year={year} />
      <EntryForm planSlug={plan.slug} year={year} rows={rows} readOnly={archived} />
      {!archived && <ImportForm planSlug={plan.slug} year={year} />}
    </div>
  );
}
