/**
 * Next-period target proposals (e.g. 十五五 2026–2030 from the 十四五 record): for one indicator of a plan,
 * three candidates computed from its approved figures — the trend continued, the old plan's pace held, the
 * latest level held — each with the annual rate or change it implies. Pure, like the rest of lib/progress;
 * the record's averages and the old plan's completion come from assessIndicator, so a proposal's pace is the
 * same number the evaluation shows as 年均增长. Rules: README "Next-period target proposals".
 *
 * Nothing here is a decided target: these are proposals for an admin to review and edit.
 */
import { assessIndicator, hasUsableTarget } from './assess';
import { finite, roundDecimal } from './numeric';
import { normalizeObservations } from './observations';
import { decimalsOf } from './plan';
import type { IndicatorPlan, Observation } from './types';

/** trend: the record's average continued; oldPace: the old plan's pace from the new baseline; latest: hold the level. */
export type ProposalKind = 'trend' | 'oldPace' | 'latest';

/** The order proposals are listed in. */
export const PROPOSAL_KINDS: readonly ProposalKind[] = ['trend', 'oldPace', 'latest'];

export const PROPOSAL_LIMITS = {
  /** a trend from fewer points than this (level kinds: the base-year point included) is noted as unreliable */
  minTrendPoints: 3,
  /** the old target counts as far exceeded when completion is above this (more than 150 % of the planned change) */
  farExceededCompletion: 1.5,
  /** decimals of an implied growth %, and the fewest decimals of an implied annual change (4.80 家/yr, not 5) */
  rateDecimals: 2,
} as const;

/**
 * How a pace is applied from the new baseline B over M years:
 * growth: B·(1 + pace/100)^M (cumulative indicators); change: B + M·pace (shares, and cumulative ones where
 * growth is undefined); rate: the proposal is the annual growth rate itself (growthRate indicators);
 * hold: the proposal is B (the latest level).
 */
export type ProposalMethod = 'growth' | 'change' | 'rate' | 'hold';

/** Why a proposal is unreliable or was adjusted. */
export type ProposalNoteCode =
  /** trend: fewer than PROPOSAL_LIMITS.minTrendPoints points in the record (with fewer than 2 level points, no trend) */
  | 'fewPoints'
  /** trend: the yearly changes change sign (level kinds: consecutive differences; growthRate: the yearly rates) */
  | 'signChanges'
  /** trend and oldPace: the old plan's completion is above PROPOSAL_LIMITS.farExceededCompletion */
  | 'farExceeded'
  /** cumulative: a level ≤ 0 where growth is needed; the average annual change is applied instead */
  | 'nonPositiveBase'
  /** the extrapolated level left 0..100 (share) or went below 0 and was held at that bound */
  | 'capped'
  /** oldPace: the old plan has no usable target (status noTarget), so there is no pace to hold */
  | 'noOldTarget';

/** Notes about the indicator's record as a whole; with any but unapprovedAfterBaseline there are no proposals. */
export type ProposalSetNoteCode =
  /** no approved figure in the plan years up to asOfYear */
  | 'noApprovedFigure'
  /** a figure after the new baseline's year is not yet approved (it is not used) */
  | 'unapprovedAfterBaseline'
  /** the next target year is not a whole number of years after the new baseline's year */
  | 'invalidYears';

/** A yearly figure with its review state: only approved figures are used. */
export interface ProposalFigure extends Observation {
  approved: boolean;
}

export interface ProposalOptions {
  /** the next plan's target year (2030) */
  nextTargetYear: number;
  /** the indicator's decimals (counts: 0); proposed values are rounded to these */
  decimals: number;
  /** figures up to this year count (default: the old plan's target year) */
  asOfYear?: number;
}

/** One candidate next-period target. Not a decided target. */
export interface TargetProposal {
  kind: ProposalKind;
  method: ProposalMethod;
  /** the pace applied, unrounded: % per year (growth, rate), the unit per year (change), 0 (hold); null when undefined */
  pace: number | null;
  /** level kinds: the level proposed for nextTargetYear; growthRate: the proposed annual growth in %. Rounded to decimals. */
  value: number | null;
  /** level kinds: value − baseline (the bracketed cumulative increase), exact in decimals; growthRate: null */
  increase: number | null;
  /** level kinds: increase / years, rounded to max(decimals, rateDecimals); growthRate: null */
  annualChange: number | null;
  /** cumulative: ((value/baseline)^(1/years) − 1)·100 rounded to rateDecimals (baseline > 0); growthRate: value; share: null */
  annualGrowthPct: number | null;
  /** the value is below the new baseline for a higher-is-better indicator (above it for lower-is-better) */
  worseThanBaseline: boolean;
  notes: ProposalNoteCode[];
}

/** The proposals for one indicator. */
export interface TargetProposalSet {
  /** the new baseline: the latest approved figure in the old plan's years, and its year (not the old plan's baseline) */
  baseline: Observation | null;
  nextTargetYear: number;
  /** M = nextTargetYear − baseline.year, the years a pace is applied over; null without a baseline */
  years: number | null;
  /** the points the trend is taken over: level kinds the old baseline (when known) and the approved levels; growthRate the approved yearly rates */
  record: Observation[];
  /** the old plan's completion on the approved record (the engine's c); null where undefined */
  completion: number | null;
  /** one per kind, in PROPOSAL_KINDS order */
  proposals: TargetProposal[];
  notes: ProposalSetNoteCode[];
}

const EMPTY_PROPOSAL = { pace: null, value: null, increase: null, annualChange: null, annualGrowthPct: null, worseThanBaseline: false } as const;

/**
 * Proposes next-period targets for one indicator from its figures. Only approved figures in the old plan's
 * years (baseYear, min(asOfYear, targetYear)] count, last entry per year wins (as in assessIndicator).
 */
export function proposeTargets(plan: IndicatorPlan, figures: readonly ProposalFigure[], options: ProposalOptions): TargetProposalSet {
  const end = Math.min(options.asOfYear ?? plan.targetYear, plan.targetYear);
  const approved = normalizeObservations(figures.filter((f) => f.approved), plan.baseYear, end);
  const latest = approved.at(-1) ?? null;
  const notes: ProposalSetNoteCode[] = [];
  if (!latest) notes.push('noApprovedFigure');
  if (normalizeObservations(figures.filter((f) => !f.approved), latest?.year ?? plan.baseYear, end).length > 0) {
    notes.push('unapprovedAfterBaseline');
  }
  const years = latest ? options.nextTargetYear - latest.year : null;
  if (years !== null && !(Number.isInteger(years) && years > 0)) notes.push('invalidYears');

  const v0 = plan.kind === 'growthRate' ? null : finite(plan.baseline);
  const record = v0 === null ? approved : [{ year: plan.baseYear, value: v0 }, ...approved];
  const completion = assessIndicator(plan, approved, end).completion;
  const head = { baseline: latest, nextTargetYear: options.nextTargetYear, years, record, completion, notes };
  if (!latest || years === null || notes.includes('invalidYears')) {
    return { ...head, proposals: PROPOSAL_KINDS.map((kind) => ({ kind, method: methodFor(plan, kind), ...EMPTY_PROPOSAL, notes: [] })) };
  }

  const ctx: Context = {
    plan,
    b: latest.value,
    m: years,
    decimals: Math.min(20, Math.max(0, Math.trunc(options.decimals) || 0)),
    farExceeded: completion !== null && completion > PROPOSAL_LIMITS.farExceededCompletion,
  };
  return { ...head, proposals: [trendProposal(ctx, record, approved, end), oldPaceProposal(ctx), latestProposal(ctx)] };
}

interface Context {
  plan: IndicatorPlan;
  b: number; // the new baseline
  m: number; // years from the baseline to the next target year, ≥ 1
  decimals: number;
  farExceeded: boolean;
}

function methodFor(plan: IndicatorPlan, kind: ProposalKind): ProposalMethod {
  if (plan.kind === 'growthRate') return 'rate';
  if (kind === 'latest') return 'hold';
  return plan.kind === 'cumulative' ? 'growth' : 'change';
}

/** Whether the yearly changes change sign (zeros are neither rise nor fall). */
function hasSignChanges(changes: readonly number[]): boolean {
  const signs = new Set(changes.map(Math.sign).filter((s) => s !== 0));
  return signs.size > 1;
}

/** The change from each point of the record to the next. */
function yearlyChanges(record: readonly Observation[]): number[] {
  const changes: number[] = [];
  let previous: number | null = null;
  for (const { value } of record) {
    if (previous !== null) changes.push(value - previous);
    previous = value;
  }
  return changes;
}

function trendProposal(ctx: Context, record: Observation[], approved: Observation[], end: number): TargetProposal {
  const { plan, b } = ctx;
  const notes: ProposalNoteCode[] = [];
  if (record.length < PROPOSAL_LIMITS.minTrendPoints) notes.push('fewPoints');
  if (plan.kind === 'growthRate') {
    if (hasSignChanges(record.map((o) => o.value))) notes.push('signChanges');
    if (ctx.farExceeded) notes.push('farExceeded');
    // The geometric mean growth over the approved years, as the engine reports it.
    const pace = assessIndicator(plan, approved, end).averageAnnualGrowthPct;
    return finish(ctx, 'trend', 'rate', pace, notes);
  }
  if (hasSignChanges(yearlyChanges(record))) notes.push('signChanges');
  if (ctx.farExceeded) notes.push('farExceeded');
  // The engine's averages over the record: from its first point (the old baseline, else the first figure) to B.
  const [first] = record;
  if (!first || record.length < 2) return { kind: 'trend', method: methodFor(plan, 'trend'), ...EMPTY_PROPOSAL, notes };
  const recordPlan: IndicatorPlan = { ...plan, baseYear: first.year, baseline: first.value };
  const a = assessIndicator(recordPlan, approved, end);
  if (plan.kind === 'cumulative' && first.value > 0 && b > 0) return finish(ctx, 'trend', 'growth', a.averageAnnualGrowthPct, notes);
  if (plan.kind === 'cumulative') notes.push('nonPositiveBase');
  return finish(ctx, 'trend', 'change', a.averageAnnualChange, notes);
}

function oldPaceProposal(ctx: Context): TargetProposal {
  const { plan, b } = ctx;
  if (!hasUsableTarget(plan)) return { kind: 'oldPace', method: methodFor(plan, 'oldPace'), ...EMPTY_PROPOSAL, notes: ['noOldTarget'] };
  const notes: ProposalNoteCode[] = ctx.farExceeded ? ['farExceeded'] : [];
  if (plan.kind === 'growthRate') return finish(ctx, 'oldPace', 'rate', plan.annualRate, notes);
  const v0 = plan.baseline as number; // usable: finite
  const t = plan.target as number;
  const n = plan.targetYear - plan.baseYear;
  if (plan.kind === 'cumulative' && v0 > 0 && t > 0 && b > 0) {
    return finish(ctx, 'oldPace', 'growth', finite(Math.expm1((Math.log(t) - Math.log(v0)) / n) * 100), notes);
  }
  if (plan.kind === 'cumulative') notes.push('nonPositiveBase');
  // The change the plan's own figures imply, (T − V0)/N (not a stated pp/yr that may differ from it).
  return finish(ctx, 'oldPace', 'change', finite((t - v0) / n), notes);
}

function latestProposal(ctx: Context): TargetProposal {
  return finish(ctx, 'latest', ctx.plan.kind === 'growthRate' ? 'rate' : 'hold', ctx.plan.kind === 'growthRate' ? ctx.b : 0, []);
}

/** Applies the pace from B over M years, caps, rounds, and derives the implied annual change and growth. */
function finish(ctx: Context, kind: ProposalKind, method: ProposalMethod, pace: number | null, notes: ProposalNoteCode[]): TargetProposal {
  const { plan, b, m, decimals } = ctx;
  const base = { kind, method, notes };
  const raw = pace === null ? null : finite(applyPace(method, pace, b, m));
  if (raw === null) return { ...base, ...EMPTY_PROPOSAL, pace };
  let level = raw;
  if (plan.kind !== 'growthRate') {
    // Bounds a level cannot sensibly cross; a baseline already beyond a bound lifts it on that side.
    const lower = b >= 0 ? 0 : Number.NEGATIVE_INFINITY;
    const upper = plan.kind === 'share' && b <= 100 ? 100 : Number.POSITIVE_INFINITY;
    level = Math.min(Math.max(raw, lower), upper);
    if (level !== raw) notes.push('capped');
  }
  const value = roundDecimal(level, decimals);
  const down = plan.direction === 'down';
  const heldBaseline = roundDecimal(b, decimals);
  const worseThanBaseline = down ? value > heldBaseline : value < heldBaseline;
  if (plan.kind === 'growthRate') {
    return { ...base, pace, value, increase: null, annualChange: null, annualGrowthPct: value, worseThanBaseline };
  }
  const increase = roundDecimal(value - b, Math.max(decimals, decimalsOf(b)));
  const annualChange = finite(roundDecimal(increase / m, Math.max(decimals, PROPOSAL_LIMITS.rateDecimals)));
  const annualGrowthPct =
    plan.kind === 'cumulative' && b > 0 && value >= 0
      ? finite(roundDecimal(Math.expm1((Math.log(value) - Math.log(b)) / m) * 100, PROPOSAL_LIMITS.rateDecimals))
      : null;
  return { ...base, pace, value, increase: finite(increase), annualChange, annualGrowthPct, worseThanBaseline };
}

function applyPace(method: ProposalMethod, pace: number, b: number, m: number): number {
  switch (method) {
    case 'growth':
      return b * Math.exp(m * Math.log1p(Math.max(-100, pace) / 100)); // −100 %/yr leaves 0
    case 'change':
      return b + m * pace;
    case 'rate':
      return pace;
    case 'hold':
      return b;
  }
}

export const PROPOSAL_KIND_LABELS_ZH: Record<ProposalKind, string> = {
  trend: '延续趋势',
  oldPace: '保持原规划速度',
  latest: '保持最新水平',
};

export const PROPOSAL_KIND_LABELS_EN: Record<ProposalKind, string> = {
  trend: 'Trend continued',
  oldPace: 'Old plan’s pace held',
  latest: 'Latest level held',
};

export const PROPOSAL_NOTE_LABELS_ZH: Record<ProposalNoteCode | ProposalSetNoteCode, string> = {
  fewPoints: `数据点少于${PROPOSAL_LIMITS.minTrendPoints}个，趋势不可靠`,
  signChanges: '各年变化有升有降，趋势不可靠',
  farExceeded: `原目标已大幅超额完成（超过计划增量的${PROPOSAL_LIMITS.farExceededCompletion * 100}%）`,
  nonPositiveBase: '基数为0或负数，无法按增长率推算，改按年均变化量推算',
  capped: '推算值超出合理范围，已按边界取值（不低于0，比重不高于100）',
  noOldTarget: '原规划无可用目标，无法推算',
  noApprovedFigure: '暂无已审核数据，无法测算',
  unapprovedAfterBaseline: '此后年份的数据尚未审核，基数取最近一个已审核年份',
  invalidYears: '新规划目标年份须晚于基数年份',
};

export const PROPOSAL_NOTE_LABELS_EN: Record<ProposalNoteCode | ProposalSetNoteCode, string> = {
  fewPoints: `fewer than ${PROPOSAL_LIMITS.minTrendPoints} data points: the trend is unreliable`,
  signChanges: 'the yearly changes rise and fall: the trend is unreliable',
  farExceeded: `the old target was far exceeded (more than ${PROPOSAL_LIMITS.farExceededCompletion * 100} % of the planned change)`,
  nonPositiveBase: 'a level of 0 or below: growth is undefined, the average annual change is applied instead',
  capped: 'the extrapolated level was held at a bound (not below 0; a share not above 100)',
  noOldTarget: 'the old plan has no usable target',
  noApprovedFigure: 'no approved figure yet',
  unapprovedAfterBaseline: 'later figures are awaiting review: the baseline is the latest approved year',
  invalidYears: 'the next target year must be after the baseline year',
};

/** Shown wherever proposals are: they are reference values computed from the record, not decided targets. */
export const PROPOSAL_NOTICE_ZH = '以下为根据监测数据测算的参考值，仅供研究确定目标时参考，不是已确定的目标。';
export const PROPOSAL_NOTICE_EN = 'Reference values computed from the monitoring record, for deciding targets; not decided targets.';
