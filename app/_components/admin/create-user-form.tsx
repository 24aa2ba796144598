'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createUser } from '@/app/_actions/users';
import { ROLES } from '@/lib/auth/permissions';
import { EMPTY_FORM_STATE } from '@/lib/schemas/form-state';
import { FieldError, FormMessage, hasError, inputClass, labelClass, SubmitButton } from '../form-parts';

export function CreateUserForm() {
  const t = useTranslations('admin.create');
  const tRoles = useTranslations('auth.roles');
  const [state, action] = useActionState(createUser, EMPTY_FORM_STATE);
  // after a success the form starts empty again (key changes), after an error it keeps what was typed
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} key={state.ok ? 'done' : 'editing'} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="new-username" className={labelClass}>{t('username')}</label>
          <input id="new-username" name="username" autoComplete="off" autoCapitalize="none" spellCheck={false} defaultValue={values.username ?? ''} aria-invalid={hasError(state, 'username')} aria-describedby="new-username-hint new-username-error" className={`mt-1 ${inputClass}`} />
          <p id="new-username-hint" className="mt-1 text-xs text-slate-500">{t('usernameHint')}</p>
          <FieldError id="new-username-error" state={state} field="username" />
        </div>
        <div>
          <label htmlFor="new-name" className={labelClass}>{t('name')}</label>
          <input id="new-name" name="name" autoComplete="off" defaultValue={values.name ?? ''} aria-invalid={hasError(state, 'name')} aria-describedby="new-name-error" className={`mt-1 ${inputClass}`} />
          <FieldError id="new-name-error" state={state} field="name" />
        </div>
        <div>
          <label htmlFor="new-role" className={labelClass}>{t('role')}</label>
          <select id="new-role" name="role" defaultValue={values.role ?? 'staff'} aria-invalid={hasError(state, 'role')} aria-describedby="new-role-error" className={`mt-1 ${inputClass}`}>
            {ROLES.map((role) => <option key={role} value={role}>{tRoles(role)}</option>)}
          </select>
          <FieldError id="new-role-error" state={state} field="role" />
        </div>
        <div>
          <label htmlFor="new-password" className={labelClass}>{t('password')}</label>
          <input id="new-password" name="password" type="password" autoComplete="new-password" aria-invalid={hasError(state, 'password')} aria-describedby="new-password-hint new-password-error" className={`mt-1 ${inputClass}`} />
          <p id="new-password-hint" className="mt-1 text-xs text-slate-500">{t('passwordHint')}</p>
          <FieldError id="new-password-error" state={state} field="password" />
        </div>
      </div>
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
