// Test helpers: 表1 as IndicatorPlans, and a compact way to write observations.
import { expect } from 'vitest';
import { LUQUAN_2021_2025 } from '@/lib/plans/luquan-2021-2025';
import { toIndicatorPlan, type Assessment, type IndicatorPlan, type Observation } from '@/lib/progress';

export const SEED = LUQUAN_2021_2025;

export function seedRow(sequence: number) {
  const row = SEED.indicators.find((i) => i.sequence === sequence);
  if (!row) throw new Error(`no row ${sequence}`);
  return row;
}

export function planOf(sequence: number): IndicatorPlan {
  return toIndicatorPlan(seedRow(sequence), SEED.baseYear, SEED.lastYear);
}

/** obs({ 2021: 250, 2022: 270 }) */
export function obs(values: Record<number, number>): Observation[] {
  return Object.entries(values).map(([year, value]) => ({ year: Number(year), value }));
}

/** Compares the given fields: numbers to 9 decimals, null and strings exactly. */
export function expectAssessment(actual: Assessment, expected: Partial<Assessment>): void {
  for (const [key, want] of Object.entries(expected) as [keyof Assessment, unknown][]) {
    const got = actual[key];
    if (typeof want === 'number' && typeof got === 'number') expect(got, key).toBeCloseTo(want, 9);
    else expect(got, key).toBe(want);
  }
}
