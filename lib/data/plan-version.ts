/**
 * The per-plan data version: `Plan.dataVersion`, a counter bumped in the SAME transaction as every write
 * that can change what a page of the plan shows — figures (save, submit, approve, return, unlock, Excel
 * import), definitions, the plan's own fields and years, due dates, and (as they arrive) key-task reports
 * and benchmarks. lib/loaders keys its in-process caches on (plan id, data version), read with one cheap
 * query per request, so any number of app instances stay correct without a shared cache.
 *
 * The rule for a new write module (lib/data/task-*.ts, lib/data/benchmark-*.ts, …): inside its
 * `inTransaction`, call `bumpPlanDataVersion(tx, planId)` once per plan it changes, BEFORE it reads what
 * it decides on. The bump is an UPDATE of the plan's row, so it also locks that row until the transaction
 * ends: writes of one plan's data run one at a time, and never during a plan or definition change (which
 * holds the row FOR UPDATE). Bump several plans in ascending id order. Never take the row FOR SHARE first
 * and bump later: two such writers would deadlock (each waiting for the other's share lock).
 *
 * Why it cannot serve stale data: readers read the version first and the data after it; the bump commits
 * atomically with the write. So data cached under version v is never older than v, and the first request
 * after a write's commit reads v + 1 and misses the cache.
 */
import type { Tx } from './transaction';

/** The plan's state a write decides on, read by the bump itself (one statement). */
export interface BumpedPlan {
  id: number;
  status: 'active' | 'archived';
  firstYear: number;
  lastYear: number;
  dataVersion: number;
}

/**
 * Bumps the plan's data version (and sets its updatedAt, the other half of the cache key: a database
 * restored from a backup counts versions again, but never at the same time) and locks its row (FOR NO KEY UPDATE) until the transaction ends; returns
 * the plan's state after the lock, or null when there is no such plan.
 */
export async function bumpPlanDataVersion(tx: Tx, planId: number): Promise<BumpedPlan | null> {
  const rows = await tx.$queryRaw<BumpedPlan[]>`
    UPDATE "Plan" SET "dataVersion" = "dataVersion" + 1, "updatedAt" = clock_timestamp() WHERE id = ${planId}
    RETURNING id, status::text AS status, "firstYear", "lastYear", "dataVersion"`;
  return rows[0] ?? null;
}
