import { getPrisma, markDatabaseError } from '@/lib/db';
import { isDatabaseError } from '@/lib/http/error-digest';

export type DatabaseHealth = { ok: true; latencyMs: number } | { ok: false; reason: 'notConfigured' | 'unreachable' };

export async function checkDatabase(): Promise<DatabaseHealth> {
  if (!process.env.DATABASE_URL) return { ok: false, reason: 'notConfigured' };
  const started = performance.now();
  try {
    await getPrisma().$queryRaw`SELECT 1`;
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
}

/**
 * Gives an error the database digest when the database is its cause: already marked, marked somewhere in
 * its `cause` chain (a library that wraps the query's error), or the database does not answer now.
 * Next's own control-flow errors (redirect, notFound, dynamic usage) carry a digest and pass unchanged.
 */
export async function attributeToDatabase(error: unknown): Promise<unknown> {
  if (!(error instanceof Error) || 'digest' in error) return error;
  for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) {
    if (isDatabaseError(cause)) return markDatabaseError(error);
  }
  return (await checkDatabase()).ok ? error : markDatabaseError(error);
}
