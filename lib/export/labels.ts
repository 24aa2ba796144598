/**
 * The report's fixed wording. The report handed to the district government is in Chinese: that is the
 * default of every builder, whatever the UI language. A reader of the English UI gets the same report in
 * English when asked for (`locale: 'en'`: the report page, its print page and the downloads it links to,
 * `?lang=en`). The column names of 表1 and the bracket note come from messages/<locale>/plan.json (the same
 * text the plan table shows), the report's own wording from messages/<locale>/reports.json. One place for
 * each label.
 */
import planZh from '@/messages/zh-CN/plan.json';
import reportsZh from '@/messages/zh-CN/reports.json';
import planEn from '@/messages/en/plan.json';
import reportsEn from '@/messages/en/reports.json';

type Vars = Record<string, string | number>;

/** The languages a report is built in; Chinese unless asked otherwise. */
export type ReportLocale = 'zh-CN' | 'en';
export const reportLocale = (value: unknown): ReportLocale => (value === 'en' ? 'en' : 'zh-CN');

function interpolate(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

const PLAN = { 'zh-CN': planZh, en: planEn } as const;
const REPORTS = { 'zh-CN': reportsZh, en: reportsEn } as const;

export type ReportTextKey = keyof typeof reportsZh.report;
export type TableTextKey = keyof typeof planZh.table;

export const reportText = (key: ReportTextKey, vars?: Vars, locale: ReportLocale = 'zh-CN') => interpolate(REPORTS[locale].report[key], vars);
export const tableText = (key: TableTextKey, vars?: Vars, locale: ReportLocale = 'zh-CN') => interpolate(PLAN[locale].table[key], vars);
export const attributeText = (attribute: keyof typeof planZh.attribute, locale: ReportLocale = 'zh-CN') => PLAN[locale].attribute[attribute];
export const bracketNote = (years: number, locale: ReportLocale = 'zh-CN') => interpolate(PLAN[locale].plan.bracketNote, { years });

export type TaskReportTextKey = keyof typeof reportsZh.taskReport;
/** The key-task table's wording (重点任务推进情况表), from messages/zh-CN/reports.json. */
export const taskReportText = (key: TaskReportTextKey, vars?: Vars) => interpolate(reportsZh.taskReport[key], vars);

export type ResponsibilityTextKey = keyof typeof reportsZh.responsibility;
/** The 责任分解表's wording, from messages/zh-CN/reports.json. */
export const responsibilityText = (key: ResponsibilityTextKey, vars?: Vars) => interpolate(reportsZh.responsibility[key], vars);
