'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/action';
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
import { loadPlan } from '@/lib/loaders';
import { parsePlanTableWorkbook } from '@/lib/import/plan-table-workbook';
import { fieldErrors, typedValues, type FormState } from '@/lib/schemas/form-state';
import { parseId } from '@/lib/schemas/params';
import { dueDateSchema, indicatorFieldsSchema, planFieldsSchema, planSlugSchema } from '@/lib/schemas/plan';
import { fileTooLargeMessage, PLAN_TABLE_UPLOAD_MAX_BYTES, PLAN_TABLE_UPLOAD_MAX_MB } from '@/lib/schemas/uploads';

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
  'attribute', 'direction', 'decimals', 'responsibleUnit', 'contact', 'definition', 'nameEn', 'unitEn', 'categoryEn',
] as const;

function readFields<K extends string>(formData: FormData, keys: readonly K[]): Record<K, FormDataEntryValue | null> {
  return Object.fromEntries(keys.map((k) => [k, formData.get(k)])) as Record<K, FormDataEntryValue | null>;
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

/** Plan fields and slug as typed; null when any is invalid (errors filled in). */
function readPlanForm(formData: FormData) {
  const values = typedValues(formData, [...PLAN_FIELDS, 'slug', 'categories', 'sourceSlug']);
  const fields = planFieldsSchema.safeParse(readFields(formData, PLAN_FIELDS));
  const slug = planSlugSchema.safeParse(formData.get('slug') ?? '');
  const errors = { ...(fields.success ? {} : fieldErrors(fields.error)), ...(slug.success ? {} : { slug: slug.error.issues.map((i) => i.message) }) };
  if (!fields.success || !slug.success) return { values, errors };
  return { values, fields: fields.data, slug: slug.data };
}

function categoryLines(text: FormDataEntryValue | null): string[] {
  const lines = String(text ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return [...new Set(lines)];
}

/** An empty plan: its fields and categories (one a line); indicators are added afterwards. */
export async function createPlanAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const { user, refusal } = await authorizeAction('plans.manage');
  if (refusal) return refusal;
  const read = readPlanForm(formData);
  const categories = categoryLines(formData.get('categories'));
  const errors: Record<string, string[]> = { ...(read.errors ?? {}) };
  if (categories.length === 0) errors.categories = ['请至少填写一个类别，每行一个'];
  else if (categories.some((c) => c.length > 20)) errors.categories = ['类别最多20个字'];
  if (!read.fields || Object.keys(errors).length > 0) return { errors, message: 'checkFields', values: read.values };
  const result = await createPlan(read.slug, read.fields, { categories }, user);
  if (!result.ok) return refusalState(result, read.values);
  revalidatePlans();
  return { ok: true, message: 'planCreated', slug: read.slug };
}

/** A new plan with the categories and indicator definitions of an existing one (no figures). */
export async function copyPlanAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const { user, refusal } = await authorizeAction('plans.manage');
  if (refusal) return refusal;
  const read = readPlanForm(formData);
  const source = planSlugSchema.safeParse(formData.get('sourceSlug') ?? '');
  const errors: Record<string, string[]> = { ...(read.errors ?? {}) };
  if (!source.success) errors.sourceSlug = ['请选择要复制的规划'];
  if (!read.fields || !source.success || Object.keys(errors).length > 0) return { errors, message: 'checkFields', values: read.values };
  const result = await copyPlan(source.data, read.slug, read.fields, user);
  if (!result.ok) return result.reason === 'notFound' ? { errors: { sourceSlug: ['请选择要复制的规划'] }, message: 'checkFields', values: read.values } : refusalState(result, read.values);
  revalidatePlans();
  return { ok: true, message: 'planCopied', slug: read.slug };
}

/** A new plan from a 表1-layout .xlsx: every row checked; nothing is created unless all rows are valid. */
export async function importPlanAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const { user, refusal } = await authorizeAction('plans.manage');
  if (refusal) return refusal;
  const read = readPlanForm(formData);
  const file = formData.get('file');
  const errors: Record<string, string[]> = { ...(read.errors ?? {}) };
  if (!(file instanceof File) || file.size === 0) errors.file = ['请选择表1格式的 .xlsx 文件'];
  else if (file.size > PLAN_TABLE_UPLOAD_MAX_BYTES) errors.file = [fileTooLargeMessage(PLAN_TABLE_UPLOAD_MAX_MB)];
  if (!read.fields || Object.keys(errors).length > 0) return { errors, message: 'checkFields', values: read.values };
  let parsed;
  try {
    const bytes = new Uint8Array(await (file as File).arrayBuffer());
    const slot = await withImportSlot(() => parsePlanTableWorkbook(bytes));
    if (!slot.ok) return { errors: { file: [IMPORT_BUSY_MESSAGE] }, message: 'checkFields', values: read.values };
    parsed = slot.value;
  } catch {
    return { errors: { file: ['无法读取该文件，请确认是 .xlsx 格式'] }, message: 'checkFields', values: read.values };
  }
  if (!parsed.ok) return { importErrors: parsed.errors, message: 'importRefused', values: read.values };
  const { baseYear, lastYear, categories, indicators } = parsed.value;
  if (baseYear !== null && baseYear !== read.fields.baseYear) errors.baseYear = [`表格中的基数年份为${baseYear}年，与填写的基期年不一致`];
  if (lastYear !== null && lastYear !== read.fields.lastYear) errors.lastYear = [`表格中的目标年份为${lastYear}年，与填写的目标年不一致`];
  if (indicators.length === 0) errors.file = ['表格中没有指标行'];
  if (Object.keys(errors).length > 0) return { errors, message: 'checkFields', values: read.values };
  const result = await createPlan(read.slug, read.fields, { categories, indicators }, user);
  if (!result.ok) return refusalState(result, read.values);
  revalidatePlans();
  return { ok: true, message: 'planImported', slug: read.slug };
}

export async function updatePlanAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const { user, refusal } = await authorizeAction('plans.manage');
  if (refusal) return refusal;
  const values = typedValues(formData, PLAN_FIELDS);
  const slug = planSlugSchema.safeParse(formData.get('slug') ?? '');
  if (!slug.success) return { message: 'refusal.notFound' };
  const fields = planFieldsSchema.safeParse(readFields(formData, PLAN_FIELDS));
  if (!fields.success) return { errors: fieldErrors(fields.error), message: 'checkFields', values };
  const result = await updatePlan(slug.data, fields.data, user);
  if (!result.ok) return refusalState(result, values);
  revalidatePlans(slug.data);
  return { ok: true, message: 'planSaved' };
}

export async function setCurrentPlanAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const { user, refusal } = await authorizeAction('plans.manage');
  if (refusal) return refusal;
  const slug = planSlugSchema.safeParse(formData.get('slug') ?? '');
  if (!slug.success) return { message: 'refusal.notFound' };
  const result = await setCurrentPlan(slug.data, user);
  if (!result.ok) return refusalState(result);
  revalidatePlans(slug.data);
  return { ok: true, message: 'currentSet' };
}

export async function archivePlanAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const { user, refusal } = await authorizeAction('plans.manage');
  if (refusal) return refusal;
  const slug = planSlugSchema.safeParse(formData.get('slug') ?? '');
  if (!slug.success) return { message: 'refusal.notFound' };
  const result = await archivePlan(slug.data, user);
  if (!result.ok) return refusalState(result);
  revalidatePlans(slug.data);
  return { ok: true, message: 'planArchived' };
}

/** Due dates of the plan years: fields dueDate.<year>; an empty field leaves that year as it is. */
export async function setDueDatesAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const { user, refusal } = await authorizeAction('plans.manage');
  if (refusal) return refusal;
  const slug = planSlugSchema.safeParse(formData.get('slug') ?? '');
  if (!slug.success) return { message: 'refusal.notFound' };
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
  const result = await setDueDates(slug.data, entries, user);
  if (!result.ok) return refusalState(result, values);
  revalidatePlans(slug.data);
  return { ok: true, message: 'dueDatesSaved' };
}

/** Adds (no id) or edits an indicator; a definition change on approved figures needs a reason. */
export async function saveIndicatorAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const { user, refusal } = await authorizeAction('plans.manage');
  if (refusal) return refusal;
  const values = typedValues(formData, [...INDICATOR_FIELDS, 'reason']);
  const slug = planSlugSchema.safeParse(formData.get('planSlug') ?? '');
  if (!slug.success) return { message: 'refusal.notFound', values };
  const rawId = String(formData.get('id') ?? '');
  const id = rawId === '' ? null : parseId(rawId);
  if (rawId !== '' && id === null) return { message: 'refusal.notFound', values };
  const fields = indicatorFieldsSchema.safeParse(readFields(formData, INDICATOR_FIELDS));
  if (!fields.success) return { errors: fieldErrors(fields.error), message: 'checkFields', values };
  const reason = String(formData.get('reason') ?? '').trim();
  if (reason.length > 500) return { errors: { reason: ['原因最多500个字'] }, message: 'checkFields', values, needsReason: true };
  const result = await saveIndicator(slug.data, id, fields.data, user, reason === '' ? null : reason);
  if (!result.ok) return refusalState(result, values);
  revalidatePlans(slug.data);
  return { ok: true, message: id === null ? 'indicatorCreated' : 'indicatorSaved', indicatorId: result.value.id, values };
}

function readIndicatorRef(formData: FormData) {
  const slug = planSlugSchema.safeParse(formData.get('planSlug') ?? '');
  const id = parseId(formData.get('id'));
  return slug.success && id !== null ? { slug: slug.data, id } : null;
}

/** Removing is for mistakes; an indicator with figures is refused (archive it instead). */
export async function removeIndicatorAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const { user, refusal } = await authorizeAction('plans.manage');
  if (refusal) return refusal;
  const ref = readIndicatorRef(formData);
  if (!ref) return { message: 'refusal.notFound' };
  const result = await removeIndicator(ref.slug, ref.id, user);
  if (!result.ok) return refusalState(result);
  revalidatePlans(ref.slug);
  return { ok: true, message: 'indicatorRemoved' };
}

export async function archiveIndicatorAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const { user, refusal } = await authorizeAction('plans.manage');
  if (refusal) return refusal;
  const ref = readIndicatorRef(formData);
  if (!ref) return { message: 'refusal.notFound' };
  const result = await archiveIndicator(ref.slug, ref.id, user, null);
  if (!result.ok) return refusalState(result);
  revalidatePlans(ref.slug);
  return { ok: true, message: 'indicatorArchived' };
}

/** Moves one indicator a place up or down; the plan is renumbered 1…n. */
export async function moveIndicatorAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const { user, refusal } = await authorizeAction('plans.manage');
  if (refusal) return refusal;
  const ref = readIndicatorRef(formData);
  const direction = formData.get('direction');
  if (!ref || (direction !== 'up' && direction !== 'down')) return { message: 'refusal.notFound' };
  const plan = await loadPlan(ref.slug);
  if (!plan) return { message: 'refusal.notFound' };
  const ids = plan.indicators.map((i) => i.id);
  const from = ids.indexOf(ref.id);
  const to = from + (direction === 'up' ? -1 : 1);
  if (from < 0) return { message: 'refusal.notFound' };
  if (to < 0 || to >= ids.length) return { ok: true, message: 'indicatorMoved' };
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  const result = await reorderIndicators(ref.slug, ids, user);
  if (!result.ok) return refusalState(result);
  revalidatePlans(ref.slug);
  return { ok: true, message: 'indicatorMoved' };
}

/** The sign-off block (落款) printed under the plan's reports; empty fields print as blank lines. */
export async function setSignOffAction(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const { refusal } = await authorizeAction('plans.manage');
  if (refusal) return refusal;
  const slug = planSlugSchema.safeParse(formData.get('slug') ?? '');
  if (!slug.success) return { message: 'refusal.notFound' };
  const values = typedValues(formData, [...SIGN_OFF_FIELDS]);
  const parsed = signOffSchema.safeParse(Object.fromEntries(SIGN_OFF_FIELDS.map((field) => [field, String(formData.get(field) ?? '')])));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: 'checkFields', values };
  const result = await setPlanSignOff(slug.data, parsed.data);
  if (!result.ok) return { message: `refusal.${result.reason}`, values };
  revalidatePlans(slug.data);
  return { ok: true, message: 'signOffSaved' };
}
