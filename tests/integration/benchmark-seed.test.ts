// npm run db:seed on a fresh database stores every reference value, county evaluation, supplementary
// series and history figure the plan text states (lib/plans/luquan-2021-2025-benchmarks.ts), with its
// source sentence, and nothing else; a second run changes nothing, and rows edited in the app stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import {
  LUQUAN_2021_2025_GARBLED,
  LUQUAN_2021_2025_HISTORY,
  LUQUAN_2021_2025_REFERENCE_VALUES,
  LUQUAN_2021_2025_SUPPLEMENTARY_SERIES,
} from '@/lib/plans/luquan-2021-2025-benchmarks';
import { seedDatabase } from '@/prisma/seed';
import { createTestDatabase, migrate, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase('benchmark_seed');
  migrate(database.url);
  await seedDatabase(database.url);
  prisma = createPrisma(database.url);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

const subjectLabel = async (row: { indicatorId: number | null; seriesId: number | null }) =>
  row.indicatorId !== null
    ? `表1-${(await prisma.indicator.findUniqueOrThrow({ where: { id: row.indicatorId } })).sequence}`
    : (await prisma.supplementarySeries.findUniqueOrThrow({ where: { id: row.seriesId! } })).key;
const seedLabel = (s: { type: 'indicator'; sequence: number } | { type: 'series'; key: string }) => (s.type === 'indicator' ? `表1-${s.sequence}` : s.key);

describe('benchmark seed (what the plan text states, nothing else)', () => {
  it('stores the ten supplementary series apart from 表1', async () => {
    const rows = await prisma.supplementarySeries.findMany({ orderBy: { position: 'asc' } });
    expect(rows.map((r) => [r.key, r.name, r.unit])).toEqual(LUQUAN_2021_2025_SUPPLEMENTARY_SERIES.map((s) => [s.key, s.name, s.unit]));
    expect(await prisma.indicator.count()).toBe(16);
    expect(await prisma.seriesFigure.count()).toBe(0); // no yearly figures invented
  });

  it('stores exactly the 20 reference values, values exact, each with its source sentence', async () => {
    const rows = await prisma.referenceValue.findMany({ orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(LUQUAN_2021_2025_REFERENCE_VALUES.length);
    const stored = await Promise.all(rows.map(async (r) => [await subjectLabel(r), r.kind, r.year, r.value.toString(), r.status]));
    const expected = LUQUAN_2021_2025_REFERENCE_VALUES.map((r) => [seedLabel(r.subject), r.kind, r.year, r.value, 'approved']);
    expect(stored.sort()).toEqual(expected.sort());
    for (const seed of LUQUAN_2021_2025_REFERENCE_VALUES) {
      const row = rows.find((r) => r.kind === seed.kind && r.value.toString() === seed.value)!;
      expect(row.source).toContain(seed.source);
      expect(row.source).toContain(seed.section);
    }
    // 258 − 228 = 30: the stated gap stays beside the stated best; "25.59%" stays a share, no maximum reconstructed
    const fiscal = await prisma.supplementarySeries.findFirstOrThrow({ where: { key: 'fiscalStiSpending' } });
    expect((await prisma.referenceValue.findMany({ where: { seriesId: fiscal.id } })).map((r) => r.kind).sort()).toEqual(['cityRank', 'shareOfProvinceBest']);
  });

  it('stores nothing for the garbled "距全市.全省最高三4.59件"', async () => {
    const patents = await prisma.indicator.findFirstOrThrow({ where: { sequence: 11 } });
    const kinds = (await prisma.referenceValue.findMany({ where: { indicatorId: patents.id } })).map((r) => r.kind).sort();
    expect(kinds).toEqual(['cityRank', 'provinceRank']);
    expect(LUQUAN_2021_2025_GARBLED).toHaveLength(1);
    expect(await prisma.referenceValue.count({ where: { value: 4.59 } })).toBe(0);
  });

  it('stores the county evaluation: first in the province in 2018, 2019 and 2020, class and score unknown', async () => {
    const rows = await prisma.countyEvaluation.findMany({ orderBy: { year: 'asc' } });
    expect(rows.map((r) => [r.year, r.provinceRank, r.grade, r.score, r.status])).toEqual([
      [2018, 1, null, null, 'approved'],
      [2019, 1, null, null, 'approved'],
      [2020, 1, null, null, 'approved'],
    ]);
    expect(rows[0]!.source).toContain('2018年到2020年连续三年位居全省县域科技创新能力评价第1名');
  });

  it('stores the 2015 and 2020 history figures with the plan text as source', async () => {
    const rows = await prisma.historyFigure.findMany();
    expect(rows).toHaveLength(LUQUAN_2021_2025_HISTORY.length);
    const stored = await Promise.all(rows.map(async (r) => `${await subjectLabel(r)}@${r.year}=${r.value.toString()}`));
    expect(stored.sort()).toEqual(LUQUAN_2021_2025_HISTORY.map((h) => `${seedLabel(h.subject)}@${h.year}=${h.value}`).sort());
    expect(stored).toEqual(expect.arrayContaining(['fiscalStiSpending@2015=5495', 'fiscalStiSpending@2020=10264', '表1-6@2015=44', '表1-7@2015=214', '表1-10@2015=22']));
    for (const row of rows) expect(row.source.length).toBeGreaterThan(5);
  });

  it('is idempotent and leaves rows edited in the app as they are', async () => {
    const before = await prisma.referenceValue.count();
    const edited = await prisma.referenceValue.findFirstOrThrow({ where: { kind: 'provinceBest', value: 258 } });
    await prisma.referenceValue.update({ where: { id: edited.id }, data: { note: '已核对', version: 2 } });
    await seedDatabase(database.url);
    expect(await prisma.referenceValue.count()).toBe(before);
    expect(await prisma.historyFigure.count()).toBe(LUQUAN_2021_2025_HISTORY.length);
    expect(await prisma.countyEvaluation.count()).toBe(3);
    expect(await prisma.supplementarySeries.count()).toBe(10);
    expect((await prisma.referenceValue.findUniqueOrThrow({ where: { id: edited.id } })).note).toBe('已核对');
  });
});
