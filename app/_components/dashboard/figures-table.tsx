import { getLocale, getTranslations } from 'next-intl/server';
import type { Figure, IndicatorDefinition } from '@/lib/data/types';
import { formatNumber } from '@/lib/progress';
import { ScrollTable } from '@/app/_components/scroll-table';
import { indicatorName, indicatorUnit } from '@/lib/views/names';

/** Every yearly figure of the indicator with its review status, quality, source and note. */
export async function FiguresTable({ indicator, figures }: { indicator: IndicatorDefinition; figures: Figure[] }) {
  const [t, locale] = await Promise.all([getTranslations('dashboard'), getLocale()]);
  if (figures.length === 0) return <p className="rounded border border-slate-300 bg-white p-3 text-sm text-slate-700">{t('indicator.noFigures')}</p>;
  const cell = 'whitespace-nowrap border-b border-slate-200 px-2 py-1.5';
  return (
    <ScrollTable label={t('figures.tableLabel', { name: indicatorName(locale, indicator) })}>
      <table className="w-full border-collapse text-sm">
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className={`${cell} font-medium`}>{t('figures.year')}</th>
            <th scope="col" className={`${cell} text-right font-medium`}>
              {indicator.kind === 'growthRate' ? t('figures.valueGrowth') : t('figures.value', { unit: indicatorUnit(locale, indicator) })}
            </th>
            <th scope="col" className={`${cell} font-medium`}>{t('figures.status')}</th>
            <th scope="col" className={`${cell} font-medium`}>{t('figures.quality')}</th>
            <th scope="col" className={`${cell} font-medium`}>{t('figures.source')}</th>
            <th scope="col" className={`${cell} font-medium`}>{t('figures.note')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((figure) => (
            <tr key={figure.id} data-status={figure.status}>
              <th scope="row" className={`${cell} text-left font-normal tabular-nums`}>{figure.year}</th>
              <td className={`${cell} text-right tabular-nums`}>{formatNumber(figure.value, indicator.decimals)}</td>
              <td className={cell}>
                <span className={figure.status === 'approved' ? '' : 'rounded border border-dashed border-amber-600 px-1 text-amber-900'}>
                  {t(`figureStatus.${figure.status}`)}
                </span>
              </td>
              <td className={cell}>{figure.quality ? t(`quality.${figure.quality}`) : t('quality.unknown')}</td>
              <td className={cell}>{figure.source ?? '—'}</td>
              <td className={cell}>{figure.note ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="px-2 py-1.5 text-xs text-slate-600">{t('figures.usedNote')}</p>
    </ScrollTable>
  );
}
