import { getPrisma } from '@/lib/db';
import type { ApiTokenSummary } from './types';

export async function listApiTokens(): Promise<ApiTokenSummary[]> {
  const rows = await getPrisma().apiToken.findMany({ include: { createdBy: { select: { name: true } } }, orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }] });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdByName: row.createdBy.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}

export async function createApiToken(data: { name: string; tokenHash: string; prefix: string; createdById: string }): Promise<number> {
  const row = await getPrisma().apiToken.create({ data });
  return row.id;
}

/** Revokes a token; false when there is no such token or it was already revoked. */
export async function revokeApiToken(id: number): Promise<boolean> {
  const result = await getPrisma().apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return result.count > 0;
}

/** The live token with this hash (marking it used), or null when unknown or revoked. */
export async function findLiveApiToken(tokenHash: string): Promise<{ id: number; name: string } | null> {
  const row = await getPrisma().apiToken.findUnique({ where: { tokenHash }, select: { id: true, name: true, revokedAt: true } });
  if (!row || row.revokedAt) return null;
  await getPrisma().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { id: row.id, name: row.name };
}
