import type { IndicatorPlan, Observation } from './types';
import { finite } from './numeric';
import { normalizeObservations } from './observations';

/**
 * Chart-ready series (plain data, e.g. for recharts). Units:
 * - level kinds: the indicator's own unit (家, 件, %, 亿元 …);
 * - growthRate: `growth` is that year's growth in %; `planned` and `index` are a cumulative index, base year = 100.
 * A value that would not be a finite number is null (a gap in the line).
 */
export interface PlannedPoint {
  year: number;
  planned: number | null;
}

export interface LevelPoint {
  year: number;
  actual: number;
}

export interface GrowthPoint {
  year: number;
  growth: number | null; // null for the base-year point
  index: number | null;
}

export interface TargetLine {
  targetYear: number;
  /** level kinds: T in the indicator's unit; growthRate: annualRate in %/yr (for a yearly-growth chart). */
  value: number;
  /** growthRate: 100·(1 + r/100)^N on the index scale; level kinds: null. */
  targetIndex: number | null;
}

function years(plan: IndicatorPlan): number[] {
  const n = plan.targetYear - plan.baseYear;
  if (!Number.isInteger(plan.baseYear) || !Number.isInteger(n) || n <= 0) return [];
  return Array.from({ length: n + 1 }, (_, i) => plan.baseYear + i);
}

/** 100·(1 + r/100)^years (integer years); a rate below −100 % counts as −100 %, overflow gives null. */
function indexAfter(years: number, r: number): number | null {
  return finite(100 * Math.max(0, 1 + r / 100) ** years);
}

/** The planned path: level kinds linear V0 + (T − V0)·(y − base)/N; growthRate 100·(1 + r/100)^(y − base). */
export function plannedTrajectory(plan: IndicatorPlan): PlannedPoint[] {
  const n = plan.targetYear - plan.baseYear;
  if (plan.kind === 'growthRate') {
    const r = finite(plan.annualRate);
    if (r === null) return [];
    return years(plan).map((year) => ({ year, planned: indexAfter(year - plan.baseYear, r) }));
  }
  const v0 = finite(plan.baseline);
  const t = finite(plan.target);
  if (v0 === null || t === null) return [];
  return years(plan).map((year) => ({ year, planned: finite(v0 + ((t - v0) * (year - plan.baseYear)) / n) }));
}

/**
 * Observed levels from the base year (the plan's baseline, when known) through min(asOfYear, targetYear).
 * Same observation rules as assessIndicator: duplicates last-wins, sorted, base year and earlier ignored.
 */
export function actualSeries(plan: IndicatorPlan & { kind: 'cumulative' | 'share' }, observations: readonly Observation[], asOfYear?: number): LevelPoint[];
/** Yearly growth and the cumulative index (base year = 100); a year missing from the data adds no growth. */
export function actualSeries(plan: IndicatorPlan & { kind: 'growthRate' }, observations: readonly Observation[], asOfYear?: number): GrowthPoint[];
export function actualSeries(plan: IndicatorPlan, observations: readonly Observation[], asOfYear?: number): LevelPoint[] | GrowthPoint[];
export function actualSeries(plan: IndicatorPlan, observations: readonly Observation[], asOfYear = plan.targetYear): LevelPoint[] | GrowthPoint[] {
  const obs = normalizeObservations(observations, plan.baseYear, Math.min(asOfYear, plan.targetYear));
  if (plan.kind === 'growthRate') {
    let lnIndex = Math.log(100);
    const points: GrowthPoint[] = [{ year: plan.baseYear, growth: null, index: 100 }];
    for (const { year, value } of obs) {
      lnIndex += Math.log1p(Math.max(-1, value / 100)); // as in assessIndicator: below −100 % counts as −100 %
      points.push({ year, growth: value, index: finite(Math.exp(lnIndex)) });
    }
    return points;
  }
  const v0 = finite(plan.baseline);
  return [...(v0 === null ? [] : [{ year: plan.baseYear, actual: v0 }]), ...obs.map(({ year, value }) => ({ year, actual: value }))];
}

/** The target as a reference line, or null when the plan has none. */
export function targetLine(plan: IndicatorPlan): TargetLine | null {
  if (plan.kind === 'growthRate') {
    const r = finite(plan.annualRate);
    if (r === null) return null;
    const n = plan.targetYear - plan.baseYear;
    return { targetYear: plan.targetYear, value: r, targetIndex: n > 0 ? indexAfter(n, r) : null };
  }
  const t = finite(plan.target);
  return t === null ? null : { targetYear: plan.targetYear, value: t, targetIndex: null };
}
