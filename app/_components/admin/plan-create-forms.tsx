'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useState, type FormEvent } from 'react';
import { copyPlanAction, createPlanAction, importPlanAction, type PlanFormState } from '@/app/_actions/plans';
import { fileTooLargeMessage, fileWithinLimit, PLAN_TABLE_UPLOAD_MAX_BYTES, PLAN_TABLE_UPLOAD_MAX_MB } from '@/lib/schemas/uploads';
import { hasError, inputClass, labelClass, SubmitButton } from '../form-parts';
import { PlanFieldError, PlanFieldInputs, PlanMessage, type PlanFieldDefaults } from './plan-parts';

const EMPTY: PlanFormState = {};

function CreatedLink({ state }: { state: PlanFormState }) {
  const t = useTranslations('plansAdmin.create');
  if (!state.ok || !state.slug) return null;
  return (
    <p className="text-sm">
      <Link href={`/admin/plans/${state.slug}`} className="text-brand-700 underline">{t('openCreated')}</Link>
    </p>
  );
}

/** An empty plan: fields and categories, one per line. */
export function CreatePlanForm() {
  const t = useTranslations('plansAdmin.create');
  const [state, action] = useActionState(createPlanAction, EMPTY);
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} key={state.ok ? `done-${state.slug}` : 'editing'} className="space-y-3" noValidate>
      <PlanMessage state={state} />
      <CreatedLink state={state} />
      <PlanFieldInputs prefix="new" state={state} defaults={{}} withSlug />
      <div>
        <label htmlFor="new-categories" className={labelClass}>{t('categories')}</label>
        <textarea
          id="new-categories" name="categories" rows={4} defaultValue={values.categories ?? ''} aria-invalid={hasError(state, 'categories')}
          aria-describedby="new-categories-hint new-categories-error" className={`mt-1 ${inputClass}`}
        />
        <p id="new-categories-hint" className="mt-1 text-xs text-slate-500">{t('categoriesHint')}</p>
        <PlanFieldError id="new-categories-error" state={state} field="categories" />
      </div>
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </form>
  );
}

export interface CopySource {
  slug: string;
  name: string;
  shortName: string;
  region: string;
  baseYear: number;
  lastYear: number;
  sourceDocument: string;
}

/** The fields a copy starts from: the source's years shifted by its own length. */
function shiftedDefaults(source: CopySource | undefined): PlanFieldDefaults {
  if (!source) return {};
  const length = source.lastYear - source.baseYear;
  const baseYear = source.baseYear + length;
  const lastYear = source.lastYear + length;
  return {
    region: source.region,
    baseYear: String(baseYear),
    firstYear: String(baseYear + 1),
    lastYear: String(lastYear),
    slug: source.slug.replace(/\d{4}-\d{4}$/, `${baseYear + 1}-${lastYear}`),
  };
}

export function CopyPlanForm({ sources }: { sources: CopySource[] }) {
  const t = useTranslations('plansAdmin.copy');
  const [state, action] = useActionState(copyPlanAction, EMPTY);
  const [sourceSlug, setSourceSlug] = useState(state.values?.sourceSlug ?? sources[0]?.slug ?? '');
  const source = sources.find((s) => s.slug === sourceSlug);
  return (
    <form action={action} className="space-y-3" noValidate>
      <PlanMessage state={state} />
      <CreatedLink state={state} />
      <div className="sm:w-1/2">
        <label htmlFor="copy-source" className={labelClass}>{t('source')}</label>
        <select
          id="copy-source" name="sourceSlug" value={sourceSlug} onChange={(e) => setSourceSlug(e.target.value)}
          aria-invalid={hasError(state, 'sourceSlug')} aria-describedby="copy-source-hint copy-source-error" className={`mt-1 ${inputClass}`}
        >
          {sources.map((s) => <option key={s.slug} value={s.slug}>{s.name}（{s.baseYear + 1}–{s.lastYear}）</option>)}
        </select>
        <p id="copy-source-hint" className="mt-1 text-xs text-slate-500">{t('sourceHint')}</p>
        <PlanFieldError id="copy-source-error" state={state} field="sourceSlug" />
      </div>
      {/* new defaults whenever the source changes; what was typed survives a refused submit */}
      <div key={state.ok ? `done-${state.slug}` : `${sourceSlug}-${state.message ?? ''}`}>
        <PlanFieldInputs prefix="copy" state={state} defaults={shiftedDefaults(source)} withSlug />
      </div>
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </form>
  );
}

/** A new plan from a 表1-layout .xlsx: every row is checked; all row errors are listed, nothing is created. */
export function ImportPlanForm() {
  const t = useTranslations('plansAdmin.import');
  const [actionState, action] = useActionState(importPlanAction, EMPTY);
  // A file over the limit is answered here, before sending (the server checks again); the typed fields stay.
  const [tooLarge, setTooLarge] = useState(false);
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const file = new FormData(event.currentTarget).get('file');
    const within = fileWithinLimit(file instanceof File ? file : null, PLAN_TABLE_UPLOAD_MAX_BYTES);
    setTooLarge(!within);
    if (!within) event.preventDefault();
  };
  const state: PlanFormState = tooLarge ? { message: 'checkFields', values: actionState.values, errors: { file: [fileTooLargeMessage(PLAN_TABLE_UPLOAD_MAX_MB)] } } : actionState;
  return (
    <form action={action} onSubmit={checkSize} key={actionState.ok ? `done-${actionState.slug}` : 'editing'} className="space-y-3" noValidate>
      <PlanMessage state={state} />
      <CreatedLink state={state} />
      {state.importErrors && state.importErrors.length > 0 && (
        <div className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-medium">{t('rowErrors', { count: state.importErrors.length })}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5" data-testid="import-errors">
            {state.importErrors.map((e, i) => (
              <li key={i}>{e.row > 0 ? t('row', { row: e.row }) : ''}{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <label htmlFor="import-file" className={labelClass}>{t('file')}</label>
        <input
          id="import-file" name="file" type="file" onChange={() => setTooLarge(false)} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-invalid={hasError(state, 'file')} aria-describedby="import-file-hint import-file-error"
          className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm"
        />
        <p id="import-file-hint" className="mt-1 text-xs text-slate-500">{t('fileHint')}</p>
        <PlanFieldError id="import-file-error" state={state} field="file" />
      </div>
      <PlanFieldInputs prefix="import" state={state} defaults={{}} withSlug />
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </form>
  );
}
