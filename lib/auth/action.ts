// The first line of every server action that needs an account: the real session and role check,
// turned into form state instead of an exception so the form can say why.
import type { FormState } from '@/lib/schemas/form-state';
import { AuthorizationError } from './errors';
import type { Permission, SessionUser } from './permissions';
import { requireActionUser } from './session';

export type ActionAuthorization = { user: SessionUser; refusal?: undefined } | { user?: undefined; refusal: FormState };

export async function authorizeAction(permission: Permission): Promise<ActionAuthorization> {
  try {
    return { user: await requireActionUser(permission) };
  } catch (error) {
    if (error instanceof AuthorizationError) return { refusal: { refused: error.reason, message: `refused.${error.reason}` } };
    throw error;
  }
}
