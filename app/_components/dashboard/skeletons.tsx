import { getTranslations } from 'next-intl/server';

const block = 'animate-pulse rounded bg-slate-200';

/** Streams first while a dashboard page loads: the shape of the page, and a spoken "loading". */
export async function DashboardSkeleton({ variant }: { variant: 'overview' | 'category' | 'indicator' }) {
  const t = await getTranslations();
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-4">
      <span className="sr-only">{t('loading')}</span>
      <div className={`h-8 w-2/3 ${block}`} />
      <div className={`h-8 w-full max-w-xl ${block}`} />
      {variant === 'indicator' ? (
        <>
          <div className={`h-80 ${block}`} />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            {Array.from({ length: 6 }, (_, i) => <div key={i} className={`h-20 ${block}`} />)}
          </div>
        </>
      ) : (
        <>
          {variant === 'overview' && <div className={`h-24 ${block}`} />}
          <div className="grid grid-cols-1 gap-3 md:grid-cols-2 lg:grid-cols-3">
            {Array.from({ length: 6 }, (_, i) => <div key={i} className={`h-36 ${block}`} />)}
          </div>
        </>
      )}
    </div>
  );
}
