'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { issueApiToken, revokeApiToken, type IssueTokenState } from '@/app/_actions/tokens';
import { EMPTY_FORM_STATE } from '@/lib/schemas/form-state';
import { FieldError, FormMessage, hasError, inputClass, labelClass, SubmitButton } from '../form-parts';

export function IssueTokenForm() {
  const t = useTranslations('admin.tokens');
  const [state, action] = useActionState<IssueTokenState, FormData>(issueApiToken, EMPTY_FORM_STATE);
  return (
    <div className="space-y-3">
      <form action={action} key={state.ok ? 'done' : 'editing'} className="space-y-3" noValidate>
        <FormMessage state={state} />
        <div className="max-w-md">
          <label htmlFor="token-name" className={labelClass}>{t('name')}</label>
          <input id="token-name" name="name" autoComplete="off" defaultValue={state.ok ? '' : (state.values?.name ?? '')} placeholder={t('nameHint')} aria-invalid={hasError(state, 'name')} aria-describedby="token-name-error" className={`mt-1 ${inputClass}`} />
          <FieldError id="token-name-error" state={state} field="name" />
        </div>
        <SubmitButton>{t('issue')}</SubmitButton>
      </form>
      {state.token && (
        <div className="rounded border border-amber-400 bg-amber-50 p-3 text-sm">
          <p className="font-medium text-amber-900">{t('once')}</p>
          <code data-testid="issued-token" className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-slate-900 select-all">{state.token}</code>
          <p className="mt-2 text-slate-700">{t('usage')}</p>
        </div>
      )}
    </div>
  );
}

export function RevokeTokenForm({ tokenId }: { tokenId: number }) {
  const t = useTranslations('admin.tokens');
  const [state, action] = useActionState(revokeApiToken, EMPTY_FORM_STATE);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="tokenId" value={tokenId} />
      <SubmitButton className="rounded border border-red-300 bg-white px-2 py-1 text-sm text-red-800 hover:bg-red-50">{t('revoke')}</SubmitButton>
      {!state.ok && state.message && <FormMessage state={state} />}
    </form>
  );
}
