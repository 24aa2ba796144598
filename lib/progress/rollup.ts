import { STATUS_ORDER, type Assessment, type Status } from './types';
import { isFinalAssessment, statusLabelZh } from './labels';

export interface PlanRollup {
  asOfYear: number;
  /** A final-year roll-up: 'achieved' reads 已完成 / "achieved". */
  final: boolean;
  total: number;
  byStatus: Record<Status, number>; // all eight keys, zeros included
  byCategory: Record<string, Record<Status, number>>; // categories in order of first appearance
}

export interface RollupItem {
  category: string;
  assessment: Assessment;
}

function zeroCounts(): Record<Status, number> {
  return Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>;
}

/**
 * Counts by status and by category × status. `final` is asOfYear ≥ targetYear when targetYear is given;
 * otherwise it is inferred: true when any assessment is a final evaluation.
 */
export function summarizePlan(items: readonly RollupItem[], asOfYear: number, options: { targetYear?: number } = {}): PlanRollup {
  const byStatus = zeroCounts();
  const byCategory: Record<string, Record<Status, number>> = {};
  for (const { category, assessment } of items) {
    byStatus[assessment.status] += 1;
    (byCategory[category] ??= zeroCounts())[assessment.status] += 1;
  }
  const final =
    options.targetYear !== undefined ? asOfYear >= options.targetYear : items.some((i) => isFinalAssessment(i.assessment));
  return { asOfYear, final, total: items.length, byStatus, byCategory };
}

/** "截至2023年，16项指标中，提前实现2项，…，暂无数据1项。" — zero counts omitted, fixed status order. */
export function summarySentenceZh(rollup: PlanRollup): string {
  const parts = STATUS_ORDER.filter((s) => rollup.byStatus[s] > 0).map((s) => `${statusLabelZh(s, rollup.final)}${rollup.byStatus[s]}项`);
  if (parts.length === 0) return `截至${rollup.asOfYear}年，暂无指标。`;
  return `截至${rollup.asOfYear}年，${rollup.total}项指标中，${parts.join('，')}。`;
}

const PHRASES_EN: Record<Status, string> = {
  achieved: 'achieved early',
  ahead: 'ahead of schedule',
  onTrack: 'on track',
  lagging: 'lagging',
  seriouslyLagging: 'seriously lagging',
  notAchieved: 'not achieved',
  pendingFinal: 'awaiting the final evaluation',
  noData: 'with no data',
  noTarget: 'without a target',
};

/** "As of 2023, of 16 indicators: 2 achieved early, 3 ahead of schedule, … and 1 with no data." */
export function summarySentenceEn(rollup: PlanRollup): string {
  const parts = STATUS_ORDER.filter((s) => rollup.byStatus[s] > 0).map(
    (s) => `${rollup.byStatus[s]} ${s === 'achieved' && rollup.final ? 'achieved' : PHRASES_EN[s]}`,
  );
  if (parts.length === 0) return `As of ${rollup.asOfYear}, there are no indicators.`;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `As of ${rollup.asOfYear}, of ${rollup.total} indicator${rollup.total === 1 ? '' : 's'}: ${list}.`;
}
