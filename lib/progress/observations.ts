import type { Observation } from './types';

/**
 * The observations that count, oldest first: integer years in (fromYear, toYear], finite values.
 * Duplicate years: the last one given wins (a later correction overrides an earlier entry).
 * Invalid entries are dropped before that, so they never override a valid one.
 */
export function normalizeObservations(observations: readonly Observation[], fromYear: number, toYear: number): Observation[] {
  const byYear = new Map<number, number>();
  for (const { year, value } of observations) {
    if (Number.isInteger(year) && year > fromYear && year <= toYear && Number.isFinite(value)) byYear.set(year, value);
  }
  return [...byYear].sort(([a], [b]) => a - b).map(([year, value]) => ({ year, value }));
}
