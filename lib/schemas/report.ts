/**
 * Parameters of the report page, its downloads and the data API. Errors are Chinese sentences meant for
 * the person or tool that sent the request (API answers them as 400 JSON).
 */
import { z } from 'zod';

export const EXPORT_FORMATS = ['xlsx', 'docx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS, { error: '导出格式只能是 xlsx、docx 或 csv。' });

/** A plan slug as the seed writes them (luquan-2021-2025); anything else cannot name a plan. */
export const planSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, '规划标识无效。');

/** The report year: a whole year within the plan period. */
export function reportYearSchema(plan: { firstYear: number; lastYear: number }) {
  const message = `年份须为 ${plan.firstYear}–${plan.lastYear} 年之间的整数。`;
  return z
    .string({ error: `请指定年份（year），须为 ${plan.firstYear}–${plan.lastYear} 年之间的整数。` })
    .trim()
    .regex(/^\d{4}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(plan.firstYear, message).max(plan.lastYear, message));
}

/** includeUnapproved=1|true includes figures still awaiting review; absent, 0 or false: approved only. */
export const includeUnapprovedSchema = z
  .enum(['1', '0', 'true', 'false'], { error: 'includeUnapproved 只能是 1、0、true 或 false。' })
  .optional()
  .transform((value) => value === '1' || value === 'true');

export function reportQuerySchema(plan: { firstYear: number; lastYear: number }) {
  return z.object({ year: reportYearSchema(plan), includeUnapproved: includeUnapprovedSchema });
}

/** The first problem of a failed parse, as one sentence. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? '请求参数无效。';
}
