'use client';

import { useTranslations } from 'next-intl';

// Production hides the error's details from the browser; we never show them either.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('error');
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 p-4">
      <h1 className="text-lg font-semibold text-red-900">{t('title')}</h1>
      <p className="mt-1 text-sm text-red-900">{t('database')}</p>
      <button type="button" onClick={reset} className="mt-3 rounded bg-red-800 px-3 py-1.5 text-sm text-white hover:bg-red-900">
        {t('retry')}
      </button>
    </div>
  );
}
