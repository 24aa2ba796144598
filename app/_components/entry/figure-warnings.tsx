import { useTranslations } from 'next-intl';
import { formatNumber, type FigureWarning, type IndicatorKind } from '@/lib/progress';

/**
 * The entry warnings (lib/progress/warnings.ts) as sentences: the one rendering, used by the entry form
 * (in the browser, as the staff member types) and by the review queue (on the server).
 */
export function FigureWarnings({ warnings, kind, decimals, id, className = 'mt-1 space-y-0.5 text-sm text-amber-900' }: {
  warnings: readonly FigureWarning[];
  kind: IndicatorKind;
  decimals: number;
  id?: string;
  className?: string;
}) {
  const t = useTranslations('entry.warning');
  const n = (value: number) => formatNumber(value, decimals);
  const growth = kind === 'growthRate';
  return (
    <ul id={id} className={className}>
      {warnings.map((w) => (
        <li key={w.code} className="flex gap-1">
          <span aria-hidden="true">⚠</span>
          {w.code === 'decline' && t('decline', { previousYear: w.previousYear, previous: n(w.previous) })}
          {w.code === 'bigChange' && t(growth ? 'bigChangeGrowth' : 'bigChange', { previousYear: w.previousYear, previous: n(w.previous) })}
          {w.code === 'farBeyondTarget' && (growth ? t('farBeyondRate', { target: n(w.target) }) : t('farBeyondTarget', { target: n(w.target), limit: n(w.limit) }))}
        </li>
      ))}
    </ul>
  );
}
