// Sign-in with throttling per username and per address, counted in PostgreSQL (shared by all instances).
import { APIError } from 'better-auth/api';
import { clearUsernameFailures, dropExpiredAttempts, releaseSignInAttempt, reserveSignInAttempt } from '@/lib/data/sign-in-failures';
import { findSignInAccount } from '@/lib/data/users';
import { ACCOUNT_DISABLED, getAuth } from './auth';
import { SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_SECONDS } from './config';
import { hashPassword, verifyPassword } from './password';

/** A disabled account gets `invalid` too: the answer never tells whether its password was right. */
export type SignInResult = 'ok' | 'invalid' | 'throttled';

/** The per-address key when the client's address cannot be known (no trusted proxy). */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * The client's address, for the per-address limit.
 *
 * With TRUST_PROXY=1 (the app runs behind a reverse proxy that appends the client's address, nginx:
 * `proxy_add_x_forwarded_for`) it is the right-most X-Forwarded-For entry, the one that proxy wrote.
 *
 * Without it the header is the client's own word and is ignored. Next.js does not give server actions
 * the socket's address (there is no request object; `next start` only fills X-Forwarded-For with it
 * when the client sent none, so a forged header replaces it), so every attempt counts under one key,
 * UNKNOWN_ADDRESS: the per-address limit then holds for all clients together and cannot be dodged by
 * sending a different header each time. The per-username limit is the same either way.
 */
export function clientAddress(requestHeaders: Headers, env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.TRUST_PROXY !== '1') return UNKNOWN_ADDRESS;
  const forwarded = requestHeaders.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  return last ? last.slice(0, 100) : UNKNOWN_ADDRESS;
}

const WINDOW = { limit: SIGN_IN_MAX_FAILURES, seconds: SIGN_IN_WINDOW_SECONDS };

/**
 * Signs in through better-auth; on success the session cookie is set (nextCookies) on this response.
 * The attempt is reserved (counted) before the password is checked, atomically with the count of the
 * window, so parallel guesses cannot get more than the limit evaluated (lib/data/sign-in-failures.ts).
 */
export async function signInWithPassword(username: string, password: string, requestHeaders: Headers): Promise<SignInResult> {
  const normalized = username.trim().toLowerCase();
  const reservation = await reserveSignInAttempt(normalized, clientAddress(requestHeaders), WINDOW);
  if (reservation === null) return 'throttled';
  let result: SignInResult;
  try {
    result = await evaluate(normalized, password, requestHeaders);
  } catch (error) {
    // not evaluated (e.g. the database went away): the attempt does not count
    await releaseSignInAttempt(reservation).catch(() => {});
    throw error;
  }
  if (result === 'ok') await clearUsernameFailures(normalized);
  else await dropExpiredAttempts(WINDOW);
  return result;
}

async function evaluate(username: string, password: string, requestHeaders: Headers): Promise<SignInResult> {
  const account = await findSignInAccount(username);
  if (account?.disabled) {
    // the same work as a wrong password (one argon2 verification), and the same answer
    if (account.passwordHash) await verifyPassword({ hash: account.passwordHash, password });
    else await hashPassword(password);
    return 'invalid';
  }
  try {
    await getAuth().api.signInUsername({ body: { username, password, rememberMe: true }, headers: requestHeaders });
    return 'ok';
  } catch (error) {
    // ACCOUNT_DISABLED: disabled between the check above and the session (lib/auth/auth.ts refuses it)
    if (error instanceof APIError && (error.body as { code?: string } | undefined)?.code === ACCOUNT_DISABLED) return 'invalid';
    if (error instanceof APIError && error.statusCode < 500) return 'invalid';
    throw error;
  }
}

/** Ends the current session (database row and cookie). */
export async function signOutCurrentSession(requestHeaders: Headers): Promise<void> {
  await getAuth().api.signOut({ headers: requestHeaders }).catch(() => {});
}
