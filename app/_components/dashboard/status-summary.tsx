import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { BEHIND_STATUSES, dashboardHref, type DashboardQuery, type StatusFilter } from '@/lib/views/dashboard';
import { statusText, summaryText } from '@/lib/i18n/progress-text';
import type { PlanProgress } from '@/lib/views/plan-progress';
import { STATUS_ORDER } from '@/lib/progress';
import { STATUS_STYLE } from './status-style';

/**
 * The engine's one-sentence summary, the counts by status as one stacked bar (each segment labelled
 * with its count, the legend spelling out the status), and the status filter: each legend entry links
 * to the overview showing only that status.
 */
export async function StatusSummary({ progress, path, query, defaultYear, shownCount }: {
  progress: PlanProgress;
  path: string;
  query: DashboardQuery;
  defaultYear: number;
  shownCount: number;
}) {
  const [t, locale] = await Promise.all([getTranslations('dashboard'), getLocale()]);
  const { byStatus, total, final } = progress.rollup;
  const present = STATUS_ORDER.filter((s) => byStatus[s] > 0);
  const behindCount = BEHIND_STATUSES.reduce((sum, s) => sum + byStatus[s], 0);
  const href = (status: StatusFilter | null) => dashboardHref(path, { ...query, status }, { asOfYear: defaultYear });
  const filterLink = (status: StatusFilter | null, children: React.ReactNode, key: string) => {
    const active = query.status === status;
    return (
      <li key={key}>
        <Link
          href={href(active && status !== null ? null : status)}
          aria-current={active ? 'true' : undefined}
          scroll={false}
          className={`inline-flex items-center gap-1.5 rounded border px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${active ? 'border-brand-700 bg-brand-50 font-semibold text-brand-800 ring-1 ring-brand-700' : 'border-slate-300 bg-white text-slate-800 hover:border-brand-600'}`}
        >
          {children}
        </Link>
      </li>
    );
  };

  return (
    <section aria-labelledby="summary-heading" className="rounded border border-slate-300 bg-white p-3 sm:p-4">
      <h2 id="summary-heading" className="sr-only">{t('summary.heading')}</h2>
      <p data-testid="summary-sentence" className="text-base font-medium leading-relaxed sm:text-lg">{summaryText(locale, progress)}</p>

      <div className="mt-3 flex h-7 w-full overflow-hidden rounded border border-slate-400" role="img" aria-label={`${t('summary.countsLabel')}${locale === 'en' ? ': ' : '：'}${present.map((s) => t('summary.countItem', { status: statusText(locale, s, final), count: byStatus[s] })).join(locale === 'en' ? ', ' : '，')}`}>
        {present.map((s) => (
          <div
            key={s}
            className="flex items-center justify-center border-r border-white text-xs font-semibold text-white last:border-r-0"
            style={{ flexGrow: byStatus[s], flexBasis: 0, minWidth: '2rem', backgroundColor: STATUS_STYLE[s].fill, color: s === 'noData' || s === 'noTarget' ? '#0f172a' : undefined }}
          >
            <span aria-hidden="true">{STATUS_STYLE[s].symbol} {byStatus[s]}</span>
          </div>
        ))}
      </div>

      <div className="no-print mt-3">
        <p className="sr-only">{t('filter.label')}</p>
        <ul className="flex flex-wrap gap-1.5" aria-label={t('filter.label')}>
          {filterLink(null, <>{t('filter.all')} <span className="tabular-nums">{total}</span></>, 'all')}
          {behindCount > 0 && filterLink('behind', <>{t('filter.behind')} <span className="tabular-nums">{behindCount}</span></>, 'behind')}
          {present.map((s) =>
            filterLink(
              s,
              <>
                <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm border border-slate-500" style={{ backgroundColor: STATUS_STYLE[s].fill }} />
                {statusText(locale, s, final)} <span className="tabular-nums">{byStatus[s]}</span>
              </>,
              s,
            ),
          )}
        </ul>
        <p className="mt-2 text-xs text-slate-600" aria-live="polite">
          {t('filter.showing', { shown: shownCount, total })}
          {query.status === null && <> · {t('summary.filterHint')}</>}
        </p>
      </div>
    </section>
  );
}
