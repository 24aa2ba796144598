/**
 * The plan cache is right across instances: two Node processes, each with its own in-process cache
 * (lib/loaders/plan-cache.ts), share one database. One writes through lib/data, the other reads through
 * lib/loaders; the first read after each write's commit shows it — figures saved, approved, imported,
 * an indicator archived — while reads between writes come from the cache. Also: every write bumps the
 * plan's data version exactly in its own transaction (a refused write does not).
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveFigure, type Actor } from '@/lib/data/figure-writes';
import { getPlanDetail } from '@/lib/data/plans';
import { setDueDates, updatePlan } from '@/lib/data/plan-writes';
import type { PlanDetail } from '@/lib/data/types';
import { seedDatabase } from '@/prisma/seed';
import type { InstanceRequest } from '../helpers/loader-instance';
import { connectClient, createTestDatabase, migrate, type TestDatabase } from '../helpers/test-database';

const root = path.resolve(import.meta.dirname, '../..');
const SLUG = 'luquan-2021-2025';

interface Instance {
  ask<T = Record<string, unknown>>(request: InstanceRequest): Promise<T & { cache: { hits: number; misses: number } }>;
  stop(): Promise<void>;
}

function startInstance(databaseUrl: string): Promise<Instance> {
  const child: ChildProcess = fork(path.join(root, 'tests/helpers/loader-instance.ts'), [], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 0;
  const waiting = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (message: { ready?: true; id?: number; ok?: boolean; value?: object; error?: string; cache?: object }) => {
      if (message.ready) {
        resolve({
          ask: (request) =>
            new Promise((done, fail) => {
              const id = ++next;
              waiting.set(id, { resolve: done as (v: never) => void, reject: fail });
              child.send({ id, request });
            }),
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
        return;
      }
      const entry = waiting.get(message.id!);
      waiting.delete(message.id!);
      if (message.ok) entry?.resolve({ ...message.value, cache: message.cache } as never);
      else entry?.reject(new Error(message.error));
    });
  });
}

let database: TestDatabase;
let reader: Instance;
let writer: Instance;
let plan: PlanDetail;

async function dataVersion(): Promise<number> {
  const client = await connectClient(database.url);
  try {
    return (await client.query<{ dataVersion: number }>('SELECT "dataVersion" FROM "Plan" WHERE slug = $1', [SLUG])).rows[0]!.dataVersion;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createTestDatabase('cache_instances');
  migrate(database.url);
  await seedDatabase(database.url); // no figures yet: every one is written by the tests
  process.env.DATABASE_URL = database.url;
  plan = (await getPlanDetail(SLUG))!;
  [reader, writer] = await Promise.all([startInstance(database.url), startInstance(database.url)]);
});

afterAll(async () => {
  await Promise.all([reader?.stop(), writer?.stop()]);
  await database?.drop();
});

describe('two instances, one database', () => {
  it('the first read after a write in the other instance shows it; reads in between come from the cache', async () => {
    const indicator = plan.indicators.find((i) => i.sequence === 1)!;
    const card = { op: 'card', slug: SLUG, sequence: 1, year: 2025, includeUnapproved: true } as const;
    const approvedCard = { ...card, includeUnapproved: false } as const;
    const before = await reader.ask<{ latestYear: number | null; latestValue: number | null }>(card);
    const again = await reader.ask(card);
    expect(again.cache.hits).toBeGreaterThan(before.cache.hits); // served from the reader's cache
    const approvedBefore = await reader.ask<{ latestValue: number | null }>(approvedCard);

    // a new draft for 2025, saved through the other instance
    const saved = await writer.ask<{ ok: boolean; figure: { id: number; version: number } }>({ op: 'save', indicatorId: indicator.id, year: 2025, value: '401', baseVersion: 0 });
    expect(saved.ok).toBe(true);
    expect(await reader.ask(card)).toMatchObject({ latestYear: 2025, latestValue: 401 });
    expect(await reader.ask(approvedCard)).toMatchObject({ latestValue: approvedBefore.latestValue }); // drafts stay out of the approved view

    // corrections, one after the other: each shows at once
    let version = saved.figure.version;
    for (const value of ['402', '403.5', '404', '399', '410']) {
      const result = await writer.ask<{ ok: boolean; figure: { version: number } }>({ op: 'save', indicatorId: indicator.id, year: 2025, value, baseVersion: version });
      expect(result.ok).toBe(true);
      version = result.figure.version;
      expect(await reader.ask(card)).toMatchObject({ latestValue: Number(value) });
      expect(await reader.ask({ ...card, op: 'indicator' })).toMatchObject({ latestValue: Number(value) });
    }

    // review: submitted, then approved — now in the approved-only view
    const submitted = await writer.ask<{ ok: boolean; figure: { version: number } }>({ op: 'transition', id: saved.figure.id, version, action: 'submit' });
    const approved = await writer.ask<{ ok: boolean; figure: { version: number } }>({ op: 'transition', id: saved.figure.id, version: submitted.figure.version, action: 'approve' });
    expect(approved.ok).toBe(true);
    expect(await reader.ask(approvedCard)).toMatchObject({ latestYear: 2025, latestValue: 410 });

    // unlock, then an Excel import overwrites the draft
    const unlocked = await writer.ask<{ ok: boolean }>({ op: 'transition', id: saved.figure.id, version: approved.figure.version, action: 'unlock', reason: '更正' });
    expect(unlocked.ok).toBe(true);
    expect(await reader.ask(approvedCard)).toMatchObject({ latestValue: approvedBefore.latestValue });
    expect(await writer.ask({ op: 'import', indicatorId: indicator.id, sequence: 1, year: 2025, value: '420' })).toMatchObject({ ok: true, updated: 1 });
    expect(await reader.ask(card)).toMatchObject({ latestValue: 420 });

    // a definition change: the archived indicator leaves the overview
    const cardsBefore = (await reader.ask<{ cards: number }>(card)).cards;
    expect(await writer.ask({ op: 'archive', slug: SLUG, indicatorId: indicator.id })).toMatchObject({ ok: true });
    expect(await reader.ask(card)).toMatchObject({ found: false, cards: cardsBefore - 1 });
  });

  it('reads racing writes never go back to an older figure once a write has returned', async () => {
    const indicator = plan.indicators.find((i) => i.sequence === 2)!;
    const card = { op: 'card', slug: SLUG, sequence: 2, year: 2025, includeUnapproved: true } as const;
    let version = 0;
    let confirmed = -1; // the last value whose write has returned
    let stop = false;
    const seen: { value: number | null; confirmedBefore: number }[] = [];
    const reading = (async () => {
      while (!stop) {
        const confirmedBefore = confirmed;
        const { latestValue } = await reader.ask<{ latestValue: number | null }>(card);
        seen.push({ value: latestValue, confirmedBefore });
      }
    })();
    for (let value = 1; value <= 15; value++) {
      const result = await writer.ask<{ ok: boolean; figure: { version: number } }>({ op: 'save', indicatorId: indicator.id, year: 2025, value: String(value), baseVersion: version });
      version = result.figure.version;
      confirmed = value;
    }
    stop = true;
    await reading;
    expect(seen.length).toBeGreaterThan(5);
    // every read started after value v was confirmed shows v or a later one
    for (const read of seen) if (read.confirmedBefore > 0) expect(read.value).toBeGreaterThanOrEqual(read.confirmedBefore);
    expect(await reader.ask(card)).toMatchObject({ latestValue: 15 });
  });
});

describe('the data version', () => {
  const actor: Actor = { id: 'version-test', name: '版本' };

  it('is bumped once by each write, in its transaction, and not by a refused one', async () => {
    const start = await dataVersion();
    const indicator = plan.indicators.find((i) => i.sequence === 3)!;
    expect((await saveFigure({ indicatorId: indicator.id, year: 2025, value: '5', source: null, quality: null, note: null, baseVersion: 0, submit: false }, actor)).ok).toBe(true);
    expect(await dataVersion()).toBe(start + 1);
    // refused (stale version): rolled back with the bump
    expect((await saveFigure({ indicatorId: indicator.id, year: 2025, value: '6', source: null, quality: null, note: null, baseVersion: 0, submit: false }, actor)).ok).toBe(false);
    expect(await dataVersion()).toBe(start + 1);
    expect((await setDueDates(SLUG, [{ year: 2025, dueDate: '2026-03-31' }], actor)).ok).toBe(true);
    expect(await dataVersion()).toBe(start + 2);
    const { name, shortName, region, baseYear, firstYear, lastYear, sourceDocument } = (await getPlanDetail(SLUG))!;
    expect((await updatePlan(SLUG, { name: `${name}（修订）`, shortName, region, baseYear, firstYear, lastYear, sourceDocument }, actor)).ok).toBe(true);
    expect(await dataVersion()).toBe(start + 3);
  });
});
