// The evaluation report's preface on the real PostgreSQL: saved with the plan per year, versioned, and
// two editors saving at once (first saves or edits of the same version) never both succeed; an archived
// plan's preface cannot change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEvaluationPreface, saveEvaluationPreface } from '@/lib/data/evaluation-prefaces';
import type { Actor } from '@/lib/data/figure-writes';
import { archivePlan, copyPlan } from '@/lib/data/plan-writes';
import { getPlanDetail } from '@/lib/data/plans';
import { planFieldsSchema } from '@/lib/schemas/plan';
import { seedDatabase } from '@/prisma/seed';
import { createTestDatabase, migrate, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
const a: Actor = { id: 'user-a', name: '甲' };
const b: Actor = { id: 'user-b', name: '乙' };
const PLAN = 'luquan-2021-2025';

beforeAll(async () => {
  database = await createTestDatabase('preface');
  migrate(database.url);
  await seedDatabase(database.url);
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => {
  await database?.drop();
});

describe('evaluation preface', () => {
  it('is saved per plan and year, and each save moves the version on', async () => {
    const plan = (await getPlanDetail(PLAN))!;
    const first = await saveEvaluationPreface(PLAN, 2024, '第一稿', 0, a);
    expect(first).toMatchObject({ ok: true, value: { text: '第一稿', version: 1, updatedByName: '甲' } });
    const second = await saveEvaluationPreface(PLAN, 2024, '第二稿', 1, b);
    expect(second).toMatchObject({ ok: true, value: { text: '第二稿', version: 2, updatedByName: '乙' } });
    expect(await getEvaluationPreface(plan.id, 2024)).toMatchObject({ text: '第二稿', version: 2 });
    expect(await getEvaluationPreface(plan.id, 2023)).toBeNull();
    expect(await saveEvaluationPreface(PLAN, 2030, 'x', 0, a)).toMatchObject({ ok: false, reason: 'yearOutsidePlan' });
  });

  it('lets one of two racing first saves in, and tells the other what was saved', async () => {
    for (let round = 0; round < 5; round++) {
      const year = 2021 + (round % 2);
      const plan = (await getPlanDetail(PLAN))!;
      const current = await getEvaluationPreface(plan.id, year);
      const base = current?.version ?? 0;
      const results = await Promise.all([saveEvaluationPreface(PLAN, year, `甲${round}`, base, a), saveEvaluationPreface(PLAN, year, `乙${round}`, base, b)]);
      const ok = results.filter((r) => r.ok);
      const refused = results.filter((r) => !r.ok);
      expect(ok).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatchObject({ reason: 'conflict', current: { version: base + 1 } });
      const saved = await getEvaluationPreface(plan.id, year);
      expect(saved!.version).toBe(base + 1);
      expect(saved!.text).toBe(ok[0]!.ok ? ok[0]!.value.text : null);
    }
  });

  it('cannot change on an archived plan', async () => {
    const fields = planFieldsSchema.parse({ name: '归档测试', shortName: '归档', region: '鹿泉区', baseYear: '2020', firstYear: '2021', lastYear: '2025', sourceDocument: '测试' });
    expect((await copyPlan(PLAN, 'archived-preface', fields, a)).ok).toBe(true);
    expect((await archivePlan('archived-preface', a)).ok).toBe(true);
    expect(await saveEvaluationPreface('archived-preface', 2023, 'x', 0, a)).toMatchObject({ ok: false, reason: 'archived' });
    expect(await saveEvaluationPreface('no-such-plan', 2023, 'x', 0, a)).toMatchObject({ ok: false, reason: 'notFound' });
  });
});
