// Issue 13, item 10: "at least one active admin" holds when admins change each other's role or disable
// each other at the same moment — real concurrent transactions on the real PostgreSQL.
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setUserDisabled, updateUserAccess } from '@/lib/data/users';
import { connectClient, createTestDatabase, migrate, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
let db: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase('admin_races');
  migrate(database.url);
  process.env.DATABASE_URL = database.url;
  db = await connectClient(database.url);
});
afterAll(async () => {
  await db?.end();
  await database?.drop();
});
beforeEach(async () => {
  await db.query('DELETE FROM "User"');
});

/** `count` active admins admin_0 … admin_{count-1}. */
async function admins(count: number): Promise<string[]> {
  await db.query(
    `INSERT INTO "User" (id, name, email, username, role, "updatedAt")
     SELECT 'admin_' || g, '管理员' || g, 'admin_' || g || '@users.invalid', 'admin_' || g, 'admin', now() FROM generate_series(0, $1 - 1) g`,
    [count],
  );
  return Array.from({ length: count }, (_, i) => `admin_${i}`);
}

const activeAdmins = async () => (await db.query(`SELECT count(*)::int AS n FROM "User" WHERE role = 'admin' AND NOT disabled`)).rows[0].n as number;
const demote = (id: string, actorId?: string) => updateUserAccess(id, { role: 'leader', allIndicators: true, indicatorIds: [] }, actorId);

describe('issue 13 item 10: two admins demoting each other at once leave an admin', () => {
  it('two admins demoting each other at once: one succeeds, one admin remains (20 rounds)', async () => {
    for (let round = 0; round < 20; round++) {
      await db.query('DELETE FROM "User"');
      const [a, b] = await admins(2);
      const results = await Promise.all([demote(b!, a), demote(a!, b)]);
      expect(results.filter((r) => r.ok), `round ${round}`).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'actorNotAdmin' });
      expect(await activeAdmins()).toBe(1);
    }
  });

  it('two admins disabling each other at once: one admin remains', async () => {
    for (let round = 0; round < 20; round++) {
      await db.query('DELETE FROM "User"');
      const [a, b] = await admins(2);
      const results = await Promise.all([setUserDisabled(b!, true, a), setUserDisabled(a!, true, b)]);
      expect(results.filter((r) => r.ok), `round ${round}`).toHaveLength(1);
      expect(await activeAdmins()).toBe(1);
    }
  });

  it('12 admins each demoting or disabling the next, all at once: at least one active admin remains', async () => {
    const ids = await admins(12);
    const results = await Promise.all(ids.map((actor, i) => (i % 2 ? demote(ids[(i + 1) % ids.length]!, actor) : setUserDisabled(ids[(i + 1) % ids.length]!, true, actor))));
    expect(await activeAdmins()).toBeGreaterThanOrEqual(1);
    // every change that went through was made by an admin who was still active when it was made
    expect(results.filter((r) => r.ok).length).toBe(12 - (await activeAdmins()));
  });

  it('without an acting admin (scripts), demoting every admin at once still leaves exactly one', async () => {
    const ids = await admins(10);
    const results = await Promise.all(ids.map((id) => demote(id)));
    expect(results.filter((r) => r.ok)).toHaveLength(9);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'lastAdmin' }]);
    expect(await activeAdmins()).toBe(1);
  });
});
