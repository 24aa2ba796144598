import { getTranslations } from 'next-intl/server';

/** Shown on every page that displays demo figures, so they are never taken for real statistics. */
export async function SampleDataNotice() {
  const t = await getTranslations('plan');
  return (
    <p role="note" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900">
      {t('sampleData')}
    </p>
  );
}
