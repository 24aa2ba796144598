import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { IndicatorDefinition, PlanDetail } from '@/lib/data/types';
import { IndicatorForm, type IndicatorFormValues } from '@/app/_components/admin/indicator-form';

const text = (value: number | string | null | undefined) => (value === null || value === undefined ? '' : String(value));

function initialValues(plan: PlanDetail, indicator: IndicatorDefinition | null): IndicatorFormValues {
  if (!indicator) {
    const next = Math.max(0, ...plan.indicators.map((i) => i.sequence), ...plan.archivedIndicators.map((i) => i.sequence)) + 1;
    return {
      sequence: String(next), category: plan.categories[0]?.name ?? '', name: '', unit: '', kind: 'growthRate', baseline: '', target: '',
      annualRate: '', cumulativeIncrease: '', attribute: 'expected', direction: 'up', decimals: '1', responsibleUnit: '', cooperatingUnits: '', contact: '', definition: '',
      nameEn: '', unitEn: '', categoryEn: plan.categories[0]?.nameEn ?? '',
    };
  }
  return {
    sequence: String(indicator.sequence), category: indicator.category.name, name: indicator.name, unit: indicator.unit, kind: indicator.kind,
    baseline: text(indicator.baseline), target: text(indicator.target), annualRate: text(indicator.annualRate), cumulativeIncrease: text(indicator.cumulativeIncrease),
    attribute: indicator.attribute, direction: indicator.direction, decimals: String(indicator.decimals), responsibleUnit: text(indicator.responsibleUnit),
    cooperatingUnits: text(indicator.cooperatingUnits),
    contact: text(indicator.contact), definition: text(indicator.definition),
    nameEn: text(indicator.nameEn), unitEn: text(indicator.unitEn), categoryEn: text(indicator.category.nameEn),
  };
}

/** The add and edit pages of an indicator definition share this layout. */
export async function IndicatorPage({ plan, indicator }: { plan: PlanDetail; indicator: IndicatorDefinition | null }) {
  const t = await getTranslations('plansAdmin.indicatorForm');
  const archived = plan.status === 'archived';
  return (
    <div className="space-y-4">
      <header>
        <p className="text-sm"><Link href={`/admin/plans/${plan.slug}`} className="text-brand-700 underline">{plan.name}</Link></p>
        <h1 className="mt-1 text-xl font-semibold sm:text-2xl">{indicator ? t('editTitle', { name: indicator.name }) : t('newTitle')}</h1>
      </header>
      {archived ? (
        <p className="rounded bg-slate-100 px-3 py-2 text-sm text-slate-700">{t('archivedPlan')}</p>
      ) : (
        <IndicatorForm
          planSlug={plan.slug} id={indicator?.id ?? null} initial={initialValues(plan, indicator)}
          categories={plan.categories.map((c) => c.name)} baseYear={plan.baseYear} lastYear={plan.lastYear}
        />
      )}
    </div>
  );
}
