import { describe, expect, it } from 'vitest';
import { figureWarnings, type IndicatorPlan } from '@/lib/progress';

const enterprises: IndicatorPlan = { kind: 'cumulative', baseYear: 2020, targetYear: 2025, baseline: 228, target: 350, annualRate: null };
const share: IndicatorPlan = { kind: 'share', baseYear: 2020, targetYear: 2025, baseline: 14.18, target: 50, annualRate: 7.17 };
const growth: IndicatorPlan = { kind: 'growthRate', baseYear: 2020, targetYear: 2025, baseline: null, target: null, annualRate: 12 };

describe('figureWarnings', () => {
  it('has nothing to say about an ordinary year', () => {
    expect(figureWarnings(enterprises, 262, { year: 2021, value: 240 })).toEqual([]);
    expect(figureWarnings(growth, 13, { year: 2021, value: 11 })).toEqual([]);
  });

  it('warns when a higher-is-better level falls', () => {
    expect(figureWarnings(enterprises, 250, { year: 2022, value: 262 })).toEqual([{ code: 'decline', previousYear: 2022, previous: 262 }]);
  });

  it('warns about a fall for a lower-is-better indicator only when it rises', () => {
    const down = { ...enterprises, direction: 'down' as const, baseline: 100, target: 80 };
    expect(figureWarnings(down, 95, { year: 2021, value: 97 })).toEqual([]);
    expect(figureWarnings(down, 99, { year: 2021, value: 97 })).toEqual([{ code: 'decline', previousYear: 2021, previous: 97 }]);
  });

  it('warns about a change of more than 50 % (262 → 400 is +52.7 %)', () => {
    const [warning] = figureWarnings(enterprises, 400, { year: 2021, value: 262 });
    expect(warning).toMatchObject({ code: 'bigChange', previousYear: 2021, previous: 262, changePp: null });
    expect(warning?.code === 'bigChange' && warning.changePct).toBeCloseTo(52.67, 2);
    expect(figureWarnings(enterprises, 393, { year: 2021, value: 262 })).toEqual([]); // exactly +50 %: no warning
  });

  it('reports share changes in percentage points as well', () => {
    const [warning] = figureWarnings(share, 30, { year: 2021, value: 18.5 });
    expect(warning?.code === 'bigChange' && warning.changePp).toBeCloseTo(11.5, 10);
  });

  it('warns about a value far beyond the target (more than 1.5 × the planned increase)', () => {
    // 228 + 1.5 × 122 = 411
    expect(figureWarnings(enterprises, 411, null)).toEqual([]);
    expect(figureWarnings(enterprises, 412, null)).toEqual([{ code: 'farBeyondTarget', target: 350, limit: 411 }]);
  });

  it('judges growth rates in percentage points and against three times the planned rate', () => {
    expect(figureWarnings(growth, 37, { year: 2021, value: 12 })).toEqual([
      { code: 'bigChange', previousYear: 2021, previous: 12, changePct: null, changePp: 25 },
      { code: 'farBeyondTarget', target: 12, limit: 36 },
    ]);
    expect(figureWarnings(growth, -9, { year: 2021, value: 12 })).toEqual([{ code: 'bigChange', previousYear: 2021, previous: 12, changePct: null, changePp: -21 }]);
  });

  it('needs no previous figure or target to answer', () => {
    expect(figureWarnings({ ...enterprises, baseline: null }, 5000, null)).toEqual([]);
  });
});
