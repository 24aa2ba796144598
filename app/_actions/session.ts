'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeNextPath } from '@/lib/auth/next-path';
import { signInWithPassword, signOutCurrentSession } from '@/lib/auth/sign-in';
import { signInSchema } from '@/lib/schemas/accounts';
import { WORK_QUEUE_PATH } from '@/lib/views/paths';
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
  // Without a page to return to, people land on 我的待办 (which sends a leader on to the overview).
  redirect(parsed.data.next ? safeNextPath(parsed.data.next) : WORK_QUEUE_PATH);
}

/** Ends the current session; without one it just goes to the sign-in page. */
export async function signOut(): Promise<void> {
  await signOutCurrentSession(await headers());
  redirect('/login');
}
