import { describe, expect, it } from 'vitest';
import { assessIndicator, classifyProgressRatio, hasUsableTarget, type Assessment, type IndicatorPlan, type Observation } from '@/lib/progress';
import { expectAssessment, obs, planOf } from './fixtures';

type Case = { name: string; plan: IndicatorPlan; obs: Observation[]; asOf: number; want: Partial<Assessment> };

const run = (cases: Case[]) =>
  it.each(cases)('$name', ({ plan, obs: o, asOf, want }) => expectAssessment(assessIndicator(plan, o, asOf), want));

// Row 6 高新技术企业数量: V0 = 228, T = 350, N = 5, T − V0 = 122. As of 2023: k = 3, e = 0.6.
describe('cumulative (row 6: 228 → 350)', () => {
  const p = planOf(6);
  run([
    {
      name: 'ahead: V=310, c=82/122, R=c/0.6',
      plan: p, obs: obs({ 2021: 250, 2022: 280, 2023: 310 }), asOf: 2023,
      want: {
        latestYear: 2023, latestValue: 310, elapsedYears: 3, expectedProgress: 0.6,
        completion: 82 / 122, progressRatio: 82 / 122 / 0.6, averageAnnualChange: 82 / 3,
        averageAnnualGrowthPct: (Math.cbrt(310 / 228) - 1) * 100, requiredAnnualChange: 40 / 2,
        projectedAtTarget: 228 + (82 * 5) / 3, gapToTarget: 40, status: 'ahead',
      },
    },
    { name: 'onTrack: V=301, R=(73/122)/0.6=0.9973', plan: p, obs: obs({ 2023: 301 }), asOf: 2023, want: { completion: 73 / 122, status: 'onTrack' } },
    { name: 'lagging: V=280, R=0.7104', plan: p, obs: obs({ 2023: 280 }), asOf: 2023, want: { progressRatio: 52 / 122 / 0.6, status: 'lagging' } },
    { name: 'seriouslyLagging: V=250, R=0.3005', plan: p, obs: obs({ 2023: 250 }), asOf: 2023, want: { status: 'seriouslyLagging' } },
    { name: 'seriouslyLagging: going backwards, c<0', plan: p, obs: obs({ 2023: 220 }), asOf: 2023, want: { completion: -8 / 122, status: 'seriouslyLagging' } },
    { name: 'boundary R = 1.10 exactly (V=308.52) is ahead', plan: p, obs: obs({ 2023: 308.52 }), asOf: 2023, want: { progressRatio: 1.1, status: 'ahead' } },
    { name: 'boundary R = 0.95 exactly (V=297.54) is onTrack', plan: p, obs: obs({ 2023: 297.54 }), asOf: 2023, want: { progressRatio: 0.95, status: 'onTrack' } },
    { name: 'boundary R = 0.60 exactly (V=271.92) is lagging', plan: p, obs: obs({ 2023: 271.92 }), asOf: 2023, want: { progressRatio: 0.6, status: 'lagging' } },
    { name: 'achieved early: V=T in 2023', plan: p, obs: obs({ 2023: 350 }), asOf: 2023, want: { completion: 1, requiredAnnualChange: 0, gapToTarget: 0, status: 'achieved' } },
    {
      name: 'final: V=T in 2025 → achieved, nothing required',
      plan: p, obs: obs({ 2025: 350 }), asOf: 2025,
      want: { elapsedYears: 5, expectedProgress: 1, completion: 1, progressRatio: 1, requiredAnnualChange: null, projectedAtTarget: 350, status: 'achieved' },
    },
    { name: 'final: beyond target (c>1) → achieved', plan: p, obs: obs({ 2025: 400 }), asOf: 2025, want: { completion: 172 / 122, status: 'achieved' } },
    { name: 'final: V=349 → notAchieved even with R≈0.99', plan: p, obs: obs({ 2025: 349 }), asOf: 2025, want: { completion: 121 / 122, status: 'notAchieved' } },
    { name: 'as of 2030: observations after the target year are ignored', plan: p, obs: obs({ 2025: 340, 2026: 360 }), asOf: 2030, want: { latestYear: 2025, status: 'notAchieved' } },
    // 序时进度 is the time share of the period whatever the data: 3 of 5 years passed by 2023
    { name: 'noData: no observations, 序时进度 still 0.6', plan: p, obs: [], asOf: 2023, want: { latestYear: null, elapsedYears: 0, expectedProgress: 0.6, completion: null, status: 'noData' } },
    { name: 'noData before the period: 序时进度 0', plan: p, obs: [], asOf: 2019, want: { expectedProgress: 0, status: 'noData' } },
    { name: 'noData after the period: 序时进度 1', plan: p, obs: [], asOf: 2027, want: { expectedProgress: 1, status: 'noData' } },
    // the final evaluation needs the target year's figure
    { name: 'pendingFinal: only a 2024 figure as of 2025', plan: p, obs: obs({ 2024: 340 }), asOf: 2025, want: { latestYear: 2024, expectedProgress: 0.8, completion: 112 / 122, status: 'pendingFinal' } },
    { name: 'pendingFinal: even when met early', plan: p, obs: obs({ 2024: 360 }), asOf: 2025, want: { status: 'pendingFinal' } },
    { name: 'not pending before the last year: 2024 figure as of 2024 is a 序时 status', plan: p, obs: obs({ 2024: 340 }), asOf: 2024, want: { status: 'ahead' } },
    { name: 'noData: only base-year and future observations', plan: p, obs: obs({ 2020: 228, 2024: 300 }), asOf: 2023, want: { latestYear: null, status: 'noData' } },
    { name: 'noTarget: target missing (still averages from baseline)', plan: { ...p, target: null }, obs: obs({ 2022: 250 }), asOf: 2023, want: { averageAnnualChange: 11, completion: null, gapToTarget: null, status: 'noTarget' } },
    { name: 'noTarget wins over noData', plan: { ...p, baseline: null }, obs: [], asOf: 2023, want: { status: 'noTarget' } },
  ]);
});

describe('observation rules', () => {
  const p = planOf(6);
  it('duplicates: the last one given wins', () => {
    expect(assessIndicator(p, [{ year: 2023, value: 250 }, { year: 2023, value: 310 }], 2023).latestValue).toBe(310);
  });
  it('unsorted input is sorted; the latest year is used', () => {
    const a = assessIndicator(p, obs({ 2023: 310, 2021: 250, 2022: 280 }).reverse(), 2023);
    expect([a.latestYear, a.latestValue]).toEqual([2023, 310]);
  });
  it('non-finite values and non-integer years are dropped before duplicates are resolved', () => {
    const a = assessIndicator(p, [{ year: 2023, value: 310 }, { year: 2023, value: Number.NaN }, { year: 2023.5, value: 999 }], 2023);
    expect(a.latestValue).toBe(310);
  });
  it('asOfYear cuts later observations', () => {
    expect(assessIndicator(p, obs({ 2021: 250, 2022: 280 }), 2021)).toMatchObject({ latestYear: 2021, elapsedYears: 1 });
  });
});

// Row 12 高新技术产业增加值占比 (share): V0 = 36.4, T = 42, T − V0 = 5.6. As of 2022: k = 2, e = 0.4.
describe('share (row 12: 36.4 → 42 %)', () => {
  const p = planOf(12);
  run([
    {
      name: 'ahead: V=39, c=2.6/5.6, R=1.1607',
      plan: p, obs: obs({ 2021: 37.5, 2022: 39 }), asOf: 2022,
      want: {
        expectedProgress: 0.4, completion: 2.6 / 5.6, progressRatio: 2.6 / 5.6 / 0.4, averageAnnualChange: 1.3,
        averageAnnualGrowthPct: null, requiredAnnualChange: 1, projectedAtTarget: 42.9, gapToTarget: 3, status: 'ahead',
      },
    },
    { name: 'onTrack: V=38.7, R=1.0268', plan: p, obs: obs({ 2022: 38.7 }), asOf: 2022, want: { status: 'onTrack' } },
    { name: 'lagging: V=38.5, R=0.9375', plan: p, obs: obs({ 2022: 38.5 }), asOf: 2022, want: { progressRatio: 0.9375, status: 'lagging' } },
    { name: 'seriouslyLagging: V=37, R=0.268', plan: p, obs: obs({ 2022: 37 }), asOf: 2022, want: { status: 'seriouslyLagging' } },
    { name: 'achieved early: V=42.5 in 2024', plan: p, obs: obs({ 2024: 42.5 }), asOf: 2024, want: { status: 'achieved' } },
    { name: 'final: V=41.9 → notAchieved', plan: p, obs: obs({ 2025: 41.9 }), asOf: 2025, want: { gapToTarget: 0.1, status: 'notAchieved' } },
    {
      name: "direction 'down': 20 → 10, V=16 in 2022: c=0.4=e → onTrack",
      plan: { ...p, baseline: 20, target: 10, direction: 'down' }, obs: obs({ 2022: 16 }), asOf: 2022,
      want: { completion: 0.4, progressRatio: 1, averageAnnualChange: -2, requiredAnnualChange: -2, gapToTarget: -6, status: 'onTrack' },
    },
  ]);
});

describe('level edge cases', () => {
  const flat: IndicatorPlan = { kind: 'cumulative', baseYear: 2020, targetYear: 2025, baseline: 11, target: 11, annualRate: null };
  run([
    { name: 'T = V0, level held → c=1, achieved', plan: flat, obs: obs({ 2022: 11 }), asOf: 2022, want: { completion: 1, status: 'achieved' } },
    { name: 'T = V0, level fell → c=0, seriouslyLagging', plan: flat, obs: obs({ 2022: 10 }), asOf: 2022, want: { completion: 0, progressRatio: 0, status: 'seriouslyLagging' } },
    { name: 'T = V0, final, fell → notAchieved', plan: flat, obs: obs({ 2025: 10 }), asOf: 2025, want: { status: 'notAchieved' } },
    { name: "T = V0, 'down', rose → c=0", plan: { ...flat, direction: 'down' }, obs: obs({ 2022: 12 }), asOf: 2022, want: { completion: 0 } },
    {
      name: 'zero baseline: growth % undefined (null), c defined',
      plan: { ...flat, baseline: 0, target: 10 }, obs: obs({ 2022: 4 }), asOf: 2022,
      want: { completion: 0.4, averageAnnualGrowthPct: null, status: 'onTrack' },
    },
    { name: 'level fell to 0 from V0>0: growth −100 %', plan: { ...flat, baseline: 5, target: 10 }, obs: obs({ 2021: 0 }), asOf: 2021, want: { averageAnnualGrowthPct: -100 } },
    { name: 'targetYear = baseYear → noTarget', plan: { ...flat, targetYear: 2020, target: 12 }, obs: obs({ 2020: 12 }), asOf: 2022, want: { expectedProgress: 0, status: 'noTarget' } },
  ]);
});

// Row 1 全社会研发投入增长率: r = 12 %/yr, N = 5; (1.12)^5 − 1 = 0.7623416832.
describe('growthRate (row 1: 12 %/yr)', () => {
  const p = planOf(1);
  const Q1 = 1.12 ** 5 - 1;
  run([
    {
      name: 'compound 序时进度 after 1 year is 0.12/0.76234 = 15.74 %, not 20 %; g=12 → R=1 onTrack',
      plan: p, obs: obs({ 2021: 12 }), asOf: 2021,
      want: {
        latestValue: 12, elapsedYears: 1, expectedProgress: 0.12 / Q1, completion: 0.12 / Q1, progressRatio: 1,
        averageAnnualChange: 12, averageAnnualGrowthPct: 12, requiredAnnualChange: 12, projectedAtTarget: null, gapToTarget: null, status: 'onTrack',
      },
    },
    {
      name: 'ahead: g=15,14 → P=1.311, mean=(√1.311−1)·100, R=mean/12',
      plan: p, obs: obs({ 2021: 15, 2022: 14 }), asOf: 2022,
      want: {
        expectedProgress: (1.12 ** 2 - 1) / Q1, completion: 0.311 / Q1, averageAnnualChange: (Math.sqrt(1.311) - 1) * 100,
        progressRatio: (Math.sqrt(1.311) - 1) * 100 / 12, requiredAnnualChange: (Math.cbrt(1.12 ** 5 / 1.311) - 1) * 100, status: 'ahead',
      },
    },
    { name: 'lagging: g=9,9 → R=0.75', plan: p, obs: obs({ 2021: 9, 2022: 9 }), asOf: 2022, want: { progressRatio: 0.75, status: 'lagging' } },
    { name: 'seriouslyLagging: g=5 → R=0.4167', plan: p, obs: obs({ 2021: 5 }), asOf: 2021, want: { progressRatio: 5 / 12, status: 'seriouslyLagging' } },
    { name: 'seriouslyLagging: negative growth', plan: p, obs: obs({ 2021: -3 }), asOf: 2021, want: { progressRatio: -0.25, status: 'seriouslyLagging' } },
    { name: 'boundary g=13.2 → R=1.10 ahead', plan: p, obs: obs({ 2021: 13.2 }), asOf: 2021, want: { status: 'ahead' } },
    { name: 'boundary g=11.4 → R=0.95 onTrack', plan: p, obs: obs({ 2021: 11.4 }), asOf: 2021, want: { status: 'onTrack' } },
    { name: 'boundary g=7.2 → R=0.60 lagging', plan: p, obs: obs({ 2021: 7.2 }), asOf: 2021, want: { status: 'lagging' } },
    { name: 'achieved early: g=50,50 → P=2.25 ≥ 1.7623', plan: p, obs: obs({ 2021: 50, 2022: 50 }), asOf: 2022, want: { completion: 1.25 / Q1, status: 'achieved' } },
    { name: 'final: 12 % every year → achieved', plan: p, obs: obs({ 2021: 12, 2022: 12, 2023: 12, 2024: 12, 2025: 12 }), asOf: 2025, want: { expectedProgress: 1, completion: 1, requiredAnnualChange: null, status: 'achieved' } },
    {
      name: 'final: 20,20,5,5,5 → P=1.66698 < 1.7623, mean 10.76 % → notAchieved',
      plan: p, obs: obs({ 2021: 20, 2022: 20, 2023: 5, 2024: 5, 2025: 5 }), asOf: 2025,
      want: { averageAnnualChange: ((1.44 * 1.05 ** 3) ** 0.2 - 1) * 100, status: 'notAchieved' },
    },
    {
      name: 'a missing year is not imputed: 2021, 2023 at 12 % → k=3, n=2, mean 12, R=1',
      plan: p, obs: obs({ 2021: 12, 2023: 12 }), asOf: 2023,
      want: { elapsedYears: 3, expectedProgress: (1.12 ** 3 - 1) / Q1, averageAnnualChange: 12, status: 'onTrack' },
    },
    {
      name: '−100 % growth: P=0, mean −100, nothing can recover (required null)',
      plan: p, obs: obs({ 2021: -100 }), asOf: 2021,
      want: { averageAnnualChange: -100, completion: -1 / Q1, requiredAnnualChange: null, status: 'seriouslyLagging' },
    },
    { name: 'below −100 % counts as −100 %', plan: p, obs: obs({ 2021: -250 }), asOf: 2021, want: { averageAnnualChange: -100 } },
    { name: 'noData: compound 序时进度 at asOfYear', plan: p, obs: [], asOf: 2023, want: { expectedProgress: (1.12 ** 3 - 1) / Q1, averageAnnualChange: null, status: 'noData' } },
    { name: 'pendingFinal: growth without a 2025 figure', plan: p, obs: obs({ 2021: 30, 2022: 30, 2023: 30, 2024: 30 }), asOf: 2025, want: { status: 'pendingFinal' } },
    { name: 'noTarget: annualRate missing, mean still given', plan: { ...p, annualRate: null }, obs: obs({ 2021: 10 }), asOf: 2021, want: { expectedProgress: 0.2, averageAnnualChange: 10, progressRatio: null, status: 'noTarget' } },
    { name: 'noTarget: annualRate 0 is not a usable growth target', plan: { ...p, annualRate: 0 }, obs: obs({ 2021: 10 }), asOf: 2021, want: { status: 'noTarget' } },
  ]);
});

describe('classifyProgressRatio and hasUsableTarget', () => {
  it.each([
    [2, 'ahead'], [1.1, 'ahead'], [1.0999, 'onTrack'], [0.95, 'onTrack'], [0.9499, 'lagging'],
    [0.6, 'lagging'], [0.5999, 'seriouslyLagging'], [0, 'seriouslyLagging'], [-1, 'seriouslyLagging'],
  ] as const)('R=%s → %s', (r, status) => expect(classifyProgressRatio(r)).toBe(status));

  it('row 2 baseline is informational: the growth target is usable', () => expect(hasUsableTarget(planOf(2))).toBe(true));
});
