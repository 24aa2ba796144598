import { describe, expect, it } from 'vitest';
import { checkPlanConsistency, decimalsOf, definitionProblems, toIndicatorPlan, toNumber, type IndicatorDefinitionInput } from '@/lib/progress';
import { SEED } from './fixtures';

const table1: IndicatorDefinitionInput[] = SEED.indicators.map((i) => ({ ...i, baseYear: SEED.baseYear, targetYear: SEED.lastYear }));

describe('checkPlanConsistency', () => {
  it('表1: exactly one difference, row 9 (7.17 stated, (50 − 14.18)/5 = 7.164 implied)', () => {
    expect(checkPlanConsistency(table1)).toEqual([
      { sequence: 9, name: '规上工业企业研发机构的比例', field: 'annualRate', stated: 7.17, implied: 7.164 },
    ]);
  });

  const def = (over: Partial<IndicatorDefinitionInput>): IndicatorDefinitionInput => ({
    sequence: 1, name: 'x', kind: 'share', baseYear: 2020, targetYear: 2025, baseline: '36.4', target: '42', annualRate: '1.12', cumulativeIncrease: null, ...over,
  });

  it.each([
    ['1.12 = (42 − 36.4)/5 despite float error', {}, 0],
    ['stated "1.10" vs implied 1.14: reported (2 decimals)', { target: '42.1' }, 1],
    ['stated 1.1 (1 decimal) vs implied 1.14: accepted', { target: '42.1', annualRate: 1.1 }, 0],
    ['stated "1.1" vs implied 1.16: reported', { target: '42.2', annualRate: '1.1' }, 1],
    ['cumulative [15] vs 45 − 30', { kind: 'cumulative', baseline: '30', target: '45', annualRate: null, cumulativeIncrease: '15' }, 0],
    ['cumulative [16] vs 45 − 30', { kind: 'cumulative', baseline: '30', target: '45', annualRate: null, cumulativeIncrease: '16' }, 1],
    ['cumulative [8.45] vs 10 − 1.55', { kind: 'cumulative', baseline: '1.55', target: '10', annualRate: null, cumulativeIncrease: '8.45' }, 0],
    ['missing target: nothing to compare', { target: null }, 0],
    ['growthRate: nothing implied', { kind: 'growthRate', target: null, annualRate: '12' }, 0],
  ] as const)('%s', (_, over, count) => {
    expect(checkPlanConsistency([def(over as Partial<IndicatorDefinitionInput>)])).toHaveLength(count);
  });
});

describe('definitionProblems', () => {
  it('表1 has none', () => {
    for (const d of table1) expect(definitionProblems(d), d.name).toEqual([]);
  });

  const base = { baseYear: 2020, targetYear: 2025, annualRate: null, cumulativeIncrease: null } as const;
  it('missing fields block (→ noTarget)', () => {
    expect(definitionProblems({ ...base, kind: 'cumulative', baseline: '-', target: '45' })).toMatchObject([{ field: 'baseline', code: 'missing', blocking: true }]);
    expect(definitionProblems({ ...base, kind: 'growthRate', baseline: '13.31', target: null })).toMatchObject([{ field: 'annualRate', code: 'missing', blocking: true }]);
    expect(definitionProblems({ ...base, kind: 'share', baseline: 'abc', target: '42' })).toMatchObject([{ field: 'baseline', code: 'invalid', blocking: true }]);
    expect(definitionProblems({ ...base, kind: 'growthRate', baseline: null, target: null, annualRate: '0' })).toMatchObject([{ field: 'annualRate', code: 'outOfRange', blocking: true }]);
    expect(definitionProblems({ ...base, targetYear: 2020, kind: 'cumulative', baseline: '1', target: '2' })).toMatchObject([{ field: 'years', code: 'invalidYears', blocking: true }]);
  });

  it('share outside 0..100 and a direction contradicting the target are reported, not blocking', () => {
    expect(definitionProblems({ ...base, kind: 'share', baseline: '90', target: '120' })).toMatchObject([{ field: 'target', code: 'outOfRange', blocking: false }]);
    expect(definitionProblems({ ...base, kind: 'cumulative', baseline: '20', target: '10' })).toMatchObject([{ field: 'direction', code: 'directionMismatch', blocking: false }]);
    expect(definitionProblems({ ...base, kind: 'cumulative', baseline: '20', target: '10', direction: 'down' })).toEqual([]);
  });
});

describe('decimal strings', () => {
  it.each([['7.17', 7.17], ['12', 12], [' 8.45 ', 8.45], ['-', null], ['', null], ['1,200', null], [null, null], [Number.NaN, null], [3, 3]] as const)(
    'toNumber(%j) = %j',
    (input, want) => expect(toNumber(input)).toBe(want),
  );
  it.each([['7.17', 2], ['1.10', 2], ['12', 0], [1.1, 1], ['1.5e-3', 4], [1e-7, 7]] as const)('decimalsOf(%j) = %j', (input, want) =>
    expect(decimalsOf(input)).toBe(want),
  );
  it('toIndicatorPlan converts a seed row', () => {
    const row = SEED.indicators[8]!;
    expect(toIndicatorPlan(row, 2020, 2025)).toEqual({
      kind: 'share', baseYear: 2020, targetYear: 2025, baseline: 14.18, target: 50, annualRate: 7.17, cumulativeIncrease: null, direction: 'up',
    });
  });
});
