import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { PlanInfo } from '@/lib/data/types';
import type { OverdueFigure } from '@/lib/views/entry-sheet';
import { lateUnits } from '@/lib/views/entry-sheet';
import { completionText, statusText } from '@/lib/i18n/progress-text';
import type { IndicatorProgress } from '@/lib/views/plan-progress';
import { formatPercent, type Status } from '@/lib/progress';
import { StatusBadge } from './status-badge';
import { indicatorName } from '@/lib/views/names';

/** Statuses where a binding indicator needs no attention. */
const FINE: readonly Status[] = ['achieved', 'ahead', 'onTrack'];

/** Every plan, the shown one marked: each page carries its plan in the URL, so switching is a link. */
export async function PlanSwitcher({ plans, currentSlug }: { plans: PlanInfo[]; currentSlug: string }) {
  if (plans.length < 2) return null;
  const t = await getTranslations('plansOverview');
  return (
    <nav aria-label={t('switcherLabel')} className="no-print flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="text-slate-600">{t('switcher')}</span>
      {plans.map((plan) => (
        <Link
          key={plan.slug} href={`/plans/${plan.slug}`} aria-current={plan.slug === currentSlug ? 'page' : undefined}
          className={`rounded border px-2 py-0.5 ${plan.slug === currentSlug ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-brand-700 hover:bg-slate-50'}`}
        >
          {plan.shortName}
          {plan.status === 'archived' && <span className={`ml-1 text-xs ${plan.slug === currentSlug ? 'text-brand-100' : 'text-slate-500'}`}>{t('archived')}</span>}
        </Link>
      ))}
    </nav>
  );
}

/** 约束性指标: binding indicators, those not on track first. Shown only when the plan has any. */
export async function BindingIndicators({ items, hrefOf }: { items: IndicatorProgress[]; hrefOf: (id: number) => string }) {
  const binding = items.filter((i) => i.indicator.attribute === 'binding');
  if (binding.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations('plansOverview'), getLocale()]);
  const sorted = [...binding].sort((a, b) => Number(FINE.includes(a.assessment.status)) - Number(FINE.includes(b.assessment.status)) || a.indicator.sequence - b.indicator.sequence);
  const attention = sorted.filter((i) => !FINE.includes(i.assessment.status)).length;
  return (
    <section aria-labelledby="binding-heading" className="rounded border border-red-200 bg-white p-3" data-testid="binding-indicators">
      <h2 id="binding-heading" className="text-base font-semibold text-red-900">{t('bindingTitle')}</h2>
      <p className="text-xs text-slate-600">{attention > 0 ? t('bindingAttention', { count: attention, total: binding.length }) : t('bindingAllFine', { total: binding.length })}</p>
      <ul className="mt-2 divide-y divide-slate-100 text-sm">
        {sorted.map(({ indicator, assessment }) => (
          <li key={indicator.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
            <span>
              <span className="tabular-nums text-slate-500">{indicator.sequence}.</span>{' '}
              <Link href={hrefOf(indicator.id)} className="text-brand-700 underline">{indicatorName(locale, indicator)}</Link>
            </span>
            <span className="flex items-center gap-2 text-xs text-slate-700">
              <span className="tabular-nums">{t('completion', { completion: completionText(locale, assessment), expected: formatPercent(assessment.expectedProgress) })}</span>
              <StatusBadge status={assessment.status} label={statusText(locale, assessment.status, assessment)} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Which responsible units are late: figures of years past their due date that are missing or not approved. */
export async function LateUnits({ overdue }: { overdue: OverdueFigure[] }) {
  if (overdue.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations('plansOverview'), getLocale()]);
  return (
    <section aria-labelledby="late-heading" className="rounded border border-amber-300 bg-amber-50/60 p-3" data-testid="late-units">
      <h2 id="late-heading" className="text-base font-semibold text-amber-950">{t('lateTitle')}</h2>
      <p className="text-xs text-slate-700">{t('lateIntro', { count: overdue.length })}</p>
      <ul className="mt-2 grid gap-2 text-sm md:grid-cols-2">
        {lateUnits(overdue).map(({ unit, items }) => (
          <li key={unit ?? ''} className="rounded border border-amber-200 bg-white px-3 py-2">
            <p className="font-medium">{unit ?? t('noUnit')}<span className="ml-2 text-xs font-normal text-slate-600">{t('lateCount', { count: items.length })}</span></p>
            <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
              {items.map((item) => (
                <li key={`${item.indicator.id}-${item.year}`}>
                  {t('lateItem', { year: item.year, sequence: item.indicator.sequence, name: indicatorName(locale, item.indicator), dueDate: item.dueDate })}
                  <span className="ml-1 text-amber-900">{t(`lateState.${item.state}`)}</span>
                  {item.indicator.contact && <span className="ml-1 text-slate-500">{t('contact', { contact: item.indicator.contact })}</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
