import { getTranslations } from 'next-intl/server';
import { formatNumber, type SourceTolerance } from '@/lib/progress';
import type { SourceCheckItem } from '@/lib/views/benchmarks';

type T = Awaited<ReturnType<typeof getTranslations<'benchmarks'>>>;

export function toleranceText(t: T, tolerance: SourceTolerance, ruleSet: boolean): string {
  if (!ruleSet || tolerance.value <= 0) return t('toleranceExact');
  return tolerance.mode === 'relative' ? t('toleranceRelative', { value: formatNumber(tolerance.value * 100, 2) }) : t('toleranceAbsolute', { value: String(tolerance.value) });
}

/** One line per further source that differs beyond the tolerance: "税务部门 12（+2）". */
export function mismatchText(t: T, item: SourceCheckItem): string {
  const list = item.check.others
    .filter((o) => o.agreement && !o.agreement.withinTolerance)
    .map((o) => `${o.source} ${o.value}（${o.agreement!.difference! > 0 ? '+' : ''}${o.agreement!.difference}）`)
    .join('，');
  return t('reviewMismatch', { list, primary: item.primarySource, value: String(item.figure.value), tolerance: toleranceText(t, item.tolerance, item.ruleSet) });
}

/** The mismatch of one figure in the review queue: what differs, and the box the reviewer must tick (inside the review form). */
export async function SourceMismatchAcknowledgement({ item }: { item: SourceCheckItem }) {
  const t = await getTranslations('benchmarks');
  return (
    <div role="note" className="space-y-1 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900" data-testid="source-mismatch">
      <p>{mismatchText(t, item)}</p>
      <label className="flex items-center gap-2 font-medium">
        <input type="checkbox" name="acknowledgeSourceMismatch" />
        {t('acknowledge')}
      </label>
    </div>
  );
}
