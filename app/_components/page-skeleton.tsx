import { getTranslations } from 'next-intl/server';

/** The generic skeleton a loading.tsx shows while its page renders. */
export async function PageSkeleton() {
  const t = await getTranslations();
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-3">
      <span className="sr-only">{t('loading')}</span>
      <div className="h-7 w-2/3 animate-pulse rounded bg-slate-200" />
      <div className="h-4 w-1/2 animate-pulse rounded bg-slate-200" />
      <div className="h-96 animate-pulse rounded bg-slate-200" />
    </div>
  );
}
