/**
 * Production hides a server error's message from the browser and passes only its `digest`; Next keeps a
 * digest the error already has. lib/db.ts gives every error from the database this prefix, so that the
 * error pages (app/error.tsx, app/global-error.tsx, client components) can say "database unreachable"
 * only when the database is the cause, and a plain "something went wrong" otherwise.
 */
export const DATABASE_ERROR_DIGEST = 'database-error';

export function isDatabaseError(error: unknown): boolean {
  const digest = typeof error === 'object' && error !== null && 'digest' in error ? error.digest : undefined;
  return typeof digest === 'string' && digest.startsWith(DATABASE_ERROR_DIGEST);
}
