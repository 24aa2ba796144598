import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/session';
import { getPlanFigures } from '@/lib/data/figures';
import { getPlanDetail } from '@/lib/data/plans';
import { entryYears } from '@/lib/entry-sheet';

/** The staff's start: each plan year with what is done, what is due and what is overdue. */
export default async function EntryYearsPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePageUser('figures.enter');
  const { slug } = await params;
  const plan = await getPlanDetail(slug);
  if (!plan) notFound();
  const [figures, t] = await Promise.all([getPlanFigures(plan.id), getTranslations('entry')]);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const years = entryYears(plan, figures, today);
  return (
    <div className="space-y-4">
      <header>
        <p className="text-sm text-slate-600">{plan.name}</p>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('yearsTitle')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('yearsIntro')}</p>
      </header>
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
