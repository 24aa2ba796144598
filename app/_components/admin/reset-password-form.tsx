'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { resetUserPassword } from '@/app/_actions/users';
import { EMPTY_FORM_STATE } from '@/lib/schemas/form-state';
import { FieldError, FormMessage, hasError, inputClass, labelClass, SubmitButton, secondaryButtonClass } from '../form-parts';

export function ResetPasswordForm({ userId }: { userId: string }) {
  const t = useTranslations('admin.user');
  const [state, action] = useActionState(resetUserPassword, EMPTY_FORM_STATE);
  return (
    <form action={action} key={state.ok ? 'done' : 'editing'} className="space-y-3" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      <div className="max-w-xs">
        <label htmlFor="reset-password" className={labelClass}>{t('newPassword')}</label>
        <input id="reset-password" name="password" type="password" autoComplete="new-password" aria-invalid={hasError(state, 'password')} aria-describedby="reset-password-error" className={`mt-1 ${inputClass}`} />
        <FieldError id="reset-password-error" state={state} field="password" />
      </div>
      <SubmitButton className={secondaryButtonClass}>{t('resetPassword')}</SubmitButton>
    </form>
  );
}
