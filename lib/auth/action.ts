// The one wrapper every server action is written with (app/_actions/*.ts):
//   authorize (the real session and role check) → read the FormData → parse it with a zod schema from
//   lib/schemas → answer the form's field errors, or run.
// A refusal or an invalid form is answered as form state (useActionState), never as an exception, so the
// form can say why and keep what was typed. Why not next-safe-action: see README "Server actions".
import type { z } from 'zod';
import { fieldErrors, typedValues, type FormState } from '@/lib/schemas/form-state';
import { AuthorizationError } from './errors';
import type { Permission, SessionUser } from './permissions';
import { requireActionUser } from './session';

export type ActionAuthorization = { user: SessionUser; refusal?: undefined } | { user?: undefined; refusal: FormState };

/** The session and role check alone, as form state: `{ refused, message: 'refused.<reason>' }` when refused. */
export async function authorizeAction(permission: Permission): Promise<ActionAuthorization> {
  try {
    return { user: await requireActionUser(permission) };
  } catch (error) {
    if (error instanceof AuthorizationError) return { refusal: { refused: error.reason, message: `refused.${error.reason}` } };
    throw error;
  }
}

/** What `run` gets: the parsed input, the signed-in user, the raw form (for what the schema leaves out) and what was typed. */
export interface ActionCall<Input, User> {
  input: Input;
  user: User;
  formData: FormData;
  /** the form's text fields as typed (the spec's `values`), to hand back with a refusal */
  values: Record<string, string>;
}

export interface ActionSpec<S extends z.ZodType, State extends FormState, User> {
  /** the zod schema (lib/schemas) the form is parsed with */
  schema: S;
  /** the FormData as the schema's input, e.g. `(f) => ({ id: f.get('id'), reason: f.get('reason') ?? '' })` */
  read: (formData: FormData) => unknown;
  /** the text fields to keep after a refusal: names (passwords never), or a function of the form */
  values?: readonly string[] | ((formData: FormData) => Record<string, string>);
  /**
   * The answer to a form the schema refuses: a message key (with the field errors and the typed values),
   * or a function for forms that answer differently. Default: `{ errors, message: 'checkFields', values }`.
   */
  invalid?: string | ((error: z.ZodError, values: Record<string, string>) => NoInfer<State>);
  run: (call: ActionCall<z.output<S>, User>) => Promise<NoInfer<State>>;
}

function typed(formData: FormData, values: ActionSpec<z.ZodType, FormState, unknown>['values']): Record<string, string> {
  if (!values) return {};
  return typeof values === 'function' ? values(formData) : typedValues(formData, values);
}

function invalidState<State extends FormState>(spec: ActionSpec<z.ZodType, State, unknown>, error: z.ZodError, values: Record<string, string>): State {
  if (typeof spec.invalid === 'function') return spec.invalid(error, values);
  return { errors: fieldErrors(error), message: spec.invalid ?? 'checkFields', ...(spec.values ? { values } : {}) } as State;
}

async function parseAndRun<S extends z.ZodType, State extends FormState, User>(spec: ActionSpec<S, State, User>, user: User, formData: FormData): Promise<State> {
  const values = typed(formData, spec.values);
  const parsed = spec.schema.safeParse(spec.read(formData));
  if (!parsed.success) return invalidState(spec as ActionSpec<z.ZodType, State, unknown>, parsed.error, values);
  return spec.run({ input: parsed.data, user, formData, values });
}

/** A form action (useActionState) that needs a signed-in user with `permission`. */
export function formAction<S extends z.ZodType, State extends FormState = FormState>(
  permission: Permission,
  spec: ActionSpec<S, State, SessionUser>,
): (previous: State, formData: FormData) => Promise<State> {
  return async function action(_previous: State, formData: FormData): Promise<State> {
    const { user, refusal } = await authorizeAction(permission);
    if (refusal) return refusal as State;
    return parseAndRun(spec, user, formData);
  };
}

/** A form action (useActionState) anyone may call, signed in or not (the sign-in form). */
export function publicFormAction<S extends z.ZodType, State extends FormState = FormState>(
  spec: ActionSpec<S, State, null>,
): (previous: State, formData: FormData) => Promise<State> {
  return async function action(_previous: State, formData: FormData): Promise<State> {
    return parseAndRun(spec, null, formData);
  };
}

/**
 * A plain `<form action>` anyone may call, without form state (language switch, sign-out): a form the
 * schema refuses is ignored.
 */
export function publicPlainAction<S extends z.ZodType>(spec: {
  schema: S;
  read: (formData: FormData) => unknown;
  run: (input: z.output<S>) => Promise<void>;
}): (formData?: FormData) => Promise<void> {
  return async function action(formData?: FormData): Promise<void> {
    const parsed = spec.schema.safeParse(spec.read(formData ?? new FormData()));
    if (parsed.success) await spec.run(parsed.data);
  };
}
