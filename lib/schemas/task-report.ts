/** Fields of a key-task progress report, shared by the report form, the server action and the API docs. */
import { z } from 'zod';
import { idSchema, planSlugSchema } from './params';

export const REPORTED_TASK_STATUSES = ['notStarted', 'inProgress', 'completed', 'ongoing', 'delayed'] as const;
export const TASK_HALVES = ['H1', 'FY'] as const;

const optionalText = (max: number) =>
  z.string().trim().max(max, 'tooLong').transform((s) => (s === '' ? null : s)).nullable();

/** A decimal as typed (full-width digits and thousands separators accepted), ≥ 0, at most 6 decimals → canonical text. */
export const targetValueSchema = z
  .string()
  .transform((s) => s.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/,(?=\d{3}(\D|$))/g, '').trim())
  .refine((s) => /^\d{1,14}(\.\d{1,6})?$/.test(s), 'valueInvalid')
  .transform((s) => s.replace(/^0+(?=\d)/, ''));

export const taskReportSchema = z.object({
  planSlug: planSlugSchema,
  actionId: idSchema,
  year: z.coerce.number().int().min(1900).max(2200),
  half: z.enum(TASK_HALVES),
  status: z.enum(REPORTED_TASK_STATUSES, { error: 'statusRequired' }),
  percent: z
    .string()
    .trim()
    .transform((s) => (s === '' ? null : Number(s)))
    .refine((n) => n === null || (Number.isInteger(n) && n >= 0 && n <= 100), 'percentInvalid'),
  progress: z.string().trim().min(1, 'progressRequired').max(4000, 'tooLong'),
  problems: optionalText(2000),
  nextSteps: optionalText(2000),
  baseVersion: z.coerce.number().int().min(0),
  intent: z.enum(['draft', 'submit']),
});

export type TaskReportForm = z.infer<typeof taskReportSchema>;

/** The text fields of the form, kept after a refusal. */
export const TASK_REPORT_TEXT_FIELDS = ['status', 'percent', 'progress', 'problems', 'nextSteps'] as const;

/** Field name of a target's achieved value. */
export const targetValueField = (targetId: number) => `target.${targetId}`;

export const taskDueDatesSchema = z.object({
  planSlug: planSlugSchema,
  year: z.coerce.number().int(),
  h1: z.string().trim().refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), 'dateInvalid'),
  fy: z.string().trim().refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), 'dateInvalid'),
});

const dateOrNull = z.string().trim().refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), 'dateInvalid').transform((s) => (s === '' ? null : s));

export const milestoneSchema = z.object({
  planSlug: planSlugSchema,
  milestoneId: idSchema,
  version: idSchema,
  name: z.string().trim().min(1, 'nameRequired').max(50, 'tooLong'),
  plannedDate: dateOrNull,
  actualDate: dateOrNull,
});

/** Admin: a milestone of the admin's own, added at the end of a project's list. */
export const milestoneAddSchema = z.object({
  planSlug: planSlugSchema,
  projectId: idSchema,
  name: z.string().trim().min(1, 'nameRequired').max(50, 'tooLong'),
});

/** Admin: removes a milestone at the version the page showed. */
export const milestoneRemoveSchema = z.object({
  planSlug: planSlugSchema,
  milestoneId: idSchema,
  version: idSchema,
});

export const actionUnitsSchema = z.object({
  planSlug: planSlugSchema,
  actionId: idSchema,
  leadUnit: optionalText(100),
  cooperatingUnits: optionalText(300),
});

export const programmeTitleSchema = z.object({
  planSlug: planSlugSchema,
  programmeId: idSchema,
  title: optionalText(100),
});

/** Which action a report form is for (read first, so a refused form still shows the action's target fields). */
export const taskReportTargetSchema = taskReportSchema.pick({ planSlug: true, actionId: true });

/** The period of an Excel import or template of key-task reports. */
export const taskImportPeriodSchema = z.object({
  planSlug: planSlugSchema,
  year: z.coerce.number().int().min(1900).max(2200),
  half: z.enum(TASK_HALVES),
});
