// What a server action hands back to its form (useActionState): message keys, not text, so the form
// shows them in the reader's language; `values` keeps what was typed (never passwords).
import type { z } from 'zod';

export interface FormState {
  /** field → message keys in the "validation" namespace */
  errors?: Record<string, string[] | undefined>;
  /** a key in the "forms" namespace, e.g. "saved", "usernameTaken" */
  message?: string | null;
  ok?: boolean;
  /** set when the session or role check refused the action */
  refused?: 'unauthenticated' | 'forbidden';
  values?: Record<string, string>;
}

export const EMPTY_FORM_STATE: FormState = {};

/** Zod issues (an error, or some of its issues) as field → messages, keyed by each issue's first path segment. */
export function fieldErrors(error: Pick<z.ZodError, 'issues'>): FormState['errors'] {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

/** The text fields of a form, to put back into it after a refusal (password fields left out). */
export function typedValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}
