'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/auth/action';
import { saveEvaluationPreface } from '@/lib/data/evaluation-prefaces';
import { loadPlan } from '@/lib/loaders';
import { evaluationPrefaceFormSchema } from '@/lib/schemas/evaluation';
import type { FormState } from '@/lib/schemas/form-state';
import { parseYear } from '@/lib/schemas/params';

// Messages here are Chinese text (the evaluation report is always Chinese), shown as they are.
export interface PrefaceFormState extends FormState {
  /** the saved (or, after a conflict, the current) version to base the next save on */
  version?: number;
  /** after a conflict: the text someone else saved */
  currentText?: string;
  currentBy?: string | null;
}

const REFUSALS: Record<string, string> = {
  notFound: '找不到这个规划或年份。',
  archived: '规划已归档，不能修改。',
  yearOutsidePlan: '年份不在规划期内。',
};

/** Saves the preface (前言 / 评估说明) of a plan year's evaluation report. Admins only. */
export const saveEvaluationPrefaceAction = formAction<typeof evaluationPrefaceFormSchema, PrefaceFormState>('plans.manage', {
  schema: evaluationPrefaceFormSchema,
  read: (formData) => ({ slug: String(formData.get('slug') ?? ''), year: formData.get('year'), text: formData.get('text') ?? '', version: formData.get('version') ?? '0' }),
  values: ['text', 'version'],
  invalid: '请检查填写的内容。',
  run: async ({ input, user, values }) => {
    const plan = await loadPlan(input.slug);
    const year = plan ? parseYear(input.year, plan) : null;
    if (!plan || year === null) return { message: REFUSALS.notFound, values };
    const result = await saveEvaluationPreface(plan.slug, year, input.text, input.version, { id: user.id, name: user.name });
    if (!result.ok) {
      if (result.reason === 'conflict') {
        return {
          message: `保存前${result.current?.updatedByName ?? '其他人'}已修改了前言，请核对后再保存。`,
          values,
          version: result.current?.version ?? 0,
          currentText: result.current?.text ?? '',
          currentBy: result.current?.updatedByName ?? null,
        };
      }
      return { message: REFUSALS[result.reason] ?? REFUSALS.notFound, values };
    }
    revalidatePath(`/reports/${plan.slug}/${year}/evaluation`);
    return { ok: true, message: '已保存。', version: result.value.version, values: { text: result.value.text, version: String(result.value.version) } };
  },
});
