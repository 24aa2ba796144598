import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { GridForm, type GridRow } from '@/app/_components/entry/grid-form';
import { SampleDataNotice } from '@/app/_components/sample-data-notice';
import { canEnterIndicator } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/session';
import { loadPlan, loadPlanFigures } from '@/lib/loaders';
import { planYears } from '@/lib/schemas/params';
import { entryRows } from '@/lib/views/entry-sheet';
import { indicatorPlanOf } from '@/lib/views/plan-progress';

/** The grid view: indicators × the plan's years, for staff who fill several years at once. */
export default async function EntryGridPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requirePageUser('figures.enter');
  const plan = await loadPlan((await params).slug);
  if (!plan) notFound();
  const [figures, t] = await Promise.all([loadPlanFigures(plan.id), getTranslations('entry')]);
  const years = planYears(plan);
  const byYear = new Map(years.map((year) => [year, entryRows(plan, figures, year)]));
  const archived = plan.status === 'archived';
  const rows: GridRow[] = plan.indicators.map((indicator, index) => ({
    id: indicator.id,
    sequence: indicator.sequence,
    name: indicator.name,
    unit: indicator.unit,
    kind: indicator.kind,
    decimals: indicator.decimals,
    plan: indicatorPlanOf(indicator, plan),
    cells: years.map((year) => {
      const row = byYear.get(year)![index]!;
      return {
        year,
        current: row.current && { value: row.current.value, status: row.current.status, version: row.current.version },
        previous: row.previous,
        editable: !archived && row.current?.status !== 'approved' && canEnterIndicator(user, indicator.id),
      };
    }),
  }));
  return (
    <div className="space-y-4">
      {plan.hasSampleData && <SampleDataNotice />}
      <header className="space-y-1">
        <p className="text-sm text-slate-600">
          <Link href={`/plans/${plan.slug}/entry`} className="underline">{t('yearsTitle')}</Link> · {plan.name}
        </p>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('grid.title')}</h1>
        <p className="text-sm text-slate-600">{t('grid.intro')}</p>
      </header>
      <GridForm planSlug={plan.slug} years={years} rows={rows} />
    </div>
  );
}
