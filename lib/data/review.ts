/**
 * Reads and writes of the review queue beyond a single figure: the history events that say when a
 * figure was submitted and why it was returned before, and batch approval.
 */
import { getPrisma } from '@/lib/db';
import { transitionFigure, type Actor, type WriteResult } from './figure-writes';
import type { ReviewEvent } from './types';

/** The submit and return events of the given figures (and the approvals and unlocks between), in the order written. */
export async function getReviewEvents(observationIds: readonly number[]): Promise<ReviewEvent[]> {
  if (observationIds.length === 0) return [];
  const rows = await getPrisma().figureEvent.findMany({
    where: { observationId: { in: [...observationIds] }, OR: [{ newStatus: 'submitted' }, { action: { in: ['return', 'approve', 'unlock'] } }] },
    select: { observationId: true, action: true, newStatus: true, actorName: true, at: true, reason: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}

/** One figure of a batch: its id and the version the reviewer saw. */
export interface BatchItem {
  id: number;
  version: number;
}

/**
 * Approves each figure that is still submitted at the version the reviewer saw, item by item: each
 * approval is its own transaction whose UPDATE repeats the version and status (lib/data/figure-writes
 * transitionFigure), so two reviewers approving overlapping batches at once approve each figure once and
 * write its history once; the other gets a conflict for that item. The results are in the batch's order.
 */
export async function approveFigures(items: readonly BatchItem[], actor: Actor): Promise<{ id: number; result: WriteResult }[]> {
  const results: { id: number; result: WriteResult }[] = [];
  for (const item of items) {
    results.push({ id: item.id, result: await transitionFigure({ id: item.id, version: item.version, action: 'approve' }, actor) });
  }
  return results;
}
