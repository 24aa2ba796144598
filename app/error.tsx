'use client';

import { useTranslations } from 'next-intl';
import { isDatabaseError } from '@/lib/http/error-digest';

// Production hides the error's details from the browser; we never show them either. Only the digest
// says whether the database was the cause (lib/db.ts marks its errors).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('error');
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 p-4">
      <h1 className="text-lg font-semibold text-red-900">{t('title')}</h1>
      <p className="mt-1 text-sm text-red-900">{t(isDatabaseError(error) ? 'database' : 'generic')}</p>
      <button type="button" onClick={reset} className="mt-3 rounded bg-red-800 px-3 py-1.5 text-sm text-white hover:bg-red-900">
        {t('retry')}
      </button>
    </div>
  );
}
