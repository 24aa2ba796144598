'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { signIn } from '@/app/_actions/session';
import { EMPTY_FORM_STATE } from '@/lib/schemas/form-state';
import { FieldError, FormMessage, hasError, inputClass, labelClass, SubmitButton } from './form-parts';

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations('auth');
  const [state, action] = useActionState(signIn, EMPTY_FORM_STATE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <div>
        <label htmlFor="username" className={labelClass}>{t('username')}</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={state.values?.username ?? ''}
          aria-invalid={hasError(state, 'username')}
          aria-describedby="username-error"
          className={`mt-1 ${inputClass}`}
        />
        <FieldError id="username-error" state={state} field="username" />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>{t('password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={hasError(state, 'password')}
          aria-describedby="password-error"
          className={`mt-1 ${inputClass}`}
        />
        <FieldError id="password-error" state={state} field="password" />
      </div>
      <SubmitButton pendingLabel={t('submitting')} className="w-full rounded bg-brand-700 px-4 py-2.5 text-base font-medium text-white hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70">
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
