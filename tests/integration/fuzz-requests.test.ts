// fast-check against the real request handlers on a real PostgreSQL:
// - the GET route handlers (report JSON, figures.csv, report downloads) with random plan, year, format
//   and includeUnapproved, called with a valid read-only API token: 200, 400 or 404 — never a 500;
// - every server action ('use server' modules under app/, found by scanning) with random FormData as a
//   signed-in admin: no exception escapes, and when the action did not report success, not one row of
//   the database changed (every table's rows are checksummed before and after).
// Sign-in and sign-out are left out of the second part: a failed sign-in is meant to write (throttling)
// and sign-out is meant to end the session the rest of the run uses.
import path from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectClient } from '@/tests/helpers/test-database';
import { serverActionFiles } from '../helpers/app-sources';

vi.mock('next/headers', async () => (await import('../helpers/next-request')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../helpers/next-request')).nextCacheMock);

const { form, runAction, jar } = await import('../helpers/next-request');
const { setUpAccountsDatabase, signInWith, useCookies, ROLE_USERS } = await import('../helpers/accounts');
const { generateApiToken } = await import('@/lib/auth/api-tokens');
const { createApiToken } = await import('@/lib/data/api-tokens');
const { seedDatabase } = await import('@/prisma/seed');
const { GET: getReport } = await import('@/app/api/plans/[slug]/report/route');
const { GET: getFiguresCsv } = await import('@/app/api/plans/[slug]/figures.csv/route');
const { GET: download } = await import('@/app/reports/[slug]/[year]/export/[format]/route');
const { GET: getTasks } = await import('@/app/api/plans/[slug]/tasks/route');
const { GET: downloadTasks } = await import('@/app/plans/[slug]/tasks/export/[format]/route');
const { GET: getEvidence } = await import('@/app/plans/[slug]/tasks/evidence/[id]/route');

const PLAN = 'luquan-2021-2025';
// thousands of cases: generous per-test time on a busy 2-core machine (a limit, not a timing assertion)
vi.setConfig({ testTimeout: 600_000 });
const root = path.resolve(import.meta.dirname, '../..');

let setup: Awaited<ReturnType<typeof setUpAccountsDatabase>>;
let db: pg.Client;
let token: string;
let adminCookies: Map<string, string>;
let indicatorIds: number[];
let observationIds: number[];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  setup = await setUpAccountsDatabase('proof_fuzz');
  await seedDatabase(setup.database.url, { sample: true });
  db = await connectClient(setup.database.url);
  const issued = generateApiToken();
  await createApiToken({ name: '模糊测试', tokenHash: issued.tokenHash, prefix: issued.prefix, createdById: setup.userIds.admin });
  token = issued.token;
  adminCookies = await signInWith(ROLE_USERS.admin);
  indicatorIds = (await db.query<{ id: number }>('SELECT id FROM "Indicator" ORDER BY id')).rows.map((r) => r.id);
  observationIds = (await db.query<{ id: number }>('SELECT id FROM "Observation" ORDER BY id')).rows.map((r) => r.id);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await db?.end();
  await setup?.database.drop();
});

// ── route handlers ────────────────────────────────────────────────────────────────────────────
const odd = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', ' ', '..', '%00', '２０２３', '2023.0', ' 2023 ', '-1', '1e3', '99999999999999999999', '<script>', "' OR 1=1 --"));
const planParam = fc.oneof(fc.constant(PLAN), fc.constant('LUQUAN-2021-2025'), fc.stringMatching(/^[a-z0-9-]{1,12}$/), odd);
const yearParam = fc.oneof(fc.constant(null), fc.integer({ min: 2015, max: 2030 }).map(String), odd);
const includeParam = fc.oneof(fc.constant(null), fc.constantFrom('1', '0', 'true', 'false', 'TRUE', 'yes'), odd);
const formatParam = fc.oneof(fc.constantFrom('xlsx', 'docx', 'csv'), fc.constantFrom('XLSX', 'pdf', 'xlsx ', ''), odd);

function url(pathname: string, query: Record<string, string | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== null) search.set(key, value);
  const qs = search.toString();
  return `http://test${pathname}${qs ? `?${qs}` : ''}`;
}
const authed = (href: string) => new Request(href, { headers: { authorization: `Bearer ${token}` } });

async function expectAnswered(response: Response): Promise<void> {
  expect([200, 400, 404]).toContain(response.status);
  if (response.status === 200) {
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    return;
  }
  const body = (await response.json()) as { error: { status: number; message: string } };
  expect(body.error.status).toBe(response.status);
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
}

describe('route handlers with random query parameters and a valid API token', () => {
  it('GET /api/plans/[slug]/report never answers 500', async () => {
    await fc.assert(
      fc.asyncProperty(planParam, yearParam, includeParam, async (plan, year, includeUnapproved) => {
        const response = await getReport(authed(url(`/api/plans/${encodeURIComponent(plan)}/report`, { year, includeUnapproved })), { params: Promise.resolve({ slug: plan }) });
        await expectAnswered(response);
        if (response.status === 200) expect(plan).toBe(PLAN);
      }),
      { numRuns: 400 },
    );
  });

  it('GET /api/plans/[slug]/figures.csv never answers 500', async () => {
    await fc.assert(
      fc.asyncProperty(planParam, includeParam, async (plan, extra) => {
        const response = await getFiguresCsv(authed(url(`/api/plans/${encodeURIComponent(plan)}/figures.csv`, { extra })), { params: Promise.resolve({ slug: plan }) });
        await expectAnswered(response);
        expect(response.status === 200).toBe(plan === PLAN);
      }),
      { numRuns: 300 },
    );
  });

  it('GET /reports/[slug]/[year]/export/[format] never answers 500', async () => {
    await fc.assert(
      fc.asyncProperty(planParam, fc.oneof(fc.integer({ min: 2015, max: 2030 }).map(String), odd), formatParam, includeParam, async (plan, year, format, includeUnapproved) => {
        const response = await download(authed(url(`/reports/${encodeURIComponent(plan)}/${encodeURIComponent(year)}/export/${encodeURIComponent(format)}`, { includeUnapproved })), {
          params: Promise.resolve({ slug: plan, year, format }),
        });
        await expectAnswered(response);
        if (response.status === 200) expect(['xlsx', 'docx', 'csv']).toContain(format);
      }),
      { numRuns: 300 },
    );
  });
});

describe('key-task route handlers with random parameters and a valid API token', () => {
  it('GET /api/plans/[slug]/tasks and the task table downloads never answer 500', async () => {
    await fc.assert(
      fc.asyncProperty(planParam, fc.option(fc.oneof(fc.integer({ min: 2015, max: 2030 }).map(String), odd), { nil: null }), formatParam, includeParam, async (plan, year, format, includeUnapproved) => {
        const json = await getTasks(authed(url(`/api/plans/${encodeURIComponent(plan)}/tasks`, { year, includeUnapproved })), { params: Promise.resolve({ slug: plan }) });
        await expectAnswered(json);
        if (json.status === 200) expect(plan).toBe(PLAN);
        const file = await downloadTasks(authed(url(`/plans/${encodeURIComponent(plan)}/tasks/export/${encodeURIComponent(format)}`, { year, includeUnapproved })), { params: Promise.resolve({ slug: plan, format }) });
        await expectAnswered(file);
        if (file.status === 200) expect(['xlsx', 'docx', 'csv']).toContain(format);
      }),
      { numRuns: 60 },
    );
  });

  it('GET /plans/[slug]/tasks/evidence/[id] never answers 500', async () => {
    await fc.assert(
      fc.asyncProperty(planParam, fc.oneof(fc.integer().map(String), odd), async (plan, id) => {
        const response = await getEvidence(authed(url(`/plans/${encodeURIComponent(plan)}/tasks/evidence/${encodeURIComponent(id)}`, {})), { params: Promise.resolve({ slug: plan, id }) });
        await expectAnswered(response);
        expect(response.status).toBe(404);
      }),
      { numRuns: 100 },
    );
  });
});

// ── server actions ────────────────────────────────────────────────────────────────────────────
const NOT_FUZZED = new Set(['_actions/session.ts#signIn', '_actions/session.ts#signOut']);

async function serverActions(): Promise<[string, (...args: unknown[]) => Promise<unknown>][]> {
  const files = serverActionFiles(path.join(root, 'app'));
  const actions: [string, (...args: unknown[]) => Promise<unknown>][] = [];
  for (const file of files) {
    const exports = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      const key = `${path.relative(path.join(root, 'app'), file)}#${name}`;
      if (typeof value === 'function' && !NOT_FUZZED.has(key)) actions.push([key, value as (...args: unknown[]) => Promise<unknown>]);
    }
  }
  return actions;
}

/** Every row of every table, as one text per table (Session without its activity timestamp). */
async function snapshot(): Promise<Record<string, string>> {
  const { rows: tables } = await db.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1");
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const row = name === 'Session' ? `(t.id, t.token, t."userId", t."expiresAt")::text` : 't::text';
    const { rows } = await db.query<{ n: number; sum: string | null }>(`SELECT count(*)::int AS n, md5(string_agg(${row}, '|' ORDER BY ${row})) AS sum FROM "${name}" t`);
    result[name] = `${rows[0]!.n}:${rows[0]!.sum}`;
  }
  return result;
}

function changeReported(state: unknown): boolean {
  if (typeof state !== 'object' || state === null) return false;
  const s = state as { ok?: boolean; message?: string; saved?: number; submitted?: number };
  return s.ok === true || (s.message === 'entry.conflicts' && (s.saved ?? 0) + (s.submitted ?? 0) > 0);
}

const FIELD_NAMES = ['planSlug', 'year', 'intent', 'confirmWarnings', 'id', 'version', 'decision', 'reason', 'file', 'username', 'name', 'role', 'password', 'userId', 'scope', 'indicatorIds', 'disabled', 'tokenId', 'locale'] as const;

function fieldValue(ctx: { indicatorIds: number[]; observationIds: number[]; userIds: string[] }): fc.Arbitrary<string | File> {
  return fc.oneof(
    odd,
    fc.constantFrom(PLAN, '2021', '2023', '2025', '2026', 'draft', 'submit', 'submit:1', 'approve', 'return', 'on', 'staff', 'admin', 'all', 'assigned', 'true', 'false', 'en', 'zh-CN', '1', '0', '-5'),
    fc.constantFrom(...ctx.indicatorIds.map(String), ...ctx.observationIds.map(String), ...ctx.userIds),
    fc.constantFrom('13.31', '１２３．４', '1,200', '1,20', '-100', '101', '1e5', '#N/A', ''),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => new File([bytes], 'upload.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })),
  );
}

describe('server actions with random FormData, signed in as admin', () => {
  it('never throw, and change nothing unless they report success', async () => {
    const actions = await serverActions();
    expect(actions.length).toBeGreaterThanOrEqual(8);
    // other accounts only: the admin resetting or disabling itself would end the session the run uses
    const ctx = { indicatorIds, observationIds, userIds: [setup.userIds.staff, setup.userIds.reviewer, setup.userIds.leader] };
    const rowFields = fc.tuple(fc.constantFrom('value', 'source', 'quality', 'note', 'version'), fc.constantFrom(...indicatorIds.slice(0, 4))).map(([field, id]) => `${field}.${id}`);
    const entries = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELD_NAMES), rowFields, fc.string({ maxLength: 12 })), fieldValue(ctx)), { maxLength: 14 });
    let successes = 0;
    let rejections = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...actions), entries, async ([key, action], fields) => {
        useCookies(adminCookies);
        const data = form({});
        for (const [name, value] of fields) data.append(name, value);
        const before = await snapshot();
        const outcome = await runAction(() => (action.length <= 1 ? action(data) : action({}, data)));
        const after = await snapshot();
        if (outcome.redirectedTo !== undefined || changeReported(outcome.returned)) {
          successes += 1;
          return;
        }
        rejections += 1;
        expect({ key, fields: fields.map(([n, v]) => [n, typeof v === 'string' ? v : `<file ${v.size} bytes>`]), after }).toEqual({ key, fields: fields.map(([n, v]) => [n, typeof v === 'string' ? v : `<file ${v.size} bytes>`]), after: before });
      }),
      { numRuns: 500 },
    );
    jar.clear();
    expect(rejections).toBeGreaterThan(0);
    console.log(`[fuzz] server actions: ${successes} accepted, ${rejections} rejected with the database unchanged`);
  });

  it('the checksum sees an accepted change (so "unchanged" above means something)', async () => {
    useCookies(adminCookies);
    const { issueApiToken } = await import('@/app/_actions/tokens');
    const before = await snapshot();
    const outcome = await runAction(() => issueApiToken({}, form({ name: '校验用' })));
    expect(changeReported(outcome.returned)).toBe(true);
    expect(await snapshot()).not.toEqual(before);
  });

  it('left no unhandled promise rejection behind', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(unhandled).toEqual([]);
  });
});
