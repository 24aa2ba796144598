import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { clientMessages } from '@/lib/i18n/client-messages';
import { SiteHeader } from './_components/site-header';
import './globals.css';

// Every page reads the database or the session: render on request, never at build time.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('title'), template: `%s · ${t('title')}` } };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, messages] = await Promise.all([getLocale(), getTranslations('app'), getMessages()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider messages={clientMessages(messages)}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
            {t('skipToContent')}
          </a>
          <SiteHeader />
          <main id="main" className="mx-auto max-w-6xl px-3 py-4 sm:px-6 sm:py-6">
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
