// The work queues on a real database (issue 15): batch approval where two reviewers approve
// overlapping batches at the same moment (each figure approved once, its history written once), the
// server-side check that every figure with warnings was confirmed, and what 我的待办 and the review
// queue contain after a return and a re-submission.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('../helpers/next-request')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../helpers/next-request')).nextCacheMock);

const { form, runAction, jar } = await import('../helpers/next-request');
const { signIn } = await import('@/app/_actions/session');
const { setUpAccountsDatabase, signInWith, useCookies, ROLE_USERS, TEST_PASSWORD } = await import('../helpers/accounts');
const { approveFigureBatch } = await import('@/app/_actions/review');
const { saveGridFigures } = await import('@/app/_actions/figures');
const { saveFigure, transitionFigure } = await import('@/lib/data/figure-writes');
const { approveFigures } = await import('@/lib/data/review');
const { getPlanDetail } = await import('@/lib/data/plans');
const { loadReviewQueue, loadReviewTrails, loadWorkQueue } = await import('@/lib/loaders');
const { LUQUAN_2021_2025 } = await import('@/lib/plans/luquan-2021-2025');

let setup: Awaited<ReturnType<typeof setUpAccountsDatabase>>;
let db: pg.Client;
const slug = LUQUAN_2021_2025.slug;
const staff = { id: 'staff-1', name: '张录入' };
const reviewerA = { id: 'reviewer-a', name: '王审核' };
const reviewerB = { id: 'reviewer-b', name: '李审核' };

beforeAll(async () => {
  setup = await setUpAccountsDatabase('review_queue');
  db = new pg.Client({ connectionString: setup.database.url });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await setup?.database.drop();
});

const indicatorId = async (sequence: number) => (await getPlanDetail(slug))!.indicators.find((i) => i.sequence === sequence)!.id;

/** A submitted figure of (sequence, year) with `value`; returns its id and version. */
async function submitted(sequence: number, year: number, value: string) {
  const saved = await saveFigure({ indicatorId: await indicatorId(sequence), year, value, source: '部门报送', quality: null, note: null, baseVersion: 0, submit: true }, staff);
  if (!saved.ok) throw new Error(`could not submit: ${JSON.stringify(saved)}`);
  return { id: saved.figure.id, version: saved.figure.version };
}

const approvals = async (ids: number[]) =>
  (await db.query<{ observationId: number; n: number }>(`SELECT "observationId", count(*)::int AS n FROM "FigureEvent" WHERE action = 'approve' AND "observationId" = ANY($1::int[]) GROUP BY "observationId"`, [ids])).rows;

describe('batch approval under concurrency', () => {
  it('two reviewers approving overlapping batches at once: each figure approved exactly once, one history row each', async () => {
    for (let round = 0; round < 3; round += 1) {
      const year = 2021 + round;
      // indicators 1–8 this year; A takes 1–6, B takes 3–8 (overlap 3–6), in opposite orders
      const figures = [];
      for (let sequence = 1; sequence <= 8; sequence += 1) figures.push(await submitted(sequence, year, String(10 + sequence)));
      const batchA = figures.slice(0, 6);
      const batchB = figures.slice(2, 8).reverse();
      const [resultA, resultB] = await Promise.all([approveFigures(batchA, reviewerA), approveFigures(batchB, reviewerB)]);

      const okA = resultA.filter((r) => r.result.ok).map((r) => r.id);
      const okB = resultB.filter((r) => r.result.ok).map((r) => r.id);
      // every figure approved by exactly one of them; the other was told it changed meanwhile
      expect([...okA, ...okB].sort((x, y) => x - y)).toEqual(figures.map((f) => f.id).sort((x, y) => x - y));
      expect(okA.filter((id) => okB.includes(id))).toEqual([]);
      for (const r of [...resultA, ...resultB].filter((r) => !r.result.ok)) expect(r.result).toMatchObject({ ok: false, reason: 'conflict' });
      // the figures outside the overlap went to their only reviewer
      expect(okA).toEqual(expect.arrayContaining([figures[0]!.id, figures[1]!.id]));
      expect(okB).toEqual(expect.arrayContaining([figures[6]!.id, figures[7]!.id]));

      const ids = figures.map((f) => f.id);
      expect((await approvals(ids)).every((row) => row.n === 1)).toBe(true);
      expect(await approvals(ids)).toHaveLength(8);
      const { rows } = await db.query<{ status: string; version: number; approver: string }>(
        `SELECT o.status::text, o.version, e."actorName" AS approver FROM "Observation" o JOIN "FigureEvent" e ON e."observationId" = o.id AND e.action = 'approve' WHERE o.id = ANY($1::int[]) ORDER BY o.id`,
        [ids],
      );
      expect(rows.every((r) => r.status === 'approved' && r.version === 2)).toBe(true);
      // the history names the reviewer whose approval counted
      for (const row of rows.map((r, i) => ({ ...r, id: ids[i]! }))) expect(row.approver).toBe(okA.includes(row.id) ? '王审核' : '李审核');
    }
  });

  it('a figure changed after the reviewer saw it is not approved: its own result says so, the others go through', async () => {
    const a = await submitted(1, 2025, '3.5');
    const b = await submitted(2, 2025, '20');
    // staff take b back and resubmit: a new version the reviewer never saw
    const reopened = await saveFigure({ indicatorId: await indicatorId(2), year: 2025, value: '21', source: null, quality: null, note: null, baseVersion: b.version, submit: true }, staff);
    expect(reopened.ok).toBe(true);
    const results = await approveFigures([a, b], reviewerA);
    expect(results.map((r) => (r.result.ok ? 'approved' : r.result.reason))).toEqual(['approved', 'conflict']);
    expect((await db.query('SELECT status::text FROM "Observation" WHERE id = $1', [b.id])).rows[0].status).toBe('submitted');
  });
});

describe('the batch approval action', () => {
  it('refuses the whole batch while a figure with warnings is unconfirmed; approves once each is confirmed; reports stale items per item', async () => {
    // 2024 of indicator 16 (孵化器数量): 2023 approved at 4, 2024 submitted at 20 (a change of more than 50 %)
    const previous = await submitted(16, 2023, '4');
    expect((await transitionFigure({ ...previous, action: 'approve' }, reviewerA)).ok).toBe(true);
    const warned = await submitted(16, 2024, '20');
    const plain = await submitted(15, 2024, '12');
    const queue = await loadReviewQueue();
    expect(queue.find((i) => i.figure.id === warned.id)!.warnings.map((w) => w.code)).toContain('bigChange');

    useCookies(await signInWith(ROLE_USERS.reviewer));
    const batch = (confirm: number[], items = [warned, plain]) =>
      form({ item: items.map((i) => `${i.id}:${i.version}`), confirm: confirm.map(String) });
    const refused = await approveFigureBatch({}, batch([]));
    expect(refused).toMatchObject({ message: 'review.batch.confirmWarnings', unconfirmed: [warned.id] });
    const statuses = async () => (await db.query('SELECT id, status::text FROM "Observation" WHERE id = ANY($1::int[]) ORDER BY id', [[warned.id, plain.id]])).rows.map((r) => r.status);
    expect(await statuses()).toEqual(['submitted', 'submitted']); // nothing written

    // a stale version of the plain one (someone else's approval came first) is named in its own result
    const done = await approveFigureBatch({}, batch([warned.id], [warned, { id: plain.id, version: plain.version + 5 }]));
    expect(done).toMatchObject({ message: 'review.batch.partly', approved: 1, refusedCount: 1, results: { [warned.id]: 'approved', [plain.id]: 'conflict' } });
    expect(await statuses()).toEqual(['approved', 'submitted']);

    expect(await approveFigureBatch({}, form({}))).toMatchObject({ message: 'review.batch.noneSelected' });
    expect(await approveFigureBatch({}, form({ item: ['1:1', '1:1'] }))).toMatchObject({ message: 'entry.badRequest' });
    expect(await approveFigureBatch({}, form({ item: ['2147483648:1'] }))).toMatchObject({ message: 'entry.badRequest' });
  });

  it('staff may not batch-approve', async () => {
    useCookies(await signInWith(ROLE_USERS.staff));
    const figure = await submitted(14, 2024, '1');
    expect(await approveFigureBatch({}, form({ item: [`${figure.id}:${figure.version}`] }))).toMatchObject({ refused: 'forbidden' });
    expect((await db.query('SELECT status::text FROM "Observation" WHERE id = $1', [figure.id])).rows[0].status).toBe('submitted');
  });
});

describe('queue contents', () => {
  it('signing in without a page to return to lands on 我的待办; with one, on that page', async () => {
    jar.clear();
    expect((await runAction(() => signIn({}, form({ username: ROLE_USERS.staff, password: TEST_PASSWORD })))).redirectedTo).toBe('/todo');
    jar.clear();
    expect((await runAction(() => signIn({}, form({ username: ROLE_USERS.staff, password: TEST_PASSWORD, next: '/review?year=2024' })))).redirectedTo).toBe('/review?year=2024');
  });

  it('a returned figure is in 我的待办 with its reason and link; re-submitted, the review queue shows the earlier return', async () => {
    const figure = await submitted(13, 2024, '7');
    expect((await transitionFigure({ ...figure, action: 'return', reason: '请附认定文件' }, reviewerA)).ok).toBe(true);
    const id13 = await indicatorId(13);

    const items = await loadWorkQueue(() => true, '2026-12-03');
    const returned = items.find((i) => i.key === `figure:${id13}:2024`);
    expect(returned).toMatchObject({ state: 'returned', reason: '请附认定文件', href: `/plans/${slug}/entry/2024#entry-row-13` });
    // someone who does not enter indicator 13 does not see it
    expect((await loadWorkQueue((id) => id !== id13, '2026-12-03')).some((i) => i.key === returned!.key)).toBe(false);

    const resubmitted = await transitionFigure({ id: figure.id, version: figure.version + 1, action: 'submit' }, staff);
    expect(resubmitted.ok).toBe(true);
    expect((await loadWorkQueue(() => true, '2026-12-03')).some((i) => i.key === returned!.key)).toBe(false);
    const trail = (await loadReviewTrails([figure.id])).get(figure.id);
    expect(trail).toMatchObject({ submittedBy: '张录入', earlierReturn: { reason: '请附认定文件', by: '王审核' } });
    expect((await loadReviewQueue()).find((i) => i.figure.id === figure.id)?.figure.status).toBe('submitted');
  });

  it('figures due: missing ones appear for overdue years and the next due year once due dates are set', async () => {
    const plan = (await getPlanDetail(slug))!;
    await db.query(`INSERT INTO "PlanYear" ("planId", year, "dueDate") VALUES ($1, 2022, '2023-03-31'), ($1, 2025, '2027-03-31') ON CONFLICT ("planId", year) DO UPDATE SET "dueDate" = EXCLUDED."dueDate"`, [plan.id]);
    // a write by hand: bump the plan's data version as every write of lib/data does (lib/data/plan-version.ts)
    await db.query(`UPDATE "Plan" SET "dataVersion" = "dataVersion" + 1, "updatedAt" = now() WHERE id = $1`, [plan.id]);
    const items = await loadWorkQueue(() => true, '2026-12-03');
    const missing = items.filter((i) => i.state === 'missing');
    // 2022: indicators 9–16 have no figure (1–8 were entered above) and are overdue; 2025: those without a figure, due
    expect(missing.filter((i) => i.period === 2022).every((i) => i.overdue && i.due === '2023-03-31')).toBe(true);
    expect(missing.filter((i) => i.period === 2022)).toHaveLength(8);
    expect(missing.filter((i) => i.period === 2025).every((i) => !i.overdue)).toBe(true);
    expect(missing.some((i) => i.period === 2025)).toBe(true);
    expect(missing.some((i) => i.period === 2023 || i.period === 2024)).toBe(false); // no due date set
  });
});

describe('the grid view (indicators × years)', () => {
  it('saves several years at once with the entry rules: errors per cell, warnings confirmed per cell, version checked, blank cells left alone', async () => {
    useCookies(await signInWith(ROLE_USERS.staff));
    const id12 = await indicatorId(12); // a share (%), two decimals at most
    const grid = (cells: Record<string, string>) => form({ planSlug: slug, ...cells });
    const figureOf = async (year: number) => (await db.query('SELECT value::text, status::text, version FROM "Observation" WHERE "indicatorId" = $1 AND year = $2', [id12, year])).rows[0];

    // one bad cell: nothing saved, the error keyed by its cell, what was typed comes back
    const bad = await saveGridFigures({}, grid({ [`value.${id12}.2021`]: '40', [`version.${id12}.2021`]: '0', [`value.${id12}.2022`]: '40.123', [`version.${id12}.2022`]: '0' }));
    expect(bad).toMatchObject({ message: 'entry.checkFields', cellErrors: { [`${id12}.2022`]: { code: 'tooManyDecimals' } }, typed: { [`${id12}.2022`]: '40.123' } });
    expect(await figureOf(2021)).toBeUndefined();

    // 2021 and 2022 at once; 2022 at 90 is far from 2021's 40: a warning that must be confirmed in its own cell
    const cells = { [`value.${id12}.2021`]: '40', [`version.${id12}.2021`]: '0', [`value.${id12}.2022`]: '90', [`version.${id12}.2022`]: '0', [`value.${id12}.2023`]: '', [`version.${id12}.2023`]: '0' };
    const warned = await saveGridFigures({}, grid(cells));
    expect(warned.message).toBe('entry.confirmWarnings');
    expect(Object.keys(warned.warnings ?? {})).toEqual([`${id12}.2022`]);
    expect(await figureOf(2021)).toBeUndefined();
    expect(await saveGridFigures({}, grid({ ...cells, [`confirm.${id12}.2022`]: 'on' }))).toMatchObject({ ok: true, message: 'entry.saved', saved: 2 });
    expect(await figureOf(2021)).toMatchObject({ value: '40.000000', status: 'draft', version: 1 });
    expect(await figureOf(2023)).toBeUndefined(); // blank: nothing written

    // a stale version is a conflict for that cell only
    const stale = await saveGridFigures({}, grid({ [`value.${id12}.2021`]: '41', [`version.${id12}.2021`]: '0' }));
    expect(stale).toMatchObject({ message: 'entry.conflicts', conflicts: { [`${id12}.2021`]: { version: 1 } } });
    expect(await figureOf(2021)).toMatchObject({ value: '40.000000', version: 1 });
  });
});
