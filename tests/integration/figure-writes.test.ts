import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPlanFigures } from '@/lib/data/figures';
import { getIndicatorHistory, importFigureDrafts, saveFigure, transitionFigure, type Actor } from '@/lib/data/figure-writes';
import { getPlanDetail } from '@/lib/data/plans';
import type { PlanDetail } from '@/lib/data/types';
import { buildFigureTemplate, parseFigureWorkbook } from '@/lib/import/figure-workbook';
import { seedDatabase } from '@/prisma/seed';
import { connectClient, createTestDatabase, migrate, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
let plan: PlanDetail;
const staff: Actor = { id: 'user-staff', name: '张录入' };
const otherStaff: Actor = { id: 'user-staff-2', name: '李录入' };
const reviewer: Actor = { id: 'user-reviewer', name: '王审核' };
const admin: Actor = { id: 'user-admin', name: '赵管理' };

const indicator = (sequence: number) => plan.indicators.find((i) => i.sequence === sequence)!;
const draft = (sequence: number, year: number, value: string, baseVersion = 0) => ({
  indicatorId: indicator(sequence).id, year, value, source: '统计年鉴', quality: 'final' as const, note: null, baseVersion, submit: false,
});

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = await connectClient(database.url);
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createTestDatabase('writes');
  migrate(database.url);
  await seedDatabase(database.url);
  process.env.DATABASE_URL = database.url;
  plan = (await getPlanDetail())!;
});
afterAll(async () => {
  await database?.drop();
});

describe('saving figures', () => {
  it('creates a draft with its history, then refuses a save from a stale version with the newer value and its author', async () => {
    const created = await saveFigure(draft(6, 2021, '262'), staff);
    expect(created).toMatchObject({ ok: true, figure: { value: 262, version: 1, status: 'draft', updatedByName: '张录入' } });
    const edited = await saveFigure(draft(6, 2021, '263', 1), otherStaff);
    expect(edited).toMatchObject({ ok: true, figure: { value: 263, version: 2 } });
    const stale = await saveFigure(draft(6, 2021, '999', 1), staff);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { value: 263, version: 2, updatedByName: '李录入' } });
    const history = await getIndicatorHistory(indicator(6).id);
    expect(history.map((h) => [h.action, h.oldValue, h.newValue, h.actorName])).toEqual([
      ['edit', 262, 263, '李录入'],
      ['create', null, 262, '张录入'],
    ]);
  });

  it('of 50 concurrent saves based on the same version exactly one wins; history has one entry per change', async () => {
    const first = await saveFigure(draft(7, 2021, '905'), staff);
    expect(first.ok).toBe(true);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => saveFigure(draft(7, 2021, String(906 + i), 1), i % 2 ? staff : otherStaff)));
    const winners = results.filter((r) => r.ok);
    const conflicts = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const winner = winners[0]!;
    for (const refusal of conflicts) expect(refusal).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2, value: winner.ok ? winner.figure.value : NaN } });
    const history = await getIndicatorHistory(indicator(7).id);
    expect(history.map((h) => h.action)).toEqual(['edit', 'create']);
    const [row] = await sql<{ value: string; version: number }>('SELECT value::text, version FROM "Observation" WHERE "indicatorId" = $1 AND year = 2021', [indicator(7).id]);
    expect(row).toEqual({ value: `${winner.ok ? winner.figure.value : ''}.000000`, version: 2 });
  });

  it('of 20 concurrent first saves of a new figure exactly one creates it', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => saveFigure(draft(8, 2021, String(60 + i)), staff)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'conflict')).toHaveLength(19);
    expect(await getIndicatorHistory(indicator(8).id)).toHaveLength(1);
  });

  it('runs the review cycle: submit, approve locks, return carries its reason, only unlock reopens', async () => {
    const saved = await saveFigure({ ...draft(10, 2021, '150'), submit: true }, staff);
    expect(saved).toMatchObject({ ok: true, figure: { status: 'submitted', version: 1 } });
    const approved = await transitionFigure({ id: saved.ok ? saved.figure.id : 0, version: 1, action: 'approve' }, reviewer);
    expect(approved).toMatchObject({ ok: true, figure: { status: 'approved', version: 2 } });
    expect(await saveFigure(draft(10, 2021, '151', 2), staff)).toMatchObject({ ok: false, reason: 'locked' });
    const unlocked = await transitionFigure({ id: saved.ok ? saved.figure.id : 0, version: 2, action: 'unlock', reason: '统计局修订' }, admin);
    expect(unlocked).toMatchObject({ ok: true, figure: { status: 'draft', version: 3 } });
    expect(await saveFigure(draft(10, 2021, '151', 3), staff)).toMatchObject({ ok: true, figure: { value: 151, version: 4 } });

    const other = await saveFigure({ ...draft(11, 2021, '9.02'), submit: true }, staff);
    const returned = await transitionFigure({ id: other.ok ? other.figure.id : 0, version: 1, action: 'return', reason: '请核对口径' }, reviewer);
    expect(returned).toMatchObject({ ok: true, figure: { status: 'returned' } });
    const figures = await getPlanFigures(plan.id);
    expect(figures.find((f) => f.indicatorId === indicator(11).id)).toMatchObject({ status: 'returned', reviewNote: '请核对口径' });
    expect(await transitionFigure({ id: other.ok ? other.figure.id : 0, version: 1, action: 'approve' }, reviewer)).toMatchObject({ ok: false, reason: 'conflict' });
    expect(await transitionFigure({ id: other.ok ? other.figure.id : 0, version: 2, action: 'approve' }, reviewer)).toMatchObject({ ok: false, reason: 'wrongStatus' });

    const history = await getIndicatorHistory(indicator(10).id);
    expect(history.map((h) => [h.action, h.newStatus, h.reason])).toEqual([
      ['edit', 'draft', null],
      ['unlock', 'draft', '统计局修订'],
      ['approve', 'approved', null],
      ['submit', 'submitted', null],
      ['create', 'submitted', null],
    ]);
  });

  it('refuses years outside the plan', async () => {
    expect(await saveFigure(draft(6, 2026, '400'), staff)).toEqual({ ok: false, reason: 'outsidePlan' });
    expect(await saveFigure(draft(6, 2020, '228'), staff)).toEqual({ ok: false, reason: 'outsidePlan' });
  });

  it('keeps history append-only in the database itself', async () => {
    await expect(sql('UPDATE "FigureEvent" SET "actorName" = $1', ['x'])).rejects.toThrow(/append-only/);
    await expect(sql('DELETE FROM "FigureEvent"')).rejects.toThrow(/append-only/);
  });
});

describe('Excel import', () => {
  const templateFor = async (year: number) =>
    buildFigureTemplate({
      planSlug: plan.slug,
      planName: plan.name,
      year,
      indicators: plan.indicators.map((i) => ({ id: i.id, sequence: i.sequence, category: i.category.name, name: i.name, unit: i.unit, kind: i.kind, decimals: i.decimals, previous: null })),
    });
  const fill = async (bytes: Uint8Array, values: Record<number, unknown>) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.getWorksheet('填报')!;
    for (const [sequence, value] of Object.entries(values)) sheet.getCell(3 + Number(sequence), 5).value = value as ExcelJS.CellValue;
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  };
  const expectedFor = (year: number) => ({ planSlug: plan.slug, year, indicators: plan.indicators });

  it('an import with one bad row writes nothing', async () => {
    const before = await sql('SELECT count(*)::int AS n FROM "Observation"');
    const events = await sql('SELECT count(*)::int AS n FROM "FigureEvent"');
    const bytes = await fill(await templateFor(2022), { 4: 36, 5: 25, 6: 301.5 });
    const parsed = await parseFigureWorkbook(bytes, expectedFor(2022));
    expect(parsed).toEqual({ ok: false, errors: [{ row: 9, column: '本年数值', message: '请输入整数' }] });
    expect(await sql('SELECT count(*)::int AS n FROM "Observation"')).toEqual(before);
    expect(await sql('SELECT count(*)::int AS n FROM "FigureEvent"')).toEqual(events);
  });

  it('a good import creates exactly the drafts, with history', async () => {
    const bytes = await fill(await templateFor(2022), { 4: 36, 5: 25, 13: 4.52 });
    const parsed = await parseFigureWorkbook(bytes, expectedFor(2022));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(await importFigureDrafts(parsed.figures, staff)).toEqual({ ok: true, created: 3, updated: 0 });
    const rows = await sql<{ sequence: number; value: string; status: string; events: number }>(
      `SELECT i.sequence, o.value::text, o.status::text, (SELECT count(*)::int FROM "FigureEvent" e WHERE e."observationId" = o.id) AS events
       FROM "Observation" o JOIN "Indicator" i ON i.id = o."indicatorId" WHERE o.year = 2022 ORDER BY i.sequence`,
    );
    expect(rows).toEqual([
      { sequence: 4, value: '36.000000', status: 'draft', events: 1 },
      { sequence: 5, value: '25.000000', status: 'draft', events: 1 },
      { sequence: 13, value: '4.520000', status: 'draft', events: 1 },
    ]);
  });

  it('an import that would overwrite an approved figure writes nothing and names it', async () => {
    const approvedCount = await sql('SELECT count(*)::int AS n FROM "Observation" WHERE year = 2021');
    const bytes = await fill(await templateFor(2021), { 4: 33, 10: 152 });
    const parsed = await parseFigureWorkbook(bytes, expectedFor(2021));
    if (!parsed.ok) throw new Error('expected a valid file');
    // row 10 of 2021 was unlocked and edited above; approve it again to lock it
    const figure = (await getPlanFigures(plan.id)).find((f) => f.indicatorId === indicator(10).id && f.year === 2021)!;
    await transitionFigure({ id: figure.id, version: figure.version, action: 'submit' }, staff);
    await transitionFigure({ id: figure.id, version: figure.version + 1, action: 'approve' }, reviewer);
    const result = await importFigureDrafts(parsed.figures, staff);
    expect(result).toMatchObject({ ok: false, reason: 'locked', locked: [{ indicatorId: indicator(10).id, year: 2021 }] });
    expect(await sql('SELECT count(*)::int AS n FROM "Observation" WHERE year = 2021')).toEqual(approvedCount);
  });
});
