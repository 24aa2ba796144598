import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { IndicatorCard as CardData } from '@/lib/views/dashboard';
import { completionText, statusText } from '@/lib/i18n/progress-text';
import { formatNumber, formatPercent } from '@/lib/progress';
import { ProgressBar } from './progress-bar';
import { Sparkline } from './sparkline';
import { StatusBadge } from './status-badge';
import { BindingBadge } from '../binding-badge';
import { indicatorLabel } from '@/lib/views/names';

/** One indicator at a glance: latest value, completion against 序时进度, status, trend. */
export async function IndicatorCard({ card, href, scaleMax }: { card: CardData; href: string; scaleMax: number }) {
  const [t, locale] = await Promise.all([getTranslations('dashboard.card'), getLocale()]);
  const { indicator, assessment } = card;
  // Without a figure completion reads 暂无数据; 序时进度 is the time share of the period all the same.
  const completion = completionText(locale, assessment);
  const expected = formatPercent(assessment.expectedProgress);
  const label = statusText(locale, assessment.status, assessment);
  const names = indicatorLabel(locale, indicator);
  return (
    <article data-testid="indicator-card" data-sequence={indicator.sequence} className="flex flex-col gap-2 rounded border border-slate-300 bg-white p-3 break-inside-avoid">
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-semibold leading-snug">
          <Link href={href} className="rounded hover:text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
            <span className="text-slate-500">{indicator.sequence}.</span> <span lang={names.lang}>{names.name}</span>
          </Link>
          <BindingBadge attribute={indicator.attribute} />
        </h3>
        <div className="flex shrink-0 flex-col items-end gap-1">
          <StatusBadge status={assessment.status} label={label} />
          {card.usesUnapproved && (
            <span title={t('unapprovedTitle')} className="rounded border border-dashed border-amber-600 px-1.5 py-0.5 text-xs text-amber-900">
              {t('unapproved')}
            </span>
          )}
          {card.preliminaryInFinal && (
            <span title={t('preliminaryTitle')} className="rounded border border-dashed border-violet-600 px-1.5 py-0.5 text-xs text-violet-900">
              {t('preliminary')}
            </span>
          )}
        </div>
      </div>
      <div className="flex items-end justify-between gap-3">
        <p>
          {assessment.latestYear === null ? (
            <span className="text-lg text-slate-500">{t('noValue')}</span>
          ) : (
            <>
              <span className="text-2xl font-semibold tabular-nums">{formatNumber(assessment.latestValue, indicator.decimals)}</span>
              <span className="ml-1 text-sm text-slate-700" lang={names.lang}>{names.unit}</span>
              <span className="ml-2 text-xs text-slate-600">
                {t(indicator.kind === 'growthRate' ? 'latestGrowthYear' : 'latestYear', { year: assessment.latestYear })}
              </span>
            </>
          )}
        </p>
        <Sparkline rows={card.trend} label={t('trendLabel')} />
      </div>
      <div>
        <ProgressBar completion={assessment.completion} expected={assessment.expectedProgress} scaleMax={scaleMax} status={assessment.status} label={t('progressLabel', { completion, expected })} />
        <p className="mt-1 text-xs text-slate-700 tabular-nums">{t('completionLine', { completion, expected })}</p>
      </div>
    </article>
  );
}
