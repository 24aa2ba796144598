/** Plan and indicator definitions as admins enter them (forms, server actions and the 表1 importer). */
import { z } from 'zod';
import { parseFigure } from './figure-value';
import { idSchema, planSlugSchema } from './params';
import { fileTooLargeMessage, PLAN_TABLE_UPLOAD_MAX_BYTES, PLAN_TABLE_UPLOAD_MAX_MB } from './uploads';
import { INDICATOR_KINDS } from '@/lib/progress';

export { INDICATOR_KINDS };

const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}最多${max}个字`);
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多${max}个字`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((s) => s ?? null);
/** Chinese characters (and CJK punctuation) — not allowed in the English names, so English mode never shows a mixed phrase. */
export const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/**
 * An optional English name or unit (English mode). Absent (undefined): the field was not on the form and
 * stays as stored; empty: none (English mode then shows the Chinese name as a whole).
 */
const englishText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多${max}个字符`)
    .refine((s) => !CJK.test(s), `${label}只能用英文填写，不能含中文字符`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
const year = (label: string) => z.coerce.number({ error: `${label}须为年份` }).int(`${label}须为年份`).min(2000, `${label}须在2000年以后`).max(2100, `${label}须在2100年以前`);

export const planFieldsSchema = z
  .object({
    name: text(100, '规划名称'),
    shortName: text(20, '简称'),
    region: text(50, '地区'),
    baseYear: year('基期年'),
    firstYear: year('起始年'),
    lastYear: year('目标年'),
    sourceDocument: text(300, '来源文件'),
  })
  .superRefine((plan, ctx) => {
    if (plan.firstYear !== plan.baseYear + 1) ctx.addIssue({ code: 'custom', path: ['firstYear'], message: '起始年须为基期年的下一年' });
    if (plan.lastYear < plan.firstYear) ctx.addIssue({ code: 'custom', path: ['lastYear'], message: '目标年不能早于起始年' });
    if (plan.lastYear - plan.baseYear > 15) ctx.addIssue({ code: 'custom', path: ['lastYear'], message: '规划期最长15年' });
  });
export type PlanFields = z.infer<typeof planFieldsSchema>;

export { planSlugSchema } from './params';

export const INDICATOR_ATTRIBUTES = ['expected', 'binding'] as const;
export const DIRECTIONS = ['up', 'down'] as const;

/** An optional plan figure typed as text ("" or "-" = none), kept as exact decimal text. */
const planFigure = (label: string) =>
  z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((raw, ctx) => {
      if (raw === null || raw === undefined) return null;
      const s = String(raw).trim();
      if (s === '' || s === '-' || s === '—') return null;
      const parsed = parseFigure(s, { kind: 'growthRate', decimals: 6 });
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: `${label}：${parsed.message}` });
        return z.NEVER;
      }
      return parsed.text;
    });

export const indicatorFieldsSchema = z
  .object({
    sequence: z.coerce.number({ error: '序号须为正整数' }).int('序号须为正整数').min(1, '序号须为正整数').max(999, '序号最大999'),
    category: text(20, '类别'),
    name: text(100, '指标名称'),
    unit: text(20, '单位'),
    kind: z.enum(INDICATOR_KINDS, { error: '请选择指标类型' }),
    baseline: planFigure('基数'),
    target: planFigure('目标值'),
    annualRate: planFigure('年均增长'),
    cumulativeIncrease: planFigure('累计增长'),
    attribute: z.enum(INDICATOR_ATTRIBUTES, { error: '请选择预期性或约束性' }),
    direction: z.enum(DIRECTIONS, { error: '请选择指标方向' }).default('up'),
    decimals: z.coerce.number({ error: '小数位数须为0到6的整数' }).int('小数位数须为0到6的整数').min(0, '小数位数须为0到6的整数').max(6, '小数位数须为0到6的整数'),
    responsibleUnit: optionalText(100, '责任单位'),
    cooperatingUnits: optionalText(200, '配合单位'),
    contact: optionalText(100, '联系人'),
    definition: optionalText(2000, '指标口径'),
    nameEn: englishText(200, '英文名称'),
    unitEn: englishText(30, '英文单位'),
    categoryEn: englishText(60, '类别英文名称'),
  })
  .superRefine((indicator, ctx) => {
    // English mode shows the English name with an English unit, or the Chinese name with its unit — never a mix.
    if (indicator.unitEn && !indicator.nameEn) ctx.addIssue({ code: 'custom', path: ['unitEn'], message: '填写英文单位时，请同时填写英文名称' });
    if (indicator.nameEn && !indicator.unitEn && CJK.test(indicator.unit)) {
      ctx.addIssue({ code: 'custom', path: ['unitEn'], message: '单位含中文，填写英文名称时请同时填写英文单位' });
    }
    if (indicator.kind === 'share') {
      for (const field of ['baseline', 'target'] as const) {
        const value = indicator[field];
        if (value !== null && (Number(value) < 0 || Number(value) > 100)) ctx.addIssue({ code: 'custom', path: [field], message: '比例类指标的数值须在 0 到 100 之间' });
      }
    }
    if (indicator.kind === 'growthRate' && indicator.cumulativeIncrease !== null) {
      ctx.addIssue({ code: 'custom', path: ['cumulativeIncrease'], message: '增长率类指标没有累计增长值' });
    }
  });
export type IndicatorFields = z.infer<typeof indicatorFieldsSchema>;

export const dueDateSchema = z.object({
  year: z.coerce.number().int(),
  dueDate: z.iso.date({ error: '请输入日期，例如 2026-03-31' }),
});

// ── The admin forms, as the plan actions (app/_actions/plans.ts, next-plan.ts) parse them ─────────

/** A form naming a plan (setCurrent, archive, due dates). */
export const planRefSchema = z.object({ slug: planSlugSchema });

/** A form naming a plan's indicator (remove, archive, move). */
export const indicatorRefSchema = z.object({ planSlug: planSlugSchema, id: idSchema });

export const moveIndicatorSchema = indicatorRefSchema.extend({ direction: z.enum(['up', 'down']) });

/** The plan to start from (copy, next plan); any slug that cannot name a plan reads as one message. */
export const planSourceSchema = z.object({
  sourceSlug: z
    .unknown()
    .refine((raw) => planSlugSchema.safeParse(raw).success, '请选择要复制的规划')
    .transform((raw) => planSlugSchema.parse(raw)),
});

/** The categories of a new plan as typed: one a line, blank lines and repeats dropped. */
export const categoryLinesSchema = z
  .unknown()
  .transform((text) => [...new Set(String(text ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean))])
  .pipe(z.array(z.string()).min(1, '请至少填写一个类别，每行一个').refine((lines) => lines.every((c) => c.length <= 20), '类别最多20个字'));

/** A new, empty plan: its fields, slug and categories. */
export const newPlanFormSchema = planFieldsSchema.and(z.object({ slug: planSlugSchema, categories: categoryLinesSchema }));
/** A copy of an existing plan's definitions. */
export const copyPlanFormSchema = planFieldsSchema.and(z.object({ slug: planSlugSchema }).extend(planSourceSchema.shape));
/** A plan from a 表1 workbook: its fields, slug and the file (within the upload limit). */
export const importPlanFormSchema = planFieldsSchema.and(
  z.object({
    slug: planSlugSchema,
    file: z
      .unknown()
      .refine((file) => file instanceof File && file.size > 0, { message: '请选择表1格式的 .xlsx 文件', abort: true })
      .refine((file) => (file as File).size <= PLAN_TABLE_UPLOAD_MAX_BYTES, fileTooLargeMessage(PLAN_TABLE_UPLOAD_MAX_MB))
      .transform((file) => file as File),
  }),
);
/** A plan's fields edited (the slug names the plan). */
export const planEditFormSchema = planFieldsSchema.and(planRefSchema);

/** An indicator added (no id) or edited, with the reason a change of an approved definition needs. */
export const indicatorFormSchema = indicatorFieldsSchema.and(
  z.object({
    planSlug: planSlugSchema,
    id: z.union([z.literal('').transform(() => null), idSchema]),
    reason: z.string().trim().max(500, '原因最多500个字'),
  }),
);
