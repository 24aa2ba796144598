import { getTranslations } from 'next-intl/server';
import type { IndicatorDefinition, PlanDetail } from '@/lib/data/types';
import { formatPlanFigure, formatPlannedChange } from '@/lib/progress';

function groupByCategory(indicators: IndicatorDefinition[]) {
  const groups = new Map<number, { name: string; position: number; indicators: IndicatorDefinition[] }>();
  for (const indicator of indicators) {
    const group = groups.get(indicator.category.id) ?? { name: indicator.category.name, position: indicator.category.position, indicators: [] };
    group.indicators.push(indicator);
    groups.set(indicator.category.id, group);
  }
  return [...groups.values()].sort((a, b) => a.position - b.position);
}

/** The plan's indicator table in the layout of its 表1, with a card list for narrow screens. */
export async function PlanTable({ plan }: { plan: PlanDetail }) {
  const t = await getTranslations();
  const groups = groupByCategory(plan.indicators);
  const years = plan.lastYear - plan.baseYear;
  const indicatorName = (i: IndicatorDefinition) => `${i.sequence}.${i.name}（${i.unit}）`;

  return (
    <section aria-labelledby="plan-table-caption">
      <h2 id="plan-table-caption" className="mb-2 text-base font-semibold">{t('plan.tableCaption')}</h2>

      <div className="hidden overflow-x-auto rounded border border-slate-300 bg-white md:block">
        <table className="w-full border-collapse text-sm">
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="border border-slate-300 px-2 py-2 font-medium">{t('table.category')}</th>
              <th scope="col" className="border border-slate-300 px-2 py-2 text-left font-medium">{t('table.name')}</th>
              <th scope="col" className="border border-slate-300 px-2 py-2 font-medium">{t('table.baseline', { year: plan.baseYear })}</th>
              <th scope="col" className="border border-slate-300 px-2 py-2 font-medium">{t('table.target', { year: plan.lastYear })}</th>
              <th scope="col" className="border border-slate-300 px-2 py-2 font-medium">{t('table.annualChange')}</th>
              <th scope="col" className="border border-slate-300 px-2 py-2 font-medium">{t('table.attribute')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) =>
              group.indicators.map((indicator, index) => (
                <tr key={indicator.id} className="even:bg-slate-50/60">
                  {index === 0 && (
                    <th scope="rowgroup" rowSpan={group.indicators.length} className="w-20 border border-slate-300 px-2 py-2 text-center font-medium">
                      {group.name}
                    </th>
                  )}
                  <td className="border border-slate-300 px-2 py-2">{indicatorName(indicator)}</td>
                  <td className="border border-slate-300 px-2 py-2 text-right tabular-nums">{formatPlanFigure(indicator.baseline)}</td>
                  <td className="border border-slate-300 px-2 py-2 text-right tabular-nums">{formatPlanFigure(indicator.target)}</td>
                  <td className="border border-slate-300 px-2 py-2 text-right tabular-nums">{formatPlannedChange(indicator)}</td>
                  <td className="border border-slate-300 px-2 py-2 text-center">{t(`attribute.${indicator.attribute}`)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>

      <div className="space-y-4 md:hidden">
        {groups.map((group) => (
          <section key={group.name} aria-label={group.name}>
            <h3 className="mb-1 text-sm font-semibold text-brand-700">{group.name}</h3>
            <ul className="divide-y divide-slate-200 rounded border border-slate-300 bg-white">
              {group.indicators.map((indicator) => (
                <li key={indicator.id} className="px-3 py-2">
                  <p className="font-medium">{indicatorName(indicator)}</p>
                  <dl className="mt-1 grid grid-cols-3 gap-1 text-xs text-slate-600">
                    <div><dt>{t('table.baseline', { year: plan.baseYear })}</dt><dd className="text-sm text-slate-900 tabular-nums">{formatPlanFigure(indicator.baseline)}</dd></div>
                    <div><dt>{t('table.target', { year: plan.lastYear })}</dt><dd className="text-sm text-slate-900 tabular-nums">{formatPlanFigure(indicator.target)}</dd></div>
                    <div><dt>{t('table.annualChange')}</dt><dd className="text-sm text-slate-900 tabular-nums">{formatPlannedChange(indicator)}</dd></div>
                  </dl>
                  <p className="mt-1 text-xs text-slate-600">{t('table.attribute')}：{t(`attribute.${indicator.attribute}`)}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>

      <p className="mt-2 text-xs text-slate-600">{t('plan.bracketNote', { years })}</p>
    </section>
  );
}
