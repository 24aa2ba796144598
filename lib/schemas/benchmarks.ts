/**
 * Forms of the benchmarks module (对标值, county evaluation, a figure's further sources, an indicator's
 * 主口径 and tolerance, the review of benchmark records): one zod schema each, shared by the server
 * actions and the forms. Error messages are keys of the "benchmarks.errors" messages.
 */
import { z } from 'zod';
import { BENCHMARK_KINDS, type BenchmarkKind } from '@/lib/progress';
import { parseFigure } from './figure-value';
import { idSchema } from './params';

const requiredText = (max: number, requiredKey: string) => z.string().trim().min(1, requiredKey).max(max, 'tooLong');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .transform((v) => (v === '' ? null : v));

/** Ranks are whole numbers ≥ 1; shares 0–100; everything else a level ≥ 0, up to 6 decimals (the column's). */
export function parseBenchmarkValue(raw: string, kind: BenchmarkKind): { ok: true; text: string } | { ok: false; code: string; message: string } {
  const rank = kind === 'cityRank' || kind === 'provinceRank';
  const share = kind === 'shareOfCityTotal' || kind === 'shareOfProvinceBest';
  const parsed = parseFigure(raw, rank ? { kind: 'cumulative', decimals: 0 } : share ? { kind: 'share', decimals: 4 } : { kind: 'cumulative', decimals: 6 });
  if (!parsed.ok) return { ok: false, code: `value.${parsed.code}`, message: parsed.message };
  if (rank && parsed.value < 1) return { ok: false, code: 'value.rankMin', message: '排名须为不小于 1 的整数。' };
  return { ok: true, text: parsed.text };
}

export const benchmarkKindSchema = z.enum(BENCHMARK_KINDS as [BenchmarkKind, ...BenchmarkKind[]]);
/** "indicator:12" or "series:3" */
export const subjectSchema = z
  .string()
  .regex(/^(indicator|series):\d{1,10}$/, 'subject')
  .transform((s) => {
    const [type, id] = s.split(':') as ['indicator' | 'series', string];
    return { type, id: Number(id) };
  })
  .refine((s) => idSchema.safeParse(s.id).success, 'subject');
/** Reference values may be for the plan's years or the years before it (the plan text speaks of 2015–2020). */
export const benchmarkYearSchema = z.coerce.number({ error: 'year' }).int('year').min(2000, 'year').max(2100, 'year');

export const referenceValueFormSchema = z
  .object({
    planSlug: z.string().min(1),
    subject: subjectSchema,
    kind: benchmarkKindSchema,
    year: benchmarkYearSchema,
    value: z.string(),
    source: requiredText(500, 'sourceRequired'),
    note: optionalText(500),
    baseVersion: z.coerce.number().int().min(0).max(2_147_483_647),
    intent: z.enum(['draft', 'submit']),
  })
  .transform((form, ctx) => {
    const value = parseBenchmarkValue(form.value, form.kind);
    if (!value.ok) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: value.code });
      return z.NEVER;
    }
    return { ...form, value: value.text, note: form.note as string | null };
  });

export const countyEvaluationFormSchema = z
  .object({
    planSlug: z.string().min(1),
    year: benchmarkYearSchema,
    provinceRank: z.string(),
    grade: z.enum(['', 'A', 'B', 'C']).transform((g) => (g === '' ? null : g)),
    score: z.string(),
    source: requiredText(500, 'sourceRequired'),
    note: optionalText(500),
    baseVersion: z.coerce.number().int().min(0).max(2_147_483_647),
    intent: z.enum(['draft', 'submit']),
  })
  .transform((form, ctx) => {
    const rank = form.provinceRank.trim() === '' ? null : parseBenchmarkValue(form.provinceRank, 'provinceRank');
    const score = form.score.trim() === '' ? null : parseFigure(form.score, { kind: 'cumulative', decimals: 2 });
    if (rank && !rank.ok) ctx.addIssue({ code: 'custom', path: ['provinceRank'], message: rank.code });
    if (score && !score.ok) ctx.addIssue({ code: 'custom', path: ['score'], message: `value.${score.code}` });
    if (rank === null && score === null && form.grade === null) ctx.addIssue({ code: 'custom', path: ['provinceRank'], message: 'evaluationEmpty' });
    if ((rank && !rank.ok) || (score && !score.ok) || (rank === null && score === null && form.grade === null)) return z.NEVER;
    return { ...form, provinceRank: rank ? Number(rank.text) : null, score: score ? score.text : null, note: form.note as string | null };
  });

export const sourceValueFormSchema = z.object({
  observationId: idSchema,
  figureVersion: idSchema,
  sourceName: requiredText(50, 'sourceNameRequired'),
  value: z.string(),
  source: optionalText(500),
  note: optionalText(500),
});

export const removeSourceValueSchema = z.object({ observationId: idSchema, figureVersion: idSchema, sourceName: z.string().trim().min(1).max(50) });

export const sourceRuleFormSchema = z
  .object({
    indicatorId: idSchema,
    primarySource: requiredText(50, 'primarySourceRequired'),
    toleranceMode: z.enum(['absolute', 'relative']),
    /** relative: typed in % (5 = 5 %), stored as a fraction */
    tolerance: z.string(),
    /** why the rule changes (kept in the definition history), optional */
    reason: optionalText(500),
  })
  .transform((form, ctx) => {
    const parsed = parseFigure(form.tolerance, { kind: 'cumulative', decimals: 4 });
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', path: ['tolerance'], message: `value.${parsed.code}` });
      return z.NEVER;
    }
    const tolerance = form.toleranceMode === 'relative' ? String(Number((parsed.value / 100).toFixed(6))) : parsed.text;
    return { ...form, tolerance, reason: form.reason as string | null };
  });

export const benchmarkReviewSchema = z
  .object({
    entity: z.enum(['referenceValue', 'seriesFigure', 'countyEvaluation']),
    id: idSchema,
    version: idSchema,
    decision: z.enum(['approve', 'return', 'submit']),
    reason: z.string().trim().max(500, 'tooLong').default(''),
  })
  .refine((r) => r.decision !== 'return' || r.reason !== '', { path: ['reason'], message: 'reasonRequired' });

/** A supplementary series' yearly figure (监测指标); the value is checked against the series' kind and decimals by the action. */
export const seriesFigureFormSchema = z.object({
  planSlug: z.string().min(1),
  seriesId: idSchema,
  year: benchmarkYearSchema,
  value: z.string(),
  source: requiredText(500, 'sourceRequired'),
  note: optionalText(500),
  baseVersion: z.coerce.number().int().min(0).max(2_147_483_647),
  intent: z.enum(['draft', 'submit']),
});

/** The years a reference-value template is offered for: the plan's base year (the text's 2020 values) through its last year. */
export function benchmarkImportYears(plan: { baseYear: number; lastYear: number }): number[] {
  const years: number[] = [];
  for (let y = plan.baseYear; y <= plan.lastYear; y++) years.push(y);
  return years;
}

/** The import form: which plan and year the uploaded template is for, preview or confirm. */
export const referenceImportTargetSchema = z.object({
  planSlug: z.string().min(1).max(60),
  year: z.coerce.number().int().min(2000).max(2100),
  intent: z.enum(['preview', 'confirm']).catch('preview'),
});
