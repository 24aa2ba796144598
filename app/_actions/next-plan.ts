'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/auth/action';
import { createPlan } from '@/lib/data/plan-writes';
import { loadPlan, loadPlanFigures } from '@/lib/loaders';
import { fieldErrors, typedValues, type FormState } from '@/lib/schemas/form-state';
import { indicatorFieldsSchema, planFieldsSchema, planSlugSchema, planSourceSchema, type IndicatorFields } from '@/lib/schemas/plan';
import { nextPlanDraft } from '@/lib/views/next-plan';

// Messages are Chinese text shown as they are (the plan schemas' own messages, as in ./plans.ts).
export type NextPlanFormState = FormState;

const PLAN_FIELDS = ['name', 'shortName', 'region', 'baseYear', 'firstYear', 'lastYear', 'sourceDocument'] as const;

/**
 * Creates the next plan (e.g. 十五五 2026–2030) from an ended one in one step: the old plan's categories and
 * indicator definitions, each indicator's baseline set to its latest approved figure (proposalRows), and the
 * targets the admin typed or adopted (empty stays 未填写). No figures are copied. Admins only.
 */
export const createNextPlanAction = formAction<typeof planSourceSchema, NextPlanFormState>('plans.manage', {
  schema: planSourceSchema,
  read: (formData) => ({ sourceSlug: String(formData.get('sourceSlug') ?? '') }),
  values: [...PLAN_FIELDS, 'slug'],
  invalid: (_error, values) => ({ message: '找不到原规划。', values }),
  run: async ({ input, user, formData }) => {
    const source = await loadPlan(input.sourceSlug);
    const targetKeys = source ? source.indicators.map((i) => `target.${i.id}`) : [];
    const values = typedValues(formData, [...PLAN_FIELDS, 'slug', ...targetKeys]);
    if (!source) return { message: '找不到原规划。', values };

    const fields = planFieldsSchema.safeParse(Object.fromEntries(PLAN_FIELDS.map((k) => [k, formData.get(k)])));
    const slug = planSlugSchema.safeParse(formData.get('slug') ?? '');
    const errors: Record<string, string[]> = {
      ...(fields.success ? {} : (fieldErrors(fields.error) as Record<string, string[]>)),
      ...(slug.success ? {} : { slug: slug.error.issues.map((i) => i.message) }),
    };

    const draft = nextPlanDraft(source, await loadPlanFigures(source.id));
    const indicators: IndicatorFields[] = [];
    for (const indicator of source.indicators) {
      const row = draft.rows.find((r) => r.indicatorId === indicator.id);
      const typed = String(formData.get(`target.${indicator.id}`) ?? '');
      const parsed = indicatorFieldsSchema.safeParse({
        ...indicator,
        category: indicator.category.name,
        baseline: row?.baselineValue === null || row?.baselineValue === undefined ? null : String(row.baselineValue),
        target: indicator.kind === 'growthRate' ? null : typed,
        annualRate: indicator.kind === 'growthRate' ? typed : null,
        cumulativeIncrease: null,
      });
      if (parsed.success) indicators.push(parsed.data);
      else errors[`target.${indicator.id}`] = parsed.error.issues.map((i) => i.message);
    }
    if (!fields.success || !slug.success || Object.keys(errors).length > 0) return { errors, message: '请检查标出的内容。', values };

    const categories = [...source.categories].sort((a, b) => a.position - b.position).map((c) => c.name);
    const result = await createPlan(slug.data, fields.data, { categories, indicators }, { id: user.id, name: user.name });
    if (!result.ok) {
      if (result.reason === 'slugTaken') return { errors: { slug: ['该标识已被其他规划使用'] }, message: '请检查标出的内容。', values };
      return { message: '未能创建规划，请重试。', values };
    }
    revalidatePath('/admin/plans');
    revalidatePath('/', 'layout');
    redirect(`/admin/plans/${encodeURIComponent(result.value.slug)}`);
  },
});
