import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/session';
import { canEnterIndicator } from '@/lib/auth/permissions';
import { entryYears, overdueFigures } from '@/lib/views/entry-sheet';
import { loadPlan, loadPlanFigures } from '@/lib/loaders';

/** The staff's start: each plan year with what is done, what is due and what is overdue. */
export default async function EntryYearsPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requirePageUser('figures.enter');
  const { slug } = await params;
  const plan = await loadPlan(slug);
  if (!plan) notFound();
  const [figures, t, tLate] = await Promise.all([loadPlanFigures(plan.id), getTranslations('entry'), getTranslations('plansOverview')]);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const years = entryYears(plan, figures, today);
  // what is overdue among the indicators this person enters (all of them for staff with every indicator)
  const mine = overdueFigures(plan, figures, today).filter((item) => canEnterIndicator(user, item.indicator.id));
  return (
    <div className="space-y-4">
      <header>
        <p className="text-sm text-slate-600">{plan.name}</p>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('yearsTitle')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('yearsIntro')}</p>
        {plan.status !== 'archived' && <Link href={`/plans/${plan.slug}/entry/grid`} className="mt-1 inline-block text-sm text-brand-700 underline">{t('grid.open')}</Link>}
      </header>
      {mine.length > 0 && (
        <section aria-labelledby="my-overdue-heading" className="rounded border border-red-300 bg-white p-3" data-testid="my-overdue">
          <h2 id="my-overdue-heading" className="text-base font-semibold text-red-900">{tLate('myOverdueTitle')}</h2>
          <p className="text-xs text-slate-600">{tLate('myOverdueIntro')}</p>
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {mine.map((item) => (
              <li key={`${item.indicator.id}-${item.year}`} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                <span>
                  {tLate('lateItem', { year: item.year, sequence: item.indicator.sequence, name: item.indicator.name, dueDate: item.dueDate })}
                  <span className="ml-1 text-red-800">{tLate(`lateState.${item.state}`)}</span>
                </span>
                <Link href={`/plans/${plan.slug}/entry/${item.year}#entry-row-${item.indicator.sequence}`} className="text-brand-700 underline">
                  {tLate('myOverdueOpen')}<span className="sr-only"> {item.year} {item.indicator.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {years.map((y) => (
          <li key={y.year} className={`rounded border bg-white p-3 ${y.overdue ? 'border-red-400' : 'border-slate-300'}`}>
            <div className="flex items-center justify-between">
              <h2 className="text-lg font-semibold">{y.year}</h2>
              {y.overdue && <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">{t('overdue')}</span>}
            </div>
            <p className="text-sm text-slate-600">{y.dueDate ? t('dueDate', { date: y.dueDate }) : t('noDueDate')}</p>
            <p className="mt-1 text-sm">{t('yearProgress', { approved: y.approved, total: y.total, submitted: y.submitted, draft: y.draft, returned: y.returned, missing: y.missing })}</p>
            <Link href={`/plans/${plan.slug}/entry/${y.year}`} className="mt-2 inline-block rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
              {t('open')} {y.year}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
