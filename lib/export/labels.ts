/**
 * The report's fixed Chinese wording. The report handed to the district government is always in Chinese,
 * whatever the UI language, so the builders read the zh-CN message files directly: the column names of
 * 表1 and the bracket note come from messages/zh-CN/plan.json (the same text the plan table shows), the
 * report's own wording from messages/zh-CN/reports.json. One place for each label.
 */
import plan from '@/messages/zh-CN/plan.json';
import reports from '@/messages/zh-CN/reports.json';

type Vars = Record<string, string | number>;

function interpolate(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type ReportTextKey = keyof typeof reports.report;
export type TableTextKey = keyof typeof plan.table;

export const reportText = (key: ReportTextKey, vars?: Vars) => interpolate(reports.report[key], vars);
export const tableText = (key: TableTextKey, vars?: Vars) => interpolate(plan.table[key], vars);
export const attributeText = (attribute: keyof typeof plan.attribute) => plan.attribute[attribute];
export const bracketNote = (years: number) => interpolate(plan.plan.bracketNote, { years });

export type TaskReportTextKey = keyof typeof reports.taskReport;
/** The key-task table's wording (重点任务推进情况表), from messages/zh-CN/reports.json. */
export const taskReportText = (key: TaskReportTextKey, vars?: Vars) => interpolate(reports.taskReport[key], vars);

export type ResponsibilityTextKey = keyof typeof reports.responsibility;
/** The 责任分解表's wording, from messages/zh-CN/reports.json. */
export const responsibilityText = (key: ResponsibilityTextKey, vars?: Vars) => interpolate(reports.responsibility[key], vars);
