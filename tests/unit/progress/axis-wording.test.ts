import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeChange, describeGap, displayDecimals, formatNumber, niceAxis, trajectoryRows } from '@/lib/progress';
import { obs, planOf } from './fixtures';

describe('niceAxis', () => {
  it.each([
    // indicator 15 (众创空间, 家): 11 → 12, figures up to 13 — once ticks 11, 12, 12, 13, 13
    { name: 'count 11…13', values: [11, 11.2, 12, 13], integer: true, ticks: [11, 12, 13], decimals: 0 },
    { name: 'count 228…350', values: [228, 350, 310], integer: true, ticks: [200, 250, 300, 350], decimals: 0 },
    { name: 'count, one value', values: [5], integer: true, ticks: [4, 5, 6], decimals: 0 },
    { name: 'count 0…3', values: [0, 3], integer: true, ticks: [0, 1, 2, 3], decimals: 0 },
    { name: 'share 36.4…42', values: [36.4, 42, 38.5], integer: false, ticks: [36, 37, 38, 39, 40, 41, 42], maxTicks: 7, decimals: 0 },
    { name: 'share 36.4…42, 6 ticks', values: [36.4, 42], integer: false, ticks: [36, 38, 40, 42], decimals: 0 },
    { name: 'small decimals 1.55…1.7', values: [1.55, 1.7], integer: false, ticks: [1.55, 1.6, 1.65, 1.7], decimals: 2 },
    { name: 'growth % from 0', values: [0, 12, 25, -3], integer: false, ticks: [-10, 0, 10, 20, 30], decimals: 0 },
    { name: 'nothing', values: [], integer: false, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], decimals: 1 },
    { name: 'single zero', values: [0, null], integer: false, ticks: [-1, -0.5, 0, 0.5, 1], decimals: 1 },
  ])('$name', ({ values, integer, ticks, decimals, maxTicks }) => {
    const axis = niceAxis(values, { integer, maxTicks });
    expect(axis.ticks).toEqual(ticks);
    expect(axis.decimals).toBe(decimals);
    expect(axis.domain).toEqual([ticks[0], ticks.at(-1)]);
  });

  it('indicator 15’s chart: whole-number ticks, each label once, the target line (12) on a tick', () => {
    const rows = trajectoryRows(planOf(15), obs({ 2021: 11, 2022: 12, 2023: 12, 2024: 13, 2025: 13 }), 2025);
    const axis = niceAxis(rows.flatMap((r) => [r.actual, r.planned, r.target]), { integer: true });
    const labels = axis.ticks.map((t) => formatNumber(t, axis.decimals));
    expect(labels).toEqual(['11', '12', '13']);
    expect(rows[0]!.target).toBe(12);
    expect(axis.ticks).toContain(12);
  });

  const values = fc.array(fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: -1000, max: 1000 })), { minLength: 1, maxLength: 12 });
  it('property: ticks cover every value, are evenly spaced, increasing, within maxTicks, and print distinct labels', () => {
    fc.assert(
      fc.property(values, fc.boolean(), fc.integer({ min: 3, max: 10 }), (vs, integer, maxTicks) => {
        const axis = niceAxis(vs, { integer, maxTicks });
        const { ticks } = axis;
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(maxTicks);
        expect(ticks[0]).toBeLessThanOrEqual(Math.min(...vs));
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(Math.max(...vs));
        const step = ticks[1]! - ticks[0]!;
        expect(step).toBeGreaterThan(0);
        for (let i = 1; i < ticks.length; i += 1) expect(Math.abs(ticks[i]! - ticks[i - 1]! - step)).toBeLessThanOrEqual(Math.abs(step) * 1e-6);
        if (integer) for (const t of ticks) expect(Number.isInteger(t)).toBe(true);
        const labels = ticks.map((t) => formatNumber(t, axis.decimals));
        expect(new Set(labels).size).toBe(labels.length);
        // every label is the tick itself, not a rounding of it
        ticks.forEach((t, i) => expect(Number(labels[i]!.replace(/,/g, ''))).toBeCloseTo(t, Math.max(0, axis.decimals)));
      }),
    );
  });
});

describe('displayDecimals', () => {
  it.each([
    [0.4, 0, 1], [0.6, 0, 0], [1.4, 0, 0], [0.04, 0, 2], [0.004, 2, 3], [0.0049, 2, 3], [0.005, 2, 2],
    [-0.3, 0, 1], [0, 0, 0], [0.00001, 0, 3], [null, 2, 2], [Number.NaN, 1, 1],
  ])('%s at %s decimals → %s', (value, decimals, want) => {
    expect(displayDecimals(value, decimals)).toBe(want);
  });

  it('property: a non-zero value never prints as zero when it fits in the extra decimals', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e6, noNaN: true }), fc.boolean(), fc.integer({ min: 0, max: 2 }), (v, negative, d) => {
        const value = negative ? -v : v;
        expect(Number(formatNumber(value, displayDecimals(value, d)).replace(/,/g, ''))).not.toBe(0);
      }),
    );
  });
});

describe('describeGap and describeChange', () => {
  it.each([
    // gap = T − V; higher is better
    { gap: -48, decimals: 0, direction: 'up', want: { state: 'exceeded', amount: 48, decimals: 0 } },
    { gap: 22.4, decimals: 2, direction: 'up', want: { state: 'short', amount: 22.4, decimals: 2 } },
    { gap: 0, decimals: 2, direction: 'up', want: { state: 'reached', amount: 0, decimals: 2 } },
    { gap: 0.3, decimals: 0, direction: 'up', want: { state: 'short', amount: 0.3, decimals: 1 } },
    // lower is better: a positive gap (V below T) is the excess
    { gap: 5, decimals: 0, direction: 'down', want: { state: 'exceeded', amount: 5, decimals: 0 } },
    { gap: -5, decimals: 0, direction: 'down', want: { state: 'short', amount: 5, decimals: 0 } },
  ] as const)('gap $gap ($direction)', ({ gap, decimals, direction, want }) => {
    expect(describeGap(gap, decimals, direction)).toEqual(want);
  });

  it('no gap → null', () => {
    expect(describeGap(null, 2)).toBeNull();
    expect(describeGap(Number.POSITIVE_INFINITY, 2)).toBeNull();
  });

  it.each([
    [0.4, 0, { trend: 'increase', amount: 0.4, decimals: 1 }],
    [-2.5, 1, { trend: 'decrease', amount: 2.5, decimals: 1 }],
    [0, 0, { trend: 'flat', amount: 0, decimals: 0 }],
    [24.4, 0, { trend: 'increase', amount: 24.4, decimals: 0 }],
  ] as const)('change %s at %s decimals', (value, decimals, want) => {
    expect(describeChange(value, decimals)).toEqual(want);
  });

  it('property: the amount is never negative and the state follows the sign and direction', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom<'up' | 'down'>('up', 'down'), (gap, direction) => {
        const p = describeGap(gap, 2, direction)!;
        expect(p.amount).toBeGreaterThanOrEqual(0);
        expect(p.amount).toBe(Math.abs(gap));
        const toGo = direction === 'up' ? gap : -gap;
        expect(p.state).toBe(toGo > 0 ? 'short' : toGo < 0 ? 'exceeded' : 'reached');
      }),
    );
  });
});
