// Next-period target proposals: the seeded plan with the sample figures (expected values computed by hand,
// with 50-digit decimal arithmetic, not by the code under test), each note and flag, and properties.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LUQUAN_2021_2025_SAMPLE } from '@/lib/plans/luquan-2021-2025-sample';
import {
  PROPOSAL_KINDS, PROPOSAL_LIMITS, PROPOSAL_NOTE_LABELS_EN, PROPOSAL_NOTE_LABELS_ZH, proposeTargets,
  type IndicatorPlan, type ProposalFigure, type ProposalKind, type TargetProposal, type TargetProposalSet,
} from '@/lib/progress';
import { roundDecimal } from '@/lib/progress/numeric';
import { planOf, SEED, seedRow } from './fixtures';
import { anyFinite, anyKind, anyPlan } from '../../helpers/arbitraries';

/** The sample figures of one row as the engine receives them (approved = reviewed and approved). */
function sampleFigures(sequence: number): ProposalFigure[] {
  return LUQUAN_2021_2025_SAMPLE.filter((f) => f.sequence === sequence).map((f) => ({ year: f.year, value: Number(f.value), approved: f.status === 'approved' }));
}

function seeded(sequence: number, options: { asOfYear?: number } = {}): TargetProposalSet {
  return proposeTargets(planOf(sequence), sampleFigures(sequence), { nextTargetYear: 2030, decimals: seedRow(sequence).decimals, ...options });
}

function pick(set: TargetProposalSet, kind: ProposalKind): TargetProposal {
  const p = set.proposals.find((x) => x.kind === kind);
  if (!p) throw new Error(`no ${kind}`);
  return p;
}

/** figures({ 2021: 12, 2022: 13 }) — all approved unless listed in `pending`. */
function figures(values: Record<number, number>, pending: number[] = []): ProposalFigure[] {
  return Object.entries(values).map(([year, value]) => ({ year: Number(year), value, approved: !pending.includes(Number(year)) }));
}

const level = (baseline: number | null, target: number | null, over: Partial<IndicatorPlan> = {}): IndicatorPlan => ({
  kind: 'cumulative', baseYear: 2020, targetYear: 2025, baseline, target, annualRate: null, direction: 'up', ...over,
});
const growth = (annualRate: number | null): IndicatorPlan => ({
  kind: 'growthRate', baseYear: 2020, targetYear: 2025, baseline: null, target: null, annualRate, direction: 'up',
});
const NEXT = { nextTargetYear: 2030, decimals: 0 };

// [序号, trend value, oldPace value, latest value, trend implied (growth % | change), oldPace implied, trend notes]
// Level rows: trend = B·(B/V0)^(M/k), oldPace = B·(T/V0)^(M/N) (cumulative) or B + M·(T − V0)/N (share).
// Growth rows: trend = the geometric mean of the five yearly rates, oldPace = the planned rate.
type Row = [number, number, number, number, number, number, string[]];
const TABLE: Row[] = [
  [1, 12.68, 12, 12.1, 12.68, 12, []],
  [2, 10.29, 15, 11, 10.29, 15, []],
  [3, 12.06, 10, 9.6, 12.06, 10, []],
  [4, 71, 69, 46, 9.07, 8.45, []],
  [5, 39, 43, 30, 5.39, 7.47, []],
  [6, 695, 611, 398, 11.79, 8.95, []],
  [7, 1689, 1705, 1189, 7.27, 7.48, []],
  [8, 97, 92, 80, 3.93, 2.83, []],
  [9, 62.22, 74.02, 38.2, 4.8, 7.16, []],
  [10, 233, 229, 183, 4.95, 4.59, []],
  [11, 16.06, 15.2, 11.62, 6.69, 5.52, []],
  [12, 44.6, 46.1, 40.5, 0.82, 1.12, ['signChanges']],
  [13, 107.24, 79.06, 8.44, 52.76, 45.19, []],
  [14, 13, 14, 9, 6.32, 7.64, []],
  [15, 15, 14, 13, 2.9, 1.49, ['farExceeded']],
  [16, 9, 11, 6, 8.45, 12.89, []],
];

describe('proposals for 表1 with the sample figures, to 2030', () => {
  it.each(TABLE)('row %i', (sequence, trend, oldPace, latest, trendRate, oldRate, trendNotes) => {
    const set = seeded(sequence);
    const kind = seedRow(sequence).kind;
    expect(set.proposals.map((p) => p.kind)).toEqual(PROPOSAL_KINDS);
    expect(pick(set, 'trend').value).toBe(trend);
    expect(pick(set, 'oldPace').value).toBe(oldPace);
    expect(pick(set, 'latest').value).toBe(latest);
    const implied = (p: TargetProposal) => (kind === 'share' ? p.annualChange : p.annualGrowthPct);
    expect(implied(pick(set, 'trend'))).toBe(trendRate);
    expect(implied(pick(set, 'oldPace'))).toBe(oldRate);
    expect(pick(set, 'trend').notes).toEqual(trendNotes);
    expect(pick(set, 'latest').notes).toEqual([]);
    expect(pick(set, 'latest').worseThanBaseline).toBe(false);
  });

  it('the new baseline is the latest approved figure and its year, not the old baseline', () => {
    expect(seeded(4).baseline).toEqual({ year: 2025, value: 46 });
    expect(seeded(4).years).toBe(5);
    // Rows 13 and 14: the 2025 figure awaits review, so the baseline is 2024 and the pace runs over 6 years.
    for (const [sequence, value] of [[13, 8.44], [14, 9]] as const) {
      const set = seeded(sequence);
      expect(set.baseline).toEqual({ year: 2024, value });
      expect(set.years).toBe(6);
      expect(set.notes).toEqual(['unapprovedAfterBaseline']);
    }
    expect(seeded(4).notes).toEqual([]);
  });

  it('level rows: the increase and the annual change are exact decimals, counts are whole', () => {
    expect(pick(seeded(4), 'trend')).toMatchObject({ method: 'growth', increase: 25, annualChange: 5, annualGrowthPct: 9.07 });
    expect(pick(seeded(6), 'oldPace')).toMatchObject({ increase: 213, annualChange: 42.6 });
    expect(pick(seeded(14), 'trend')).toMatchObject({ increase: 4, annualChange: 0.67 }); // 4 over 6 years
    expect(pick(seeded(11), 'trend')).toMatchObject({ increase: 4.44, annualChange: 0.89 });
    expect(pick(seeded(13), 'oldPace')).toMatchObject({ increase: 70.62, annualChange: 11.77 });
    // Shares: changes in pp, no growth %; row 9's old pace is (50 − 14.18)/5 = 7.164, not the stated 7.17.
    expect(pick(seeded(9), 'oldPace')).toMatchObject({ method: 'change', increase: 35.82, annualChange: 7.16, annualGrowthPct: null });
    expect(pick(seeded(9), 'oldPace').pace).toBeCloseTo(7.164, 12);
    expect(pick(seeded(9), 'trend')).toMatchObject({ increase: 24.02, annualChange: 4.8 });
    expect(pick(seeded(12), 'trend')).toMatchObject({ increase: 4.1, annualChange: 0.82 });
    expect(pick(seeded(4), 'latest')).toMatchObject({ method: 'hold', pace: 0, increase: 0, annualChange: 0, annualGrowthPct: 0 });
  });

  it('row 16: 6·(7/4) = 10.5 rounds half away from zero to 11 despite binary noise', () => {
    expect(pick(seeded(16), 'oldPace').value).toBe(11);
    expect(seeded(16).record).toEqual([{ year: 2020, value: 4 }, { year: 2024, value: 5 }, { year: 2025, value: 6 }]);
  });

  it('the trend pace is the engine\'s average over the record (the 年均增长 the evaluation shows)', () => {
    expect(pick(seeded(4), 'trend').pace).toBeCloseTo(((46 / 30) ** (1 / 5) - 1) * 100, 10);
    expect(pick(seeded(9), 'trend').pace).toBeCloseTo((38.2 - 14.18) / 5, 12);
    const rates = [14.2, 11.5, 13.0, 12.6, 12.1];
    expect(pick(seeded(1), 'trend').pace).toBeCloseTo((rates.reduce((p, g) => p * (1 + g / 100), 1) ** (1 / 5) - 1) * 100, 10);
  });

  it('growth-rate rows: the proposal is a rate; below the latest rate is flagged', () => {
    expect(pick(seeded(1), 'oldPace')).toMatchObject({ method: 'rate', value: 12, increase: null, annualChange: null, worseThanBaseline: true });
    expect(pick(seeded(2), 'trend')).toMatchObject({ value: 10.29, worseThanBaseline: true });
    expect(pick(seeded(3), 'trend').worseThanBaseline).toBe(false);
  });

  it('as of 2023 the baseline is 2023 and the paces run over 7 years', () => {
    const set = seeded(4, { asOfYear: 2023 });
    expect(set.baseline).toEqual({ year: 2023, value: 39 });
    expect(set.years).toBe(7);
    expect([pick(set, 'trend').value, pick(set, 'oldPace').value, pick(set, 'latest').value]).toEqual([72, 69, 39]);
  });

  it('every note and set note has a Chinese and an English label', () => {
    for (const labels of [PROPOSAL_NOTE_LABELS_ZH, PROPOSAL_NOTE_LABELS_EN]) {
      expect(Object.keys(labels).sort()).toEqual(
        ['capped', 'farExceeded', 'fewPoints', 'invalidYears', 'noApprovedFigure', 'noOldTarget', 'nonPositiveBase', 'signChanges', 'unapprovedAfterBaseline'],
      );
    }
    expect(PROPOSAL_NOTE_LABELS_ZH.farExceeded).toContain('150%');
  });
});

describe('notes and flags', () => {
  it('fewPoints: a baseline and one figure still give a trend; one point alone gives none', () => {
    const two = proposeTargets(level(10, 20), figures({ 2021: 12 }), NEXT);
    expect(two.record).toHaveLength(2);
    // 12·1.2^9 = 61.9 → 62; the implied rate from 62 is 20.02 %/yr.
    expect(pick(two, 'trend')).toMatchObject({ value: 62, annualGrowthPct: 20.02, notes: ['fewPoints'] });
    const one = proposeTargets(level(null, 20), figures({ 2024: 12 }), NEXT);
    expect(pick(one, 'trend')).toMatchObject({ value: null, pace: null, notes: ['fewPoints'] });
    expect(pick(one, 'latest').value).toBe(12);
    const three = proposeTargets(level(null, 20), figures({ 2023: 11, 2024: 12, 2025: 13 }), NEXT);
    expect(pick(three, 'trend').notes).toEqual([]);
    const rates = proposeTargets(growth(10), figures({ 2024: 8, 2025: 9 }), NEXT);
    expect(pick(rates, 'trend').notes).toEqual(['fewPoints']);
    expect(PROPOSAL_LIMITS.minTrendPoints).toBe(3);
  });

  it('signChanges: level differences of both signs; growth rates of both signs; zeros are neither', () => {
    expect(pick(proposeTargets(level(10, 20), figures({ 2021: 12, 2022: 11, 2023: 13 }), NEXT), 'trend').notes).toEqual(['signChanges']);
    expect(pick(proposeTargets(level(10, 20), figures({ 2021: 10, 2022: 12, 2023: 12, 2024: 13 }), NEXT), 'trend').notes).toEqual([]);
    const mixed = proposeTargets(growth(5), figures({ 2021: 5, 2022: -3, 2023: 4 }), { nextTargetYear: 2030, decimals: 2 });
    expect(pick(mixed, 'trend')).toMatchObject({ value: 1.94, notes: ['signChanges'] });
    // Falling but positive rates: the level still rises every year.
    expect(pick(seeded(3), 'trend').notes).toEqual([]);
  });

  it('farExceeded: completion above 1.5 (strictly), on the trend and the old pace', () => {
    const at = proposeTargets(level(10, 20), figures({ 2023: 20, 2025: 25 }), NEXT);
    expect(at.completion).toBe(1.5);
    expect(pick(at, 'trend').notes).toEqual([]);
    const above = proposeTargets(level(10, 20), figures({ 2023: 20, 2025: 26 }), NEXT);
    expect(pick(above, 'trend').notes).toEqual(['farExceeded']);
    expect(pick(above, 'oldPace').notes).toEqual(['farExceeded']);
    expect(pick(above, 'latest').notes).toEqual([]);
    // Growth rates: completion (P − 1)/((1 + r)^N − 1); 25 %/yr for five years against 10 % planned.
    const fast = proposeTargets(growth(10), figures({ 2021: 25, 2022: 25, 2023: 25, 2024: 25, 2025: 25 }), NEXT);
    expect(fast.completion).toBeGreaterThan(PROPOSAL_LIMITS.farExceededCompletion);
    expect(pick(fast, 'trend').notes).toEqual(['farExceeded']);
  });

  it('nonPositiveBase: an old baseline of 0 makes growth undefined: the average annual change is applied', () => {
    const set = proposeTargets(level(0, 5), figures({ 2021: 1, 2022: 2, 2023: 3, 2024: 4, 2025: 5 }), NEXT);
    expect(pick(set, 'trend')).toMatchObject({ method: 'change', pace: 1, value: 10, annualChange: 1, annualGrowthPct: 14.87, notes: ['nonPositiveBase'] });
    expect(pick(set, 'oldPace')).toMatchObject({ method: 'change', pace: 1, value: 10, notes: ['nonPositiveBase'] });
    // A new baseline of 0: the trend (0 − 4)/5 a year would go below 0 and is held at 0; the old pace is 0.6 a year.
    const zero = proposeTargets(level(4, 7), figures({ 2021: 4, 2022: 3, 2023: 2, 2024: 1, 2025: 0 }), NEXT);
    expect(pick(zero, 'trend')).toMatchObject({ method: 'change', value: 0, annualGrowthPct: null, notes: ['nonPositiveBase', 'capped'] });
    expect(pick(zero, 'oldPace')).toMatchObject({ method: 'change', value: 3, annualChange: 0.6, notes: ['nonPositiveBase'] });
  });

  it('capped: a share stays within 0–100; a baseline already beyond a bound lifts it', () => {
    const share = level(50, 80, { kind: 'share' });
    const set = proposeTargets(share, figures({ 2021: 60, 2022: 70, 2023: 80, 2024: 90, 2025: 95 }), { nextTargetYear: 2030, decimals: 1 });
    expect(pick(set, 'trend')).toMatchObject({ value: 100, increase: 5, annualChange: 1, notes: ['capped'] });
    expect(pick(set, 'oldPace')).toMatchObject({ value: 100, notes: ['capped'] }); // 95 + 5·6
    const beyond = proposeTargets(share, figures({ 2024: 104, 2025: 105 }), { nextTargetYear: 2030, decimals: 0 });
    // 105 + 5·(105 − 50)/5 = 160: above 100, but so is the baseline (completion 55/30 > 1.5: far exceeded).
    expect(pick(beyond, 'trend')).toMatchObject({ value: 160, notes: ['farExceeded'] });
  });

  it('worseThanBaseline: below the baseline for higher-is-better, above it for lower-is-better', () => {
    const falling = proposeTargets(level(10, 15), figures({ 2021: 12, 2022: 11, 2023: 10, 2024: 9, 2025: 8 }), NEXT);
    expect(pick(falling, 'trend')).toMatchObject({ value: 6, worseThanBaseline: true });
    expect(pick(falling, 'oldPace').worseThanBaseline).toBe(false);
    const down = level(100, 80, { direction: 'down' });
    const rising = proposeTargets(down, figures({ 2021: 101, 2022: 102, 2023: 103, 2024: 104, 2025: 105 }), NEXT);
    expect(pick(rising, 'trend')).toMatchObject({ value: 110, worseThanBaseline: true });
    expect(pick(rising, 'oldPace')).toMatchObject({ value: 84, worseThanBaseline: false });
    expect(pick(rising, 'latest')).toMatchObject({ value: 105, worseThanBaseline: false });
  });

  it('noOldTarget: no usable old target, no old pace; the trend and the latest remain', () => {
    const noRate = proposeTargets(growth(null), figures({ 2021: 8, 2022: 9, 2023: 10 }), NEXT);
    expect(pick(noRate, 'oldPace')).toMatchObject({ value: null, notes: ['noOldTarget'] });
    expect(pick(noRate, 'trend').value).toBe(9);
    expect(pick(noRate, 'latest').value).toBe(10);
    expect(pick(proposeTargets(level(10, null), figures({ 2025: 12 }), NEXT), 'oldPace').notes).toEqual(['noOldTarget']);
  });

  it('noApprovedFigure: unapproved figures are never used; nothing is proposed', () => {
    const set = proposeTargets(level(10, 20), figures({ 2024: 12, 2025: 14 }, [2024, 2025]), NEXT);
    expect(set.baseline).toBeNull();
    expect(set.notes).toEqual(['noApprovedFigure', 'unapprovedAfterBaseline']);
    expect(set.proposals.map((p) => p.value)).toEqual([null, null, null]);
  });

  it('invalidYears: the next target year must be after the baseline year', () => {
    const set = proposeTargets(level(10, 20), figures({ 2025: 14 }), { nextTargetYear: 2025, decimals: 0 });
    expect(set.notes).toEqual(['invalidYears']);
    expect(set.proposals.map((p) => p.value)).toEqual([null, null, null]);
  });

  it('figures after the old target year or the as-of year do not count; a later correction of a year wins', () => {
    const set = proposeTargets(level(10, 20), [...figures({ 2024: 12, 2025: 14, 2026: 30 }), { year: 2025, value: 15, approved: true }], NEXT);
    expect(set.baseline).toEqual({ year: 2025, value: 15 });
    expect(proposeTargets(level(10, 20), figures({ 2024: 12, 2025: 14 }), { ...NEXT, asOfYear: 2024 }).baseline).toEqual({ year: 2024, value: 12 });
  });
});

describe('roundDecimal', () => {
  it.each([
    [10.499999999999998, 0, 11],
    [1.005, 2, 1.01],
    [1.1200000000000003, 2, 1.12],
    [-2.5, 0, -3],
    [2.5, 0, 3],
    [-0.001, 2, 0],
    [123456.785, 2, 123456.79],
    [1e-7, 2, 0],
    [2 ** 53 + 2, 2, 2 ** 53 + 2],
    [Number.MAX_VALUE, 0, Number.MAX_VALUE],
    [0.1 + 0.2, 1, 0.3],
  ])('%s to %i decimals → %s', (value, decimals, expected) => {
    expect(Object.is(roundDecimal(value, decimals), expected)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------

const anyFigures = fc.array(fc.record({ year: fc.integer({ min: 2015, max: 2032 }), value: anyFinite, approved: fc.boolean() }), { maxLength: 10 });

/** The last figure (the new baseline) of a generated series. */
const lastOf = (values: number[]): number => values.at(-1) as number;

const NUMERIC_FIELDS = ['pace', 'value', 'increase', 'annualChange', 'annualGrowthPct'] as const;

/** A figure as stored: a decimal with `d` places. */
const decimalValue = (min: number, max: number, d: number) => fc.integer({ min: Math.round(min * 10 ** d), max: Math.round(max * 10 ** d) }).map((n) => n / 10 ** d);

/** A realistic plan (2020 → 2025) with five approved yearly figures of the given kind, positive levels. */
const realistic = fc
  .record({ kind: anyKind, d: fc.constantFrom(0, 1, 2), direction: fc.constantFrom<'up' | 'down'>('up', 'down'), next: fc.integer({ min: 2026, max: 2035 }) })
  .chain(({ kind, d, direction, next }) => {
    const lo = kind === 'growthRate' ? -20 : 1;
    const hi = kind === 'growthRate' ? 40 : kind === 'share' ? 100 : 1e5;
    return fc.record({
      plan: fc.record({
        kind: fc.constant(kind), baseYear: fc.constant(2020), targetYear: fc.constant(2025),
        baseline: kind === 'growthRate' ? fc.constant(null) : decimalValue(lo, hi, d),
        target: kind === 'growthRate' ? fc.constant(null) : decimalValue(lo, hi, d),
        annualRate: kind === 'growthRate' ? decimalValue(0.5, 30, d) : fc.constant(null),
        direction: fc.constant(direction),
      }) as fc.Arbitrary<IndicatorPlan>,
      values: fc.array(decimalValue(lo, hi, d), { minLength: 5, maxLength: 5 }),
      d: fc.constant(d),
      next: fc.constant(next),
    });
  });

describe('properties', () => {
  it('never NaN or Infinity, always three proposals in order, whatever the input', () => {
    fc.assert(
      fc.property(anyPlan, anyFigures, fc.integer({ min: 2015, max: 2040 }), fc.integer({ min: -3, max: 25 }), fc.option(fc.integer({ min: 2015, max: 2032 }), { nil: undefined }),
        (plan, figs, nextTargetYear, decimals, asOfYear) => {
          const set = proposeTargets(plan, figs, { nextTargetYear, decimals, asOfYear });
          expect(set.proposals.map((p) => p.kind)).toEqual(PROPOSAL_KINDS);
          for (const p of set.proposals) {
            for (const f of NUMERIC_FIELDS) {
              const v = p[f];
              expect(v === null || Number.isFinite(v), `${p.kind}.${f} = ${v}`).toBe(true);
            }
            expect(Object.is(p.value, -0)).toBe(false);
          }
          expect(set.completion === null || Number.isFinite(set.completion)).toBe(true);
        }),
      { numRuns: 1500 },
    );
  });

  it('values have at most the indicator\'s decimals (counts whole); the latest is the rounded baseline and never flagged', () => {
    fc.assert(
      fc.property(realistic, ({ plan, values, d, next }) => {
        const set = proposeTargets(plan, values.map((value, i) => ({ year: 2021 + i, value, approved: true })), { nextTargetYear: next, decimals: d });
        for (const p of set.proposals) {
          if (p.value === null) continue;
          expect(roundDecimal(p.value, d)).toBe(p.value);
          if (d === 0) expect(Number.isInteger(p.value)).toBe(true);
          if (p.increase !== null) expect(roundDecimal(p.increase, d)).toBe(p.increase);
        }
        const latest = pick(set, 'latest');
        expect(latest.value).toBe(roundDecimal(lastOf(values), d));
        expect(latest.worseThanBaseline).toBe(false);
      }),
      { numRuns: 800 },
    );
  });

  it('the trend applied back: baseline and implied rate reproduce the value within the rate\'s rounding', () => {
    fc.assert(
      fc.property(realistic, ({ plan, values, d, next }) => {
        const set = proposeTargets(plan, values.map((value, i) => ({ year: 2021 + i, value, approved: true })), { nextTargetYear: next, decimals: d });
        const b = lastOf(values);
        const m = next - 2025;
        const p = pick(set, 'trend');
        expect(p.value).not.toBeNull();
        const value = p.value as number;
        const rd = Math.max(d, PROPOSAL_LIMITS.rateDecimals);
        if (plan.kind === 'growthRate') {
          expect(p.annualGrowthPct).toBe(value);
          expect(Math.abs(value - (p.pace as number))).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-9);
          return;
        }
        // Linear: B + M·change, the change rounded to rd decimals.
        expect(Math.abs(b + m * (p.annualChange as number) - value)).toBeLessThanOrEqual(m * 0.5 * 10 ** -rd + 1e-9 * Math.max(1, value));
        if (plan.kind === 'cumulative' && p.annualGrowthPct !== null) {
          // Compound: B·(1 + g/100)^M, g rounded to 2 decimals; the error is at most f′ · 0.005 (mean value theorem).
          const g = p.annualGrowthPct;
          const slope = (b * m * (1 + (Math.abs(g) + 0.005) / 100) ** (m - 1)) / 100;
          expect(Math.abs(b * (1 + g / 100) ** m - value)).toBeLessThanOrEqual(slope * 0.005 * (1 + 1e-9) + 1e-9 * Math.max(1, value));
        }
        // Unrounded, the trend is the record's own average continued.
        if (!p.notes.includes('capped')) {
          const raw = p.method === 'growth' ? b * (1 + (p.pace as number) / 100) ** m : b + m * (p.pace as number);
          expect(Math.abs(raw - value)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-9 * Math.max(1, value));
        }
      }),
      { numRuns: 800 },
    );
  });

  it('every proposal is monotone in the latest figure (positive levels)', () => {
    fc.assert(
      fc.property(realistic, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), ({ plan, values, d, next }, u, w) => {
        const lo = plan.kind === 'growthRate' ? -20 : 1;
        const hi = plan.kind === 'growthRate' ? 40 : plan.kind === 'share' ? 100 : 1e5;
        const [x1, x2] = [roundDecimal(lo + u * (hi - lo), d), roundDecimal(lo + w * (hi - lo), d)];
        const [b1, b2] = [Math.min(x1, x2), Math.max(x1, x2)];
        const run = (b: number) =>
          proposeTargets(plan, [...values.slice(0, 4), b].map((value, i) => ({ year: 2021 + i, value, approved: true })), { nextTargetYear: next, decimals: d });
        const [s1, s2] = [run(b1), run(b2)];
        for (const kind of PROPOSAL_KINDS) {
          const [v1, v2] = [pick(s1, kind).value, pick(s2, kind).value];
          if (v1 === null || v2 === null) {
            expect(v1 === null && v2 === null, `${kind} defined for one baseline only`).toBe(true);
            continue;
          }
          expect(v1, `${kind}: B ${b1} → ${v1}, B ${b2} → ${v2}`).toBeLessThanOrEqual(v2);
        }
      }),
      { numRuns: 800 },
    );
  });

  it('the flag is exactly "value beyond the rounded baseline against the direction"', () => {
    fc.assert(
      fc.property(realistic, ({ plan, values, d, next }) => {
        const set = proposeTargets(plan, values.map((value, i) => ({ year: 2021 + i, value, approved: true })), { nextTargetYear: next, decimals: d });
        const b = roundDecimal(lastOf(values), d);
        for (const p of set.proposals) {
          if (p.value === null) continue;
          expect(p.worseThanBaseline).toBe(plan.direction === 'down' ? p.value > b : p.value < b);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('unapproved figures never move a proposal (they only add a note)', () => {
    fc.assert(
      fc.property(anyPlan, anyFigures, anyFigures, (plan, figs, extra) => {
        const approvedOnly = figs.filter((f) => f.approved);
        const pending = extra.map((f) => ({ ...f, approved: false }));
        const a = proposeTargets(plan, approvedOnly, NEXT);
        const b = proposeTargets(plan, [...pending, ...approvedOnly], NEXT);
        expect(b.proposals).toEqual(a.proposals);
        expect(b.baseline).toEqual(a.baseline);
        expect(b.notes.filter((n) => n !== 'unapprovedAfterBaseline')).toEqual(a.notes);
      }),
      { numRuns: 800 },
    );
  });
});

it('the seeded plan has 16 rows, all with proposals', () => {
  expect(SEED.indicators).toHaveLength(TABLE.length);
});
