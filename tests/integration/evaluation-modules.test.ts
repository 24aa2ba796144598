// The evaluation report's sections 3 (重点任务推进情况) and 4 (对标分析) on the real PostgreSQL, through
// loadEvaluation as the page and the .docx route call it: the seeded plan has no task report (section 3
// says so in one sentence) and reference values of 2020 only (section 4 says the comparison is from 2020);
// once a 2025 全年 report with status 滞后 and a stated problem is approved, the report names that action
// and its problem in sections 3 and 5, and its next steps in the suggestions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPlanDetail } from '@/lib/data/plans';
import { getTaskPlan } from '@/lib/data/tasks';
import { saveTaskReport, transitionTaskReport, type TaskWriteResult } from '@/lib/data/task-writes';
import { loadEvaluation } from '@/lib/loaders/evaluation';
import { paragraphText } from '@/lib/views/evaluation';
import { seedDatabase } from '@/prisma/seed';
import { createTestDatabase, migrate, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;
const PLAN = 'luquan-2021-2025';
const staff = { id: 'user-staff', name: '张录入' };
const reviewer = { id: 'user-reviewer', name: '王审核' };

beforeAll(async () => {
  database = await createTestDatabase('evaluation_modules');
  migrate(database.url);
  await seedDatabase(database.url);
  process.env.DATABASE_URL = database.url;
}, 120_000);
afterAll(async () => {
  await database?.drop();
});

const ok = (result: TaskWriteResult) => {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.report;
};

async function draft2025(includeUnapproved: string | null = null) {
  const loaded = await loadEvaluation(PLAN, { year: '2025', includeUnapproved, kind: null });
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.draft;
}

describe('evaluation sections 3 and 4 from the modules', () => {
  it('seeded: no task report (one sentence), 对标 from 2020 with the county ranks of 2018–2020', async () => {
    const d = await draft2025();
    expect(d.tasks.sentences.map((s) => s.text)).toEqual(['截至2025年，36项重点任务尚无已审核的进展报告，本节暂无法评估推进情况。']);
    expect(d.tasks.behind).toEqual([]);
    const benchmarks = d.benchmarks.sentences.map((s) => s.text);
    expect(benchmarks[0]).toBe('全省县域科技创新能力评价中，本区2018年第1位、2019年第1位、2020年第1位，2018—2020年名次持平；2021—2025年的评价结果暂未录入，以上为2020年及以前的名次。');
    expect(benchmarks[1]).toContain('与全省最高值的对标数据为2020年数据，2025年的全省对标值暂未录入');
    expect(benchmarks).toContain('“高新技术企业数量”2020年为228家，全省最高值为258家，相当于全省最高值的88.37%，相差30家。');
  });

  it('names an action whose approved 2025 report says 滞后, with its problem', async () => {
    const plan = (await getPlanDetail(PLAN))!;
    const tasks = await getTaskPlan(plan.id);
    const programme = tasks.programmes.find((p) => p.number === 7)!;
    const action = programme.actions[0]!;
    const saved = ok(
      await saveTaskReport(
        {
          actionId: action.id, year: 2025, half: 'FY', status: 'delayed', percent: 60, progress: '平台主体已建成。',
          problems: '设备采购招标两次流标。', nextSteps: '调整招标方案后重新招标', values: [], baseVersion: 0, submit: true,
        },
        staff,
      ),
    );
    // Submitted only: leaders' report (approved data) does not count it yet; with unapproved data it does.
    expect(paragraphText((await draft2025()).tasks.sentences)).toContain('尚无已审核的进展报告');
    expect(paragraphText((await draft2025('1')).tasks.behind)).toContain('设备采购招标两次流标');

    ok(await transitionTaskReport({ id: saved.id, version: saved.version, action: 'approve' }, reviewer));
    const d = await draft2025();
    const line = `“${action.name}”（专栏7）滞后（2025年全年报告），报告所述存在问题：设备采购招标两次流标。`;
    expect(d.tasks.sentences[0]!.text).toMatch(/^2025年，36项重点任务中，已完成0项，推进中0项，滞后1项/);
    expect(d.tasks.programmes).toHaveLength(8);
    expect(d.tasks.programmes.find((p) => p.label.startsWith('专栏7'))!.sentence.text).toMatch(new RegExp(`^${programme.actions.length}项重点任务中，已完成0项，推进中0项，滞后1项`));
    expect(d.tasks.behind.map((s) => s.text)).toContain(line);
    expect(d.problems.map((s) => s.text)).toContain(`重点任务${line}`);
    expect(d.suggestions.items.map((s) => s.text)).toContain(`“${action.name}”（专栏7，滞后）：报告所述下一步打算：调整招标方案后重新招标。`);
  });
});
