// Sign-in with throttling per username and per IP, counted in PostgreSQL (shared by all instances).
import { APIError } from 'better-auth/api';
import { clearUsernameFailures, countRecentFailures, recordFailure } from '@/lib/data/sign-in-failures';
import { ACCOUNT_DISABLED, getAuth } from './auth';
import { SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_SECONDS } from './config';

export type SignInResult = 'ok' | 'invalid' | 'throttled' | 'disabled';

/**
 * The client's address: the right-most X-Forwarded-For entry, which is the one the nearest reverse
 * proxy (or Next itself, when there is none) wrote. Without a proxy a client can send its own header;
 * the per-username limit still holds then.
 */
export function clientIp(requestHeaders: Headers): string {
  const forwarded = requestHeaders.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  return last || requestHeaders.get('x-real-ip') || 'unknown';
}

/** Signs in through better-auth; on success the session cookie is set (nextCookies) on this response. */
export async function signInWithPassword(username: string, password: string, requestHeaders: Headers): Promise<SignInResult> {
  const normalized = username.trim().toLowerCase();
  const ip = clientIp(requestHeaders);
  const windowStart = new Date(Date.now() - SIGN_IN_WINDOW_SECONDS * 1000);
  const counts = await countRecentFailures(normalized, ip, windowStart);
  if (counts.byUsername >= SIGN_IN_MAX_FAILURES || counts.byIp >= SIGN_IN_MAX_FAILURES) return 'throttled';
  try {
    await getAuth().api.signInUsername({ body: { username: normalized, password, rememberMe: true }, headers: requestHeaders });
  } catch (error) {
    if (error instanceof APIError && (error.body as { code?: string } | undefined)?.code === ACCOUNT_DISABLED) return 'disabled';
    if (error instanceof APIError && error.statusCode < 500) {
      await recordFailure(normalized, ip, windowStart);
      return 'invalid';
    }
    throw error;
  }
  await clearUsernameFailures(normalized);
  return 'ok';
}

/** Ends the current session (database row and cookie). */
export async function signOutCurrentSession(requestHeaders: Headers): Promise<void> {
  await getAuth().api.signOut({ headers: requestHeaders }).catch(() => {});
}
