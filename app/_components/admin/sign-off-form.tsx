'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { setSignOffAction, type PlanFormState } from '@/app/_actions/plans';
import { SIGN_OFF_FIELDS, type SignOff } from '@/lib/schemas/sign-off';
import { SubmitButton } from '../form-parts';
import { PlanMessage, TextField } from './plan-parts';

const EMPTY: PlanFormState = {};

/** The plan's sign-off block (落款) for its reports: six optional fields; what was typed stays on an error. */
export function SignOffForm({ slug, signOff }: { slug: string; signOff: SignOff }) {
  const t = useTranslations('plansAdmin.signOff');
  const [state, action] = useActionState(setSignOffAction, EMPTY);
  const value = (field: (typeof SIGN_OFF_FIELDS)[number]) => (state.ok || !state.values ? (signOff[field] ?? '') : (state.values[field] ?? ''));
  return (
    <form action={action} className="space-y-3" noValidate>
      <PlanMessage state={state} />
      <input type="hidden" name="slug" value={slug} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {SIGN_OFF_FIELDS.map((field) => (
          <TextField
            key={`${field}-${state.ok ? 'saved' : 'typed'}-${value(field)}`}
            id={`sign-off-${field}`}
            name={field}
            label={t(field)}
            hint={field === 'date' ? t('dateHint') : undefined}
            inputMode={field === 'phone' ? 'text' : undefined}
            state={state}
            defaultValue={value(field)}
          />
        ))}
      </div>
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </form>
  );
}
