// Sign-in attempts, counted in PostgreSQL so that every app instance sees the same numbers.
//
// An attempt is reserved BEFORE its password is checked, in the same transaction that counts the
// window, under advisory locks on the username and on the address: so however many attempts arrive at
// once, at most `limit` per username (and per address) are ever evaluated in a window. A reserved row
// counts as a failure; a successful sign-in removes the username's rows (its count starts again).
import { getPrisma } from '@/lib/db';

export interface ThrottleWindow {
  /** at most this many attempts per username and per address… */
  limit: number;
  /** …within this many seconds */
  seconds: number;
}

/**
 * Counts the recent attempts for `username` and for `address` and, when both are below the limit,
 * records this attempt — atomically, under advisory locks on the username and on the address, in one
 * round trip (the database function reserve_sign_in_attempt, prisma/migrations/…_sign_in_reservation).
 * Returns the reservation's id, or null when the attempt is throttled.
 */
export async function reserveSignInAttempt(username: string, address: string, window: ThrottleWindow): Promise<bigint | null> {
  const [row] = await getPrisma().$queryRaw<{ id: bigint | null }[]>`
    SELECT reserve_sign_in_attempt(${username}::text, ${address}::text, ${window.limit}::int, ${window.seconds}::float8) AS id`;
  return row?.id ?? null;
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
