'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { setUserDisabled } from '@/app/_actions/users';
import { EMPTY_FORM_STATE } from '@/lib/schemas/form-state';
import { FormMessage, SubmitButton, secondaryButtonClass } from '../form-parts';

export function UserStatusForm({ userId, disabled }: { userId: string; disabled: boolean }) {
  const t = useTranslations('admin.user');
  const [state, action] = useActionState(setUserDisabled, EMPTY_FORM_STATE);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
      <FormMessage state={state} />
      {!disabled && <p className="text-sm text-slate-600">{t('disableHint')}</p>}
      <SubmitButton className={disabled ? secondaryButtonClass : 'rounded border border-red-300 bg-white px-3 py-2 text-sm font-medium text-red-800 hover:bg-red-50'}>
        {disabled ? t('enable') : t('disable')}
      </SubmitButton>
    </form>
  );
}
