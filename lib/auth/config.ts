// Settings of accounts and sessions in one place (the README documents them).

/** A session ends this long after sign-in, however active (cookie Max-Age and the database's expiresAt). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/** …and this long after the last request (judged on the server from Session.updatedAt). */
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
/** Session.updatedAt is written at most this often, not on every request. */
export const SESSION_TOUCH_SECONDS = 60;

/** Sign-in throttling: at most this many failures per username and per IP within the window. */
export const SIGN_IN_MAX_FAILURES = 10;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

/** Accounts have no e-mail; better-auth requires a unique one, so each gets a reserved-domain address. */
export function placeholderEmail(username: string): string {
  return `${username.toLowerCase()}@users.invalid`;
}

/** Cookies are Secure in production unless the app is explicitly served over plain http (BETTER_AUTH_URL=http://…). */
export function secureCookiesEnabled(): boolean {
  if (process.env.NODE_ENV !== 'production') return false;
  return !(process.env.BETTER_AUTH_URL ?? '').startsWith('http://');
}

export class MissingSecretError extends Error {
  constructor() {
    super('BETTER_AUTH_SECRET is not set; it is required in production (at least 32 random characters)');
  }
}

export function authSecret(): string {
  // better-auth would sign with the first of BETTER_AUTH_SECRETS, while lib/auth/session-cookie.ts checks
  // against this one: refuse the setting rather than sign everybody out on every request
  if (process.env.BETTER_AUTH_SECRETS) throw new Error('BETTER_AUTH_SECRETS is not supported; set BETTER_AUTH_SECRET (one secret, at least 32 characters)');
  const secret = process.env.BETTER_AUTH_SECRET;
  if (secret && secret.length >= 32) return secret;
  if (process.env.NODE_ENV === 'production') throw new MissingSecretError();
  // development and tests only: a fixed, obviously-unsafe value so that sessions survive reloads
  return secret || 'development-only-secret-not-for-production-use';
}
