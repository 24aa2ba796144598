import { STATUS_THRESHOLDS, type Assessment, type IndicatorPlan, type Observation, type Status } from './types';
import { atLeast, finite, ratioOfDifferences } from './numeric';
import { normalizeObservations } from './observations';

export type RatioStatus = 'ahead' | 'onTrack' | 'lagging' | 'seriouslyLagging';

/** Step 5 of the status order: R ≥ 1.10 ahead; [0.95, 1.10) onTrack; [0.60, 0.95) lagging; below seriouslyLagging. */
export function classifyProgressRatio(r: number): RatioStatus {
  if (atLeast(r, STATUS_THRESHOLDS.ahead)) return 'ahead';
  if (atLeast(r, STATUS_THRESHOLDS.onTrack)) return 'onTrack';
  if (atLeast(r, STATUS_THRESHOLDS.lagging)) return 'lagging';
  return 'seriouslyLagging';
}

/**
 * Whether the plan carries enough target information to be assessed; when false the status is noTarget.
 * Level kinds need baseline and target; growthRate needs annualRate > 0 (R = g/annualRate and the
 * compound 序时进度 are meaningless for a zero or negative planned rate). Both need targetYear > baseYear.
 */
export function hasUsableTarget(plan: IndicatorPlan): boolean {
  const n = plan.targetYear - plan.baseYear;
  if (!(Number.isFinite(n) && n > 0)) return false;
  if (plan.kind === 'growthRate') {
    const r = finite(plan.annualRate);
    return r !== null && r > 0;
  }
  return finite(plan.baseline) !== null && finite(plan.target) !== null;
}

/**
 * Assesses one indicator as of asOfYear. Only observations in (baseYear, min(asOfYear, targetYear)]
 * count: the plan period ends at targetYear, which keeps k ≤ N and 序时进度 within 0..1.
 */
export function assessIndicator(plan: IndicatorPlan, observations: readonly Observation[], asOfYear: number): Assessment {
  const obs = normalizeObservations(observations, plan.baseYear, Math.min(asOfYear, plan.targetYear));
  const latest = obs.at(-1);
  const usable = hasUsableTarget(plan);
  const n = plan.targetYear - plan.baseYear;
  const k = latest ? latest.year - plan.baseYear : 0;
  // ln(1 + r/100) of a usable growth target (0 otherwise): logs keep products and powers from overflowing.
  const lr = plan.kind === 'growthRate' && usable ? Math.log1p((plan.annualRate as number) / 100) : 0;
  // 序时进度 is the time share of the period: at the latest figure's year when there is one (completion
  // is measured there), otherwise at asOfYear — the share of the period that has passed, data or not.
  const e = scheduleShare(latest ? k : elapsedAt(plan, asOfYear), n, lr);
  const head = { asOfYear, latestYear: latest?.year ?? null, latestValue: latest?.value ?? null, elapsedYears: k, expectedProgress: e };
  // Without an observation nothing else is defined.
  if (!latest) return { ...head, ...EMPTY, status: usable ? 'noData' : 'noTarget' };
  const ctx = { plan, obs, n, k, e, lr, usable };
  const derived = plan.kind === 'growthRate' ? assessGrowth(ctx) : assessLevel(ctx, latest.value);
  // The final evaluation needs the target year's figure: with only earlier ones it is pending (待终期评价).
  if (usable && k < n && asOfYear >= plan.targetYear && derived.status !== 'noTarget') return { ...head, ...derived, status: 'pendingFinal' };
  return { ...head, ...derived };
}

/** Years of the plan period passed by asOfYear: min(asOfYear, targetYear) − baseYear, within 0..N. */
function elapsedAt(plan: IndicatorPlan, asOfYear: number): number {
  const n = plan.targetYear - plan.baseYear;
  if (!Number.isFinite(asOfYear) || !(n > 0)) return 0;
  return Math.max(0, Math.min(n, Math.floor(asOfYear) - plan.baseYear));
}

/** 序时进度 after k of N years: k/N, or compound ((1+r)^k − 1)/((1+r)^N − 1) for a growth target (lr = ln(1+r)). */
function scheduleShare(k: number, n: number, lr: number): number {
  if (!(n > 0)) return 0;
  return lr > 0 ? compoundShare(k, n, lr) : k / n;
}

interface Context {
  plan: IndicatorPlan;
  obs: Observation[]; // non-empty
  n: number; // N
  k: number; // ≥ 1
  e: number;
  lr: number;
  usable: boolean;
}

type Derived = Omit<Assessment, 'asOfYear' | 'latestYear' | 'latestValue' | 'elapsedYears' | 'expectedProgress'>;

const EMPTY = {
  completion: null,
  progressRatio: null,
  averageAnnualChange: null,
  averageAnnualGrowthPct: null,
  requiredAnnualChange: null,
  projectedAtTarget: null,
  gapToTarget: null,
} as const;

/** Steps 3–5 of the status order, once target and data exist. */
function statusOf(k: number, n: number, metFinal: boolean, metEarly: boolean, r: number): Status {
  if (k >= n) return metFinal ? 'achieved' : 'notAchieved';
  if (metEarly) return 'achieved';
  return classifyProgressRatio(r);
}

function assessLevel({ plan, n, k, e, usable }: Context, v: number): Derived {
  const v0 = finite(plan.baseline);
  const t = finite(plan.target);
  const derived = {
    averageAnnualChange: v0 === null ? null : finite((v - v0) / k),
    averageAnnualGrowthPct:
      plan.kind === 'cumulative' && v0 !== null && v0 > 0 && v >= 0 ? finite(Math.expm1((Math.log(v) - Math.log(v0)) / k) * 100) : null,
    requiredAnnualChange: t !== null && k < n ? finite((t - v) / (n - k)) : null,
    projectedAtTarget: v0 === null ? null : finite(v0 + ((v - v0) / k) * n),
    gapToTarget: t === null ? null : finite(t - v),
  };
  if (!usable || v0 === null || t === null) return { ...derived, completion: null, progressRatio: null, status: 'noTarget' };

  // T = V0 leaves the ratio undefined; the target is then "hold the level": c = 1 when held, else 0.
  const held = plan.direction === 'down' ? v <= t : v >= t;
  const c = t === v0 ? (held ? 1 : 0) : ratioOfDifferences(v, v0, t); // may be ±Infinity, never NaN
  const r = c / e;
  const met = atLeast(c, 1);
  return { ...derived, completion: finite(c), progressRatio: finite(r), status: statusOf(k, n, met, met, r) };
}

function assessGrowth({ plan, obs, n, k, lr, usable }: Context): Derived {
  // ln P, P = Π(1 + g/100). A fall below −100 % is taken as −100 %: a level cannot go below zero.
  const lnP = obs.reduce((sum, o) => sum + Math.log1p(Math.max(-1, o.value / 100)), 0);
  const avg = Math.expm1(lnP / obs.length) * 100; // geometric mean growth in %, in [−100, ~1e307]
  const r = plan.annualRate;
  if (!usable || r === null) return { ...EMPTY, averageAnnualChange: finite(avg), averageAnnualGrowthPct: finite(avg), status: 'noTarget' };
  const ratio = avg / r;
  return {
    ...EMPTY,
    completion: finite(Math.expm1(lnP) / Math.expm1(n * lr)), // (P − 1)/((1 + r)^N − 1)
    progressRatio: finite(ratio),
    averageAnnualChange: finite(avg),
    averageAnnualGrowthPct: finite(avg),
    requiredAnnualChange: k < n ? finite(Math.expm1((n * lr - lnP) / (n - k)) * 100) : null, // ((1+r)^N / P)^(1/(N−k)) − 1
    status: statusOf(k, n, atLeast(avg, r), atLeast(lnP, n * lr), ratio),
  };
}

/** Compound 序时进度 ((1+r)^k − 1)/((1+r)^N − 1); where (1+r)^N overflows, its limit (1+r)^(k−N). */
function compoundShare(k: number, n: number, lr: number): number {
  if (k >= n) return 1;
  const den = Math.expm1(n * lr);
  return Number.isFinite(den) ? Math.expm1(k * lr) / den : Math.exp((k - n) * lr);
}
