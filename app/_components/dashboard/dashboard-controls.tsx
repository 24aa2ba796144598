import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { dashboardHref, type DashboardQuery } from '@/lib/views/dashboard';

const chip = 'inline-block rounded border px-2.5 py-1 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';
const chipOn = `${chip} border-brand-700 bg-brand-700 text-white`;
const chipOff = `${chip} border-slate-300 bg-white text-slate-800 hover:border-brand-600 hover:text-brand-700`;

/** Year (截至2021…2025) and data scope as plain links: no client JavaScript, every state has a URL. */
export async function DashboardControls({ path, query, years, defaultYear, offerUnapproved }: {
  path: string;
  query: DashboardQuery;
  years: number[];
  defaultYear: number;
  offerUnapproved: boolean;
}) {
  const t = await getTranslations('dashboard.controls');
  const href = (change: Partial<DashboardQuery>) => dashboardHref(path, { ...query, ...change }, { asOfYear: defaultYear });
  return (
    <div className="no-print flex flex-wrap items-center gap-x-6 gap-y-2" role="group" aria-label={t('label')}>
      <nav aria-label={t('year')} className="flex flex-wrap items-center gap-1.5">
        <span className="mr-1 text-sm text-slate-600">{t('year')}</span>
        {years.map((year) => (
          <Link
            key={year}
            href={href({ asOfYear: year })}
            aria-label={t('yearOptionLabel', { year })}
            aria-current={year === query.asOfYear ? 'page' : undefined}
            className={year === query.asOfYear ? chipOn : chipOff}
            scroll={false}
          >
            {t('yearOption', { year })}
          </Link>
        ))}
      </nav>
      {(offerUnapproved || query.includeUnapproved) && (
        <nav aria-label={t('unapprovedLabel')} className="flex flex-wrap items-center gap-1.5">
          <Link href={href({ includeUnapproved: false })} aria-current={!query.includeUnapproved ? 'page' : undefined} className={!query.includeUnapproved ? chipOn : chipOff} scroll={false}>
            {t('unapprovedOff')}
          </Link>
          <Link href={href({ includeUnapproved: true })} aria-current={query.includeUnapproved ? 'page' : undefined} className={query.includeUnapproved ? chipOn : chipOff} scroll={false}>
            {t('unapprovedOn')}
          </Link>
        </nav>
      )}
    </div>
  );
}

/** Printed (and shown) when unapproved figures are counted, so a printout is never mistaken for the approved state. */
export async function UnapprovedNotice({ query }: { query: DashboardQuery }) {
  if (!query.includeUnapproved) return null;
  const t = await getTranslations('dashboard.controls');
  return (
    <p role="note" className="rounded border border-dashed border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      {t('unapprovedNote')}
    </p>
  );
}
