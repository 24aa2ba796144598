import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from './locales';

/** One JSON file per area and locale (messages/<locale>/<file>.json); their top-level keys are namespaces. */
export const MESSAGE_FILES = ['common', 'plan', 'reports', 'auth', 'admin', 'dashboard', 'entry', 'plans', 'tasks', 'benchmarks'] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(MESSAGE_FILES.map((file) => import(`../../messages/${locale}/${file}.json`).then((m) => m.default)));
  return Object.assign({}, ...parts);
}

// No locale in the URL: the bureau's links stay the same in both languages; the choice is a cookie.
export default getRequestConfig(async () => {
  const requested = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return { locale, timeZone: 'Asia/Shanghai', messages: await loadMessages(locale) };
});
