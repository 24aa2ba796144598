import { getLocale, getTranslations } from 'next-intl/server';
import { barFraction } from '@/lib/views/chart-geometry';
import { completionText, statusText } from '@/lib/i18n/progress-text';
import type { IndicatorProgress } from '@/lib/views/plan-progress';
import { formatPercent } from '@/lib/progress';
import { STATUS_STYLE } from './status-style';
import { indicatorName } from '@/lib/views/names';

/**
 * Completion (solid) against 序时进度 (light, outlined) for every indicator, as server-rendered SVG
 * bars; the same figures as a table for screen readers. Bars beyond the scale are cut off; the
 * printed numbers are exact.
 */
export async function CompletionChart({ items, scaleMax, note }: { items: IndicatorProgress[]; scaleMax: number; note?: string }) {
  const [t, locale] = await Promise.all([getTranslations('dashboard.completionChart'), getLocale()]);
  const ticks = Array.from({ length: Math.round(scaleMax * 4) + 1 }, (_, i) => i / 4);
  const clipped = items.some((i) => (i.assessment.completion ?? 0) > scaleMax);
  return (
    <section aria-labelledby="completion-chart-heading" className="rounded border border-slate-300 bg-white p-3 sm:p-4 break-inside-avoid">
      <h2 id="completion-chart-heading" className="text-base font-semibold">{t('heading')}</h2>
      <p className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700">
        <span>{t('description')}</span>
        <span className="inline-flex items-center gap-1"><svg width="18" height="8" aria-hidden="true"><rect width="18" height="8" fill="#123a68" /></svg>{t('completion')}</span>
        <span className="inline-flex items-center gap-1"><svg width="18" height="8" aria-hidden="true"><rect x="0.5" y="0.5" width="17" height="7" fill="#e2e8f0" stroke="#334155" /></svg>{t('expected')}</span>
      </p>
      {note && <p className="mt-1 text-xs text-slate-600">{note}</p>}

      <div aria-hidden="true" className="mt-3">
        <div className="hidden grid-cols-[minmax(0,15rem)_1fr_7.5rem] gap-x-3 text-[11px] text-slate-500 sm:grid">
          <span />
          <div className="relative h-4">
            {ticks.filter((_, i) => i % 2 === 0).map((tick) => (
              <span key={tick} className="absolute -translate-x-1/2 tabular-nums" style={{ left: `${barFraction(tick, scaleMax) * 100}%` }}>
                {formatPercent(tick, 0)}
              </span>
            ))}
          </div>
          <span />
        </div>
        <ol className="divide-y divide-slate-100">
          {items.map(({ indicator, assessment }) => (
            <li key={indicator.id} className="grid grid-cols-[1fr_auto] items-center gap-x-3 py-1.5 sm:grid-cols-[minmax(0,15rem)_1fr_7.5rem]">
              <span className="truncate text-xs text-slate-800 sm:text-sm" title={indicatorName(locale, indicator)}>
                <span className="text-slate-500">{indicator.sequence}.</span> {indicatorName(locale, indicator)}
              </span>
              <span className="text-right text-xs tabular-nums text-slate-700 sm:order-last">
                <span className="font-semibold text-slate-900">{completionText(locale, assessment)}</span> / {formatPercent(assessment.expectedProgress)}
              </span>
              <svg viewBox="0 0 100 20" preserveAspectRatio="none" className="col-span-2 block h-5 w-full sm:col-span-1">
                {ticks.map((tick) => (
                  <line key={tick} x1={barFraction(tick, scaleMax) * 100} x2={barFraction(tick, scaleMax) * 100} y1={0} y2={20} stroke={tick === 1 ? '#64748b' : '#e2e8f0'} strokeWidth={1} vectorEffect="non-scaling-stroke" />
                ))}
                <rect x={0} y={1.5} width={barFraction(assessment.completion, scaleMax) * 100} height={8} fill={STATUS_STYLE[assessment.status].fill} stroke="#0f172a" strokeWidth={0.5} vectorEffect="non-scaling-stroke" />
                <rect x={0} y={11} width={barFraction(assessment.expectedProgress, scaleMax) * 100} height={7} fill="#e2e8f0" stroke="#334155" strokeWidth={1} vectorEffect="non-scaling-stroke" />
              </svg>
            </li>
          ))}
        </ol>
      </div>
      {clipped && <p className="mt-2 text-xs text-slate-600">{t('clipped', { max: formatPercent(scaleMax, 0) })}</p>}

      {/* sr-only on a wrapper: a table ignores the 1px width and would widen a phone page */}
      <div className="sr-only">
      <table>
        <caption>{t('tableCaption')}</caption>
        <thead>
          <tr><th scope="col">{t('indicator')}</th><th scope="col">{t('completion')}</th><th scope="col">{t('expected')}</th><th scope="col">{t('status')}</th></tr>
        </thead>
        <tbody>
          {items.map(({ indicator, assessment }) => (
            <tr key={indicator.id}>
              <th scope="row">{indicator.sequence}. {indicatorName(locale, indicator)}</th>
              <td>{completionText(locale, assessment)}</td>
              <td>{formatPercent(assessment.expectedProgress)}</td>
              <td>{statusText(locale, assessment.status, assessment)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </section>
  );
}
