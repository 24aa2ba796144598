import { describe, expect, it } from 'vitest';
import { actualSeries, formatNumber, formatPercent, formatSignedChange, plannedTrajectory, targetLine } from '@/lib/progress';
import { obs, planOf } from './fixtures';

const close = (points: object[], want: object[]) => {
  expect(points).toHaveLength(want.length);
  points.forEach((p, i) => {
    for (const [k, v] of Object.entries(want[i]!)) {
      const got = (p as Record<string, unknown>)[k];
      if (typeof v === 'number') expect(got, `${i}.${k}`).toBeCloseTo(v, 9);
      else expect(got, `${i}.${k}`).toBe(v);
    }
  });
};

describe('chart shaping', () => {
  it('level plannedTrajectory is linear from V0 to T (row 6: +24.4 a year)', () => {
    close(plannedTrajectory(planOf(6)), [
      { year: 2020, planned: 228 }, { year: 2021, planned: 252.4 }, { year: 2022, planned: 276.8 },
      { year: 2023, planned: 301.2 }, { year: 2024, planned: 325.6 }, { year: 2025, planned: 350 },
    ]);
  });

  it('growthRate plannedTrajectory is an index, base year = 100, compounding at 12 %', () => {
    close(plannedTrajectory(planOf(1)), [
      { year: 2020, planned: 100 }, { year: 2021, planned: 112 }, { year: 2022, planned: 125.44 },
      { year: 2023, planned: 140.4928 }, { year: 2024, planned: 157.351936 }, { year: 2025, planned: 176.23416832 },
    ]);
  });

  it('no target → no trajectory', () => {
    expect(plannedTrajectory({ ...planOf(6), target: null })).toEqual([]);
    expect(plannedTrajectory({ ...planOf(1), annualRate: null })).toEqual([]);
  });

  it('level actualSeries starts at the baseline; duplicates last-wins, sorted, capped at asOfYear', () => {
    expect(actualSeries(planOf(6), obs({ 2022: 280, 2021: 250, 2024: 330 }).concat({ year: 2021, value: 255 }), 2023)).toEqual([
      { year: 2020, actual: 228 }, { year: 2021, actual: 255 }, { year: 2022, actual: 280 },
    ]);
  });

  it('growthRate actualSeries: growth and cumulative index', () => {
    close(actualSeries(planOf(1), obs({ 2021: 15, 2022: 14 })), [
      { year: 2020, growth: null, index: 100 }, { year: 2021, growth: 15, index: 115 }, { year: 2022, growth: 14, index: 131.1 },
    ]);
  });

  it('targetLine', () => {
    expect(targetLine(planOf(6))).toEqual({ targetYear: 2025, value: 350, targetIndex: null });
    const g = targetLine(planOf(1))!;
    expect(g.value).toBe(12);
    expect(g.targetIndex).toBeCloseTo(176.23416832, 9);
    expect(targetLine({ ...planOf(1), annualRate: null })).toBeNull();
  });
});

describe('formatting', () => {
  it.each([
    [1234567.891, 2, '1,234,567.89'], [1200, 0, '1,200'], [7.164, 2, '7.16'], [0.5, 0, '1'], [-1234.5, 1, '-1,234.5'],
    [-0.001, 2, '0.00'], [-0, 0, '0'], [null, 2, '—'], [Number.NaN, 2, '—'], [Number.POSITIVE_INFINITY, 2, '—'],
  ] as const)('formatNumber(%s, %s) = %s', (v, d, want) => expect(formatNumber(v, d)).toBe(want));

  it('formatPercent', () => {
    expect(formatPercent(0.157)).toBe('15.7%');
    expect(formatPercent(0.12 / (1.12 ** 5 - 1))).toBe('15.7%');
    expect(formatPercent(1.25, 0)).toBe('125%');
    expect(formatPercent(null)).toBe('—');
  });

  it('formatSignedChange', () => {
    expect(formatSignedChange(1.2, 2)).toBe('+1.20');
    expect(formatSignedChange(-0.5, 2, '个百分点')).toBe('-0.50个百分点');
    expect(formatSignedChange(0, 2)).toBe('0.00');
    expect(formatSignedChange(-0.001, 2)).toBe('0.00');
    expect(formatSignedChange(12345, 0, '%')).toBe('+12,345%');
    expect(formatSignedChange(null, 2)).toBe('—');
  });
});
