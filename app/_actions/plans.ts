'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/auth/action';
import {
  archiveIndicator,
  archivePlan,
  copyPlan,
  createPlan,
  removeIndicator,
  reorderIndicators,
  saveIndicator,
  setCurrentPlan,
  setDueDates,
  updatePlan,
  type PlanWriteResult,
} from '@/lib/data/plan-writes';
import { setPlanSignOff } from '@/lib/data/sign-off';
import { IMPORT_BUSY_MESSAGE, withImportSlot } from '@/lib/import/import-slots';
import { SIGN_OFF_FIELDS, signOffSchema } from '@/lib/schemas/sign-off';
import { z } from 'zod';
import { loadPlan } from '@/lib/loaders';
import { parsePlanTableWorkbook } from '@/lib/import/plan-table-workbook';
import { fieldErrors, type FormState } from '@/lib/schemas/form-state';
import {
  copyPlanFormSchema,
  dueDateSchema,
  importPlanFormSchema,
  indicatorFormSchema,
  indicatorRefSchema,
  moveIndicatorSchema,
  newPlanFormSchema,
  planEditFormSchema,
  planRefSchema,
} from '@/lib/schemas/plan';

// Field errors here carry the schemas' own (Chinese) messages, not message keys: the plan schemas are
// shared with the 表1 importer, whose row errors must read the same. PlanFieldError shows them as text.

export interface PlanFormState extends FormState {
  /** the plan's slug after a create/copy/import, for the link to it */
  slug?: string;
  /** all row errors of a refused 表1 import */
  importErrors?: { row: number; message: string }[];
  /** saveIndicator refused: the definition has approved figures and no reason was given */
  needsReason?: boolean;
  /** the indicator id after a save of a new one */
  indicatorId?: number;
}

const PLAN_FIELDS = ['name', 'shortName', 'region', 'baseYear', 'firstYear', 'lastYear', 'sourceDocument'] as const;
const INDICATOR_FIELDS = [
  'sequence', 'category', 'name', 'unit', 'kind', 'baseline', 'target', 'annualRate', 'cumulativeIncrease',
  'attribute', 'direction', 'decimals', 'responsibleUnit', 'cooperatingUnits', 'contact', 'definition', 'nameEn', 'unitEn', 'categoryEn',
] as const;

function readFields<K extends string>(formData: FormData, keys: readonly K[]): Record<K, FormDataEntryValue | null> {
  return Object.fromEntries(keys.map((k) => [k, formData.get(k)])) as Record<K, FormDataEntryValue | null>;
}

/** The plan form's fields, its slug and whatever else `extra` names, as typed. */
const readPlanForm = (...extra: string[]) => (formData: FormData) => ({ ...readFields(formData, PLAN_FIELDS), slug: formData.get('slug') ?? '', ...readFields(formData, extra) });
const PLAN_FORM_VALUES = [...PLAN_FIELDS, 'slug', 'categories', 'sourceSlug'];

/** A form whose plan (or indicator) reference is not valid names nothing: refusal.notFound; other fields get their errors. */
function notFoundIf(keys: readonly string[], keepValues = false) {
  return (error: z.ZodError, values: Record<string, string>): PlanFormState =>
    error.issues.some((issue) => keys.includes(String(issue.path[0])))
      ? { message: 'refusal.notFound', ...(keepValues ? { values } : {}) }
      : { errors: fieldErrors(error), message: 'checkFields', values };
}

function refusalState(result: PlanWriteResult<unknown> & { ok: false }, values?: Record<string, string>): PlanFormState {
  if (result.reason === 'slugTaken') return { errors: { slug: ['该标识已被其他规划使用'] }, message: 'checkFields', values };
  if (result.reason === 'sequenceTaken') return { errors: { sequence: ['该序号已被本规划的其他指标使用'] }, message: 'checkFields', values };
  if (result.reason === 'reasonRequired') return { needsReason: true, message: 'reasonRequired', values };
  return { message: `refusal.${result.reason}`, values };
}

function revalidatePlans(slug?: string) {
  revalidatePath('/admin/plans');
  if (slug) revalidatePath(`/admin/plans/${slug}`, 'layout');
  revalidatePath('/', 'layout');
}

/** An empty plan: its fields and categories (one a line); indicators are added afterwards. */
export const createPlanAction = formAction<typeof newPlanFormSchema, PlanFormState>('plans.manage', {
  schema: newPlanFormSchema,
  read: readPlanForm('categories'),
  values: PLAN_FORM_VALUES,
  run: async ({ input: { slug, categories, ...fields }, user, values }) => {
    const result = await createPlan(slug, fields, { categories }, user);
    if (!result.ok) return refusalState(result, values);
    revalidatePlans();
    return { ok: true, message: 'planCreated', slug };
  },
});

/** A new plan with the categories and indicator definitions of an existing one (no figures). */
export const copyPlanAction = formAction<typeof copyPlanFormSchema, PlanFormState>('plans.manage', {
  schema: copyPlanFormSchema,
  read: readPlanForm('sourceSlug'),
  values: PLAN_FORM_VALUES,
  run: async ({ input: { slug, sourceSlug, ...fields }, user, values }) => {
    const result = await copyPlan(sourceSlug, slug, fields, user);
    if (!result.ok) return result.reason === 'notFound' ? { errors: { sourceSlug: ['请选择要复制的规划'] }, message: 'checkFields', values } : refusalState(result, values);
    revalidatePlans();
    return { ok: true, message: 'planCopied', slug };
  },
});

/** A new plan from a 表1-layout .xlsx: every row checked; nothing is created unless all rows are valid. */
export const importPlanAction = formAction<typeof importPlanFormSchema, PlanFormState>('plans.manage', {
  schema: importPlanFormSchema,
  read: readPlanForm('file'),
  values: PLAN_FORM_VALUES,
  run: async ({ input: { slug, file, ...fields }, user, values }) => {
    let parsed;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const slot = await withImportSlot(() => parsePlanTableWorkbook(bytes));
      if (!slot.ok) return { errors: { file: [IMPORT_BUSY_MESSAGE] }, message: 'checkFields', values };
      parsed = slot.value;
    } catch {
      return { errors: { file: ['无法读取该文件，请确认是 .xlsx 格式'] }, message: 'checkFields', values };
    }
    if (!parsed.ok) return { importErrors: parsed.errors, message: 'importRefused', values };
    const { baseYear, lastYear, categories, indicators } = parsed.value;
    const errors: Record<string, string[]> = {};
    if (baseYear !== null && baseYear !== fields.baseYear) errors.baseYear = [`表格中的基数年份为${baseYear}年，与填写的基期年不一致`];
    if (lastYear !== null && lastYear !== fields.lastYear) errors.lastYear = [`表格中的目标年份为${lastYear}年，与填写的目标年不一致`];
    if (indicators.length === 0) errors.file = ['表格中没有指标行'];
    if (Object.keys(errors).length > 0) return { errors, message: 'checkFields', values };
    const result = await createPlan(slug, fields, { categories, indicators }, user);
    if (!result.ok) return refusalState(result, values);
    revalidatePlans();
    return { ok: true, message: 'planImported', slug };
  },
});

export const updatePlanAction = formAction<typeof planEditFormSchema, PlanFormState>('plans.manage', {
  schema: planEditFormSchema,
  read: readPlanForm(),
  values: PLAN_FIELDS,
  invalid: notFoundIf(['slug']),
  run: async ({ input: { slug, ...fields }, user, values }) => {
    const result = await updatePlan(slug, fields, user);
    if (!result.ok) return refusalState(result, values);
    revalidatePlans(slug);
    return { ok: true, message: 'planSaved' };
  },
});

const readPlanRef = (formData: FormData) => ({ slug: formData.get('slug') ?? '' });

export const setCurrentPlanAction = formAction<typeof planRefSchema, PlanFormState>('plans.manage', {
  schema: planRefSchema,
  read: readPlanRef,
  invalid: () => ({ message: 'refusal.notFound' }),
  run: async ({ input: { slug }, user }) => {
    const result = await setCurrentPlan(slug, user);
    if (!result.ok) return refusalState(result);
    revalidatePlans(slug);
    return { ok: true, message: 'currentSet' };
  },
});

export const archivePlanAction = formAction<typeof planRefSchema, PlanFormState>('plans.manage', {
  schema: planRefSchema,
  read: readPlanRef,
  invalid: () => ({ message: 'refusal.notFound' }),
  run: async ({ input: { slug }, user }) => {
    const result = await archivePlan(slug, user);
    if (!result.ok) return refusalState(result);
    revalidatePlans(slug);
    return { ok: true, message: 'planArchived' };
  },
});

/** Due dates of the plan years: fields dueDate.<year>; an empty field leaves that year as it is. */
export const setDueDatesAction = formAction<typeof planRefSchema, PlanFormState>('plans.manage', {
  schema: planRefSchema,
  read: readPlanRef,
  invalid: () => ({ message: 'refusal.notFound' }),
  run: async ({ input: { slug }, user, formData }) => {
    // one field per plan year: each parsed with dueDateSchema, every error at once
    const entries: { year: number; dueDate: string }[] = [];
    const errors: Record<string, string[]> = {};
    const values: Record<string, string> = {};
    for (const [key, raw] of formData.entries()) {
      if (!key.startsWith('dueDate.') || typeof raw !== 'string') continue;
      values[key] = raw;
      if (raw.trim() === '') continue;
      const parsed = dueDateSchema.safeParse({ year: key.slice(8), dueDate: raw.trim() });
      if (parsed.success) entries.push(parsed.data);
      else errors[key] = parsed.error.issues.map((i) => i.message);
    }
    if (Object.keys(errors).length > 0) return { errors, message: 'checkFields', values };
    const result = await setDueDates(slug, entries, user);
    if (!result.ok) return refusalState(result, values);
    revalidatePlans(slug);
    return { ok: true, message: 'dueDatesSaved' };
  },
});

/** Adds (no id) or edits an indicator; a definition change on approved figures needs a reason. */
export const saveIndicatorAction = formAction<typeof indicatorFormSchema, PlanFormState>('plans.manage', {
  schema: indicatorFormSchema,
  read: (formData) => ({
    ...readFields(formData, INDICATOR_FIELDS),
    planSlug: formData.get('planSlug') ?? '',
    id: String(formData.get('id') ?? ''),
    reason: String(formData.get('reason') ?? ''),
  }),
  values: [...INDICATOR_FIELDS, 'reason'],
  invalid: (error, values) => {
    if (error.issues.some((issue) => issue.path[0] === 'planSlug' || issue.path[0] === 'id')) return { message: 'refusal.notFound', values };
    // the definition's own errors first; the reason's only once the definition is valid
    const definition = error.issues.filter((issue) => issue.path[0] !== 'reason');
    if (definition.length > 0) return { errors: fieldErrors({ issues: definition }), message: 'checkFields', values };
    return { errors: { reason: ['原因最多500个字'] }, message: 'checkFields', values, needsReason: true };
  },
  run: async ({ input: { planSlug, id, reason, ...fields }, user, values }) => {
    const result = await saveIndicator(planSlug, id, fields, user, reason === '' ? null : reason);
    if (!result.ok) return refusalState(result, values);
    revalidatePlans(planSlug);
    return { ok: true, message: id === null ? 'indicatorCreated' : 'indicatorSaved', indicatorId: result.value.id, values };
  },
});

const readIndicatorRef = (formData: FormData) => ({ planSlug: formData.get('planSlug') ?? '', id: formData.get('id') });

/** Removing is for mistakes; an indicator with figures is refused (archive it instead). */
export const removeIndicatorAction = formAction<typeof indicatorRefSchema, PlanFormState>('plans.manage', {
  schema: indicatorRefSchema,
  read: readIndicatorRef,
  invalid: () => ({ message: 'refusal.notFound' }),
  run: async ({ input: ref, user }) => {
    const result = await removeIndicator(ref.planSlug, ref.id, user);
    if (!result.ok) return refusalState(result);
    revalidatePlans(ref.planSlug);
    return { ok: true, message: 'indicatorRemoved' };
  },
});

export const archiveIndicatorAction = formAction<typeof indicatorRefSchema, PlanFormState>('plans.manage', {
  schema: indicatorRefSchema,
  read: readIndicatorRef,
  invalid: () => ({ message: 'refusal.notFound' }),
  run: async ({ input: ref, user }) => {
    const result = await archiveIndicator(ref.planSlug, ref.id, user, null);
    if (!result.ok) return refusalState(result);
    revalidatePlans(ref.planSlug);
    return { ok: true, message: 'indicatorArchived' };
  },
});

/** Moves one indicator a place up or down; the plan is renumbered 1…n. */
export const moveIndicatorAction = formAction<typeof moveIndicatorSchema, PlanFormState>('plans.manage', {
  schema: moveIndicatorSchema,
  read: (formData) => ({ ...readIndicatorRef(formData), direction: formData.get('direction') }),
  invalid: () => ({ message: 'refusal.notFound' }),
  run: async ({ input: ref, user }) => {
    const plan = await loadPlan(ref.planSlug);
    if (!plan) return { message: 'refusal.notFound' };
    const ids = plan.indicators.map((i) => i.id);
    const from = ids.indexOf(ref.id);
    const to = from + (ref.direction === 'up' ? -1 : 1);
    if (from < 0) return { message: 'refusal.notFound' };
    if (to < 0 || to >= ids.length) return { ok: true, message: 'indicatorMoved' };
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    const result = await reorderIndicators(ref.planSlug, ids, user);
    if (!result.ok) return refusalState(result);
    revalidatePlans(ref.planSlug);
    return { ok: true, message: 'indicatorMoved' };
  },
});

const signOffFormSchema = signOffSchema.and(planRefSchema);

/** The sign-off block (落款) printed under the plan's reports; empty fields print as blank lines. */
export const setSignOffAction = formAction<typeof signOffFormSchema, PlanFormState>('plans.manage', {
  schema: signOffFormSchema,
  read: (formData) => ({ ...readPlanRef(formData), ...Object.fromEntries(SIGN_OFF_FIELDS.map((field) => [field, String(formData.get(field) ?? '')])) }),
  values: SIGN_OFF_FIELDS,
  invalid: notFoundIf(['slug']),
  run: async ({ input: { slug, ...signOff }, values }) => {
    const result = await setPlanSignOff(slug, signOff);
    if (!result.ok) return { message: `refusal.${result.reason}`, values };
    revalidatePlans(slug);
    return { ok: true, message: 'signOffSaved' };
  },
});
