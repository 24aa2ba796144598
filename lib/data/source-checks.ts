/**
 * The cross-source check (核对) of one figure inside a write transaction: the figure's value (主口径)
 * against its values in further sources, with the indicator's tolerance (lib/progress/benchmarks
 * checkSources). Without a rule, sources must agree exactly and the 主口径 is the figure's own source.
 */
import { checkSources, type SourceCheck, type SourceTolerance } from '@/lib/progress/benchmarks';
import type { Tx } from './transaction';

/** The check of a figure, or null when it has no value in a further source. */
export async function sourceCheckInTransaction(tx: Tx, observationId: number): Promise<SourceCheck | null> {
  const figure = await tx.figure.findUnique({
    where: { id: observationId },
    select: { value: true, source: true, sourceValues: { orderBy: { sourceName: 'asc' } }, indicator: { select: { sourceCheckRule: true } } },
  });
  if (!figure || figure.sourceValues.length === 0) return null;
  const rule = figure.indicator.sourceCheckRule;
  const tolerance: SourceTolerance = rule ? { mode: rule.toleranceMode, value: Number(rule.tolerance.toString()) } : { mode: 'absolute', value: 0 };
  return checkSources(
    { source: rule?.primarySource ?? figure.source ?? '主口径', value: figure.value.toString() },
    figure.sourceValues.map((v) => ({ source: v.sourceName, value: v.value.toString() })),
    tolerance,
  );
}

/** The reason recorded with an approval that acknowledged a mismatch: which sources differed. */
export function acknowledgedMismatchReason(check: SourceCheck): string {
  const differing = check.others.filter((o) => o.agreement && !o.agreement.withinTolerance).map((o) => `${o.source} ${o.value}`);
  return `已确认来源差异（主口径 ${check.primary.source} ${check.primary.value}；${differing.join('，')}）`;
}
