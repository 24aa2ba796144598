import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { switchLocale } from '@/app/_actions/locale';

export async function SiteHeader() {
  const t = await getTranslations('app');
  const locale = await getLocale();
  return (
    <header className="no-print bg-brand-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-3 py-3 sm:px-6">
        <Link href="/" className="text-base font-semibold tracking-wide sm:text-lg">
          {t('title')}
        </Link>
        <nav className="flex flex-1 gap-4 whitespace-nowrap text-sm text-brand-100">
          <Link href="/" className="hover:text-white">{t('nav.home')}</Link>
          <Link href="/reports" className="hover:text-white">{t('nav.reports')}</Link>
        </nav>
        <form action={switchLocale}>
          <input type="hidden" name="locale" value={locale === 'en' ? 'zh-CN' : 'en'} />
          <button type="submit" aria-label={t('languageSwitchLabel')} className="rounded border border-brand-100/40 px-2 py-1 text-sm hover:bg-brand-700">
            {t('language')}
          </button>
        </form>
      </div>
    </header>
  );
}
