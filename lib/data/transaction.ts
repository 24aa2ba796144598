/**
 * The one way lib/data's write modules run a transaction, and the one way they refuse inside it.
 *
 * A check that guards a write must hold when many requests arrive at once: each write either puts its
 * precondition in the UPDATE's WHERE (and refuses when nothing matched), or first locks the rows it
 * decides on (`bumpPlanDataVersion`, `lockPlanExclusive`, `lockRowsForUpdate`, `advisoryLock`) and then reads
 * them. Under READ COMMITTED every statement after a lock was granted sees what the holder committed.
 */
import { getPrisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

export type Tx = Prisma.TransactionClient;

/** A seed runs once at start, maybe on a busy machine: it waits for a connection and works as long as it needs. */
export const SEED_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;

/** Thrown inside a transaction to roll everything back and answer with `refusal`. */
export class Refused<R = unknown> extends Error {
  constructor(readonly refusal: R) {
    super(typeof refusal === 'string' ? refusal : String((refusal as { reason?: unknown } | null)?.reason ?? 'refused'));
  }
}

export type TransactionResult<T, R> = { ok: true; value: T } | { ok: false; refusal: R };

/**
 * Runs `work` in one interactive transaction. A `Refused` thrown inside rolls back and comes back as
 * `{ ok: false, refusal }`; any other error rolls back and is rethrown.
 */
export async function inTransaction<T, R>(work: (tx: Tx) => Promise<T>, options: { timeout?: number } = {}): Promise<TransactionResult<T, R>> {
  try {
    // Waiting for a pooled connection is normal under load; a refusal must come from the data, not the pool.
    return { ok: true, value: await getPrisma().$transaction(work, { maxWait: 15_000, timeout: options.timeout ?? 15_000 }) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: error.refusal as R };
    throw error;
  }
}

export function isUniqueViolation(error: unknown): error is Prisma.PrismaClientKnownRequestError {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Data writes (figures, and every write that bumps the plan's data version) hold their plan's row with
 * the version bump itself (`bumpPlanDataVersion` in ./plan-version.ts, an UPDATE: FOR NO KEY UPDATE);
 * plan and definition changes take it FOR UPDATE (`lockPlanExclusive`). So an archive, a change of the
 * plan's years or of a definition never interleaves with a figure write of the same plan.
 *
 * `lockPlanShared` is kept for code written before the data version: it now takes the same lock as the
 * bump (FOR NO KEY UPDATE, not FOR SHARE), so a transaction that locks first and bumps later cannot
 * deadlock with another one doing the same. Prefer calling `bumpPlanDataVersion` directly.
 */
export async function lockPlanShared(tx: Tx, planId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Plan" WHERE id = ${planId} FOR NO KEY UPDATE`;
}

export async function lockPlanExclusive(tx: Tx, planId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Plan" WHERE id = ${planId} FOR UPDATE`;
}

/** Locks the given observations (in id order, so two writers never deadlock) until the transaction ends. */
export async function lockObservations(tx: Tx, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "Observation" WHERE id = ANY(${[...ids]}::int[]) ORDER BY id FOR UPDATE`;
}

/**
 * A transaction-scoped advisory lock on (namespace, key): two transactions asking for the same pair run
 * one after the other. Namespaces keep unrelated keys apart; take several locks in a fixed order.
 */
export async function advisoryLock(tx: Tx, namespace: number, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${namespace}::int, hashtext(${key}))`;
}

/**
 * Advisory-lock namespaces (the first argument of pg_advisory_xact_lock(int, int)). 1 and 2 are taken
 * by the database function reserve_sign_in_attempt (sign-in throttling: username, address).
 */
export const LOCK = {
  adminAccounts: 3,
  currentPlan: 4,
  /** reference-value imports of one plan (key: the plan id): two confirms run one after the other */
  benchmarkImport: 5,
} as const;
