'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { publicPlainAction } from '@/lib/auth/action';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { localeSchema } from '@/lib/schemas/accounts';

/** Stores the reader's language choice; unknown values are ignored. */
export const switchLocale = publicPlainAction({
  schema: localeSchema,
  read: (formData) => ({ locale: formData.get('locale') }),
  run: async ({ locale }) => {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
    revalidatePath('/', 'layout');
  },
});
