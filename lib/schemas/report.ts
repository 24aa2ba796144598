/**
 * Parameters of the report page, its downloads and the data API. Errors are Chinese sentences meant for
 * the person or tool that sent the request (API answers them as 400 JSON).
 */
import { z } from 'zod';
import { planYearSchema, type PlanPeriod } from './params';

export const EXPORT_FORMATS = ['xlsx', 'docx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS, { error: '导出格式只能是 xlsx、docx 或 csv。' });

// The slug and the year are parsed by lib/schemas/params.ts, like every other route parameter.
export { planSlugSchema, planYearSchema as reportYearSchema } from './params';

/** includeUnapproved=1|true includes figures still awaiting review; absent, 0 or false: approved only. */
export const includeUnapprovedSchema = z
  .enum(['1', '0', 'true', 'false'], { error: 'includeUnapproved 只能是 1、0、true 或 false。' })
  .optional()
  .transform((value) => value === '1' || value === 'true');

export function reportQuerySchema(plan: PlanPeriod) {
  return z.object({ year: planYearSchema(plan), includeUnapproved: includeUnapprovedSchema });
}

/** The first problem of a failed parse, as one sentence. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? '请求参数无效。';
}
