import type { IndicatorKind } from './types';
import { EPS } from './numeric';
import { decimalsOf, toIndicatorPlan, toNumber, type Decimalish } from './plan';

export interface IndicatorDefinitionInput {
  sequence: number;
  name: string;
  kind: IndicatorKind;
  baseYear: number;
  targetYear: number;
  baseline: Decimalish;
  target: Decimalish;
  annualRate: Decimalish;
  cumulativeIncrease?: Decimalish;
  direction?: 'up' | 'down';
}

export interface ConsistencyDifference {
  sequence: number;
  name: string;
  field: 'annualRate' | 'cumulativeIncrease';
  stated: number;
  implied: number; // float noise trimmed (12 significant digits)
}

/**
 * Stated vs implied values: share annualRate (pp/yr) vs (T − V0)/N; a level kind's [x] vs T − V0.
 * A stated value is accepted when it is a correct rounding of the implied value to the stated value's
 * own decimals (|implied − stated| ≤ half a unit in its last place), so 7.164 vs "7.17" is reported
 * and (42 − 36.4)/5 = 1.1200000000000003 vs "1.12" is not. Strings keep their decimals ("1.10" → 2).
 */
export function checkPlanConsistency(defs: readonly IndicatorDefinitionInput[]): ConsistencyDifference[] {
  const out: ConsistencyDifference[] = [];
  for (const d of defs) {
    if (d.kind === 'growthRate') continue; // nothing is implied: a growth plan has no level target
    const v0 = toNumber(d.baseline);
    const t = toNumber(d.target);
    const n = d.targetYear - d.baseYear;
    if (v0 === null || t === null) continue;
    const check = (field: ConsistencyDifference['field'], stated: Decimalish, implied: number) => {
      const s = toNumber(stated);
      if (s === null || stated === null || stated === undefined || !Number.isFinite(implied)) return;
      const halfUnit = 0.5 * 10 ** -decimalsOf(stated);
      if (Math.abs(implied - s) > halfUnit + EPS * Math.max(1, Math.abs(s))) {
        out.push({ sequence: d.sequence, name: d.name, field, stated: s, implied: Number(implied.toPrecision(12)) });
      }
    };
    if (d.kind === 'share' && n > 0) check('annualRate', d.annualRate, (t - v0) / n);
    check('cumulativeIncrease', d.cumulativeIncrease, t - v0);
  }
  return out;
}

export type DefinitionProblemCode = 'missing' | 'invalid' | 'invalidYears' | 'outOfRange' | 'directionMismatch';

export interface DefinitionProblem {
  field: 'baseline' | 'target' | 'annualRate' | 'years' | 'direction';
  code: DefinitionProblemCode;
  /** true: the indicator's status is noTarget because of this problem. */
  blocking: boolean;
  message: string;
  messageZh: string;
}

type DefinitionInput = Omit<IndicatorDefinitionInput, 'sequence' | 'name'>;

const FIELD_ZH = { baseline: '基数', target: '目标值', annualRate: '年均增长' } as const;

/** Problems of one definition: what makes the status noTarget, and figures that look wrong. */
export function definitionProblems(def: DefinitionInput): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const plan = toIndicatorPlan(def, def.baseYear, def.targetYear);
  const absent = (x: Decimalish) => x === null || x === undefined || (typeof x === 'string' && ['', '-'].includes(x.trim()));
  const need = (field: keyof typeof FIELD_ZH, raw: Decimalish) => {
    if (toNumber(raw) !== null) return;
    const missing = absent(raw);
    problems.push({
      field,
      code: missing ? 'missing' : 'invalid',
      blocking: true,
      message: `${field} is ${missing ? 'missing' : `not a number: ${String(raw)}`}`,
      messageZh: `${FIELD_ZH[field]}${missing ? '缺失' : `不是有效数字：${String(raw)}`}`,
    });
  };

  const n = def.targetYear - def.baseYear;
  if (!(Number.isFinite(n) && n > 0)) {
    problems.push({
      field: 'years',
      code: 'invalidYears',
      blocking: true,
      message: `targetYear ${def.targetYear} is not after baseYear ${def.baseYear}`,
      messageZh: `目标年份${def.targetYear}不晚于基期年份${def.baseYear}`,
    });
  }
  if (def.kind === 'growthRate') {
    need('annualRate', def.annualRate);
    if (plan.annualRate !== null && plan.annualRate <= 0) {
      problems.push({
        field: 'annualRate',
        code: 'outOfRange',
        blocking: true,
        message: `annualRate ${plan.annualRate} must be above 0 for a growth-rate indicator`,
        messageZh: `增长率指标的年均增长${plan.annualRate}须大于0`,
      });
    }
  } else {
    need('baseline', def.baseline);
    need('target', def.target);
    if (def.kind === 'share') {
      for (const field of ['baseline', 'target'] as const) {
        const v = plan[field];
        if (v !== null && (v < 0 || v > 100)) {
          problems.push({
            field,
            code: 'outOfRange',
            blocking: false,
            message: `share ${field} ${v} is outside 0..100`,
            messageZh: `比重指标的${FIELD_ZH[field]}${v}不在0～100之间`,
          });
        }
      }
    }
    const { baseline: v0, target: t } = plan;
    const down = def.direction === 'down';
    if (v0 !== null && t !== null && (down ? t > v0 : t < v0)) {
      problems.push({
        field: 'direction',
        code: 'directionMismatch',
        blocking: false,
        message: `direction '${down ? 'down' : 'up'}' but the target is ${down ? 'above' : 'below'} the baseline`,
        messageZh: `指标方向为${down ? '越低越好' : '越高越好'}，但目标值${down ? '高于' : '低于'}基数`,
      });
    }
  }
  return problems; // blocking ⇔ !hasUsableTarget(plan): kept in step by a property test

}
