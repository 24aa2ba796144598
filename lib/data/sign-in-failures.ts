// Sign-in attempts, counted in PostgreSQL so that every app instance sees the same numbers.
//
// An attempt is reserved BEFORE its password is checked, in the same transaction that counts the
// window, under advisory locks on the username and on the address: so however many attempts arrive at
// once, at most `limit` per username (and per address) are ever evaluated in a window. A reserved row
// counts as a failure; a successful sign-in removes the username's rows (its count starts again).
import { getPrisma } from '@/lib/db';
import { advisoryLock, LOCK } from './transaction';

export interface ThrottleWindow {
  /** at most this many attempts per username and per address… */
  limit: number;
  /** …within this many seconds */
  seconds: number;
}

/**
 * Counts the recent attempts for `username` and for `address` and, when both are below the limit,
 * records this attempt — all in one transaction holding the username's and the address's advisory
 * locks (always in that order). Returns the reservation's id, or null when the attempt is throttled.
 */
export async function reserveSignInAttempt(username: string, address: string, window: ThrottleWindow): Promise<bigint | null> {
  return getPrisma().$transaction(
    async (tx) => {
      await advisoryLock(tx, LOCK.signInUsername, username);
      await advisoryLock(tx, LOCK.signInAddress, address);
      const [counts] = await tx.$queryRaw<{ byUsername: number; byAddress: number }[]>`
        SELECT count(*) FILTER (WHERE username = ${username})::int AS "byUsername",
               count(*) FILTER (WHERE ip = ${address})::int AS "byAddress"
        FROM "SignInFailure"
        WHERE (username = ${username} OR ip = ${address}) AND "createdAt" >= now() - make_interval(secs => ${window.seconds}::float8)`;
      if (!counts || counts.byUsername >= window.limit || counts.byAddress >= window.limit) return null;
      const row = await tx.signInFailure.create({ data: { username, ip: address }, select: { id: true } });
      return row.id;
    },
    // many attempts at once wait for the lock in turn; each holds it for two short statements
    { maxWait: 15_000, timeout: 15_000 },
  );
}

/** The attempt could not be evaluated (a server error): it does not count. */
export async function releaseSignInAttempt(id: bigint): Promise<void> {
  await getPrisma().signInFailure.deleteMany({ where: { id } });
}

/** Drops rows older than the window, so the table stays small. */
export async function dropExpiredAttempts(window: ThrottleWindow): Promise<void> {
  await getPrisma().$executeRaw`DELETE FROM "SignInFailure" WHERE "createdAt" < now() - make_interval(secs => ${window.seconds}::float8)`;
}

/** After a successful sign-in the username's count starts again (other usernames' rows from the address stay). */
export async function clearUsernameFailures(username: string): Promise<void> {
  await getPrisma().signInFailure.deleteMany({ where: { username } });
}
