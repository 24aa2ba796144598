/** Shared types of the progress engine. Values are plain numbers; rounding happens only for display. */

/** The three kinds of indicator; the one declaration the schemas, the database types and the UI use. */
export const INDICATOR_KINDS = ['growthRate', 'cumulative', 'share'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export interface IndicatorPlan {
  kind: IndicatorKind;
  baseYear: number; // 2020
  targetYear: number; // 2025
  baseline: number | null; // level in baseYear (growthRate: informational only)
  target: number | null; // level in targetYear (cumulative, share)
  annualRate: number | null; // growthRate: target average annual growth in %; share: the plan's stated pp per year
  cumulativeIncrease?: number | null; // the plan's bracketed [x], informational
  direction?: 'up' | 'down'; // default 'up': higher is better
}

/** growthRate: that year's growth in %; other kinds: the level. */
export interface Observation {
  year: number;
  value: number;
}

export type Status =
  | 'achieved'
  | 'ahead'
  | 'onTrack'
  | 'lagging'
  | 'seriouslyLagging'
  | 'notAchieved'
  | 'pendingFinal'
  | 'noData'
  | 'noTarget';

/** The fixed display order (roll-up sentence, tables). */
export const STATUS_ORDER: readonly Status[] = [
  'achieved',
  'ahead',
  'onTrack',
  'lagging',
  'seriouslyLagging',
  'notAchieved',
  'pendingFinal',
  'noData',
  'noTarget',
];

export interface Assessment {
  asOfYear: number;
  latestYear: number | null; // last observed year in (baseYear, min(asOfYear, targetYear)]
  latestValue: number | null;
  elapsedYears: number; // k = latestYear − baseYear (0 when no data)
  expectedProgress: number; // 序时进度 e, 0..1: at latestYear, or at asOfYear without data
  completion: number | null; // c; may be < 0 or > 1
  progressRatio: number | null; // R
  averageAnnualChange: number | null; // level: (V − V0)/k in the unit (pp for share); growthRate: geometric mean growth in %
  averageAnnualGrowthPct: number | null; // cumulative: ((V/V0)^(1/k) − 1)·100; growthRate: = averageAnnualChange; share: null
  requiredAnnualChange: number | null; // needed each remaining year to reach the target; null when k ≥ N
  projectedAtTarget: number | null; // level: V0 + (V − V0)·N/k; growthRate: null
  gapToTarget: number | null; // level: T − V; growthRate: null
  status: Status;
}

/** R thresholds; each lower bound is inclusive. */
export const STATUS_THRESHOLDS = { ahead: 1.1, onTrack: 0.95, lagging: 0.6 } as const;
