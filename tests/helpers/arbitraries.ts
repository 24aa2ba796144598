// fast-check arbitraries the property tests share: any finite double (extremes drawn often) and any
// indicator plan built from them.
import fc from 'fast-check';
import type { IndicatorKind, IndicatorPlan } from '@/lib/progress';

export const EXTREMES = [0, -0, 1, -1, -100, Number.MIN_VALUE, -Number.MIN_VALUE, 1e-300, 1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE];
/** Any finite double, with the extremes drawn often. */
export const anyFinite = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...EXTREMES));
export const anyKind = fc.constantFrom<IndicatorKind>('growthRate', 'cumulative', 'share');
export const anyYear = fc.integer({ min: 2015, max: 2032 });

export const anyPlan = fc.record({
  kind: anyKind,
  baseYear: fc.integer({ min: 2018, max: 2022 }),
  targetYear: fc.integer({ min: 2016, max: 2030 }),
  baseline: fc.option(anyFinite),
  target: fc.option(anyFinite),
  annualRate: fc.option(anyFinite),
  direction: fc.constantFrom<'up' | 'down'>('up', 'down'),
}) satisfies fc.Arbitrary<IndicatorPlan>;
