'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/auth/action';
import { createAccount, setAccountPassword, UsernameTakenError } from '@/lib/auth/accounts';
import { loadUser } from '@/lib/loaders';
import { setUserDisabled as storeUserDisabled, updateUserAccess as storeUserAccess, type AccountChangeRefusal } from '@/lib/data/users';
import { createUserSchema, resetPasswordSchema, setDisabledSchema, userAccessSchema } from '@/lib/schemas/accounts';
import type { FormState } from '@/lib/schemas/form-state';

const USERS_PATH = '/admin/users';

/** A change refused inside its transaction (lib/data/users.ts): someone else changed the admins meanwhile. */
function accountRefusal(reason: AccountChangeRefusal): FormState {
  if (reason === 'actorNotAdmin') return { refused: 'forbidden', message: 'refused.forbidden' };
  return { message: reason === 'lastAdmin' ? 'lastAdmin' : 'userNotFound' };
}

export const createUser = formAction('users.manage', {
  schema: createUserSchema,
  read: (formData) => ({ username: formData.get('username'), name: formData.get('name'), role: formData.get('role'), password: formData.get('password') }),
  values: ['username', 'name', 'role'],
  run: async ({ input, values }) => {
    try {
      await createAccount(input);
    } catch (error) {
      if (error instanceof UsernameTakenError) return { errors: { username: ['usernameTaken'] }, message: 'checkFields', values };
      throw error;
    }
    revalidatePath(USERS_PATH);
    return { ok: true, message: 'userCreated' };
  },
});

/** Role and, for staff, which indicators they may enter (all, or the assigned ones). */
export const updateUserAccess = formAction('users.manage', {
  schema: userAccessSchema,
  read: (formData) => ({
    userId: formData.get('userId'),
    role: formData.get('role'),
    scope: formData.get('scope') ?? 'all',
    indicatorIds: formData.getAll('indicatorIds'),
    actionIds: formData.getAll('actionIds'),
  }),
  run: async ({ input: { userId, role, scope, indicatorIds, actionIds }, user: actor }) => {
    if (!(await loadUser(userId))) return { message: 'userNotFound' };
    // an admin cannot take away their own admin rights (so there is always one admin left)
    if (userId === actor.id && role !== 'admin') return { errors: { role: ['cannotDemoteSelf'] }, message: 'checkFields' };
    if (role === 'staff' && scope === 'assigned' && indicatorIds.length === 0) return { errors: { indicatorIds: ['indicatorsRequired'] }, message: 'checkFields' };
    const result = await storeUserAccess(userId, { role, allIndicators: scope === 'all', indicatorIds, actionIds }, actor.id);
    if (!result.ok) return accountRefusal(result.reason);
    revalidatePath(USERS_PATH, 'layout');
    return { ok: true, message: 'accessSaved' };
  },
});

export const resetUserPassword = formAction('users.manage', {
  schema: resetPasswordSchema,
  read: (formData) => ({ userId: formData.get('userId'), password: formData.get('password') }),
  run: async ({ input }) => {
    if (!(await loadUser(input.userId))) return { message: 'userNotFound' };
    await setAccountPassword(input.userId, input.password);
    revalidatePath(USERS_PATH, 'layout');
    return { ok: true, message: 'passwordReset' };
  },
});

/** Disable or enable an account. Disabled accounts cannot sign in; their entries keep their name. */
export const setUserDisabled = formAction('users.manage', {
  schema: setDisabledSchema,
  read: (formData) => ({ userId: formData.get('userId'), disabled: formData.get('disabled') }),
  run: async ({ input, user: actor }) => {
    if (input.userId === actor.id) return { message: 'cannotDisableSelf' };
    if (!(await loadUser(input.userId))) return { message: 'userNotFound' };
    const result = await storeUserDisabled(input.userId, input.disabled, actor.id);
    if (!result.ok) return accountRefusal(result.reason);
    revalidatePath(USERS_PATH, 'layout');
    return { ok: true, message: input.disabled ? 'userDisabled' : 'userEnabled' };
  },
});
