import { getPrisma } from '@/lib/db';
import { decimalToNumber } from './decimal';
import type { Figure } from './types';

/** Every yearly figure of a plan, whatever its review status, ordered by indicator and year (one query). */
export async function getPlanFigures(planId: number): Promise<Figure[]> {
  const rows = await getPrisma().figure.findMany({
    where: { indicator: { planId } },
    orderBy: [{ indicatorId: 'asc' }, { year: 'asc' }],
  });
  return rows.map((row) => ({
    id: row.id,
    indicatorId: row.indicatorId,
    year: row.year,
    value: decimalToNumber(row.value)!,
    status: row.status,
    quality: row.quality,
    source: row.source,
    note: row.note,
    version: row.version,
    reviewNote: row.reviewNote,
    updatedByName: row.updatedByName,
    isSample: row.isSample,
    updatedAt: row.updatedAt.toISOString(),
  }));
}
