/**
 * The engine's own wording (status labels, the summary sentence) in the reader's language. The engine
 * writes both languages; this only picks one, so pages never keep a second copy of those words.
 */
import type { PlanProgress } from '@/lib/views/plan-progress';
import { formatPercent, statusLabelEn, statusLabelZh, type Assessment, type Status } from '@/lib/progress';
import type { Locale } from './locales';

/** `final` (or the assessment itself) picks 已完成 over 提前实现 for a final-year achievement. */
export function statusText(locale: string, status: Status, final?: boolean | Assessment): string {
  return (locale as Locale) === 'en' ? statusLabelEn(status, final) : statusLabelZh(status, final);
}

export function summaryText(locale: string, progress: Pick<PlanProgress, 'summaryZh' | 'summaryEn'>): string {
  return (locale as Locale) === 'en' ? progress.summaryEn : progress.summaryZh;
}

/**
 * 完成率 as every page shows it: the percentage, or 暂无数据 ("No data") for an indicator without a figure
 * — never a bare "—" next to a real 序时进度. The report uses the same word (lib/export/report.ts).
 */
export function completionText(locale: string, assessment: Pick<Assessment, 'status' | 'completion'>): string {
  return assessment.status === 'noData' ? statusText(locale, 'noData') : formatPercent(assessment.completion);
}
