// How the plan's own figures are written in its table: as published (36.4 stays 36.4, 1200 stays
// 1200), "-" where the plan has none, cumulative increases in brackets.
import type { IndicatorKind } from './types';

export const PLAN_MISSING = '-';

export function formatPlanFigure(value: number | null): string {
  return value === null ? PLAN_MISSING : String(value);
}

/** The 年均增长[累计] column: the stated rate, or the bracketed cumulative increase. */
export function formatPlannedChange(def: { kind: IndicatorKind; annualRate: number | null; cumulativeIncrease: number | null }): string {
  if (def.kind === 'cumulative') return def.cumulativeIncrease === null ? PLAN_MISSING : `[${def.cumulativeIncrease}]`;
  return formatPlanFigure(def.annualRate);
}
