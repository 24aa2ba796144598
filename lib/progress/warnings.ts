/**
 * Plausibility warnings for a figure being entered. They do not block a save but must be confirmed, and
 * each says why. Rules (documented in the README):
 * - decline: a level indicator whose direction is up falls below last year's figure (or down rises);
 * - bigChange: level kinds change by more than 50 % of last year's figure; growth rates move by more
 *   than 20 percentage points from last year's rate;
 * - farBeyondTarget: level kinds exceed the whole planned change by more than half again
 *   (completion > 1.5); growth rates exceed three times the planned annual rate.
 */
import type { IndicatorPlan } from './types';

export type FigureWarning =
  | { code: 'decline'; previousYear: number; previous: number }
  | { code: 'bigChange'; previousYear: number; previous: number; changePct: number | null; changePp: number | null }
  | { code: 'farBeyondTarget'; target: number; limit: number };

export const WARNING_LIMITS = { bigChangeRatio: 0.5, bigChangeGrowthPp: 20, beyondCompletion: 1.5, beyondRateMultiple: 3 } as const;

export function figureWarnings(plan: IndicatorPlan, value: number, previous: { year: number; value: number } | null): FigureWarning[] {
  const warnings: FigureWarning[] = [];
  const down = plan.direction === 'down';
  if (plan.kind === 'growthRate') {
    if (previous && Math.abs(value - previous.value) > WARNING_LIMITS.bigChangeGrowthPp) {
      warnings.push({ code: 'bigChange', previousYear: previous.year, previous: previous.value, changePct: null, changePp: value - previous.value });
    }
    const rate = plan.annualRate;
    if (rate !== null && rate > 0 && value > rate * WARNING_LIMITS.beyondRateMultiple) {
      warnings.push({ code: 'farBeyondTarget', target: rate, limit: rate * WARNING_LIMITS.beyondRateMultiple });
    }
    return warnings;
  }
  if (previous) {
    if (down ? value > previous.value : value < previous.value) {
      warnings.push({ code: 'decline', previousYear: previous.year, previous: previous.value });
    }
    if (previous.value !== 0 && Math.abs(value - previous.value) / Math.abs(previous.value) > WARNING_LIMITS.bigChangeRatio) {
      warnings.push({
        code: 'bigChange',
        previousYear: previous.year,
        previous: previous.value,
        changePct: ((value - previous.value) / Math.abs(previous.value)) * 100,
        changePp: plan.kind === 'share' ? value - previous.value : null,
      });
    }
  }
  const { baseline, target } = plan;
  if (baseline !== null && target !== null && target !== baseline) {
    const limit = baseline + (target - baseline) * WARNING_LIMITS.beyondCompletion;
    if ((value - baseline) / (target - baseline) > WARNING_LIMITS.beyondCompletion) {
      warnings.push({ code: 'farBeyondTarget', target, limit });
    }
  }
  return warnings;
}
