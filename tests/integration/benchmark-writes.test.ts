// The benchmarks module's writes on the real PostgreSQL: reference values, series figures and county
// evaluations reviewed like figures (versions in the WHERE, history in the same transaction), the
// cross-source check that stops an approval until the reviewer acknowledges it, and races between
// them run with real concurrency.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  removeFigureSourceValue,
  saveCountyEvaluation,
  saveFigureSourceValue,
  saveReferenceValue,
  saveSeriesFigure,
  saveSourceCheckRule,
  transitionBenchmarkRecord,
} from '@/lib/data/benchmark-writes';
import { getPlanBenchmarks } from '@/lib/data/benchmarks';
import { saveFigure, transitionFigure, type Actor } from '@/lib/data/figure-writes';
import { archivePlan } from '@/lib/data/plan-writes';
import { getPlanDetail } from '@/lib/data/plans';
import type { PlanDetail } from '@/lib/data/types';
import { seedDatabase } from '@/prisma/seed';
import { connectClient, createTestDatabase, migrate, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
let db: pg.Client;
let plan: PlanDetail;
const staff: Actor = { id: 'user-staff', name: '张录入' };
const staff2: Actor = { id: 'user-staff-2', name: '李录入' };
const reviewer: Actor = { id: 'user-reviewer', name: '王审核' };
const admin: Actor = { id: 'user-admin', name: '赵管理' };
const indicator = (sequence: number) => plan.indicators.find((i) => i.sequence === sequence)!;
const jitter = () => new Promise<void>((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5)));

beforeAll(async () => {
  database = await createTestDatabase('benchmark_writes');
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

const events = async (entity: string, id: number) =>
  (await db.query<{ action: string; oldStatus: string | null; newStatus: string }>('SELECT action::text, "oldStatus"::text AS "oldStatus", "newStatus"::text AS "newStatus" FROM "BenchmarkEvent" WHERE entity = $1 AND "entityId" = $2 ORDER BY id', [entity, id])).rows;

describe('reference values (对标值): entered, submitted, reviewed like figures', () => {
  it('saves a draft, submits, approves (locked), and keeps every step in the history', async () => {
    const subject = { type: 'indicator' as const, id: indicator(6).id };
    const made = await saveReferenceValue({ planId: plan.id, subject, kind: 'cityBest', year: 2021, value: '180', source: '石家庄市科技局通报', note: null, baseVersion: 0, submit: false }, staff);
    expect(made).toMatchObject({ ok: true, record: { status: 'draft', version: 1, value: '180' } });
    if (!made.ok) return;
    const again = await saveReferenceValue({ planId: plan.id, subject, kind: 'cityBest', year: 2021, value: '180', source: '石家庄市科技局通报', note: null, baseVersion: 1, submit: false }, staff);
    expect(again).toMatchObject({ ok: true, unchanged: true });
    const edited = await saveReferenceValue({ planId: plan.id, subject, kind: 'cityBest', year: 2021, value: '181.5', source: '石家庄市科技局通报', note: '更正', baseVersion: 1, submit: true }, staff);
    expect(edited).toMatchObject({ ok: true, record: { status: 'submitted', version: 2, value: '181.5' } });
    const approved = await transitionBenchmarkRecord({ entity: 'referenceValue', id: made.record.id, version: 2, action: 'approve' }, reviewer);
    expect(approved).toMatchObject({ ok: true, record: { status: 'approved', version: 3 } });
    const locked = await saveReferenceValue({ planId: plan.id, subject, kind: 'cityBest', year: 2021, value: '1', source: 'x', note: null, baseVersion: 3, submit: false }, staff);
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    expect(await events('referenceValue', made.record.id)).toEqual([
      { action: 'create', oldStatus: null, newStatus: 'draft' },
      { action: 'edit', oldStatus: 'draft', newStatus: 'submitted' },
      { action: 'approve', oldStatus: 'submitted', newStatus: 'approved' },
    ]);
    const stored = (await getPlanBenchmarks(plan.id)).referenceValues.find((r) => r.id === made.record.id)!;
    expect(stored).toMatchObject({ valueText: '181.5', status: 'approved', note: '更正', subject });
  });

  it('refuses a save based on an older version with the newer record, and a subject of another plan', async () => {
    const subject = { type: 'indicator' as const, id: indicator(7).id };
    const first = await saveReferenceValue({ planId: plan.id, subject, kind: 'cityAverage', year: 2021, value: '300', source: '通报', note: null, baseVersion: 0, submit: false }, staff);
    expect(first.ok).toBe(true);
    await saveReferenceValue({ planId: plan.id, subject, kind: 'cityAverage', year: 2021, value: '310', source: '通报', note: null, baseVersion: 1, submit: false }, staff2);
    const stale = await saveReferenceValue({ planId: plan.id, subject, kind: 'cityAverage', year: 2021, value: '320', source: '通报', note: null, baseVersion: 1, submit: false }, staff);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2, value: '310', updatedByName: '李录入' } });
    const foreign = await saveReferenceValue({ planId: plan.id, subject: { type: 'series', id: 999999 }, kind: 'cityBest', year: 2021, value: '1', source: 's', note: null, baseVersion: 0, submit: false }, staff);
    expect(foreign).toMatchObject({ ok: false, reason: 'subjectMismatch' });
  });

  it('race: two first saves of one value, and two saves of one version — exactly one wins each time', async () => {
    for (let round = 0; round < 6; round += 1) {
      const subject = { type: 'indicator' as const, id: indicator(9).id };
      const year = 2030 + round;
      const base = { planId: plan.id, subject, kind: 'provinceAverage' as const, year, source: '通报', note: null, submit: false };
      const firsts = await Promise.all([
        jitter().then(() => saveReferenceValue({ ...base, value: '10', baseVersion: 0 }, staff)),
        jitter().then(() => saveReferenceValue({ ...base, value: '11', baseVersion: 0 }, staff2)),
      ]);
      expect(firsts.filter((r) => r.ok)).toHaveLength(1);
      expect(firsts.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'conflict' });
      const edits = await Promise.all([
        jitter().then(() => saveReferenceValue({ ...base, value: '12', baseVersion: 1 }, staff)),
        jitter().then(() => saveReferenceValue({ ...base, value: '13', baseVersion: 1, submit: true }, staff2)),
      ]);
      expect(edits.filter((r) => r.ok)).toHaveLength(1);
      const { rows } = await db.query('SELECT id, version FROM "ReferenceValue" WHERE "subjectKey" = $1 AND kind = $2 AND year = $3', [`indicator:${subject.id}`, 'provinceAverage', year]);
      expect(rows[0].version).toBe(2);
      expect(await events('referenceValue', rows[0].id)).toHaveLength(2);
    }
  });

  it('race: approve against return of one submitted value — one wins, the history is one straight line', async () => {
    const subject = { type: 'indicator' as const, id: indicator(12).id };
    for (let round = 0; round < 5; round += 1) {
      const made = await saveReferenceValue({ planId: plan.id, subject, kind: 'cityAverage', year: 2040 + round, value: '40', source: '通报', note: null, baseVersion: 0, submit: true }, staff);
      if (!made.ok) throw new Error('not saved');
      const results = await Promise.all([
        jitter().then(() => transitionBenchmarkRecord({ entity: 'referenceValue', id: made.record.id, version: 1, action: 'approve' }, reviewer)),
        jitter().then(() => transitionBenchmarkRecord({ entity: 'referenceValue', id: made.record.id, version: 1, action: 'return', reason: '来源不清' }, reviewer)),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await events('referenceValue', made.record.id)).toHaveLength(3); // create, submit, one decision
    }
  });
});

describe('series figures and county evaluations', () => {
  it('a supplementary series takes reviewed yearly figures (no target, no status)', async () => {
    const series = (await getPlanBenchmarks(plan.id)).series.find((s) => s.key === 'fiscalStiSpending')!;
    const made = await saveSeriesFigure({ seriesId: series.id, year: 2021, value: '11020', source: '财政局决算', note: null, baseVersion: 0, submit: true }, staff);
    expect(made).toMatchObject({ ok: true, record: { status: 'submitted' } });
    if (!made.ok) return;
    const returned = await transitionBenchmarkRecord({ entity: 'seriesFigure', id: made.record.id, version: 1, action: 'return', reason: '请附决算表' }, reviewer);
    expect(returned).toMatchObject({ ok: true, record: { status: 'returned' } });
    const stored = (await getPlanBenchmarks(plan.id)).seriesFigures.find((f) => f.id === made.record.id)!;
    expect(stored).toMatchObject({ valueText: '11020', status: 'returned', reviewNote: '请附决算表' });
  });

  it('a county evaluation for a new year is entered and approved; the seeded years are locked', async () => {
    const made = await saveCountyEvaluation({ planId: plan.id, year: 2021, provinceRank: 2, grade: 'A', score: '91.5', source: '省科技厅通报', note: null, baseVersion: 0, submit: true }, staff);
    expect(made.ok).toBe(true);
    const seeded = await db.query('SELECT version FROM "CountyEvaluation" WHERE year = 2020');
    const locked = await saveCountyEvaluation({ planId: plan.id, year: 2020, provinceRank: 3, grade: null, score: null, source: 'x', note: null, baseVersion: seeded.rows[0].version, submit: false }, staff);
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
  });
});

describe('cross-source checks (核对): an approval is stopped by an unacknowledged mismatch', () => {
  it('refuses the approval until acknowledged, records the acknowledgement, and stays within tolerance otherwise', async () => {
    const rd = indicator(3);
    expect((await saveSourceCheckRule({ indicatorId: rd.id, primarySource: '统计部门', toleranceMode: 'relative', tolerance: '0.05' }, admin)).ok).toBe(true);
    const saved = await saveFigure({ indicatorId: rd.id, year: 2021, value: '10', source: '统计部门', quality: 'final', note: null, baseVersion: 0, submit: true }, staff);
    if (!saved.ok) throw new Error('not saved');
    // within 5 %: no flag
    const within = await saveFigureSourceValue({ observationId: saved.figure.id, figureVersion: saved.figure.version, sourceName: '税务部门', value: '10.4', source: '加计扣除口径', note: null }, staff);
    expect(within).toMatchObject({ ok: true, figureVersion: saved.figure.version + 1 });
    // an approval decided on the version before the source was added is a conflict
    const stale = await transitionFigure({ id: saved.figure.id, version: saved.figure.version, action: 'approve' }, reviewer);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
    if (!within.ok) return;
    const beyond = await saveFigureSourceValue({ observationId: saved.figure.id, figureVersion: within.figureVersion, sourceName: '税务部门', value: '12', source: '加计扣除口径', note: null }, staff);
    if (!beyond.ok) throw new Error('not saved');
    const refused = await transitionFigure({ id: saved.figure.id, version: beyond.figureVersion, action: 'approve' }, reviewer);
    expect(refused).toMatchObject({ ok: false, reason: 'sourceMismatch' });
    expect((await db.query('SELECT status::text FROM "Observation" WHERE id = $1', [saved.figure.id])).rows[0].status).toBe('submitted');
    const approved = await transitionFigure({ id: saved.figure.id, version: beyond.figureVersion, action: 'approve', acknowledgeSourceMismatch: true }, reviewer);
    expect(approved).toMatchObject({ ok: true, figure: { status: 'approved' } });
    const { rows } = await db.query('SELECT reason FROM "FigureEvent" WHERE "observationId" = $1 AND action = $2', [saved.figure.id, 'approve']);
    expect(rows[0].reason).toContain('已确认来源差异');
    expect(rows[0].reason).toContain('税务部门 12');
    // approved: further sources are locked too
    const afterApproval = await saveFigureSourceValue({ observationId: saved.figure.id, figureVersion: beyond.figureVersion + 1, sourceName: '其他', value: '1', source: null, note: null }, staff);
    expect(afterApproval).toMatchObject({ ok: false, reason: 'locked' });
    const removed = await removeFigureSourceValue({ observationId: saved.figure.id, figureVersion: beyond.figureVersion + 1, sourceName: '税务部门' }, staff);
    expect(removed).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('race: a mismatching source added while the reviewer approves — never an approval that skipped the check', async () => {
    const rd = indicator(4);
    for (let round = 0; round < 6; round += 1) {
      const saved = await saveFigure({ indicatorId: rd.id, year: 2021 + (round % 5), value: '20', source: '统计部门', quality: null, note: null, baseVersion: round < 5 ? 0 : 1, submit: true }, staff);
      if (!saved.ok) continue;
      const [approve, source] = await Promise.all([
        jitter().then(() => transitionFigure({ id: saved.figure.id, version: saved.figure.version, action: 'approve' }, reviewer)),
        jitter().then(() => saveFigureSourceValue({ observationId: saved.figure.id, figureVersion: saved.figure.version, sourceName: '税务部门', value: '99', source: null, note: null }, staff)),
      ]);
      // exactly one of them: either approved before the source arrived (then the source is refused as locked),
      // or the source came first (then the approval decided on an older version is a conflict)
      expect([approve.ok, source.ok].filter(Boolean)).toHaveLength(1);
      const { rows } = await db.query('SELECT o.status::text, count(v.id)::int AS n FROM "Observation" o LEFT JOIN "FigureSourceValue" v ON v."observationId" = o.id WHERE o.id = $1 GROUP BY o.status', [saved.figure.id]);
      expect(rows[0].status === 'approved' ? rows[0].n : 0).toBe(0);
    }
  });

  it('refuses every write in an archived plan', async () => {
    await db.query(`INSERT INTO "Plan" (slug, name, "shortName", region, "baseYear", "firstYear", "lastYear", "sourceDocument", "updatedAt") VALUES ('old-plan', '旧规划', '旧', '鹿泉区', 2015, 2016, 2020, '测试', now())`);
    const old = await getPlanDetail('old-plan');
    expect((await archivePlan('old-plan', admin)).ok).toBe(true);
    const refused = await saveCountyEvaluation({ planId: old!.id, year: 2019, provinceRank: 1, grade: null, score: null, source: 's', note: null, baseVersion: 0, submit: false }, staff);
    expect(refused).toMatchObject({ ok: false, reason: 'archived' });
  });
});

describe('tolerance changes keep their history (核对容差)', () => {
  it('records who changed the rule when, old → new and the reason; a save that changes nothing records nothing', async () => {
    const target = indicator(15);
    const history = async () => (await getPlanBenchmarks(plan.id)).ruleHistory.filter((c) => c.indicatorId === target.id);
    const version = async () => (await db.query<{ v: number }>('SELECT "dataVersion" AS v FROM "Plan" WHERE id = $1', [plan.id])).rows[0]!.v;
    expect(await saveSourceCheckRule({ indicatorId: target.id, primarySource: '统计部门', toleranceMode: 'relative', tolerance: '0.05' }, admin)).toEqual({ ok: true });
    expect(await saveSourceCheckRule({ indicatorId: target.id, primarySource: '统计部门', toleranceMode: 'absolute', tolerance: '2', reason: '按绝对差核对' }, staff2)).toEqual({ ok: true });
    const before = await version();
    expect(await saveSourceCheckRule({ indicatorId: target.id, primarySource: '统计部门', toleranceMode: 'absolute', tolerance: '2.000' }, admin)).toEqual({ ok: true, unchanged: true });
    expect(await version()).toBe(before); // nothing written, the bump rolled back
    const changes = await history();
    expect(changes.map(({ actorName, reason, before: b, after }) => ({ actorName, reason, before: b, after }))).toEqual([
      { actorName: '李录入', reason: '按绝对差核对', before: { primarySource: '统计部门', toleranceMode: 'relative', tolerance: 0.05 }, after: { primarySource: '统计部门', toleranceMode: 'absolute', tolerance: 2 } },
      { actorName: '赵管理', reason: null, before: null, after: { primarySource: '统计部门', toleranceMode: 'relative', tolerance: 0.05 } },
    ]);
    // the rule itself holds the latest values
    expect((await getPlanBenchmarks(plan.id)).sourceRules.find((r) => r.indicatorId === target.id)).toEqual({ indicatorId: target.id, primarySource: '统计部门', toleranceMode: 'absolute', tolerance: 2 });
    const events = await db.query('SELECT action::text FROM "DefinitionEvent" WHERE "indicatorId" = $1', [target.id]);
    expect(events.rows).toEqual([{ action: 'setSourceRule' }, { action: 'setSourceRule' }]);
  });
});
