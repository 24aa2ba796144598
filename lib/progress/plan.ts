import type { IndicatorKind, IndicatorPlan } from './types';

/** A figure as stored (decimal string, as in the seed data) or as a number; null, '' and '-' mean absent. */
export type Decimalish = string | number | null | undefined;

/** The number a figure denotes, or null when absent or not a finite decimal. */
export function toNumber(value: Decimalish): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const s = value.trim();
  if (s === '' || s === '-' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Digits after the decimal point as written ('7.17' → 2, '12' → 0; a number uses its shortest form). */
export function decimalsOf(value: string | number): number {
  const m = /^[+-]?\d*(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(String(value).trim());
  if (!m) return 0;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}

export interface IndicatorPlanInput {
  kind: IndicatorKind;
  baseline: Decimalish;
  target: Decimalish;
  annualRate: Decimalish;
  cumulativeIncrease?: Decimalish;
  direction?: 'up' | 'down';
}

/** Converts a definition with decimal-string figures (seed data, database rows) into an IndicatorPlan. */
export function toIndicatorPlan(def: IndicatorPlanInput, baseYear: number, targetYear: number): IndicatorPlan {
  return {
    kind: def.kind,
    baseYear,
    targetYear,
    baseline: toNumber(def.baseline),
    target: toNumber(def.target),
    annualRate: toNumber(def.annualRate),
    cumulativeIncrease: toNumber(def.cumulativeIncrease),
    direction: def.direction ?? 'up',
  };
}
