import type { IndicatorPlan, Observation } from './types';
import { actualSeries, plannedTrajectory, targetLine, type GrowthPoint, type LevelPoint } from './chart';
import { yearRange } from './years';

/**
 * Rows for a chart library that wants one object per x value (recharts): the series of chart.ts merged
 * by year over the whole plan period, base year to target year. A series without a value for a year
 * has null there (a gap, never a made-up point).
 *
 * Scale of the values:
 * - level kinds: the indicator's unit; `target` is T on every row (drawn as a flat line);
 * - growthRate: a cumulative index with the base year = 100 (actual and planned), and `target` is the
 *   index the planned rate reaches in the target year, 100·(1 + r/100)^N.
 */
export interface TrajectoryRow {
  year: number;
  actual: number | null;
  planned: number | null;
  target: number | null;
}

/** One row per year of a yearly-growth chart (growthRate only): that year's growth and the planned rate, in %. */
export interface GrowthBarRow {
  year: number;
  growth: number | null;
  targetRate: number | null;
}

/** The indicator's years, base year … target year (none for a plan without a later target year). */
function indicatorYears(plan: IndicatorPlan): number[] {
  return plan.targetYear > plan.baseYear ? yearRange(plan.baseYear, plan.targetYear) : [];
}

/** Actuals (up to asOfYear), the planned trajectory and the target, merged into one row per plan year. */
export function trajectoryRows(plan: IndicatorPlan, observations: readonly Observation[], asOfYear: number): TrajectoryRow[] {
  const planned = new Map(plannedTrajectory(plan).map((p) => [p.year, p.planned]));
  const line = targetLine(plan);
  const target = line === null ? null : plan.kind === 'growthRate' ? line.targetIndex : line.value;
  const actual = new Map<number, number | null>();
  if (plan.kind === 'growthRate') {
    for (const p of actualSeries(plan, observations, asOfYear) as GrowthPoint[]) actual.set(p.year, p.index);
  } else {
    for (const p of actualSeries(plan, observations, asOfYear) as LevelPoint[]) actual.set(p.year, p.actual);
  }
  return indicatorYears(plan).map((year) => ({
    year,
    actual: actual.get(year) ?? null,
    planned: planned.get(year) ?? null,
    target,
  }));
}

/** growthRate: each plan year after the base year with its observed growth (up to asOfYear) and the planned rate. */
export function growthBarRows(plan: IndicatorPlan, observations: readonly Observation[], asOfYear: number): GrowthBarRow[] {
  if (plan.kind !== 'growthRate') return [];
  const growth = new Map((actualSeries(plan, observations, asOfYear) as GrowthPoint[]).map((p) => [p.year, p.growth]));
  const targetRate = targetLine(plan)?.value ?? null;
  return indicatorYears(plan)
    .slice(1)
    .map((year) => ({ year, growth: growth.get(year) ?? null, targetRate }));
}
