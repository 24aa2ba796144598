import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Links from a plan's overview to its 对标分析, 县域评价 and 核对 pages. */
export async function BenchmarkLinks({ planSlug, firstYear }: { planSlug: string; firstYear: number }) {
  const t = await getTranslations('benchmarks.links');
  const link = 'text-brand-700 underline hover:text-brand-800';
  return (
    <>
      <Link href={`/plans/${planSlug}/benchmarks`} className={link}>{t('benchmarks')}</Link>
      <Link href={`/plans/${planSlug}/county-evaluation`} className={link}>{t('county')}</Link>
      <Link href={`/plans/${planSlug}/checks/${firstYear}`} className={link}>{t('checks')}</Link>
    </>
  );
}
