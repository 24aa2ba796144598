/**
 * The session cookie, checked the way better-auth signs it (better-call's signed cookies: the value is
 * `<token>.<base64 HMAC-SHA256(secret, token)>`, URI-encoded), without better-auth's getSession — which
 * reads the session and its account again (two more statements, ~5 ms of CPU per request) before
 * lib/auth/session.ts reads them once more with the account's assignments. The signature is compared in
 * constant time; only the cookie name better-auth itself sets is read (with the __Secure- prefix when
 * secure cookies are on), so a plain cookie planted next to a secure one is ignored. The header is parsed
 * by better-call's own parser (the first of two cookies of one name wins, as in better-auth's sign-out),
 * and the signature must be strict base64 as better-call's atob requires.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseCookies } from 'better-call';

export const SESSION_COOKIE_PREFIX = 'pim';

export function sessionCookieName(secure: boolean): string {
  return `${secure ? '__Secure-' : ''}${SESSION_COOKIE_PREFIX}.session_token`;
}

/** The session token of a request's Cookie header when its signature is right, else null. */
export function verifiedSessionToken(cookieHeader: string | null, secret: string, secure: boolean): string | null {
  if (!cookieHeader) return null;
  const value = parseCookies(cookieHeader).get(sessionCookieName(secure));
  if (!value) return null;
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (!/^[A-Za-z0-9+/]{43}=$/.test(signature)) return null;
  const given = Buffer.from(signature, 'base64');
  const expected = createHmac('sha256', secret).update(token, 'utf8').digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}
