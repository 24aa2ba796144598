import { getTranslations } from 'next-intl/server';
import type { SourceRuleChange } from '@/lib/data/types';
import { formatNumber, type SourceTolerance } from '@/lib/progress';
import type { SourceCheckItem } from '@/lib/views/benchmarks';

type T = Awaited<ReturnType<typeof getTranslations<'benchmarks'>>>;

export function toleranceText(t: T, tolerance: SourceTolerance, ruleSet: boolean): string {
  if (!ruleSet || tolerance.value <= 0) return t('toleranceExact');
  return tolerance.mode === 'relative' ? t('toleranceRelative', { value: formatNumber(tolerance.value * 100, 2) }) : t('toleranceAbsolute', { value: String(tolerance.value) });
}

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** "2026/12/03 14:05 赵管理：容差 ±5% → ±10%；主口径 统计部门 → 税务部门（原因：…）" */
export function ruleChangeText(t: T, change: SourceRuleChange): string {
  const tolerance = (rule: SourceRuleChange['before']) => (rule ? toleranceText(t, { mode: rule.toleranceMode, value: rule.tolerance }, true) : t('toleranceExact'));
  const parts: string[] = [];
  const [before, after] = [tolerance(change.before), tolerance(change.after)];
  if (before !== after) parts.push(t('ruleChange.tolerance', { before, after }));
  const [fromSource, toSource] = [change.before?.primarySource ?? null, change.after.primarySource];
  if (fromSource !== toSource) parts.push(fromSource === null ? t('ruleChange.primarySet', { after: toSource }) : t('ruleChange.primary', { before: fromSource, after: toSource }));
  const reason = change.reason ? t('ruleChange.reason', { reason: change.reason }) : '';
  return `${time(change.at)} ${change.actorName}：${parts.join('；')}${reason}`;
}

/** The changes of one indicator's 主口径 and tolerance, newest first: the latest in a line, the rest when opened. */
export async function RuleHistory({ changes, testId }: { changes: readonly SourceRuleChange[]; testId?: string }) {
  if (changes.length === 0) return null;
  const t = await getTranslations('benchmarks');
  const [latest, ...older] = changes;
  return (
    <div className="text-xs text-slate-600" data-testid={testId}>
      <p>{t('ruleChange.latest')}：{ruleChangeText(t, latest!)}</p>
      {older.length > 0 && (
        <details className="mt-0.5">
          <summary className="cursor-pointer">{t('ruleChange.older', { count: older.length })}</summary>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">{older.map((c) => <li key={c.id}>{ruleChangeText(t, c)}</li>)}</ul>
        </details>
      )}
    </div>
  );
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
