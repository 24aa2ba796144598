import { getTranslations } from 'next-intl/server';
import type { IndicatorDefinition } from '@/lib/data/types';
import { formatNumber, formatPercent, formatSignedChange, type Assessment } from '@/lib/progress';

/** The engine's metrics for one indicator, each as a term and a plain sentence; "—" where undefined. */
export async function IndicatorMetrics({ indicator, assessment, targetYear }: { indicator: IndicatorDefinition; assessment: Assessment; targetYear: number }) {
  const t = await getTranslations('dashboard.metrics');
  const d = indicator.decimals;
  const growth = indicator.kind === 'growthRate';
  // Changes of a share are in percentage points; of a growth rate in %; otherwise in the unit.
  const changeUnit = indicator.kind === 'share' ? t('unitPp') : growth ? t('unitPercent') : indicator.unit;
  const level = (v: number | null) => (v === null ? t('missing') : `${formatNumber(v, d)}${indicator.unit === '%' ? '%' : ` ${indicator.unit}`}`);
  const change = (v: number | null) => (v === null ? t('missing') : `${formatSignedChange(v, d)}${changeUnit === '%' ? '%' : ` ${changeUnit}`}`);
  const missing = assessment.latestYear === null;

  const rows: { term: string; value: string; text: string }[] = [
    {
      term: t('completion'),
      value: formatPercent(assessment.completion),
      text: missing ? t('missing') : t(growth ? 'completionTextGrowth' : 'completionText', { value: formatPercent(assessment.completion) }),
    },
    { term: t('expected'), value: formatPercent(assessment.expectedProgress), text: t('expectedText', { value: formatPercent(assessment.expectedProgress) }) },
    {
      term: t('averageGrowth'),
      value: growth ? change(assessment.averageAnnualGrowthPct) : change(assessment.averageAnnualChange),
      text: missing
        ? t('missing')
        : growth
          ? t('averageGrowthText', { value: change(assessment.averageAnnualGrowthPct) })
          : assessment.averageAnnualGrowthPct !== null
            ? t('averageBoth', { change: change(assessment.averageAnnualChange), growth: `${formatSignedChange(assessment.averageAnnualGrowthPct, 1)}%` })
            : t('averageChangeText', { value: change(assessment.averageAnnualChange) }),
    },
    {
      term: t('required'),
      value: change(assessment.requiredAnnualChange),
      text: missing ? t('missing') : assessment.requiredAnnualChange === null ? t('requiredNone') : t('requiredText', { value: change(assessment.requiredAnnualChange) }),
    },
    {
      term: t('projection', { year: targetYear }),
      value: level(assessment.projectedAtTarget),
      text: growth ? t('projectionNone') : missing ? t('missing') : t('projectionText', { year: targetYear, value: level(assessment.projectedAtTarget) }),
    },
    {
      term: t('gap'),
      value: growth ? t('missing') : change(assessment.gapToTarget),
      text: growth
        ? t('gapNone')
        : missing
          ? t('missing')
          : assessment.status === 'achieved'
            ? t('gapReached', { value: change(assessment.gapToTarget) })
            : t('gapText', { value: change(assessment.gapToTarget) }),
    },
  ];

  return (
    <dl className="grid grid-cols-2 gap-px overflow-hidden rounded border border-slate-300 bg-slate-300 lg:grid-cols-3">
      {rows.map((row) => (
        <div key={row.term} className="bg-white p-3">
          <dt className="text-xs text-slate-600">{row.term}</dt>
          <dd className="mt-0.5 text-lg font-semibold tabular-nums sm:text-xl">{row.value}</dd>
          <dd className="mt-0.5 text-sm text-slate-700">{row.text}</dd>
        </div>
      ))}
    </dl>
  );
}
