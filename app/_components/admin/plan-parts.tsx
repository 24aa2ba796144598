'use client';

import { useTranslations } from 'next-intl';
import type { PlanFormState } from '@/app/_actions/plans';
import { hasError, inputClass, labelClass } from '../form-parts';

/** The schema's own messages under a field (the plan schemas' messages are Chinese text, not keys). */
export function PlanFieldError({ id, state, field }: { id: string; state: PlanFormState; field: string }) {
  const messages = state.errors?.[field];
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {messages.join('；')}
    </p>
  );
}

/** The form-level message (keys of plansAdmin.messages): green on success, red otherwise. */
export function PlanMessage({ state }: { state: PlanFormState }) {
  const t = useTranslations('plansAdmin.messages');
  const tForms = useTranslations('forms');
  if (!state.message) return null;
  const text = state.message.startsWith('refused.') ? tForms(state.message) : t(state.message);
  return (
    <p role={state.ok ? 'status' : 'alert'} className={`rounded px-3 py-2 text-sm ${state.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-800'}`}>
      {text}
    </p>
  );
}

export function TextField({
  id, name, label, state, defaultValue, hint, type = 'text', inputMode, className = '', list, required, lang,
}: {
  id: string; name: string; label: string; state: PlanFormState; defaultValue?: string; hint?: string; type?: string;
  inputMode?: 'numeric' | 'decimal' | 'text'; className?: string; list?: string; required?: boolean; lang?: string;
}) {
  return (
    <div className={className}>
      {/* the mark stays outside the label, so the field's name is just the label text */}
      <div className="flex items-baseline gap-0.5">
        <label htmlFor={id} className={labelClass}>{label}</label>
        {required && <span className="text-sm text-red-700" aria-hidden="true">*</span>}
      </div>
      <input
        id={id} name={name} type={type} inputMode={inputMode} list={list} lang={lang} autoComplete="off" defaultValue={defaultValue ?? ''}
        aria-invalid={hasError(state, name)} aria-describedby={`${id}-hint ${id}-error`} className={`mt-1 ${inputClass}`}
      />
      {hint && <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p>}
      <PlanFieldError id={`${id}-error`} state={state} field={name} />
    </div>
  );
}

export interface PlanFieldDefaults {
  name?: string; shortName?: string; region?: string; baseYear?: string; firstYear?: string; lastYear?: string; sourceDocument?: string; slug?: string;
}

/** Name, short name, region, years, source document and (for a new plan) the slug. */
export function PlanFieldInputs({ prefix, state, defaults, withSlug }: { prefix: string; state: PlanFormState; defaults: PlanFieldDefaults; withSlug: boolean }) {
  const t = useTranslations('plansAdmin.fields');
  const v = { ...defaults, ...(state.ok ? {} : state.values) };
  return (
    <div className="grid grid-cols-3 gap-3 sm:grid-cols-6">
      <TextField id={`${prefix}-name`} name="name" label={t('name')} state={state} defaultValue={v.name} className="col-span-3 sm:col-span-4" required />
      <TextField id={`${prefix}-shortName`} name="shortName" label={t('shortName')} hint={t('shortNameHint')} state={state} defaultValue={v.shortName} className="col-span-3 sm:col-span-2" required />
      <TextField id={`${prefix}-region`} name="region" label={t('region')} state={state} defaultValue={v.region} className="col-span-3 sm:col-span-2" required />
      <TextField id={`${prefix}-baseYear`} name="baseYear" label={t('baseYear')} inputMode="numeric" state={state} defaultValue={v.baseYear} className="col-span-1" required />
      <TextField id={`${prefix}-firstYear`} name="firstYear" label={t('firstYear')} inputMode="numeric" state={state} defaultValue={v.firstYear} className="col-span-1" required />
      <TextField id={`${prefix}-lastYear`} name="lastYear" label={t('lastYear')} inputMode="numeric" state={state} defaultValue={v.lastYear} className="col-span-1" required />
      {withSlug && (
        <TextField id={`${prefix}-slug`} name="slug" label={t('slug')} hint={t('slugHint')} state={state} defaultValue={v.slug} className="col-span-3" required />
      )}
      <TextField id={`${prefix}-sourceDocument`} name="sourceDocument" label={t('sourceDocument')} state={state} defaultValue={v.sourceDocument} className="col-span-3 sm:col-span-6" required />
    </div>
  );
}
