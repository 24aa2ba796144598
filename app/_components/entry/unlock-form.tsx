'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { unlockFigure } from '@/app/_actions/figures';
import { inputClass, secondaryButtonClass, SubmitButton } from '@/app/_components/form-parts';
import type { FormState } from '@/lib/schemas/form-state';

/** An admin reopens one approved figure, saying why. */
export function UnlockForm({ id, version, year }: { id: number; version: number; year: number }) {
  const t = useTranslations('review');
  const tMessages = useTranslations('entryMessages');
  const [state, formAction] = useActionState<FormState, FormData>(unlockFigure, {});
  const reasonId = `unlock-reason-${id}`;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={reasonId} className="text-sm">
        <span className="block text-xs font-medium text-slate-700">
          {year} · {t('unlockReason')}
        </span>
        <input id={reasonId} name="reason" defaultValue={state.values?.reason} aria-invalid={state.errors?.reason ? true : undefined} className={`${inputClass} w-64`} />
      </label>
      <SubmitButton className={secondaryButtonClass}>{t('unlock')}</SubmitButton>
      {state.errors?.reason && <p className="w-full text-sm text-red-700">{t(state.errors.reason[0] === 'reasonTooLong' ? 'reasonTooLong' : 'unlockReasonRequired')}</p>}
      {state.message && !state.errors && <p role={state.ok ? 'status' : 'alert'} className={`w-full text-sm ${state.ok ? 'text-green-800' : 'text-red-700'}`}>{tMessages(state.message)}</p>}
    </form>
  );
}
