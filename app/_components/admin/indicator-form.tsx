'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useState, type FormEvent } from 'react';
import { saveIndicatorAction, type PlanFormState } from '@/app/_actions/plans';
import { definitionChecks, type DefinitionCheckInput } from '@/lib/progress';
import { DIRECTIONS, INDICATOR_ATTRIBUTES, INDICATOR_KINDS } from '@/lib/schemas/plan';
import { hasError, inputClass, labelClass, SubmitButton } from '../form-parts';
import { DefinitionChecks } from './definition-checks';
import { PlanFieldError, PlanMessage, TextField } from './plan-parts';

const EMPTY: PlanFormState = {};

export type IndicatorFormValues = Record<
  'sequence' | 'category' | 'name' | 'unit' | 'kind' | 'baseline' | 'target' | 'annualRate' | 'cumulativeIncrease' | 'attribute' | 'direction' | 'decimals' | 'responsibleUnit' | 'cooperatingUnits' | 'contact' | 'definition' | 'nameEn' | 'unitEn' | 'categoryEn',
  string
>;

function checkInput(v: IndicatorFormValues): DefinitionCheckInput {
  const kind = (INDICATOR_KINDS as readonly string[]).includes(v.kind) ? (v.kind as DefinitionCheckInput['kind']) : 'growthRate';
  return {
    sequence: Number(v.sequence) || 0,
    name: v.name,
    kind,
    baseline: v.baseline,
    target: v.target,
    annualRate: v.annualRate,
    cumulativeIncrease: v.cumulativeIncrease,
    direction: v.direction === 'down' ? 'down' : 'up',
  };
}

function SelectField({ id, name, label, state, value, options }: { id: string; name: string; label: string; state: PlanFormState; value: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>{label}</label>
      <select id={id} name={name} defaultValue={value} aria-invalid={hasError(state, name)} aria-describedby={`${id}-error`} className={`mt-1 ${inputClass}`}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <PlanFieldError id={`${id}-error`} state={state} field={name} />
    </div>
  );
}

/**
 * Every field of one indicator definition. The definition checks run on what is typed (the same pure
 * functions as on the plan page); a change to a definition with approved figures asks for a reason.
 */
export function IndicatorForm({
  planSlug, id, initial, categories, baseYear, lastYear,
}: { planSlug: string; id: number | null; initial: IndicatorFormValues; categories: string[]; baseYear: number; lastYear: number }) {
  const t = useTranslations('plansAdmin.indicatorForm');
  const tKinds = useTranslations('plansAdmin.kinds');
  const tAttr = useTranslations('attribute');
  const tDir = useTranslations('plansAdmin.directions');
  const [state, action] = useActionState(saveIndicatorAction, EMPTY);
  const created = state.ok && id === null;
  const values: IndicatorFormValues = created ? initial : { ...initial, ...(state.values ?? {}) };
  const [typed, setTyped] = useState<IndicatorFormValues>(values);
  const checks = definitionChecks([checkInput(typed)], baseYear, lastYear);
  const needsReason = Boolean(state.needsReason);

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget);
    setTyped(Object.fromEntries(Object.keys(initial).map((k) => [k, String(data.get(k) ?? '')])) as IndicatorFormValues);
  };

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
      <form action={action} onChange={onChange} key={created ? `created-${state.indicatorId}` : 'editing'} className="space-y-4 rounded border border-slate-200 bg-white p-4" noValidate>
        <PlanMessage state={state} />
        {created && (
          <p className="text-sm">
            <Link href={`/admin/plans/${planSlug}`} className="text-brand-700 underline">{t('backToPlan')}</Link>
          </p>
        )}
        <input type="hidden" name="planSlug" value={planSlug} />
        <input type="hidden" name="id" value={id ?? ''} />

        <fieldset className="grid gap-3 sm:grid-cols-6">
          <legend className="mb-2 text-sm font-semibold text-slate-700">{t('identity')}</legend>
          <TextField id="ind-sequence" name="sequence" label={t('sequence')} inputMode="numeric" state={state} defaultValue={values.sequence} className="sm:col-span-1" required />
          <TextField id="ind-category" name="category" label={t('category')} list="plan-categories" hint={t('categoryHint')} state={state} defaultValue={values.category} className="sm:col-span-2" required />
          <datalist id="plan-categories">
            {categories.map((c) => <option key={c} value={c} />)}
          </datalist>
          <TextField id="ind-name" name="name" label={t('name')} state={state} defaultValue={values.name} className="sm:col-span-3" required />
          <TextField id="ind-unit" name="unit" label={t('unit')} hint={t('unitHint')} state={state} defaultValue={values.unit} className="sm:col-span-2" required />
          <div className="sm:col-span-2">
            <SelectField id="ind-kind" name="kind" label={t('kind')} state={state} value={values.kind} options={INDICATOR_KINDS.map((k) => ({ value: k, label: tKinds(k) }))} />
          </div>
          <div className="sm:col-span-2">
            <SelectField id="ind-attribute" name="attribute" label={t('attribute')} state={state} value={values.attribute} options={INDICATOR_ATTRIBUTES.map((a) => ({ value: a, label: tAttr(a) }))} />
          </div>
        </fieldset>

        <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-6">
          <legend className="col-span-2 mb-2 text-sm font-semibold text-slate-700">{t('figures', { baseYear, lastYear })}</legend>
          <TextField id="ind-baseline" name="baseline" label={t('baseline', { year: baseYear })} inputMode="decimal" state={state} defaultValue={values.baseline} className="col-span-1 sm:col-span-2" />
          <TextField id="ind-target" name="target" label={t('target', { year: lastYear })} inputMode="decimal" state={state} defaultValue={values.target} className="col-span-1 sm:col-span-2" />
          <TextField id="ind-annualRate" name="annualRate" label={t('annualRate')} hint={t('annualRateHint')} inputMode="decimal" state={state} defaultValue={values.annualRate} className="col-span-1 sm:col-span-2" />
          <TextField id="ind-cumulativeIncrease" name="cumulativeIncrease" label={t('cumulativeIncrease')} hint={t('cumulativeIncreaseHint')} inputMode="decimal" state={state} defaultValue={values.cumulativeIncrease} className="col-span-1 sm:col-span-2" />
          <div className="col-span-1 sm:col-span-2">
            <SelectField id="ind-direction" name="direction" label={t('direction')} state={state} value={values.direction} options={DIRECTIONS.map((d) => ({ value: d, label: tDir(d) }))} />
          </div>
          <TextField id="ind-decimals" name="decimals" label={t('decimals')} hint={t('decimalsHint')} inputMode="numeric" state={state} defaultValue={values.decimals} className="col-span-1 sm:col-span-2" required />
        </fieldset>

        <fieldset className="grid gap-3 sm:grid-cols-6">
          <legend className="mb-2 text-sm font-semibold text-slate-700">{t('responsibility')}</legend>
          <TextField id="ind-responsibleUnit" name="responsibleUnit" label={t('responsibleUnit')} hint={t('responsibleUnitHint')} state={state} defaultValue={values.responsibleUnit} className="sm:col-span-3" />
          <TextField id="ind-cooperatingUnits" name="cooperatingUnits" label={t('cooperatingUnits')} hint={t('cooperatingUnitsHint')} state={state} defaultValue={values.cooperatingUnits} className="sm:col-span-3" />
          <TextField id="ind-contact" name="contact" label={t('contact')} hint={t('contactHint')} state={state} defaultValue={values.contact} className="sm:col-span-3" />
          <div className="sm:col-span-6">
            <label htmlFor="ind-definition" className={labelClass}>{t('definition')}</label>
            <textarea id="ind-definition" name="definition" rows={3} defaultValue={values.definition} aria-invalid={hasError(state, 'definition')} aria-describedby="ind-definition-error" className={`mt-1 ${inputClass}`} />
            <PlanFieldError id="ind-definition-error" state={state} field="definition" />
          </div>
        </fieldset>

        <fieldset className="grid gap-3 sm:grid-cols-6">
          <legend className="mb-1 text-sm font-semibold text-slate-700">{t('english')}</legend>
          <p className="text-xs text-slate-600 sm:col-span-6">{t('englishHint')}</p>
          <TextField id="ind-nameEn" name="nameEn" label={t('nameEn')} lang="en" state={state} defaultValue={values.nameEn} className="sm:col-span-4" />
          <TextField id="ind-unitEn" name="unitEn" label={t('unitEn')} hint={t('unitEnHint')} lang="en" state={state} defaultValue={values.unitEn} className="sm:col-span-2" />
          <TextField id="ind-categoryEn" name="categoryEn" label={t('categoryEn')} hint={t('categoryEnHint')} lang="en" state={state} defaultValue={values.categoryEn} className="sm:col-span-4" />
        </fieldset>

        {needsReason && (
          <div className="rounded border border-amber-300 bg-amber-50 p-3">
            <label htmlFor="ind-reason" className={labelClass}>{t('reason')}</label>
            <p id="ind-reason-hint" className="mt-0.5 text-xs text-slate-700">{t('reasonHint')}</p>
            <textarea id="ind-reason" name="reason" rows={2} defaultValue={state.values?.reason ?? ''} aria-invalid={hasError(state, 'reason')} aria-describedby="ind-reason-hint ind-reason-error" className={`mt-1 ${inputClass}`} />
            <PlanFieldError id="ind-reason-error" state={state} field="reason" />
          </div>
        )}

        {/* on a phone the checks sit just above the button, where they are seen while typing */}
        <DefinitionChecks checks={checks} id="live-checks-inline-heading" headingLevel="h3" showNames={false} testId="definition-checks-inline" className="lg:hidden" />

        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pendingLabel={t('pending')}>{id === null ? t('create') : t('save')}</SubmitButton>
          <Link href={`/admin/plans/${planSlug}`} className="text-sm text-brand-700 underline">{t('cancel')}</Link>
        </div>
      </form>
      <div className="hidden lg:sticky lg:top-4 lg:block lg:self-start">
        <DefinitionChecks checks={checks} id="live-checks-heading" showNames={false} />
      </div>
    </div>
  );
}
