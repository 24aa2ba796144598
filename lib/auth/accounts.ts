// Creating accounts and setting passwords through better-auth's own adapter (its ids, its account
// rows), so a user made here signs in exactly like any other.
import { deleteUserSessions, findUserByUsername } from '@/lib/data/users';
import { getAuth } from './auth';
import { placeholderEmail } from './config';
import { hashPassword } from './password';
import type { Role } from './permissions';

export class UsernameTakenError extends Error {
  constructor(username: string) {
    super(`username "${username}" is taken`);
  }
}

export interface NewAccount {
  username: string;
  name: string;
  role: Role;
  password: string;
}

export async function createAccount(account: NewAccount): Promise<string> {
  const username = account.username.trim().toLowerCase();
  if (await findUserByUsername(username)) throw new UsernameTakenError(username);
  const context = await getAuth().$context;
  const user = await context.internalAdapter.createUser({
    name: account.name,
    email: placeholderEmail(username),
    emailVerified: false,
    username,
    displayUsername: username,
    role: account.role,
    disabled: false,
    allIndicators: true,
  }, { method: 'admin' });
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: await hashPassword(account.password),
  });
  return user.id;
}

/** Sets a new password and ends every session of that user. */
export async function setAccountPassword(userId: string, password: string): Promise<void> {
  const context = await getAuth().$context;
  await context.internalAdapter.updatePassword(userId, await hashPassword(password));
  await deleteUserSessions(userId);
}
