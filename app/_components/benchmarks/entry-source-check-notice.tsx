import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadSourceChecks } from '@/lib/loaders';
import { mismatchText } from './source-check-list';

/** On the entry page: the year's figures whose further sources differ beyond the tolerance (核对), with a link to the 核对 list. */
export async function EntrySourceCheckNotice({ planSlug, year }: { planSlug: string; year: number }) {
  const mismatches = (await loadSourceChecks(planSlug, year)).filter((item) => item.check.mismatch);
  if (mismatches.length === 0) return null;
  const t = await getTranslations('benchmarks');
  return (
    <div role="note" className="space-y-1 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="entry-source-mismatch">
      <p className="font-medium">{t('entryMismatch')}</p>
      <ul className="list-disc pl-5">
        {mismatches.map((item) => <li key={item.figure.id}>{item.indicator.sequence}. {item.indicator.name}：{mismatchText(t, item)}</li>)}
      </ul>
      <p><Link href={`/plans/${planSlug}/checks/${year}`} className="underline">{t('openChecks')}</Link></p>
    </div>
  );
}
