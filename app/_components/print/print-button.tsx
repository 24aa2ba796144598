'use client';

import { useTranslations } from 'next-intl';

export function PrintButton() {
  const t = useTranslations('reports');
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white hover:bg-brand-800">
      {t('printNow')}
    </button>
  );
}
