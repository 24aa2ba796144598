import { describe, expect, it } from 'vitest';
import { growthBarRows, trajectoryRows } from '@/lib/progress';
import { obs, planOf } from './fixtures';

const years = [2020, 2021, 2022, 2023, 2024, 2025];

describe('trajectoryRows (recharts rows: actual, planned, target by year)', () => {
  it('level kind: baseline then actuals up to asOfYear, linear plan, flat target (row 6: 228 → 350)', () => {
    const rows = trajectoryRows(planOf(6), obs({ 2021: 262, 2022: 301, 2023: 345, 2024: 372 }), 2023);
    expect(rows.map((r) => r.year)).toEqual(years);
    expect(rows.map((r) => r.actual)).toEqual([228, 262, 301, 345, null, null]);
    rows.forEach((r, i) => expect(r.planned).toBeCloseTo(228 + 24.4 * i, 9));
    expect(rows.every((r) => r.target === 350)).toBe(true);
  });

  it('a missing year stays a gap, not an interpolated point', () => {
    expect(trajectoryRows(planOf(6), obs({ 2021: 262, 2023: 345 }), 2025).map((r) => r.actual)).toEqual([228, 262, null, 345, null, null]);
  });

  it('growthRate: cumulative index (base year = 100), compound plan at 12 %, target index 1.12^5 · 100', () => {
    const rows = trajectoryRows(planOf(1), obs({ 2021: 15, 2022: 14 }), 2025);
    expect(rows[0]).toEqual({ year: 2020, actual: 100, planned: 100, target: expect.closeTo(176.23416832, 9) });
    expect(rows[1]!.actual).toBeCloseTo(115, 9);
    expect(rows[2]!.actual).toBeCloseTo(131.1, 9);
    expect(rows[2]!.planned).toBeCloseTo(125.44, 9);
    expect(rows.slice(3).map((r) => r.actual)).toEqual([null, null, null]);
  });

  it('no target → no planned path and no target line, actuals still drawn', () => {
    const rows = trajectoryRows({ ...planOf(6), target: null }, obs({ 2021: 250 }), 2025);
    expect(rows.map((r) => r.planned)).toEqual([null, null, null, null, null, null]);
    expect(rows.map((r) => r.target)).toEqual([null, null, null, null, null, null]);
    expect(rows.map((r) => r.actual)).toEqual([228, 250, null, null, null, null]);
  });

  it('a plan without a period has no rows', () => {
    expect(trajectoryRows({ ...planOf(6), targetYear: 2020 }, [], 2025)).toEqual([]);
  });
});

describe('growthBarRows (yearly growth against the target rate)', () => {
  it('one row per plan year after the base year; years not yet observed are null', () => {
    expect(growthBarRows(planOf(2), obs({ 2021: 9.8, 2022: 12, 2023: 8.5, 2024: 10.2 }), 2023)).toEqual([
      { year: 2021, growth: 9.8, targetRate: 15 },
      { year: 2022, growth: 12, targetRate: 15 },
      { year: 2023, growth: 8.5, targetRate: 15 },
      { year: 2024, growth: null, targetRate: 15 },
      { year: 2025, growth: null, targetRate: 15 },
    ]);
  });

  it('is empty for level kinds', () => {
    expect(growthBarRows(planOf(6), obs({ 2021: 262 }), 2025)).toEqual([]);
  });
});
