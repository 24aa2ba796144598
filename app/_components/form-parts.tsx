'use client';

import { useTranslations } from 'next-intl';
import { useLayoutEffect, useRef, type ComponentProps, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import type { FormState } from '@/lib/schemas/form-state';

import { primaryButtonClass } from './form-classes';

export { inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from './form-classes';

/** The messages under a field, from the action's state (keys of the "validation" namespace). */
export function FieldError({ id, state, field }: { id: string; state: FormState; field: string }) {
  const t = useTranslations('validation');
  const keys = state.errors?.[field];
  if (!keys?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {keys.map((key) => t(key)).join('；')}
    </p>
  );
}

/** The form-level message: success in green, everything else in red; announced to screen readers. */
export function FormMessage({ state }: { state: FormState }) {
  const t = useTranslations('forms');
  if (!state.message) return null;
  return (
    <p role={state.ok ? 'status' : 'alert'} className={`rounded px-3 py-2 text-sm ${state.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-800'}`}>
      {t(state.message)}
    </p>
  );
}

export function SubmitButton({ children, pendingLabel, className = primaryButtonClass }: { children: ReactNode; pendingLabel?: ReactNode; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={className}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

export function hasError(state: FormState, field: string): boolean {
  return Boolean(state.errors?.[field]?.length);
}

/**
 * A controlled <select> that keeps its value when React resets the form after a server action.
 * form.reset() puts a select back to the options marked defaultSelected (React keeps a controlled
 * input's default in step with its value, but not a select's: facebook/react#30580), so the select
 * showed its page-load value after every save while text fields kept what was typed.
 */
export function ResetSafeSelect({ value, ...props }: Omit<ComponentProps<'select'>, 'value' | 'defaultValue'> & { value: string }) {
  const ref = useRef<HTMLSelectElement>(null);
  useLayoutEffect(() => {
    for (const option of Array.from(ref.current?.options ?? [])) option.defaultSelected = option.value === value;
  }, [value]);
  return <select ref={ref} value={value} {...props} />;
}
