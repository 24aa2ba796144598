'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeNextPath } from '@/lib/auth/next-path';
import { signInWithPassword, signOutCurrentSession } from '@/lib/auth/sign-in';
import { signInSchema } from '@/lib/schemas/accounts';
import { fieldErrors, type FormState } from '@/lib/schemas/form-state';

/** Public: the sign-in form. Throttled per username and per IP (lib/auth/sign-in.ts). */
export async function signIn(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse({
    username: formData.get('username'),
    password: formData.get('password'),
    next: formData.get('next') ?? undefined,
  });
  const values = { username: typeof formData.get('username') === 'string' ? String(formData.get('username')) : '' };
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: 'checkFields', values };

  const result = await signInWithPassword(parsed.data.username, parsed.data.password, await headers());
  if (result !== 'ok') return { message: `signIn.${result}`, values };
  redirect(safeNextPath(parsed.data.next));
}

/** Ends the current session; without one it just goes to the sign-in page. */
export async function signOut(): Promise<void> {
  await signOutCurrentSession(await headers());
  redirect('/login');
}
