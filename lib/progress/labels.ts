import type { Assessment, Status } from './types';

/** 'achieved' reads 提前实现 here; a final-year achievement reads 已完成 (use statusLabelZh). */
export const STATUS_LABELS_ZH: Record<Status, string> = {
  achieved: '提前实现',
  ahead: '快于序时进度',
  onTrack: '基本符合序时进度',
  lagging: '滞后于序时进度',
  seriouslyLagging: '明显滞后',
  notAchieved: '未完成',
  pendingFinal: '待终期评价',
  noData: '暂无数据',
  noTarget: '无目标值',
};

export const STATUS_LABELS_EN: Record<Status, string> = {
  achieved: 'Achieved early',
  ahead: 'Ahead of schedule',
  onTrack: 'On track',
  lagging: 'Lagging',
  seriouslyLagging: 'Seriously lagging',
  notAchieved: 'Not achieved',
  pendingFinal: 'Awaiting final evaluation',
  noData: 'No data',
  noTarget: 'No target',
};

export const ACHIEVED_FINAL_ZH = '已完成';
export const ACHIEVED_FINAL_EN = 'Achieved';

/**
 * Whether an assessment is the final evaluation (its latest observation is in the target year).
 * The Assessment carries no targetYear; k = N is exactly when 序时进度 reaches 1 with data present.
 */
export function isFinalAssessment(a: Assessment): boolean {
  return a.latestYear !== null && a.elapsedYears > 0 && a.expectedProgress >= 1;
}

function isFinal(context: boolean | Assessment | undefined): boolean {
  return typeof context === 'boolean' ? context : context ? isFinalAssessment(context) : false;
}

/** Label of a status; `final` (or the assessment itself) picks 已完成 over 提前实现. */
export function statusLabelZh(status: Status, final?: boolean | Assessment): string {
  return status === 'achieved' && isFinal(final) ? ACHIEVED_FINAL_ZH : STATUS_LABELS_ZH[status];
}

export function statusLabelEn(status: Status, final?: boolean | Assessment): string {
  return status === 'achieved' && isFinal(final) ? ACHIEVED_FINAL_EN : STATUS_LABELS_EN[status];
}
