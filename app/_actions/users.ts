'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/action';
import { createAccount, setAccountPassword, UsernameTakenError } from '@/lib/auth/accounts';
import { loadUser } from '@/lib/loaders';
import { setUserDisabled as storeUserDisabled, updateUserAccess as storeUserAccess, type AccountChangeRefusal } from '@/lib/data/users';
import { createUserSchema, resetPasswordSchema, setDisabledSchema, userAccessSchema } from '@/lib/schemas/accounts';
import { fieldErrors, typedValues, type FormState } from '@/lib/schemas/form-state';

const USERS_PATH = '/admin/users';

/** A change refused inside its transaction (lib/data/users.ts): someone else changed the admins meanwhile. */
function accountRefusal(reason: AccountChangeRefusal): FormState {
  if (reason === 'actorNotAdmin') return { refused: 'forbidden', message: 'refused.forbidden' };
  return { message: reason === 'lastAdmin' ? 'lastAdmin' : 'userNotFound' };
}

export async function createUser(_previous: FormState, formData: FormData): Promise<FormState> {
  const { refusal } = await authorizeAction('users.manage');
  if (refusal) return refusal;
  const values = typedValues(formData, ['username', 'name', 'role']);
  const parsed = createUserSchema.safeParse({
    username: formData.get('username'),
    name: formData.get('name'),
    role: formData.get('role'),
    password: formData.get('password'),
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: 'checkFields', values };
  try {
    await createAccount(parsed.data);
  } catch (error) {
    if (error instanceof UsernameTakenError) return { errors: { username: ['usernameTaken'] }, message: 'checkFields', values };
    throw error;
  }
  revalidatePath(USERS_PATH);
  return { ok: true, message: 'userCreated' };
}

/** Role and, for staff, which indicators they may enter (all, or the assigned ones). */
export async function updateUserAccess(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user: actor, refusal } = await authorizeAction('users.manage');
  if (refusal) return refusal;
  const parsed = userAccessSchema.safeParse({
    userId: formData.get('userId'),
    role: formData.get('role'),
    scope: formData.get('scope') ?? 'all',
    indicatorIds: formData.getAll('indicatorIds'),
    actionIds: formData.getAll('actionIds'),
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: 'checkFields' };
  const { userId, role, scope, indicatorIds, actionIds } = parsed.data;
  if (!(await loadUser(userId))) return { message: 'userNotFound' };
  // an admin cannot take away their own admin rights (so there is always one admin left)
  if (userId === actor.id && role !== 'admin') return { errors: { role: ['cannotDemoteSelf'] }, message: 'checkFields' };
  if (role === 'staff' && scope === 'assigned' && indicatorIds.length === 0) return { errors: { indicatorIds: ['indicatorsRequired'] }, message: 'checkFields' };
  const result = await storeUserAccess(userId, { role, allIndicators: scope === 'all', indicatorIds, actionIds }, actor.id);
  if (!result.ok) return accountRefusal(result.reason);
  revalidatePath(USERS_PATH, 'layout');
  return { ok: true, message: 'accessSaved' };
}

export async function resetUserPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const { refusal } = await authorizeAction('users.manage');
  if (refusal) return refusal;
  const parsed = resetPasswordSchema.safeParse({ userId: formData.get('userId'), password: formData.get('password') });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: 'checkFields' };
  if (!(await loadUser(parsed.data.userId))) return { message: 'userNotFound' };
  await setAccountPassword(parsed.data.userId, parsed.data.password);
  revalidatePath(USERS_PATH, 'layout');
  return { ok: true, message: 'passwordReset' };
}

/** Disable or enable an account. Disabled accounts cannot sign in; their entries keep their name. */
export async function setUserDisabled(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user: actor, refusal } = await authorizeAction('users.manage');
  if (refusal) return refusal;
  const parsed = setDisabledSchema.safeParse({ userId: formData.get('userId'), disabled: formData.get('disabled') });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: 'checkFields' };
  if (parsed.data.userId === actor.id) return { message: 'cannotDisableSelf' };
  if (!(await loadUser(parsed.data.userId))) return { message: 'userNotFound' };
  const result = await storeUserDisabled(parsed.data.userId, parsed.data.disabled, actor.id);
  if (!result.ok) return accountRefusal(result.reason);
  revalidatePath(USERS_PATH, 'layout');
  return { ok: true, message: parsed.data.disabled ? 'userDisabled' : 'userEnabled' };
}
