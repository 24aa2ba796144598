/**
 * The message namespaces the browser needs: those that client components (and the modules they import)
 * translate with useTranslations. The root layout hands only these to NextIntlClientProvider; the rest
 * (dashboard, report, todo, …) are used by server components alone and would only add ~10 KB to every
 * page's payload. tests/unit/i18n/client-messages.test.ts walks the client modules and fails when one
 * uses a namespace missing here.
 */
export const CLIENT_NAMESPACES = ['admin', 'attribute', 'auth', 'benchmarks', 'entry', 'entryMessages', 'error', 'forms', 'plansAdmin', 'reports', 'review', 'tasks', 'validation'] as const;

/** The part of a locale's messages client components use. */
export function clientMessages(messages: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(CLIENT_NAMESPACES.filter((name) => name in messages).map((name) => [name, messages[name]]));
}
