'use server';

import { formAction } from '@/lib/auth/action';
import { approveFigures } from '@/lib/data/review';
import type { WriteRefusal } from '@/lib/data/figure-writes';
import { loadReviewQueue } from '@/lib/loaders';
import { batchApproveSchema } from '@/lib/schemas/review';
import type { FormState } from '@/lib/schemas/form-state';

/** Per figure of a batch: approved, or why not (the reasons of lib/data/figure-writes). */
export type BatchItemResult = 'approved' | WriteRefusal['reason'];

export interface BatchApproveState extends FormState {
  /** figure id → its outcome, when the batch ran */
  results?: Record<number, BatchItemResult>;
  /** figures with warnings the reviewer did not confirm: nothing was approved */
  unconfirmed?: number[];
  approved?: number;
  refusedCount?: number;
}

/**
 * Approves the chosen submitted figures. Every figure whose warnings (computed here from the stored
 * figures, not taken from the browser) were not confirmed stops the whole batch before anything is
 * written. Then each figure is approved only if it is still submitted at the version the reviewer saw
 * (lib/data/review approveFigures); each gets its own result.
 */
export const approveFigureBatch = formAction<typeof batchApproveSchema, BatchApproveState>('figures.review', {
  schema: batchApproveSchema,
  // the form's fields: `item` (repeated "id:version") and `confirm` (repeated ids)
  read: (formData) => ({ items: formData.getAll('item'), confirmed: formData.getAll('confirm') }),
  invalid: (error) => {
    const code = error.issues[0]?.message;
    return { message: code === 'noneSelected' ? 'review.batch.noneSelected' : code === 'tooMany' ? 'review.batch.tooMany' : 'entry.badRequest' };
  },
  run: async ({ input: { items, confirmed }, user }) => {
    const queue = new Map((await loadReviewQueue()).map((item) => [item.figure.id, item]));
    const unconfirmed = items
      .filter(({ id, version }) => {
        const item = queue.get(id);
        // a figure no longer at this version is refused below anyway; only the one the reviewer saw needs confirming
        return item !== undefined && item.figure.version === version && item.warnings.length > 0 && !confirmed.includes(id);
      })
      .map((i) => i.id);
    if (unconfirmed.length > 0) return { message: 'review.batch.confirmWarnings', unconfirmed };

    const outcomes = await approveFigures(items, user);
    const results: Record<number, BatchItemResult> = {};
    for (const { id, result } of outcomes) results[id] = result.ok ? 'approved' : result.reason;
    const approved = outcomes.filter((o) => o.result.ok).length;
    // No revalidation, as for a single review: the queue keeps each item with its outcome.
    const refusedCount = outcomes.length - approved;
    return {
      ok: refusedCount === 0,
      message: refusedCount === 0 ? 'review.batch.done' : approved === 0 ? 'review.batch.noneApproved' : 'review.batch.partly',
      results,
      approved,
      refusedCount,
    };
  },
});
