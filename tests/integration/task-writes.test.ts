// Key tasks on the real PostgreSQL: the seed holds 专栏1–8 exactly as transcribed (36 actions, their
// targets, the eight projects) and is idempotent; progress reports follow the figures' workflow (draft →
// submitted → returned/approved → locked, unlock with a reason, optimistic versions, append-only history);
// evidence bytes live in the database; writes racing each other have exactly one winner.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPlan } from '@/lib/data/plan-writes';
import { getPlanDetail } from '@/lib/data/plans';
import { getTaskActionHistory, getTaskEvidenceFile, getTaskPlan, getTaskReports } from '@/lib/data/tasks';
import {
  addTaskMilestone,
  MAX_MILESTONES_PER_PROJECT,
  removeTaskEvidence,
  removeTaskMilestone,
  saveTaskReport,
  saveTaskMilestone,
  setTaskActionUnits,
  setTaskPeriodDueDates,
  transitionTaskReport,
  type SaveTaskReportInput,
  type TaskWriteResult,
} from '@/lib/data/task-writes';
import type { TaskPlan } from '@/lib/data/task-types';
import { LUQUAN_2021_2025_PROGRAMMES, LUQUAN_2021_2025_PROJECTS } from '@/lib/plans/luquan-2021-2025-tasks';
import { seedDatabase } from '@/prisma/seed';
import { connectClient, createTestDatabase, migrate, type TestDatabase } from '../helpers/test-database';
import { settleRace } from '@/tests/helpers/race';

let database: TestDatabase;
let db: pg.Client;
let tasks: TaskPlan;
let planId: number;
const staff = { id: 'user-staff', name: '张录入' };
const reviewer = { id: 'user-reviewer', name: '王审核' };
const admin = { id: 'user-admin', name: '赵管理' };

beforeAll(async () => {
  database = await createTestDatabase('tasks');
  migrate(database.url);
  await seedDatabase(database.url);
  process.env.DATABASE_URL = database.url;
  db = await connectClient(database.url);
  planId = (await getPlanDetail('luquan-2021-2025'))!.id;
  tasks = await getTaskPlan(planId);
}, 120_000);
afterAll(async () => {
  await db?.end();
  await database?.drop();
});

const action = (programme: number, number: number) => tasks.programmes.find((p) => p.number === programme)!.actions.find((a) => a.number === number)!;
const base = (actionId: number, extra: Partial<SaveTaskReportInput> = {}): SaveTaskReportInput => ({
  actionId, year: 2023, half: 'H1', status: 'inProgress', percent: 40, progress: '已组织专题讲座两场。', problems: null, nextSteps: null,
  values: [], baseVersion: 0, submit: false, ...extra,
});
const ok = (result: TaskWriteResult) => {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.report;
};

async function straightHistory(reportId: number) {
  const { rows } = await db.query<{ id: number; action: string; oldState: string | null; newState: string }>(
    `SELECT id, action::text, "oldState"::text AS "oldState", "newState"::text AS "newState" FROM "TaskReportEvent" WHERE "reportId" = $1 AND action NOT IN ('addEvidence', 'removeEvidence') ORDER BY id`,
    [reportId],
  );
  for (let i = 1; i < rows.length; i++) {
    const [before, event] = [rows[i - 1]!, rows[i]!];
    if (before.newState === 'approved') expect(event.action, `event ${event.id} after an approval`).toBe('unlock');
    expect(event.oldState, `event ${event.id} (${event.action}) starts where ${before.id} ended`).toBe(before.newState);
  }
  return rows;
}

describe('seed', () => {
  it('holds the 36 actions of 专栏1–8 with their names, texts and targets exactly as transcribed, and the eight projects', () => {
    expect(tasks.programmes.map((p) => [p.number, p.title])).toEqual(LUQUAN_2021_2025_PROGRAMMES.map((p) => [p.number, p.title]));
    expect(tasks.programmes.flatMap((p) => p.actions)).toHaveLength(36);
    for (const seed of LUQUAN_2021_2025_PROGRAMMES) {
      const programme = tasks.programmes.find((p) => p.number === seed.number)!;
      expect(programme.actions.map((a) => ({ number: a.number, name: a.name, text: a.text, leadUnit: a.leadUnit, cooperatingUnits: a.cooperatingUnits }))).toEqual(
        seed.actions.map((a) => ({ number: a.number, name: a.name, text: a.text, leadUnit: null, cooperatingUnits: null })),
      );
      for (const seedAction of seed.actions) {
        const stored = programme.actions.find((a) => a.number === seedAction.number)!;
        expect(stored.targets.map(({ id: _id, position: _p, ...t }) => t)).toEqual(
          seedAction.targets.map((t) => ({ phrase: t.phrase, subject: t.subject, unit: t.unit, kind: t.kind, lower: t.lower, upper: t.upper, qualifier: t.qualifier, deadlineYear: t.deadlineYear, horizonYears: t.horizonYears, baseline: null })),
        );
      }
    }
    expect(tasks.programmes.flatMap((p) => p.actions).flatMap((a) => a.targets)).toHaveLength(12);
    expect(tasks.projects.map((p) => p.name)).toEqual(LUQUAN_2021_2025_PROJECTS.map((p) => p.name));
    expect(tasks.projects.every((p) => p.actionId === action(7, 3).id && p.milestones.map((m) => m.name).join() === '立项,开工,主体完工,投入运营')).toBe(true);
  });

  it('is idempotent and never overwrites what an admin edited', async () => {
    expect(await setTaskActionUnits(action(1, 1).id, { leadUnit: '区科技局', cooperatingUnits: '区工信局' })).toEqual({ ok: true });
    await seedDatabase(database.url);
    const again = await getTaskPlan(planId);
    expect(again.programmes.flatMap((p) => p.actions)).toHaveLength(36);
    expect(again.projects).toHaveLength(8);
    expect(again.programmes[0]!.actions[0]!.leadUnit).toBe('区科技局');
    expect((await db.query('SELECT count(*)::int AS n FROM "TaskTarget"')).rows[0].n).toBe(12);
    expect((await db.query('SELECT count(*)::int AS n FROM "TaskMilestone"')).rows[0].n).toBe(32);
  });
});

describe('workflow', () => {
  it('every task write bumps the plan data version in its transaction (the page caches key on it)', async () => {
    const version = async () => (await db.query<{ v: number }>('SELECT "dataVersion" AS v FROM "Plan" WHERE id = $1', [planId])).rows[0]!.v;
    const target = action(8, 1);
    const before = await version();
    const saved = ok(await saveTaskReport(base(target.id), staff));
    expect(await version()).toBe(before + 1);
    ok(await transitionTaskReport({ id: saved.id, version: saved.version, action: 'submit' }, staff));
    expect(await version()).toBe(before + 2);
    expect(await setTaskActionUnits(target.id, { leadUnit: '区科技局', cooperatingUnits: null })).toEqual({ ok: true });
    expect(await version()).toBe(before + 3);
  });

  it('draft → submit → return with a reason → resubmit → approve (locked) → unlock by an admin, with history and evidence', async () => {
    const target = action(2, 1);
    const pdf = new TextEncoder().encode('%PDF-1.4 evidence');
    const draft = ok(await saveTaskReport(base(target.id, { values: [{ targetId: target.targets[0]!.id, value: '2' }], evidence: [{ fileName: '佐证.pdf', contentType: 'application/pdf', bytes: pdf }] }), staff));
    expect(draft).toMatchObject({ state: 'draft', version: 1, values: [{ targetId: target.targets[0]!.id, value: 2 }] });
    expect(draft.evidence).toMatchObject([{ fileName: '佐证.pdf', size: pdf.byteLength, uploadedByName: '张录入' }]);
    const file = await getTaskEvidenceFile(draft.evidence[0]!.id);
    expect(Buffer.from(file!.bytes).toString()).toBe('%PDF-1.4 evidence');
    expect(file!.planId).toBe(planId);

    const unchanged = await saveTaskReport(base(target.id, { values: [{ targetId: target.targets[0]!.id, value: '2.0' }], baseVersion: 1 }), staff);
    expect(unchanged).toMatchObject({ ok: true, unchanged: true });

    const submitted = ok(await transitionTaskReport({ id: draft.id, version: 1, action: 'submit' }, staff));
    expect(submitted.state).toBe('submitted');
    // an approval based on the old version is a conflict
    expect(await transitionTaskReport({ id: draft.id, version: 1, action: 'approve' }, reviewer)).toMatchObject({ ok: false, reason: 'conflict' });
    const returned = ok(await transitionTaskReport({ id: draft.id, version: submitted.version, action: 'return', reason: '请补充佐证材料' }, reviewer));
    expect(returned).toMatchObject({ state: 'returned', reviewNote: '请补充佐证材料' });
    const resubmitted = ok(await saveTaskReport(base(target.id, { progress: '已补充。', baseVersion: returned.version, submit: true }), staff));
    expect(resubmitted).toMatchObject({ state: 'submitted', values: [] });
    const approved = ok(await transitionTaskReport({ id: draft.id, version: resubmitted.version, action: 'approve' }, reviewer));
    expect(approved).toMatchObject({ state: 'approved', reviewNote: null });
    // locked: no save, no evidence removal, no second approval
    expect(await saveTaskReport(base(target.id, { baseVersion: approved.version }), staff)).toMatchObject({ ok: false, reason: 'locked' });
    expect(await removeTaskEvidence({ evidenceId: draft.evidence[0]!.id, version: approved.version }, staff)).toMatchObject({ ok: false, reason: 'locked' });
    expect(await transitionTaskReport({ id: draft.id, version: approved.version, action: 'approve' }, reviewer)).toMatchObject({ ok: false, reason: 'locked' });
    const unlocked = ok(await transitionTaskReport({ id: draft.id, version: approved.version, action: 'unlock', reason: '数据更正' }, admin));
    expect(unlocked).toMatchObject({ state: 'draft', reviewNote: '数据更正' });
    const removed = ok(await removeTaskEvidence({ evidenceId: draft.evidence[0]!.id, version: unlocked.version }, staff));
    expect(removed.evidence).toEqual([]);

    const history = await getTaskActionHistory(target.id);
    expect(history.map((h) => h.action).reverse()).toEqual(['create', 'addEvidence', 'submit', 'return', 'edit', 'approve', 'unlock', 'removeEvidence']);
    expect(history.find((h) => h.action === 'edit')).toMatchObject({ oldState: 'returned', newState: 'submitted' });
    expect(history.find((h) => h.action === 'return')).toMatchObject({ reason: '请补充佐证材料', actorName: '王审核', year: 2023, half: 'H1' });
    await straightHistory(draft.id);
  });

  it('refuses a target of another action, a year outside the plan, an unknown action; history rows cannot be changed', async () => {
    expect(await saveTaskReport(base(action(1, 2).id, { values: [{ targetId: action(2, 1).targets[0]!.id, value: '1' }] }), staff)).toEqual({ ok: false, reason: 'badTarget' });
    expect(await saveTaskReport(base(action(1, 2).id, { year: 2030 }), staff)).toEqual({ ok: false, reason: 'outsidePlan' });
    expect(await saveTaskReport(base(999_999), staff)).toEqual({ ok: false, reason: 'notFound' });
    await expect(db.query('UPDATE "TaskReportEvent" SET reason = $1', ['x'])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM "TaskReportEvent"')).rejects.toThrow(/append-only/);
    await expect(db.query('UPDATE "TaskReport" SET percent = 120')).rejects.toThrow(/percent_range/);
  });

  it('due dates per period, and milestones with a version', async () => {
    expect(await setTaskPeriodDueDates(planId, [{ year: 2023, half: 'H1', dueDate: '2023-07-15' }, { year: 2023, half: 'FY', dueDate: '2024-01-31' }])).toEqual({ ok: true });
    expect(await setTaskPeriodDueDates(planId, [{ year: 2031, half: 'H1', dueDate: '2031-07-15' }])).toEqual({ ok: false, reason: 'outsidePlan' });
    expect((await getTaskPlan(planId)).dueDates).toEqual([{ year: 2023, half: 'H1', dueDate: '2023-07-15' }, { year: 2023, half: 'FY', dueDate: '2024-01-31' }]);
    const milestone = tasks.projects[0]!.milestones[0]!;
    expect(await saveTaskMilestone({ milestoneId: milestone.id, version: milestone.version, name: '立项', plannedDate: '2022-03-01', actualDate: '2022-04-10' }, admin)).toEqual({ ok: true });
    expect(await saveTaskMilestone({ milestoneId: milestone.id, version: milestone.version, name: '立项', plannedDate: '2022-03-01', actualDate: null }, admin)).toEqual({ ok: false, reason: 'conflict' });
    expect((await getTaskPlan(planId)).projects[0]!.milestones[0]).toMatchObject({ plannedDate: '2022-03-01', actualDate: '2022-04-10', version: 2, updatedByName: '赵管理' });
  });

  it('a plan copied to 十五五 copies no key tasks and no task reports', async () => {
    const fifteenth = { name: '鹿泉区科技创新“十五五”规划', shortName: '十五五', region: '鹿泉区', baseYear: 2025, firstYear: 2026, lastYear: 2030, sourceDocument: '（起草中）' };
    expect((await getTaskReports(planId)).length).toBeGreaterThan(0);
    expect(await copyPlan('luquan-2021-2025', 'tasks-copy-2026-2030', fifteenth, admin)).toMatchObject({ ok: true });
    const copy = (await getPlanDetail('tasks-copy-2026-2030'))!;
    expect(await getTaskReports(copy.id)).toEqual([]);
    expect((await getTaskPlan(copy.id)).programmes).toEqual([]);
  });
});

const all = (writes: (() => Promise<TaskWriteResult>)[]) => settleRace(writes);

describe('races (real concurrency)', () => {
  it('100 concurrent approvals of one submitted report: exactly one wins, the others are refused', async () => {
    const target = action(3, 1);
    const draft = ok(await saveTaskReport(base(target.id, { submit: true }), staff));
    const results = await all(Array.from({ length: 100 }, () => () => transitionTaskReport({ id: draft.id, version: draft.version, action: 'approve' }, reviewer)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && (r.reason === 'conflict' || r.reason === 'locked'))).toBe(true);
    const rows = await straightHistory(draft.id);
    expect(rows.filter((r) => r.action === 'approve')).toHaveLength(1);
  }, 120_000);

  it('100 concurrent submits of one draft, and 100 concurrent first saves: exactly one of each wins', async () => {
    const target = action(3, 2);
    const draft = ok(await saveTaskReport(base(target.id), staff));
    const submits = await all(Array.from({ length: 100 }, () => () => transitionTaskReport({ id: draft.id, version: draft.version, action: 'submit' }, staff)));
    expect(submits.filter((r) => r.ok)).toHaveLength(1);
    expect((await straightHistory(draft.id)).filter((r) => r.action === 'submit')).toHaveLength(1);

    const fresh = action(3, 3);
    const firsts = await all(Array.from({ length: 100 }, (_, i) => () => saveTaskReport(base(fresh.id, { progress: `第${i}次` }), staff)));
    expect(firsts.filter((r) => r.ok)).toHaveLength(1);
    expect(firsts.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'conflict')).toBe(true);
    expect((await db.query('SELECT count(*)::int AS n FROM "TaskReport" WHERE "actionId" = $1', [fresh.id])).rows[0].n).toBe(1);
  }, 120_000);

  it('return racing approve: never both', async () => {
    const target = action(3, 4);
    let report = ok(await saveTaskReport(base(target.id, { submit: true }), staff));
    for (let round = 0; round < 20; round++) {
      const [a, r] = await Promise.all([
        transitionTaskReport({ id: report.id, version: report.version, action: 'approve' }, reviewer),
        transitionTaskReport({ id: report.id, version: report.version, action: 'return', reason: '退回' }, reviewer),
      ]);
      expect(a.ok !== r.ok, `round ${round}`).toBe(true);
      const won = ok(a.ok ? a : r);
      report = won.state === 'approved'
        ? ok(await transitionTaskReport({ id: won.id, version: won.version, action: 'unlock', reason: '重来' }, admin))
        : won;
      report = ok(await transitionTaskReport({ id: report.id, version: report.version, action: 'submit' }, staff));
    }
    await straightHistory(report.id);
  }, 120_000);
});

describe('milestones of the admin\'s own', () => {
  it('adds at the end of the list, removes at the version shown, and stops at the limit — also when 100 adds arrive at once', async () => {
    const project = tasks.projects[1]!;
    const positions = async () => (await db.query<{ position: number; name: string }>('SELECT position, name FROM "TaskMilestone" WHERE "projectId" = $1 ORDER BY position', [project.id])).rows;
    const before = await positions();
    expect(await addTaskMilestone({ projectId: project.id, name: '竣工验收' }, admin)).toEqual({ ok: true });
    const after = await positions();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toEqual({ position: before.at(-1)!.position + 1, name: '竣工验收' });

    const added = (await db.query<{ id: number; version: number }>('SELECT id, version FROM "TaskMilestone" WHERE "projectId" = $1 AND name = $2', [project.id, '竣工验收'])).rows[0]!;
    expect(await removeTaskMilestone({ milestoneId: added.id, version: added.version + 1 })).toEqual({ ok: false, reason: 'conflict' });
    expect(await removeTaskMilestone({ milestoneId: added.id, version: added.version })).toEqual({ ok: true });
    expect(await positions()).toEqual(before);

    // 100 at once: distinct positions, never more than the limit, the rest refused as tooMany
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => addTaskMilestone({ projectId: project.id, name: `里程碑${i}` }, admin)));
    const done = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    for (const r of results) if (r.status === 'rejected') expect(String(r.reason?.message ?? r.reason)).toMatch(/timeout|connect|given time/i);
    const rows = await positions();
    expect(rows).toHaveLength(MAX_MILESTONES_PER_PROJECT);
    expect(new Set(rows.map((r) => r.position)).size).toBe(rows.length);
    expect(done.filter((r) => r.ok)).toHaveLength(MAX_MILESTONES_PER_PROJECT - before.length);
    expect(done.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'tooMany')).toBe(true);
  }, 120_000);
});
