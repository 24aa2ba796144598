import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkSourceAgreement, checkSources, decimalDifference, gapToBest, matchesStated, rankHistory, shareOfReference,
  standingAgainstReferences, type RankObservation, type SourceTolerance,
} from '@/lib/progress';

// ---- exact decimal reference implementation (BigInt), for the properties ----
const SCALE = 6;
function toScaled(s: string): bigint {
  const neg = s.startsWith('-');
  const [int, frac = ''] = s.replace(/^[+-]/, '').split('.');
  const v = BigInt(int + frac.padEnd(SCALE, '0'));
  return neg ? -v : v;
}
function fromScaled(v: bigint): string {
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(SCALE + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -SCALE)}.${digits.slice(-SCALE)}`;
}
/** A decimal string with up to 9 integer digits and 0–6 decimals as written, e.g. "-1234.05", "7", "0.100". */
const decimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: SCALE }))
  .map(([scaled, d]) => {
    const s = fromScaled(scaled - (scaled % 10n ** BigInt(SCALE - d))); // keep d decimals
    return d === 0 ? s.slice(0, -SCALE - 1) : s.slice(0, s.length - (SCALE - d));
  });
const exactDiff = (a: string, b: string) => Number(fromScaled(toScaled(a) - toScaled(b)));

const EXTREMES = [0, -0, 1, -1, Number.MIN_VALUE, 1e-300, 1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE, 0.1, 0.3];
const anyFinite = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...EXTREMES));
const anyFigure = fc.oneof(anyFinite, decimal, fc.constantFrom(null, undefined, '', '-', 'abc'));
const isClean = (x: unknown): boolean =>
  x === null || typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' ? Number.isFinite(x) : Object.values(x as object).every(isClean));

describe('decimalDifference', () => {
  it.each([
    ['98.82', '36.4', 62.42],
    ['75.86', '14.18', 61.68],
    ['258', '228', 30],
    ['0.3', '0.1', 0.2],
    [0.3, 0.1, 0.2],
    ['1e-7', '0', 1e-7],
    ['10', '10.000', 0],
    [null, '1', null],
    ['1', '-', null],
    [Number.MAX_VALUE, -Number.MAX_VALUE, null],
  ] as const)('%s − %s = %s', (a, b, expected) => {
    expect(decimalDifference(a, b)).toBe(expected);
  });

  it('is float subtraction where scaling would be inexact', () => {
    expect(decimalDifference('1.0000000000000001', '1')).toBe(0); // 16 decimals: the doubles are equal
    expect(decimalDifference(1e20, 1)).toBe(1e20 - 1);
  });

  it('property: equals the exact decimal difference, rounded once to a double', () => {
    fc.assert(fc.property(decimal, decimal, (a, b) => {
      expect(decimalDifference(a, b)).toBe(exactDiff(a, b));
    }), { numRuns: 2000 });
  });

  it('property: antisymmetric, and never NaN, Infinity or −0', () => {
    fc.assert(fc.property(anyFigure, anyFigure, (a, b) => {
      const d = decimalDifference(a, b);
      const e = decimalDifference(b, a);
      if (d === null) {
        expect(e).toBeNull();
        return;
      }
      expect(Number.isFinite(d)).toBe(true);
      expect(Object.is(d, -0)).toBe(false);
      if (e !== null) expect(e).toBe(d === 0 ? 0 : -d);
    }), { numRuns: 2000 });
  });
});

describe('share of a reference', () => {
  it.each([
    ['228', '258', 228 / 258],
    ['1.55', '115', 1.55 / 115],
    ['36.4', '98.82', 36.4 / 98.82],
    ['5', '0', null],
    ['5', '-3', null],
    [null, '10', null],
    ['0', '10', 0],
  ] as const)('%s / %s', (v, r, expected) => {
    expect(shareOfReference(v, r)).toBe(expected);
  });

  it('property: finite or null; null exactly when a figure is missing or the reference is not positive; ordered like value vs reference', () => {
    fc.assert(fc.property(anyFigure, anyFigure, (v, r) => {
      const s = shareOfReference(v, r);
      expect(s === null || Number.isFinite(s)).toBe(true);
      const vn = typeof v === 'number' ? v : v ? Number(v) : NaN;
      const rn = typeof r === 'number' ? r : r ? Number(r) : NaN;
      if (s === null) return;
      expect(rn).toBeGreaterThan(0);
      if (vn > rn) expect(s).toBeGreaterThanOrEqual(1);
      if (vn < rn) expect(s).toBeLessThanOrEqual(1);
    }), { numRuns: 2000 });
  });
});

describe('gap to the best', () => {
  it.each([
    ['高新技术企业 228 vs 全省最高 258', '228', '258', 'up', { gap: 30, position: 'behind' }],
    ['高新技术产业增加值占比 36.4 vs 全省最高 98.82', '36.4', '98.82', 'up', { gap: 62.42, position: 'behind' }],
    ['at the best', '55.52', '55.52', 'up', { gap: 0, position: 'atBest' }],
    ['beyond a stale best', '60', '55.52', 'up', { gap: -4.48, position: 'beyondBest' }],
    ['lower is better: 12 days vs best 9', '12', '9', 'down', { gap: 3, position: 'behind' }],
    ['lower is better: 8 beats 9', '8', '9', 'down', { gap: -1, position: 'beyondBest' }],
    ['no best', '8', null, 'up', null],
  ] as const)('%s', (_, v, best, direction, expected) => {
    expect(gapToBest(v, best, direction)).toEqual(expected);
  });

  it('property: the direction flips the sign; position follows the sign; value + gap = best exactly', () => {
    fc.assert(fc.property(decimal, decimal, (v, best) => {
      const up = gapToBest(v, best, 'up')!;
      const down = gapToBest(v, best, 'down')!;
      expect(down.gap).toBe(up.gap === 0 ? 0 : -up.gap);
      expect(up.position).toBe(up.gap > 0 ? 'behind' : up.gap < 0 ? 'beyondBest' : 'atBest');
      expect(up.gap).toBe(exactDiff(best, v));
      expect(up.position === 'atBest').toBe(toScaled(v) === toScaled(best));
    }), { numRuns: 2000 });
  });
});

describe('standingAgainstReferences', () => {
  it('表1 row 12 in 2020: 36.4 % against 全市最高 55.52 % and 全省最高 98.82 %', () => {
    expect(standingAgainstReferences('36.4', { cityBest: '55.52', provinceBest: '98.82' })).toEqual({
      shareOfCityBest: 36.4 / 55.52,
      shareOfCityAverage: null,
      shareOfProvinceBest: 36.4 / 98.82,
      shareOfProvinceAverage: null,
      gapToCityBest: { gap: 19.12, position: 'behind' },
      gapToProvinceBest: { gap: 62.42, position: 'behind' },
    });
  });

  it('averages: a share of the average above 1 means above average', () => {
    const s = standingAgainstReferences(120, { cityAverage: 100, provinceAverage: '150' });
    expect(s.shareOfCityAverage).toBe(1.2);
    expect(s.shareOfProvinceAverage).toBe(0.8);
  });

  it('property: no NaN or Infinity for any input', () => {
    fc.assert(fc.property(anyFigure, anyFigure, anyFigure, fc.constantFrom<'up' | 'down'>('up', 'down'), (v, b, a, dir) => {
      expect(isClean(standingAgainstReferences(v, { cityBest: b, cityAverage: a, provinceBest: a, provinceAverage: b }, dir))).toBe(true);
    }), { numRuns: 1000 });
  });
});

describe('matchesStated', () => {
  it.each([
    ['1.35', (1.55 / 115) * 100, true],
    ['1.34', (1.55 / 115) * 100, false],
    ['5.18', 228 / 44, true],
    ['6.55', 144 / 22, true], // 6.5454… rounds to 6.55
    ['6.54', 144 / 22, false],
    ['30', 30, true],
    ['30', 30.6, false],
    ['1.12', (42 - 36.4) / 5, true], // float noise absorbed
    [null, 1, null],
    ['1', null, null],
  ] as const)('stated %s vs %s → %s', (stated, implied, expected) => {
    expect(matchesStated(stated, implied)).toBe(expected);
  });
});

describe('rankHistory', () => {
  it('the county evaluation: first in 2018, 2019, 2020 → unchanged', () => {
    const h = rankHistory([{ year: 2018, rank: 1 }, { year: 2019, rank: 1 }, { year: 2020, rank: 1 }]);
    expect(h.steps.map((s) => s.trend)).toEqual(['unchanged', 'unchanged']);
    expect(h.overall).toEqual({ fromYear: 2018, toYear: 2020, fromRank: 1, toRank: 1, change: 0, trend: 'unchanged' });
  });

  it('a lower rank number is better; a missing year is skipped, not imputed; unordered input is sorted', () => {
    const h = rankHistory([{ year: 2023, rank: 4 }, { year: 2020, rank: 18 }, { year: 2021, rank: 12 }]);
    expect(h.steps).toEqual([
      { fromYear: 2020, toYear: 2021, fromRank: 18, toRank: 12, change: -6, trend: 'improved' },
      { fromYear: 2021, toYear: 2023, fromRank: 12, toRank: 4, change: -8, trend: 'improved' },
    ]);
    expect(rankHistory([{ year: 2020, rank: 6 }, { year: 2021, rank: 9 }]).overall?.trend).toBe('worsened');
  });

  it('drops invalid entries; a duplicate year: the last one wins; fewer than two ranks → no trend', () => {
    const h = rankHistory([
      { year: 2020, rank: 8 }, { year: 2020.5, rank: 3 }, { year: 2021, rank: 0 }, { year: 2021, rank: 2.5 },
      { year: 2022, rank: Number.NaN }, { year: 2020, rank: 7 },
    ]);
    expect(h.ranks).toEqual([{ year: 2020, rank: 7 }]);
    expect(h.steps).toEqual([]);
    expect(h.overall).toBeNull();
    expect(rankHistory([]).overall).toBeNull();
  });

  const rankObs = fc.array(fc.record({ year: fc.integer({ min: 2010, max: 2035 }), rank: fc.integer({ min: 1, max: 200 }) }), { maxLength: 15 });

  it('property: the steps add up to the overall change; trend matches the sign; years strictly increase', () => {
    fc.assert(fc.property(rankObs, (obs) => {
      const h = rankHistory(obs);
      expect(h.steps.length).toBe(Math.max(0, h.ranks.length - 1));
      h.ranks.slice(1).forEach((r, i) => expect(r.year).toBeGreaterThan(h.ranks[i]!.year));
      for (const s of [...h.steps, ...(h.overall ? [h.overall] : [])]) {
        expect(s.change).toBe(s.toRank - s.fromRank);
        expect(s.trend).toBe(s.change < 0 ? 'improved' : s.change > 0 ? 'worsened' : 'unchanged');
      }
      if (h.overall) expect(h.steps.reduce((sum, s) => sum + s.change, 0)).toBe(h.overall.change);
    }));
  });

  it('property: with distinct years, the order of the input does not matter', () => {
    const distinct = fc.uniqueArray(fc.record({ year: fc.integer({ min: 2010, max: 2035 }), rank: fc.integer({ min: 1, max: 200 }) }), {
      selector: (o) => o.year, maxLength: 12,
    });
    fc.assert(fc.property(distinct, fc.func(fc.integer()), (obs: RankObservation[], key) => {
      const shuffled = [...obs].sort((a, b) => key(a.year) - key(b.year) || a.year - b.year);
      expect(rankHistory(shuffled)).toEqual(rankHistory(obs));
    }));
  });
});

describe('checkSourceAgreement (核对)', () => {
  const abs = (value: number): SourceTolerance => ({ mode: 'absolute', value });
  const rel = (value: number): SourceTolerance => ({ mode: 'relative', value });

  it.each([
    ['equal within 0', '10264', '10264', abs(0), true, 0],
    ['differ by exactly the absolute tolerance (0.1 despite float)', '10.0', '10.1', abs(0.1), true, 0.1],
    ['differ by more than the absolute tolerance', '10.0', '10.11', abs(0.1), false, 0.11],
    ['税务 vs 统计: 5 % of 100 exactly', '100', '105', rel(0.05), true, 5],
    ['税务 vs 统计: just beyond 5 %', '100', '105.01', rel(0.05), false, 5.01],
    ['relative is against the primary value, not the other', '105', '100', rel(0.0476), false, -5],
    ['relative with primary 0: only an exact match', '0', '0.001', rel(0.5), false, 0.001],
    ['negative tolerance is taken as 0', '3', '3.5', abs(-1), false, 0.5],
    ['NaN tolerance is taken as 0', '3', '3', abs(Number.NaN), true, 0],
  ] as const)('%s', (_, primary, other, tol, within, difference) => {
    const a = checkSourceAgreement(primary, other, tol)!;
    expect(a.withinTolerance).toBe(within);
    expect(a.difference).toBe(difference);
  });

  it('relative difference and limit', () => {
    expect(checkSourceAgreement('200', '190', rel(0.1))).toEqual({ difference: -10, relativeDifference: -0.05, limit: 20, withinTolerance: true });
    expect(checkSourceAgreement('0', '0', rel(0.1))).toEqual({ difference: 0, relativeDifference: null, limit: 0, withinTolerance: true });
    expect(checkSourceAgreement(null, '1', abs(1))).toBeNull();
  });

  it('an overflowing difference is still judged', () => {
    const a = checkSourceAgreement(Number.MAX_VALUE, -Number.MAX_VALUE, abs(1))!;
    expect(a.difference).toBeNull();
    expect(a.withinTolerance).toBe(false);
    expect(checkSourceAgreement(Number.MAX_VALUE, -Number.MAX_VALUE, rel(2))!.withinTolerance).toBe(true);
  });

  const tolerance = fc.oneof(
    fc.record({ mode: fc.constant('absolute' as const), value: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom(0, 0.1, 1)) }),
    fc.record({ mode: fc.constant('relative' as const), value: fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), fc.constantFrom(0, 0.05)) }),
  );

  it('property: decimal figures are judged exactly — within ⇔ |other − primary| ≤ limit in exact decimals (tolerance 0 ⇔ equal)', () => {
    fc.assert(fc.property(decimal, decimal, (p, o) => {
      expect(checkSourceAgreement(p, o, abs(0))!.withinTolerance).toBe(toScaled(p) === toScaled(o));
      const d = toScaled(o) - toScaled(p);
      const absD = d < 0n ? -d : d;
      // a tolerance equal to the exact difference is within; one less by more than the EPS slack is not
      const exact = Number(fromScaled(absD));
      expect(checkSourceAgreement(p, o, abs(exact))!.withinTolerance).toBe(true);
      if (absD > 0n) expect(checkSourceAgreement(p, o, abs(exact - Math.max(1e-8, exact * 1e-6)))!.withinTolerance).toBe(false);
    }), { numRuns: 2000 });
  });

  it('property: absolute tolerance is symmetric; equal values always agree; a larger tolerance never turns agreement into mismatch', () => {
    fc.assert(fc.property(decimal, decimal, tolerance, fc.double({ min: 1, max: 10, noNaN: true }), (p, o, tol, k) => {
      const a = checkSourceAgreement(p, o, tol)!;
      if (tol.mode === 'absolute') expect(checkSourceAgreement(o, p, tol)!.withinTolerance).toBe(a.withinTolerance);
      expect(checkSourceAgreement(p, p, tol)!.withinTolerance).toBe(true);
      if (a.withinTolerance) expect(checkSourceAgreement(p, o, { mode: tol.mode, value: tol.value * k })!.withinTolerance).toBe(true);
    }), { numRuns: 2000 });
  });

  it('property: no NaN or Infinity for any input', () => {
    fc.assert(fc.property(anyFigure, anyFigure, tolerance, (p, o, tol) => {
      expect(isClean(checkSourceAgreement(p, o, tol))).toBe(true);
    }), { numRuns: 2000 });
  });

  it('checkSources: a mismatch when any further source is beyond the tolerance; a source without a value never is', () => {
    const primary = { source: '统计部门', value: '8500' };
    const tax = { source: '税务部门加计扣除口径', value: '9100' };
    const none = { source: '企业自报', value: null };
    expect(checkSources(primary, [none], { mode: 'relative', value: 0.05 }).mismatch).toBe(false);
    const c = checkSources(primary, [tax, none], { mode: 'relative', value: 0.05 });
    expect(c.mismatch).toBe(true);
    expect(c.others.map((x) => [x.source, x.agreement?.difference ?? null, x.agreement?.withinTolerance ?? null])).toEqual([
      ['税务部门加计扣除口径', 600, false], ['企业自报', null, null],
    ]);
    expect(checkSources(primary, [tax], { mode: 'relative', value: 0.1 }).mismatch).toBe(false);
  });
});
