'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/action';
import { saveEvaluationPreface } from '@/lib/data/evaluation-prefaces';
import { loadPlan } from '@/lib/loaders';
import { evaluationPrefaceSchema } from '@/lib/schemas/evaluation';
import { fieldErrors, typedValues, type FormState } from '@/lib/schemas/form-state';
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
export async function saveEvaluationPrefaceAction(_previous: PrefaceFormState, formData: FormData): Promise<PrefaceFormState> {
  const { user, refusal } = await authorizeAction('plans.manage');
  if (refusal) return refusal;
  const values = typedValues(formData, ['text', 'version']);
  const plan = await loadPlan(String(formData.get('slug') ?? ''));
  const year = plan ? parseYear(formData.get('year'), plan) : null;
  if (!plan || year === null) return { message: REFUSALS.notFound, values };
  const parsed = evaluationPrefaceSchema.safeParse({ text: formData.get('text') ?? '', version: formData.get('version') ?? '0' });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: '请检查填写的内容。', values };
  const result = await saveEvaluationPreface(plan.slug, year, parsed.data.text, parsed.data.version, { id: user.id, name: user.name });
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
}
