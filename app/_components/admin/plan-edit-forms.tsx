'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { setDueDatesAction, updatePlanAction, type PlanFormState } from '@/app/_actions/plans';
import type { PlanInfo } from '@/lib/data/types';
import { hasError, inputClass, labelClass, SubmitButton } from '../form-parts';
import { PlanFieldError, PlanFieldInputs, PlanMessage } from './plan-parts';

const EMPTY: PlanFormState = {};

export function EditPlanForm({ plan }: { plan: PlanInfo }) {
  const t = useTranslations('plansAdmin.edit');
  const [state, action] = useActionState(updatePlanAction, EMPTY);
  const defaults = {
    name: plan.name, shortName: plan.shortName, region: plan.region, baseYear: String(plan.baseYear),
    firstYear: String(plan.firstYear), lastYear: String(plan.lastYear), sourceDocument: plan.sourceDocument,
  };
  return (
    <form action={action} className="space-y-3" noValidate>
      <PlanMessage state={state} />
      <input type="hidden" name="slug" value={plan.slug} />
      <PlanFieldInputs prefix="edit" state={state} defaults={defaults} withSlug={false} />
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </form>
  );
}

/** One date input per plan year: the date by which that year's figures should be entered and approved. */
export function DueDatesForm({ slug, years, dueDates }: { slug: string; years: number[]; dueDates: { year: number; dueDate: string }[] }) {
  const t = useTranslations('plansAdmin.dueDates');
  const [state, action] = useActionState(setDueDatesAction, EMPTY);
  const saved = new Map(dueDates.map((d) => [d.year, d.dueDate]));
  return (
    <form action={action} className="space-y-3" noValidate>
      <PlanMessage state={state} />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {years.map((year) => {
          const name = `dueDate.${year}`;
          return (
            <div key={year}>
              <label htmlFor={`due-${year}`} className={labelClass}>{t('year', { year })}</label>
              <input
                id={`due-${year}`} name={name} type="date" defaultValue={state.ok ? saved.get(year) : (state.values?.[name] ?? saved.get(year) ?? '')}
                aria-invalid={hasError(state, name)} aria-describedby={`due-${year}-error`} className={`mt-1 ${inputClass}`}
              />
              <PlanFieldError id={`due-${year}-error`} state={state} field={name} />
            </div>
          );
        })}
      </div>
      <input type="hidden" name="slug" value={slug} />
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </form>
  );
}
