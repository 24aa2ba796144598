import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  actualSeries, assessIndicator, classifyProgressRatio, definitionProblems, formatNumber, formatPercent, hasUsableTarget,
  plannedTrajectory, STATUS_THRESHOLDS, summarizePlan, summarySentenceZh, targetLine,
  type Assessment, type IndicatorPlan, type Observation,
} from '@/lib/progress';
import { anyFinite, anyPlan, anyYear as year } from '../../helpers/arbitraries';

const sane = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const anyObs = fc.array(fc.record({ year, value: anyFinite }), { maxLength: 12 });

const NUMERIC: (keyof Assessment)[] = [
  'asOfYear', 'latestYear', 'latestValue', 'elapsedYears', 'expectedProgress', 'completion', 'progressRatio',
  'averageAnnualChange', 'averageAnnualGrowthPct', 'requiredAnnualChange', 'projectedAtTarget', 'gapToTarget',
];

const levelPlan = (baseline: number, target: number, over: Partial<IndicatorPlan> = {}): IndicatorPlan => ({
  kind: 'cumulative', baseYear: 2020, targetYear: 2025, baseline, target, annualRate: null, ...over,
});

describe('properties', () => {
  it('no NaN or Infinity leaves the module, for any finite input', () => {
    fc.assert(
      fc.property(anyPlan, anyObs, year, (plan, observations, asOf) => {
        const a = assessIndicator(plan, observations, asOf);
        for (const key of NUMERIC) {
          const v = a[key];
          expect(v === null || Number.isFinite(v), `${key}=${String(v)}`).toBe(true);
        }
        expect(a.expectedProgress).toBeGreaterThanOrEqual(0);
        expect(a.expectedProgress).toBeLessThanOrEqual(1);
        const chart = [...plannedTrajectory(plan), ...actualSeries(plan, observations, asOf), targetLine(plan) ?? {}];
        for (const point of chart) for (const v of Object.values(point)) expect(v === null || Number.isFinite(v)).toBe(true);
        expect(formatNumber(a.completion, 2) + formatPercent(a.progressRatio)).not.toMatch(/NaN|∞|Infinity/);
      }),
      { numRuns: 2000 },
    );
  });

  it('completion is monotone in the latest value', () => {
    fc.assert(
      fc.property(fc.constantFrom('cumulative', 'share') as fc.Arbitrary<'cumulative' | 'share'>, anyFinite, anyFinite, anyFinite, anyFinite, fc.integer({ min: 2021, max: 2025 }),
        (k, v0, t, x, y, at) => {
          const plan = levelPlan(v0, t, { kind: k });
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          const cLo = assessIndicator(plan, [{ year: at, value: lo }], at).completion;
          const cHi = assessIndicator(plan, [{ year: at, value: hi }], at).completion;
          if (cLo === null || cHi === null) return; // only when the ratio overflows
          if (t >= v0) expect(cLo).toBeLessThanOrEqual(cHi);
          else expect(cLo).toBeGreaterThanOrEqual(cHi); // a falling target: a lower value is more progress
        }),
      { numRuns: 1000 },
    );
    // growthRate: with earlier years fixed, a higher latest growth never lowers completion
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 50, noNaN: true }), fc.array(sane, { maxLength: 3 }), sane, sane, (r, earlier, x, y) => {
        const plan: IndicatorPlan = { kind: 'growthRate', baseYear: 2020, targetYear: 2025, baseline: null, target: null, annualRate: r };
        const series = (last: number) => [...earlier.map((value, i) => ({ year: 2021 + i, value })), { year: 2021 + earlier.length, value: last }];
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const cLo = assessIndicator(plan, series(lo), 2025).completion;
        const cHi = assessIndicator(plan, series(hi), 2025).completion;
        if (cLo !== null && cHi !== null) expect(cLo).toBeLessThanOrEqual(cHi);
      }),
    );
  });

  it('reaching the target always gives achieved (level kinds, any year)', () => {
    fc.assert(
      fc.property(sane, sane, fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 2021, max: 2025 }), fc.boolean(), (v0, t, beyond, at, down) => {
        const dirDown = t < v0 || (t === v0 && down);
        const plan = levelPlan(v0, t, { direction: dirDown ? 'down' : 'up' });
        const v = dirDown ? t - beyond : t + beyond;
        expect(assessIndicator(plan, [{ year: at, value: v }], at).status).toBe('achieved');
      }),
      { numRuns: 1000 },
    );
  });

  it('reaching the target always gives achieved (growthRate: every year at or above r, or P ≥ (1+r)^N early)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 100, noNaN: true }), fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 5, maxLength: 5 }), (r, extra) => {
        const plan: IndicatorPlan = { kind: 'growthRate', baseYear: 2020, targetYear: 2025, baseline: null, target: null, annualRate: r };
        expect(assessIndicator(plan, extra.map((d, i) => ({ year: 2021 + i, value: r + d })), 2025).status).toBe('achieved');
        const allAtOnce = ((1 + r / 100) ** 5 - 1) * 100 + extra[0]!;
        expect(assessIndicator(plan, [{ year: 2021, value: allAtOnce }], 2021).status).toBe('achieved');
      }),
      { numRuns: 500 },
    );
  });

  it("a 'down' indicator mirrored (x → −x) equals the 'up' one", () => {
    const neg = (x: number | null) => (x === null ? null : -x + 0); // + 0 folds −0 into 0
    const fold = (x: number | null) => (x === null ? null : x + 0);
    fc.assert(
      fc.property(fc.constantFrom('cumulative', 'share') as fc.Arbitrary<'cumulative' | 'share'>, anyFinite, anyFinite, anyObs, year, (k, v0, t, observations, asOf) => {
        const up = levelPlan(v0, t, { kind: k, direction: 'up' });
        const down = levelPlan(-v0, -t, { kind: k, direction: 'down' });
        const a = assessIndicator(up, observations, asOf);
        const m = assessIndicator(down, observations.map((o) => ({ ...o, value: -o.value })), asOf);
        expect([m.status, m.completion, m.progressRatio, m.expectedProgress, m.latestYear].map((x) => (typeof x === 'number' ? fold(x) : x)))
          .toEqual([a.status, a.completion, a.progressRatio, a.expectedProgress, a.latestYear].map((x) => (typeof x === 'number' ? fold(x) : x)));
        expect([m.latestValue, m.averageAnnualChange, m.requiredAnnualChange, m.projectedAtTarget, m.gapToTarget].map(fold))
          .toEqual([a.latestValue, a.averageAnnualChange, a.requiredAnnualChange, a.projectedAtTarget, a.gapToTarget].map(neg));
        // averageAnnualGrowthPct is left out: it needs V0 > 0, which the mirror negates.
      }),
      { numRuns: 1000 },
    );
  });

  it('thresholds partition R exactly, lower bounds inclusive', () => {
    const { ahead, onTrack, lagging } = STATUS_THRESHOLDS;
    const rank = { seriouslyLagging: 0, lagging: 1, onTrack: 2, ahead: 3 } as const;
    expect([lagging, onTrack, ahead].map(classifyProgressRatio)).toEqual(['lagging', 'onTrack', 'ahead']);
    expect([lagging - 1e-6, onTrack - 1e-6, ahead - 1e-6].map(classifyProgressRatio)).toEqual(['seriouslyLagging', 'lagging', 'onTrack']);
    fc.assert(
      fc.property(anyFinite, anyFinite, (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(rank[classifyProgressRatio(lo)]).toBeLessThanOrEqual(rank[classifyProgressRatio(hi)]); // ordered, no overlaps
        const plain = x >= ahead ? 'ahead' : x >= onTrack ? 'onTrack' : x >= lagging ? 'lagging' : 'seriouslyLagging';
        const nearBoundary = [ahead, onTrack, lagging].some((b) => Math.abs(x - b) < 1e-8);
        if (!nearBoundary) expect(classifyProgressRatio(x)).toBe(plain);
      }),
      { numRuns: 2000 },
    );
    // and through assessIndicator: a level indicator with c = R·e gets the class of R (row 6 shape, 2023)
    fc.assert(
      fc.property(fc.double({ min: -2, max: 1.6, noNaN: true }), (ratio) => {
        const a = assessIndicator(levelPlan(0, 1000), [{ year: 2023, value: ratio * 0.6 * 1000 }], 2023);
        if (Math.abs(a.progressRatio! - ratio) < 1e-9) expect(a.status).toBe(classifyProgressRatio(ratio));
      }),
    );
  });

  it('observation order does not matter; the last duplicate wins', () => {
    fc.assert(
      fc.property(anyPlan, fc.uniqueArray(fc.record({ year, value: sane }), { selector: (o) => o.year, maxLength: 8 }), year, (plan, observations, asOf) => {
        const a = assessIndicator(plan, observations, asOf);
        expect(assessIndicator(plan, [...observations].reverse(), asOf)).toEqual(a);
        const noisy: Observation[] = [...observations.map((o) => ({ ...o, value: o.value + 1 })), ...observations];
        expect(assessIndicator(plan, noisy, asOf)).toEqual(a);
      }),
    );
  });

  it('definitionProblems blocks exactly when the status is noTarget', () => {
    fc.assert(
      fc.property(anyPlan, (plan) => {
        const blocking = definitionProblems(plan).some((p) => p.blocking);
        expect(blocking).toBe(!hasUsableTarget(plan));
        expect(assessIndicator(plan, [], plan.targetYear).status === 'noTarget').toBe(blocking);
      }),
      { numRuns: 1000 },
    );
  });

  it('roll-up counts add up to the total', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C'), anyPlan, anyObs), { maxLength: 20 }), (rows) => {
        const r = summarizePlan(rows.map(([category, plan, o]) => ({ category, assessment: assessIndicator(plan, o, 2023) })), 2023);
        expect(Object.values(r.byStatus).reduce((s, n) => s + n, 0)).toBe(r.total);
        expect(summarySentenceZh(r)).toMatch(/^截至2023年，.*。$/);
      }),
      { numRuns: 200 },
    );
  });
});
