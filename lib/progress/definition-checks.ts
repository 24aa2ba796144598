import { checkPlanConsistency, definitionProblems, type ConsistencyDifference, type DefinitionProblem } from './consistency';
import type { Decimalish } from './plan';
import type { IndicatorKind } from './types';

export interface DefinitionCheckInput {
  sequence: number;
  name: string;
  kind: IndicatorKind;
  baseline: Decimalish;
  target: Decimalish;
  annualRate: Decimalish;
  cumulativeIncrease: Decimalish;
  direction: 'up' | 'down';
}

export interface DefinitionCheck {
  sequence: number;
  name: string;
  /** stated annual rate or [cumulative increase] that does not match the baseline and target */
  differences: ConsistencyDifference[];
  /** missing fields (status would be noTarget), values outside 0–100 for a share, direction mismatches */
  problems: DefinitionProblem[];
}

/**
 * Every check an admin sees for a plan's definitions (the plan page and, live, the indicator form):
 * only the indicators with something to report, in the order given.
 */
export function definitionChecks(defs: readonly DefinitionCheckInput[], baseYear: number, targetYear: number): DefinitionCheck[] {
  return defs
    .map((def) => {
      const input = { ...def, baseYear, targetYear };
      return { sequence: def.sequence, name: def.name, differences: checkPlanConsistency([input]), problems: definitionProblems(input) };
    })
    .filter((check) => check.differences.length > 0 || check.problems.length > 0);
}
