'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { publicFormAction, publicPlainAction } from '@/lib/auth/action';
import { safeNextPath } from '@/lib/auth/next-path';
import { signInWithPassword, signOutCurrentSession } from '@/lib/auth/sign-in';
import { signInSchema, signOutSchema } from '@/lib/schemas/accounts';
import { WORK_QUEUE_PATH } from '@/lib/views/paths';

/** Public: the sign-in form. Throttled per username and per IP (lib/auth/sign-in.ts). */
export const signIn = publicFormAction({
  schema: signInSchema,
  read: (formData) => ({ username: formData.get('username'), password: formData.get('password'), next: formData.get('next') ?? undefined }),
  // the username as typed, even when it is not text (then empty); never the password
  values: (formData) => ({ username: typeof formData.get('username') === 'string' ? String(formData.get('username')) : '' }),
  run: async ({ input, values }) => {
    const result = await signInWithPassword(input.username, input.password, await headers());
    if (result !== 'ok') return { message: `signIn.${result}`, values };
    // Without a page to return to, people land on 我的待办 (which sends a leader on to the overview).
    redirect(input.next ? safeNextPath(input.next) : WORK_QUEUE_PATH);
  },
});

/** Ends the current session; without one it just goes to the sign-in page. */
export const signOut = publicPlainAction({
  schema: signOutSchema,
  read: () => ({}),
  run: async () => {
    await signOutCurrentSession(await headers());
    redirect('/login');
  },
});
