// The 对标值 import on the real PostgreSQL: a template built from the database, filled in, read, previewed
// and written (importReferenceValues): all or nothing, approved values refused, versions re-checked under
// the lock (a stale preview or a second confirm writes nothing), the plan's data version bumped.
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReferenceValues, saveReferenceValue, transitionBenchmarkRecord, type ImportReferenceInput } from '@/lib/data/benchmark-writes';
import { getPlanBenchmarks } from '@/lib/data/benchmarks';
import type { Actor } from '@/lib/data/figure-writes';
import { getPlanDetail } from '@/lib/data/plans';
import type { BenchmarkKind, PlanDetail } from '@/lib/data/types';
import { BENCHMARK_SHEET, buildBenchmarkTemplate, KIND_COLUMNS, readBenchmarkWorkbook } from '@/lib/import/benchmark-workbook';
import { buildReferenceImportPreview, templateSubjects } from '@/lib/views/benchmark-import';
import { seedDatabase } from '@/prisma/seed';
import { connectClient, createTestDatabase, migrate, type TestDatabase } from '../helpers/test-database';
import { settleRace } from '@/tests/helpers/race';

let database: TestDatabase;
let db: pg.Client;
let plan: PlanDetail;
const staff: Actor = { id: 'user-staff', name: '张录入' };
const staff2: Actor = { id: 'user-staff-2', name: '李录入' };
const reviewer: Actor = { id: 'user-reviewer', name: '王审核' };
const indicator = (sequence: number) => plan.indicators.find((i) => i.sequence === sequence)!;
const subjectOf = (sequence: number) => ({ type: 'indicator' as const, id: indicator(sequence).id });

beforeAll(async () => {
  database = await createTestDatabase('benchmark_import');
  migrate(database.url);
  await seedDatabase(database.url);
  process.env.DATABASE_URL = database.url;
  db = await connectClient(database.url);
  plan = (await getPlanDetail())!;
});
afterAll(async () => {
  await db?.end();
  await database?.drop();
});

const dataVersion = async () => (await db.query<{ v: number }>('SELECT "dataVersion" AS v FROM "Plan" WHERE id = $1', [plan.id])).rows[0]!.v;
const stored = async (sequence: number, kind: BenchmarkKind, year: number) =>
  (await db.query<{ value: string; status: string; version: number; source: string }>('SELECT value::text, status::text, version, source FROM "ReferenceValue" WHERE "subjectKey" = $1 AND kind = $2 AND year = $3', [`indicator:${indicator(sequence).id}`, kind, year])).rows[0] ?? null;
const eventCount = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM "BenchmarkEvent"')).rows[0]!.n;
const input = (sequence: number, kind: BenchmarkKind, value: string, baseVersion = 0): ImportReferenceInput => ({ subject: subjectOf(sequence), kind, value, source: '市科技局通报', note: null, baseVersion });

describe('the 对标值 import, from file to database', () => {
  it('round-trips the seeded 2020 values: a template from the database, one value changed, one added; approved ones stay locked', async () => {
    const benchmarks = await getPlanBenchmarks(plan.id);
    const subjects = templateSubjects(plan, benchmarks, 2020);
    const bytes = await buildBenchmarkTemplate({ planSlug: plan.slug, planName: plan.name, year: 2020, subjects });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.getWorksheet(BENCHMARK_SHEET)!;
    const top = 4 + subjects.findIndex((s) => s.type === 'indicator' && s.number === 6) * 4;
    const column = (kind: BenchmarkKind) => KIND_COLUMNS.find((c) => c.kind === kind)!.column;
    // the seed stores 高新技术企业 2020 全省最高值 258 (approved, from the plan text)
    expect(sheet.getCell(top, column('provinceBest')).value).toBe(258);
    sheet.getCell(top, column('cityAverage')).value = 96;
    sheet.getCell(top + 1, column('cityAverage')).value = '石家庄市2020年高新技术企业统计';
    const untouched = buildReferenceImportPreview(plan, benchmarks, 2020, await readBenchmarkWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), { planSlug: plan.slug, firstYear: plan.baseYear, lastYear: plan.lastYear, year: 2020, subjects }), () => true);
    expect(untouched.errors).toEqual([]);
    expect(untouched.writes).toEqual([{ row: top, subject: subjectOf(6), kind: 'cityAverage', value: '96', source: '石家庄市2020年高新技术企业统计', note: null, baseVersion: 0 }]);
    expect(untouched.rows.filter((r) => r.change === 'unchanged').length).toBeGreaterThan(5); // the seeded values, read back unchanged

    sheet.getCell(top, column('provinceBest')).value = 259; // approved: the preview refuses it
    const changed = buildReferenceImportPreview(plan, benchmarks, 2020, await readBenchmarkWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), { planSlug: plan.slug, firstYear: plan.baseYear, lastYear: plan.lastYear, year: 2020, subjects }), () => true);
    expect(changed.errors).toEqual([{ row: top, column: '数值', message: '该对标值已审核锁定，不能通过导入修改', subject: '6. 高新技术企业数量', kind: 'provinceBest' }]);

    const before = await dataVersion();
    const result = await importReferenceValues({ planId: plan.id, year: 2020, values: untouched.writes }, staff);
    expect(result).toEqual({ ok: true, created: 1, updated: 0 });
    expect(await stored(6, 'cityAverage', 2020)).toEqual({ value: '96.000000', status: 'submitted', version: 1, source: '石家庄市2020年高新技术企业统计' });
    expect(await stored(6, 'provinceBest', 2020)).toMatchObject({ value: '258.000000', status: 'approved' });
    expect(await dataVersion()).toBeGreaterThan(before);
    // reviewed like a value entered by hand: create and submit in the history, then a reviewer approves it
    const id = (await db.query<{ id: number }>(`SELECT id FROM "ReferenceValue" WHERE "subjectKey" = $1 AND kind = 'cityAverage' AND year = 2020`, [`indicator:${indicator(6).id}`])).rows[0]!.id;
    expect((await db.query('SELECT action::text, "newStatus"::text AS status, reason FROM "BenchmarkEvent" WHERE entity = \'referenceValue\' AND "entityId" = $1 ORDER BY id', [id])).rows).toEqual([
      { action: 'create', status: 'submitted', reason: 'Excel 导入' },
      { action: 'submit', status: 'submitted', reason: null },
    ]);
    expect(await transitionBenchmarkRecord({ entity: 'referenceValue', id, version: 1, action: 'approve' }, reviewer)).toMatchObject({ ok: true, record: { status: 'approved' } });
  });
});

describe('importReferenceValues: all or nothing', () => {
  it('writes every value, creates and updates, each submitted with its history', async () => {
    const draft = await saveReferenceValue({ planId: plan.id, subject: subjectOf(7), kind: 'cityBest', year: 2022, value: '50', source: '通报', note: null, baseVersion: 0, submit: false }, staff2);
    expect(draft.ok).toBe(true);
    const events = await eventCount();
    const result = await importReferenceValues({ planId: plan.id, year: 2022, values: [input(7, 'cityBest', '55', 1), input(7, 'provinceBest', '300'), input(8, 'cityRank', '3')] }, staff);
    expect(result).toEqual({ ok: true, created: 2, updated: 1 });
    expect(await stored(7, 'cityBest', 2022)).toMatchObject({ value: '55.000000', status: 'submitted', version: 2 });
    expect(await stored(8, 'cityRank', 2022)).toMatchObject({ value: '3.000000', status: 'submitted', version: 1 });
    expect(await eventCount()).toBe(events + 5); // edit (draft → submitted), create + submit twice
  });

  it('refuses the whole import when one value is approved (locked): nothing written, data version unchanged', async () => {
    const made = await saveReferenceValue({ planId: plan.id, subject: subjectOf(9), kind: 'cityBest', year: 2023, value: '40', source: '通报', note: null, baseVersion: 0, submit: true }, staff);
    if (!made.ok) throw new Error('not saved');
    await transitionBenchmarkRecord({ entity: 'referenceValue', id: made.record.id, version: made.record.version, action: 'approve' }, reviewer);
    const version = (await stored(9, 'cityBest', 2023))!.version;
    const [events, before] = [await eventCount(), await dataVersion()];
    const result = await importReferenceValues({ planId: plan.id, year: 2023, values: [input(9, 'cityAverage', '20'), input(9, 'cityBest', '41', version)] }, staff);
    expect(result).toEqual({ ok: false, reason: 'locked', locked: [{ subject: subjectOf(9), kind: 'cityBest' }] });
    expect(await stored(9, 'cityAverage', 2023)).toBeNull(); // the valid one was not written either
    expect(await stored(9, 'cityBest', 2023)).toMatchObject({ value: '40.000000', status: 'approved' });
    expect(await eventCount()).toBe(events);
    expect(await dataVersion()).toBe(before); // the bump rolled back with the refusal
  });

  it('refuses a preview that someone overtook (stale version), naming the value and the newer record', async () => {
    await saveReferenceValue({ planId: plan.id, subject: subjectOf(11), kind: 'cityBest', year: 2023, value: '10', source: '通报', note: null, baseVersion: 0, submit: false }, staff);
    // previewed at version 1; then someone else saves version 2
    await saveReferenceValue({ planId: plan.id, subject: subjectOf(11), kind: 'cityBest', year: 2023, value: '12', source: '通报', note: null, baseVersion: 1, submit: false }, staff2);
    const result = await importReferenceValues({ planId: plan.id, year: 2023, values: [input(11, 'provinceBest', '30'), input(11, 'cityBest', '11', 1)] }, staff);
    expect(result).toMatchObject({ ok: false, reason: 'stale', changed: [{ subject: subjectOf(11), kind: 'cityBest', current: { version: 2, value: '12', updatedByName: '李录入' } }] });
    expect(await stored(11, 'provinceBest', 2023)).toBeNull();
    expect(await stored(11, 'cityBest', 2023)).toMatchObject({ value: '12.000000', version: 2 });
  });

  it('100 confirms of one preview at once: exactly one writes, every other one is refused and writes nothing', async () => {
    await saveReferenceValue({ planId: plan.id, subject: subjectOf(12), kind: 'cityBest', year: 2024, value: '1', source: '通报', note: null, baseVersion: 0, submit: false }, staff);
    const values = [input(12, 'cityBest', '2', 1), input(12, 'provinceBest', '9'), input(13, 'cityRank', '4')];
    const events = await eventCount();
    const results = await settleRace(Array.from({ length: 100 }, (_, i) => () => importReferenceValues({ planId: plan.id, year: 2024, values }, i % 2 ? staff : staff2)));
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, created: 2, updated: 1 }]);
    for (const refused of results.filter((r) => !r.ok)) expect(refused).toMatchObject({ ok: false, reason: expect.stringMatching(/^(stale|conflict)$/) });
    expect(await stored(12, 'cityBest', 2024)).toMatchObject({ value: '2.000000', version: 2 });
    expect(await stored(12, 'provinceBest', 2024)).toMatchObject({ version: 1 });
    expect(await stored(13, 'cityRank', 2024)).toMatchObject({ version: 1 });
    expect(await eventCount()).toBe(events + 5); // one import's history, not two
  });

  it('refuses a subject of another plan', async () => {
    expect(await importReferenceValues({ planId: plan.id, year: 2024, values: [{ ...input(6, 'cityBest', '1'), subject: { type: 'series', id: 999999 } }] }, staff)).toEqual({ ok: false, reason: 'subjectMismatch' });
  });
});
