/**
 * Parameters of the evaluation report (/reports/<plan>/<year>/evaluation, its .docx) and its preface form.
 * The kinds a year allows are decided by lib/views/evaluation (evaluationKindsFor); here only the words.
 */
import { z } from 'zod';

export const EVALUATION_KIND_VALUES = ['annual', 'midterm', 'final'] as const;

/** ?kind=annual|midterm|final; absent: the year's default kind. */
export const evaluationKindSchema = z.enum(EVALUATION_KIND_VALUES, { error: '评估类型只能是 annual、midterm 或 final。' }).optional();

export const PREFACE_MAX_LENGTH = 5000;

export const evaluationPrefaceSchema = z.object({
  text: z
    .string()
    .transform((s) => s.replace(/\r\n/g, '\n').trim())
    .pipe(z.string().max(PREFACE_MAX_LENGTH, `前言不能超过${PREFACE_MAX_LENGTH}字。`)),
  version: z.coerce.number().int().min(0),
});

/** The preface form: the plan and year it belongs to (checked against the plan by the action), its text and version. */
export const evaluationPrefaceFormSchema = evaluationPrefaceSchema.extend({
  slug: z.string(),
  year: z.unknown(),
});
