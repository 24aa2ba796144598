import { getLocale, getTranslations } from 'next-intl/server';
import { completionText } from '@/lib/i18n/progress-text';
import type { IndicatorDefinition } from '@/lib/data/types';
import { describeChange, describeGap, displayDecimals, formatNumber, formatPercent, formatSignedChange, type Assessment } from '@/lib/progress';
import { indicatorUnit } from '@/lib/views/names';

/**
 * The engine's metrics for one indicator, each as a term and a plain sentence; "—" where undefined.
 * Signs and words come from lib/progress (describeGap, describeChange): a shortfall reads 还差 22.40 个百分点,
 * an excess 已超出目标 48 家, a change too small for the indicator's decimals gets more of them.
 */
export async function IndicatorMetrics({ indicator, assessment, targetYear }: { indicator: IndicatorDefinition; assessment: Assessment; targetYear: number }) {
  const [t, locale] = await Promise.all([getTranslations('dashboard.metrics'), getLocale()]);
  const d = indicator.decimals;
  const unit = indicatorUnit(locale, indicator);
  const growth = indicator.kind === 'growthRate';
  // Changes of a share are in percentage points; of a growth rate in %; otherwise in the unit.
  const changeUnit = indicator.kind === 'share' ? t('unitPp') : growth ? t('unitPercent') : unit;
  const withUnit = (text: string, unit: string) => `${text}${unit === '%' ? '%' : ` ${unit}`}`;
  const level = (v: number | null) => (v === null ? t('missing') : withUnit(formatNumber(v, d), unit));
  const change = (v: number | null) => (v === null ? t('missing') : withUnit(formatSignedChange(v, displayDecimals(v, d)), changeUnit));
  const amount = (p: { amount: number; decimals: number }) => withUnit(formatNumber(p.amount, p.decimals), changeUnit);
  const missing = assessment.latestYear === null;

  const average = describeChange(assessment.averageAnnualChange, d);
  const growthPct = assessment.averageAnnualGrowthPct;
  const averageText = (): string => {
    if (missing || average === null) return t('missing');
    if (growth) return t('averageGrowthText', { value: change(growthPct) });
    if (average.trend === 'flat') return t('averageChangeFlat');
    const up = average.trend === 'increase';
    if (growthPct !== null) return t(up ? 'averageBoth' : 'averageBothDecrease', { change: amount(average), growth: `${formatSignedChange(growthPct, displayDecimals(growthPct, 1))}%` });
    return t(up ? 'averageChangeText' : 'averageChangeDecrease', { value: amount(average) });
  };

  const gap = describeGap(assessment.gapToTarget, d, indicator.direction);
  const gapValue = gap === null ? t('missing') : gap.state === 'exceeded' ? t('gapValueExceeded', { value: amount(gap) }) : amount(gap);
  const gapText = gap === null ? t('missing') : gap.state === 'exceeded' ? t('gapExceeded', { value: amount(gap) }) : gap.state === 'reached' ? t('gapExactly') : t('gapText', { value: amount(gap) });

  const rows: { term: string; value: string; text: string }[] = [
    {
      term: t('completion'),
      value: completionText(locale, assessment),
      text: missing ? t('missing') : t(growth ? 'completionTextGrowth' : 'completionText', { value: formatPercent(assessment.completion) }),
    },
    { term: t('expected'), value: formatPercent(assessment.expectedProgress), text: t('expectedText', { value: formatPercent(assessment.expectedProgress) }) },
    {
      term: t('averageGrowth'),
      value: growth ? change(growthPct) : change(assessment.averageAnnualChange),
      text: averageText(),
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
      value: growth || missing ? t('missing') : gapValue,
      text: growth ? t('gapNone') : missing ? t('missing') : gapText,
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
