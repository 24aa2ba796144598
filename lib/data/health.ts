import { getPrisma } from '@/lib/db';

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
