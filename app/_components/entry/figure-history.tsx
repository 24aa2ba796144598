import { getTranslations } from 'next-intl/server';
import type { FigureHistoryEntry } from '@/lib/data/figure-writes';
import { formatNumber } from '@/lib/progress';

/** Every change of an indicator's figures, newest first: who, when, old and new value, source, reason. */
export async function FigureHistory({ entries, decimals }: { entries: FigureHistoryEntry[]; decimals: number }) {
  const [t, tEntry] = await Promise.all([getTranslations('history'), getTranslations('entry')]);
  if (entries.length === 0) return <p className="text-sm text-slate-600">{t('empty')}</p>;
  return (
    <ol className="relative space-y-3 border-l border-slate-300 pl-4" data-testid="figure-history">
      {entries.map((entry) => (
        <li key={entry.id} className="text-sm">
          <span className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border border-white bg-brand-600" aria-hidden="true" />
          <p>
            <time dateTime={entry.at} className="text-slate-600">
              {new Date(entry.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}
            </time>{' '}
            <span className="font-medium">{entry.actorName}</span> {t(`actions.${entry.action}`, { year: entry.year })}
          </p>
          <p className="text-slate-700">
            {entry.action === 'edit'
              ? t('changed', { old: formatNumber(entry.oldValue, decimals), new: formatNumber(entry.newValue, decimals) })
              : t('value', { value: formatNumber(entry.newValue, decimals) })}
            {entry.oldQuality !== entry.newQuality && entry.newQuality && entry.oldQuality && (
              <> · {t('qualityChanged', { old: tEntry(`qualityOption.${entry.oldQuality}`), new: tEntry(`qualityOption.${entry.newQuality}`) })}</>
            )}
            {entry.oldQuality !== entry.newQuality && entry.newQuality && !entry.oldQuality && <> · {tEntry(`qualityOption.${entry.newQuality}`)}</>}
            {entry.oldQuality !== entry.newQuality && !entry.newQuality && entry.oldQuality && <> · {t('qualityCleared', { old: tEntry(`qualityOption.${entry.oldQuality}`) })}</>}
            {entry.source && <> · {t('source', { source: entry.source })}</>}
            {entry.reason && <> · {t('reason', { reason: entry.reason })}</>}
          </p>
        </li>
      ))}
    </ol>
  );
}
