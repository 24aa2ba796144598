'use client';

import { useTranslations } from 'next-intl';
import { useActionState, type ReactNode } from 'react';
import { reviewFigure } from '@/app/_actions/figures';
import { inputClass, primaryButtonClass, secondaryButtonClass } from '@/app/_components/form-parts';
import type { FormState } from '@/lib/schemas/form-state';

/** Approve or return one submitted figure; returning needs a reason. `children` go inside the form (e.g. the 核对 acknowledgement). */
export function ReviewForm({ id, version, label, children }: { id: number; version: number; label: string; children?: ReactNode }) {
  const t = useTranslations('review');
  const tMessages = useTranslations('entryMessages');
  const [state, formAction, pending] = useActionState<FormState, FormData>(reviewFigure, {});
  const reasonId = `reason-${id}`;
  if (state.ok) return <p role="status" className="text-sm font-medium text-green-800">{tMessages(state.message ?? 'review.approved')}</p>;
  return (
    <form action={formAction} className="space-y-2" aria-label={label}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={reasonId} className="block text-xs font-medium text-slate-700">{t('reason')}</label>
      <textarea id={reasonId} name="reason" rows={2} defaultValue={state.values?.reason} aria-invalid={state.errors?.reason ? true : undefined} className={inputClass} />
      {state.errors?.reason && <p className="text-sm text-red-700">{t(state.errors.reason[0] === 'reasonTooLong' ? 'reasonTooLong' : 'reasonRequired')}</p>}
      {state.message && !state.errors && <p role="alert" className="text-sm text-red-700">{tMessages(state.message)}</p>}
      {children}
      <div className="flex gap-2">
        <button type="submit" name="decision" value="approve" disabled={pending} className={primaryButtonClass}>{t('approve')}</button>
        <button type="submit" name="decision" value="return" disabled={pending} className={secondaryButtonClass}>{t('return')}</button>
      </div>
    </form>
  );
}
