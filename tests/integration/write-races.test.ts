// Writes racing each other on the real PostgreSQL (issue 13, item 2): every write path decides on the
// state it locked or repeats its precondition in the UPDATE's WHERE, so two writes that exclude each
// other never both succeed, and a figure's history is one straight line (each event starts from the
// status the previous one left; nothing is written after an approval without an unlock between).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFigureDrafts, saveFigure, transitionFigure, type Actor, type WriteResult } from '@/lib/data/figure-writes';
import { archivePlan, saveIndicator, setCurrentPlan } from '@/lib/data/plan-writes';
import { getPlanDetail } from '@/lib/data/plans';
import type { PlanDetail } from '@/lib/data/types';
import type { ImportedFigure } from '@/lib/import/figure-workbook';
import { indicatorFieldsSchema } from '@/lib/schemas/plan';
import { seedDatabase } from '@/prisma/seed';
import { connectClient, createTestDatabase, migrate, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
let db: pg.Client;
let plan: PlanDetail;
const staff: Actor = { id: 'user-staff', name: '张录入' };
const reviewer: Actor = { id: 'user-reviewer', name: '王审核' };
const admin: Actor = { id: 'user-admin', name: '赵管理' };

const indicator = (sequence: number) => plan.indicators.find((i) => i.sequence === sequence)!;
/** A random pause of 0–4 ms, so that each round interleaves the two writes differently (not a synchronisation). */
const jitter = () => new Promise<void>((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5)));
const later = <T>(work: () => Promise<T>) => jitter().then(work);

beforeAll(async () => {
  database = await createTestDatabase('races');
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

interface Figure {
  id: number;
  status: string;
  version: number;
  value: string;
}

async function figure(indicatorId: number, year: number): Promise<Figure> {
  const { rows } = await db.query<Figure>('SELECT id, status::text, version, value::text FROM "Observation" WHERE "indicatorId" = $1 AND year = $2', [indicatorId, year]);
  return rows[0]!;
}

/** Brings the figure to `submitted` (creating it, or unlocking and resubmitting it) and returns it. */
async function submitted(indicatorId: number, year: number): Promise<Figure> {
  const existing = (await db.query('SELECT 1 FROM "Observation" WHERE "indicatorId" = $1 AND year = $2', [indicatorId, year])).rowCount;
  if (!existing) {
    const made = await saveFigure({ indicatorId, year, value: '100', source: null, quality: null, note: null, baseVersion: 0, submit: false }, staff);
    if (!made.ok) throw new Error(`could not create the figure: ${made.reason}`);
  }
  let current = await figure(indicatorId, year);
  if (current.status === 'approved') {
    const unlocked = await transitionFigure({ id: current.id, version: current.version, action: 'unlock', reason: '重新核对' }, admin);
    if (!unlocked.ok) throw new Error(`could not unlock: ${unlocked.reason}`);
    current = await figure(indicatorId, year);
  }
  if (current.status !== 'submitted') {
    const sent = await transitionFigure({ id: current.id, version: current.version, action: 'submit' }, staff);
    if (!sent.ok) throw new Error(`could not submit: ${sent.reason}`);
    current = await figure(indicatorId, year);
  }
  return current;
}

/**
 * The figure's history read in the order it was written: every event starts from the status the one
 * before it left, and the only event that may follow an approval is an unlock.
 */
async function expectStraightHistory(observationId: number): Promise<void> {
  const { rows } = await db.query<{ id: number; action: string; oldStatus: string | null; newStatus: string }>(
    'SELECT id, action::text, "oldStatus"::text AS "oldStatus", "newStatus"::text AS "newStatus" FROM "FigureEvent" WHERE "observationId" = $1 ORDER BY id',
    [observationId],
  );
  for (let i = 1; i < rows.length; i++) {
    const [before, event] = [rows[i - 1]!, rows[i]!];
    if (before.newStatus === 'approved') expect(event.action, `event ${event.id} after an approval`).toBe('unlock');
    expect(event.oldStatus, `event ${event.id} (${event.action}) starts where event ${before.id} (${before.action}) ended`).toBe(before.newStatus);
  }
}

const importOne = (indicatorId: number, year: number, value: string): Promise<{ ok: boolean }> => {
  const row: ImportedFigure = { row: 4, indicatorId, sequence: 0, year, value, source: 'Excel', quality: 'final', note: null };
  return importFigureDrafts([row], staff);
};

describe('issue 13 item 2: an Excel import racing an approval never undoes it', () => {
  it('100 rounds of import × approve with random delays: never both succeed, and the history never shows a write after an approval', async () => {
    const target = indicator(6).id;
    let bothRefused = 0;
    for (let round = 0; round < 100; round++) {
      const before = await submitted(target, 2021);
      const imported = String(500 + round);
      const [importResult, approveResult] = await Promise.all([
        later(() => importOne(target, 2021, imported)),
        later(() => transitionFigure({ id: before.id, version: before.version, action: 'approve' }, reviewer)),
      ]);
      expect(importResult.ok && approveResult.ok, `round ${round}: import and approval both succeeded`).toBe(false);
      if (!importResult.ok && !approveResult.ok) bothRefused += 1;
      const after = await figure(target, 2021);
      if (approveResult.ok) expect(after).toMatchObject({ status: 'approved', value: before.value });
      if (importResult.ok) expect(after).toMatchObject({ status: 'draft', value: `${imported}.000000` });
    }
    // one of the two always gets through: the refusal comes from the other write, not from a failure
    expect(bothRefused).toBe(0);
    await expectStraightHistory((await figure(target, 2021)).id);
   }, 300_000);

  it('an import that waits for an approval is refused as locked, naming the figure', async () => {
    const target = indicator(7).id;
    const before = await submitted(target, 2022);
    // the approval holds the row lock while the import starts
    const approved = await transitionFigure({ id: before.id, version: before.version, action: 'approve' }, reviewer);
    expect(approved.ok).toBe(true);
    expect(await importOne(target, 2022, '1')).toMatchObject({ ok: false, reason: 'locked', locked: [{ id: before.id, status: 'approved' }] });
  });
});

describe('issue 13 item 2: the other figure write paths under races', () => {
  const rounds = 30;

  it('save × approve: never both succeed; an approval is never followed by a save', async () => {
    const target = indicator(8).id;
    for (let round = 0; round < rounds; round++) {
      const before = await submitted(target, 2021);
      const [saved, approved] = await Promise.all([
        later(() => saveFigure({ indicatorId: target, year: 2021, value: String(700 + round), source: null, quality: null, note: null, baseVersion: before.version, submit: false }, staff)),
        later(() => transitionFigure({ id: before.id, version: before.version, action: 'approve' }, reviewer)),
      ]);
      expect([saved.ok, approved.ok].filter(Boolean), `round ${round}`).toHaveLength(1);
    }
    await expectStraightHistory((await figure(target, 2021)).id);
  });

  it('return × approve: exactly one decision wins', async () => {
    const target = indicator(9).id;
    for (let round = 0; round < rounds; round++) {
      const before = await submitted(target, 2021);
      const results: WriteResult[] = await Promise.all([
        later(() => transitionFigure({ id: before.id, version: before.version, action: 'return', reason: '请核对' }, reviewer)),
        later(() => transitionFigure({ id: before.id, version: before.version, action: 'approve' }, admin)),
      ]);
      expect(results.filter((r) => r.ok), `round ${round}`).toHaveLength(1);
    }
    await expectStraightHistory((await figure(target, 2021)).id);
  });

  it('unlock × save: a save based on the approved version never gets through', async () => {
    const target = indicator(10).id;
    for (let round = 0; round < rounds; round++) {
      const before = await submitted(target, 2021);
      const approved = await transitionFigure({ id: before.id, version: before.version, action: 'approve' }, reviewer);
      if (!approved.ok) throw new Error('not approved');
      const [unlocked, saved] = await Promise.all([
        later(() => transitionFigure({ id: approved.figure.id, version: approved.figure.version, action: 'unlock', reason: '修订' }, admin)),
        later(() => saveFigure({ indicatorId: target, year: 2021, value: String(800 + round), source: null, quality: null, note: null, baseVersion: approved.figure.version, submit: false }, staff)),
      ]);
      expect(unlocked.ok, `round ${round}`).toBe(true);
      expect(saved, `round ${round}`).toMatchObject({ ok: false });
    }
    await expectStraightHistory((await figure(target, 2021)).id);
  });

  it('20 parallel imports of one figure: each one that succeeds starts from the version the previous left', async () => {
    const target = indicator(11).id;
    await submitted(target, 2023);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => later(() => importOne(target, 2023, String(10 + i)))));
    const current = await figure(target, 2023);
    // submit + create, then one version per successful import
    expect(current.version).toBe(2 + results.filter((r) => r.ok).length);
    await expectStraightHistory(current.id);
  });
});

describe('issue 13 item 2: definition changes under races', () => {
  it('10 simultaneous edits of one definition are recorded one after another (each "before" is the previous "after")', async () => {
    const target = indicator(1);
    const base = {
      sequence: String(target.sequence), category: target.category.name, name: target.name, unit: target.unit, kind: target.kind,
      baseline: target.baseline === null ? '' : String(target.baseline), target: target.target === null ? '' : String(target.target),
      annualRate: target.annualRate === null ? '' : String(target.annualRate), cumulativeIncrease: target.cumulativeIncrease === null ? '' : String(target.cumulativeIncrease),
      attribute: target.attribute, direction: target.direction, decimals: String(target.decimals), responsibleUnit: target.responsibleUnit ?? '', definition: target.definition ?? '',
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => later(() => saveIndicator(plan.slug, target.id, indicatorFieldsSchema.parse({ ...base, contact: `联系人${i}` }), admin, null))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const { rows } = await db.query<{ before: { contact: string | null }; after: { contact: string | null } }>(
      `SELECT before, after FROM "DefinitionEvent" WHERE "indicatorId" = $1 AND action = 'updateIndicator' ORDER BY id`,
      [target.id],
    );
    expect(rows).toHaveLength(10);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.before.contact, `edit ${i}`).toBe(rows[i - 1]!.after.contact);
    const { rows: [stored] } = await db.query('SELECT contact FROM "Indicator" WHERE id = $1', [target.id]);
    expect(stored.contact).toBe(rows.at(-1)!.after.contact);
  });

  it('choosing the current plan twice at once leaves exactly one current plan', async () => {
    await db.query(`INSERT INTO "Plan" (slug, name, "shortName", region, "baseYear", "firstYear", "lastYear", "sourceDocument", "updatedAt")
      SELECT 'race-' || g, '竞争规划' || g, '竞争' || g, '测试区', 2025, 2026, 2030, '测试', now() FROM generate_series(1, 2) g`);
    for (let round = 0; round < 10; round++) {
      const results = await Promise.all(['race-1', 'race-2', plan.slug].map((slug) => later(() => setCurrentPlan(slug, admin))));
      expect(results.every((r) => r.ok)).toBe(true);
      const { rows } = await db.query('SELECT count(*)::int AS n FROM "Plan" WHERE "isCurrent"');
      expect(rows[0].n, `round ${round}`).toBe(1);
    }
    await setCurrentPlan(plan.slug, admin);
  });

  it('archiving a plan while it is being made current never leaves an archived current plan', async () => {
    await db.query(`INSERT INTO "Plan" (slug, name, "shortName", region, "baseYear", "firstYear", "lastYear", "sourceDocument", "updatedAt")
      SELECT 'race-archive-' || g, '归档竞争' || g, '归档' || g, '测试区', 2025, 2026, 2030, '测试', now() FROM generate_series(1, 10) g`);
    for (let round = 1; round <= 10; round++) {
      const slug = `race-archive-${round}`;
      await Promise.all([later(() => archivePlan(slug, admin)), later(() => setCurrentPlan(slug, admin))]);
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM "Plan" WHERE "isCurrent" AND status = 'archived'`);
      expect(rows[0].n, `round ${round}`).toBe(0);
      await setCurrentPlan(plan.slug, admin);
    }
  });
});
