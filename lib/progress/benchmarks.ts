/**
 * Standing against peers (对标) and cross-source checks (核对): pure derivations from reference values
 * (全市/全省最高值 and 平均值, ranks) and from one figure's values in several sources. No I/O.
 * Formulas: README "How progress is computed" → "Standing against peers (对标) and source checks (核对)".
 *
 * Figures may be decimal strings (as stored) or numbers. Differences of decimal figures are exact:
 * both are scaled to integers by their written decimals (98.82 − 36.4 = 62.42, not 62.419999999999995);
 * ratios are ordinary doubles, rounded only for display. "At most" comparisons allow the engine's EPS
 * slack (numeric.ts), so a difference equal to the tolerance is within it. No NaN or Infinity leaves.
 */
import { atLeast, EPS, finite } from './numeric';
import { decimalsOf, toNumber, type Decimalish } from './plan';

/**
 * What a reference value is. "best" kinds are the best value among peers in the indicator's direction
 * (the plan, whose indicators are all higher-is-better, says 最高值). Ranks are whole numbers, 1 = best.
 * shareOfProvinceBest and shareOfCityTotal are percentages as stated ("相当于全省最高值的25.59%" → 25.59);
 * gapTo…Best is the stated distance below the best in the indicator's unit ("低30家" → 30).
 */
export type BenchmarkKind =
  | 'cityBest'
  | 'cityAverage'
  | 'provinceBest'
  | 'provinceAverage'
  | 'cityRank'
  | 'provinceRank'
  | 'shareOfCityTotal'
  | 'cityTotal'
  | 'shareOfProvinceBest'
  | 'gapToCityBest'
  | 'gapToProvinceBest';

export const BENCHMARK_KINDS: readonly BenchmarkKind[] = [
  'cityBest', 'cityAverage', 'provinceBest', 'provinceAverage', 'cityRank', 'provinceRank',
  'shareOfCityTotal', 'cityTotal', 'shareOfProvinceBest', 'gapToCityBest', 'gapToProvinceBest',
];

export const BENCHMARK_KIND_LABELS_ZH: Record<BenchmarkKind, string> = {
  cityBest: '全市最高值',
  cityAverage: '全市平均值',
  provinceBest: '全省最高值',
  provinceAverage: '全省平均值',
  cityRank: '本区全市排名',
  provinceRank: '本区全省排名',
  shareOfCityTotal: '本区占全市总量比重',
  cityTotal: '全市总量',
  shareOfProvinceBest: '相当于全省最高值的比例',
  gapToCityBest: '比全市最高值低',
  gapToProvinceBest: '比全省最高值低',
};

export const BENCHMARK_KIND_LABELS_EN: Record<BenchmarkKind, string> = {
  cityBest: 'Best in the city',
  cityAverage: 'City average',
  provinceBest: 'Best in the province',
  provinceAverage: 'Province average',
  cityRank: 'Rank in the city',
  provinceRank: 'Rank in the province',
  shareOfCityTotal: 'Share of the city total',
  cityTotal: 'City total',
  shareOfProvinceBest: 'Share of the province best',
  gapToCityBest: 'Below the city best by',
  gapToProvinceBest: 'Below the province best by',
};

const MAX_SCALE_DECIMALS = 15;
/** Scaled values stay below this, so a·10^d is within 0.25 of the integer it denotes and rounding recovers it. */
const MAX_SCALED = 1e15;

/**
 * a − b, exact for decimal figures: with d the larger count of written decimals, (a·10^d − b·10^d)/10^d
 * on integers, so the result is the double nearest the exact decimal difference. Falls back to the
 * float difference when scaling could be inexact (more than 15 decimals, or a scaled value of 10^15 or
 * more). Null when either is absent, or when the difference overflows.
 */
export function decimalDifference(a: Decimalish, b: Decimalish): number | null {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === null || y === null) return null;
  const d = Math.max(decimalsOf(a as string | number), decimalsOf(b as string | number));
  if (d <= MAX_SCALE_DECIMALS) {
    const f = 10 ** d;
    const xi = Math.round(x * f);
    const yi = Math.round(y * f);
    if (Math.abs(xi) < MAX_SCALED && Math.abs(yi) < MAX_SCALED) {
      const di = xi - yi; // exact: both are integers below 10^15
      return di === 0 ? 0 : di / f;
    }
  }
  const diff = finite(x - y);
  return diff === 0 ? 0 : diff;
}

/** value / reference as a ratio (0.8837 = 88.37 %). Null when either is absent, or the reference is ≤ 0. */
export function shareOfReference(value: Decimalish, reference: Decimalish): number | null {
  const v = toNumber(value);
  const r = toNumber(reference);
  if (v === null || r === null || !(r > 0)) return null;
  return finite(v / r);
}

export type GapPosition = 'behind' | 'atBest' | 'beyondBest';

export interface GapToBest {
  /** How far the district is behind the best, in the indicator's unit: best − value (up), value − best (down). */
  gap: number;
  /** behind: gap > 0; atBest: 0; beyondBest: the district's value is better than the recorded best. */
  position: GapPosition;
}

/** The gap to the best value, signed by the indicator's direction ('up': higher is better). */
export function gapToBest(value: Decimalish, best: Decimalish, direction: 'up' | 'down' = 'up'): GapToBest | null {
  const diff = direction === 'down' ? decimalDifference(value, best) : decimalDifference(best, value);
  if (diff === null) return null;
  return { gap: diff, position: diff > 0 ? 'behind' : diff < 0 ? 'beyondBest' : 'atBest' };
}

export interface ReferenceValues {
  cityBest?: Decimalish;
  cityAverage?: Decimalish;
  provinceBest?: Decimalish;
  provinceAverage?: Decimalish;
}

export interface StandingAgainstReferences {
  shareOfCityBest: number | null;
  shareOfCityAverage: number | null;
  shareOfProvinceBest: number | null;
  shareOfProvinceAverage: number | null;
  gapToCityBest: GapToBest | null;
  gapToProvinceBest: GapToBest | null;
}

/**
 * The district's value against the reference values of one year. Shares are value / reference as the
 * plan writes them ("是全省最高值的25.59%"), whatever the direction; the gaps carry the direction.
 */
export function standingAgainstReferences(
  value: Decimalish,
  refs: ReferenceValues,
  direction: 'up' | 'down' = 'up',
): StandingAgainstReferences {
  return {
    shareOfCityBest: shareOfReference(value, refs.cityBest),
    shareOfCityAverage: shareOfReference(value, refs.cityAverage),
    shareOfProvinceBest: shareOfReference(value, refs.provinceBest),
    shareOfProvinceAverage: shareOfReference(value, refs.provinceAverage),
    gapToCityBest: gapToBest(value, refs.cityBest, direction),
    gapToProvinceBest: gapToBest(value, refs.provinceBest, direction),
  };
}

/**
 * Whether a stated figure is a correct rounding of the value implied by other figures: |implied − stated|
 * ≤ half a unit in the stated value's last decimal (the rule of checkPlanConsistency). E.g. the plan's
 * "1.35%" for 1.55 / 115 = 1.3478 %. Null when either is absent.
 */
export function matchesStated(stated: Decimalish, implied: number | null): boolean | null {
  const s = toNumber(stated);
  if (s === null || implied === null || !Number.isFinite(implied)) return null;
  const halfUnit = 0.5 * 10 ** -decimalsOf(stated as string | number);
  return Math.abs(implied - s) <= halfUnit + EPS * Math.max(1, Math.abs(s));
}

// ---------------------------------------------------------------------------------------------------
// Rank trend

export interface RankObservation {
  year: number;
  rank: number;
}

export type RankTrend = 'improved' | 'worsened' | 'unchanged';

export const RANK_TREND_LABELS_ZH: Record<RankTrend, string> = { improved: '上升', worsened: '下降', unchanged: '持平' };
export const RANK_TREND_LABELS_EN: Record<RankTrend, string> = { improved: 'Improved', worsened: 'Worsened', unchanged: 'Unchanged' };

export interface RankChange {
  fromYear: number;
  toYear: number;
  fromRank: number;
  toRank: number;
  /** toRank − fromRank: negative = moved up (a lower rank number is better). */
  change: number;
  trend: RankTrend;
}

export interface RankHistory {
  /** The ranks that count, oldest first. */
  ranks: RankObservation[];
  /** Each recorded year against the previous recorded year (a year without a rank is skipped, not imputed). */
  steps: RankChange[];
  /** The first recorded year against the last; null with fewer than two. */
  overall: RankChange | null;
}

function rankChange(from: RankObservation, to: RankObservation): RankChange {
  const change = to.rank - from.rank;
  return {
    fromYear: from.year,
    toYear: to.year,
    fromRank: from.rank,
    toRank: to.rank,
    change,
    trend: change < 0 ? 'improved' : change > 0 ? 'worsened' : 'unchanged',
  };
}

/**
 * A rank over the years. Only integer years and whole ranks ≥ 1 count (others are dropped first);
 * for a duplicate year the last one given wins, like the figures' observations.
 */
export function rankHistory(observations: readonly RankObservation[]): RankHistory {
  const byYear = new Map<number, number>();
  for (const { year, rank } of observations) {
    if (Number.isSafeInteger(year) && Number.isSafeInteger(rank) && rank >= 1) byYear.set(year, rank);
  }
  const ranks = [...byYear].sort(([a], [b]) => a - b).map(([year, rank]) => ({ year, rank }));
  const steps = ranks.slice(1).map((to, i) => rankChange(ranks[i] as RankObservation, to));
  const first = ranks[0];
  const last = ranks.at(-1);
  return { ranks, steps, overall: first && last && ranks.length >= 2 ? rankChange(first, last) : null };
}

// ---------------------------------------------------------------------------------------------------
// Cross-source check (核对)

/**
 * How far a further source may differ from the indicator's 主口径 (primary source) before it is flagged.
 * absolute: in the indicator's unit; relative: a fraction of |primary value| (0.05 = 5 %). A tolerance
 * that is negative or not finite is taken as 0 (values must agree exactly).
 */
export type SourceTolerance = { mode: 'absolute'; value: number } | { mode: 'relative'; value: number };

export interface SourceAgreement {
  /** other − primary, exact for decimal figures; null only when not representable (overflow). */
  difference: number | null;
  /** difference / |primary|; null when the primary value is 0 or the difference is null. */
  relativeDifference: number | null;
  /** The largest |difference| allowed: the absolute tolerance, or tolerance × |primary|. */
  limit: number;
  /** |difference| ≤ limit (with the engine's EPS slack, so a difference equal to the limit is within). */
  withinTolerance: boolean;
}

/**
 * One further source's value against the primary one. A relative tolerance scales with the primary
 * value, so with a primary value of 0 only an exact match is within it. Null when either value is absent.
 */
export function checkSourceAgreement(primary: Decimalish, other: Decimalish, tolerance: SourceTolerance): SourceAgreement | null {
  const p = toNumber(primary);
  const o = toNumber(other);
  if (p === null || o === null) return null;
  const t = Number.isFinite(tolerance.value) && tolerance.value > 0 ? tolerance.value : 0;
  // A limit beyond the largest double is reported as Number.MAX_VALUE; it exceeds every finite difference.
  const limit = tolerance.mode === 'absolute' ? t : (finite(t * Math.abs(p)) ?? Number.MAX_VALUE);
  const difference = decimalDifference(other, primary);
  // When the difference overflows, compare halves: |o/2 − p/2| ≤ limit/2 (t·|p/2| for a relative tolerance).
  const withinTolerance =
    difference !== null
      ? atLeast(limit, Math.abs(difference))
      : atLeast(tolerance.mode === 'absolute' ? t / 2 : t * Math.abs(p / 2), Math.abs(o / 2 - p / 2));
  return {
    difference,
    relativeDifference: difference === null || p === 0 ? null : finite(difference / Math.abs(p)),
    limit,
    withinTolerance,
  };
}

export interface SourceValue {
  source: string;
  value: Decimalish;
}

export interface SourceCheck {
  primary: SourceValue;
  others: (SourceValue & { agreement: SourceAgreement | null })[];
  /** true when any further source with a value differs from the primary beyond the tolerance. */
  mismatch: boolean;
}

/** Every further source of one figure against its 主口径; a source without a value is listed, never a mismatch. */
export function checkSources(primary: SourceValue, others: readonly SourceValue[], tolerance: SourceTolerance): SourceCheck {
  const checked = others.map((o) => ({ ...o, agreement: checkSourceAgreement(primary.value, o.value, tolerance) }));
  return { primary, others: checked, mismatch: checked.some((o) => o.agreement !== null && !o.agreement.withinTolerance) };
}
