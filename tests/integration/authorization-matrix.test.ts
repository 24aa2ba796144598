// Every server action ('use server' module under app/) and every mutating route handler × every role
// and anonymous → allowed or refused exactly as the table below says. The actions are found by
// scanning app/, not listed by hand: a new action without a row here fails the first test.
// Real PostgreSQL, real better-auth sessions (signed in through the sign-in action); only Next's
// request scope (next/headers) and revalidatePath are stand-ins.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectClient } from '@/tests/helpers/test-database';
import type { Role } from '@/lib/auth/permissions';
import { serverActionFiles as serverActionFilesIn, sourceFiles } from '../helpers/app-sources';

vi.mock('next/headers', async () => (await import('../helpers/next-request')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../helpers/next-request')).nextCacheMock);

const { form, runAction } = await import('../helpers/next-request');
const { setUpAccountsDatabase, signInWith, useCookies, ROLE_USERS, TEST_PASSWORD } = await import('../helpers/accounts');
const { createAccount } = await import('@/lib/auth/accounts');
const { createApiToken } = await import('@/lib/data/api-tokens');
const { saveFigure, transitionFigure } = await import('@/lib/data/figure-writes');
const { buildFigureTemplate } = await import('@/lib/import/figure-workbook');
const ExcelJS = (await import('exceljs')).default;

const root = path.resolve(import.meta.dirname, '../..');
const appDir = path.join(root, 'app');
type Caller = Role | 'anonymous';
const CALLERS: readonly Caller[] = ['anonymous', 'admin', 'staff', 'reviewer', 'leader'];

const serverActionFiles = serverActionFilesIn(appDir);
const routeFiles = sourceFiles(appDir).filter((file) => /(^|\/)route\.(ts|tsx)$/.test(file));

interface Ctx {
  db: pg.Client;
  userIds: Record<Role, string>;
  run: number;
}

interface ActionRow {
  /** who may call it; everyone else is refused ('unauthenticated' for anonymous, 'forbidden' for a role) */
  allowed: readonly Caller[];
  /** valid input for one call */
  input: (ctx: Ctx) => Promise<FormData> | FormData;
  /** what the call changes in the database: must differ after an allowed call, stay equal after a refused one */
  effect?: (ctx: Ctx) => Promise<unknown>;
}

const count = async (ctx: Ctx, sql: string, params: unknown[] = []) => (await ctx.db.query(sql, params)).rows[0];
const EVERYONE = CALLERS;
const ADMIN: readonly Caller[] = ['admin'];

// The specification. Keys: <file under app/>#<export>.
const ACTIONS: Record<string, ActionRow> = {
  '_actions/locale.ts#switchLocale': { allowed: EVERYONE, input: () => form({ locale: 'en' }) },
  '_actions/session.ts#signIn': { allowed: EVERYONE, input: () => form({ username: ROLE_USERS.leader, password: TEST_PASSWORD, next: '/' }) },
  '_actions/session.ts#signOut': { allowed: EVERYONE, input: () => form({}) },
  '_actions/users.ts#createUser': {
    allowed: ADMIN,
    input: (ctx) => form({ username: `new_user_${ctx.run}`, name: '新用户', role: 'staff', password: 'a-good-password' }),
    effect: (ctx) => count(ctx, 'SELECT count(*)::int AS n FROM "User"'),
  },
  '_actions/users.ts#updateUserAccess': {
    allowed: ADMIN,
    input: async (ctx) => {
      const target = await targetUser(ctx);
      return form({ userId: target, role: ctx.run % 2 ? 'staff' : 'reviewer', scope: 'assigned', indicatorIds: ['1', '2'] });
    },
    effect: (ctx) => count(ctx, `SELECT string_agg(role::text || "allIndicators"::text, ',') AS s, (SELECT count(*)::int FROM "UserIndicator") AS a FROM "User" WHERE username LIKE 'target_%'`),
  },
  '_actions/users.ts#resetUserPassword': {
    allowed: ADMIN,
    input: async (ctx) => form({ userId: await targetUser(ctx), password: `new-password-${ctx.run}` }),
    effect: (ctx) => count(ctx, `SELECT string_agg(a.password, ',') AS p FROM "Account" a JOIN "User" u ON u.id = a."userId" WHERE u.username LIKE 'target_%'`),
  },
  '_actions/users.ts#setUserDisabled': {
    allowed: ADMIN,
    input: async (ctx) => form({ userId: await targetUser(ctx), disabled: 'true' }),
    effect: (ctx) => count(ctx, `SELECT count(*)::int AS n FROM "User" WHERE disabled`),
  },
  '_actions/tokens.ts#issueApiToken': {
    allowed: ADMIN,
    input: () => form({ name: '统计局导出' }),
    effect: (ctx) => count(ctx, 'SELECT count(*)::int AS n FROM "ApiToken"'),
  },
  '_actions/tokens.ts#revokeApiToken': {
    allowed: ADMIN,
    input: async (ctx) => {
      const id = await createApiToken({ name: `t${ctx.run}`, tokenHash: `hash-${ctx.run}`, prefix: 'pim_xx', createdById: ctx.userIds.admin });
      return form({ tokenId: String(id) });
    },
    effect: (ctx) => count(ctx, 'SELECT count(*)::int AS n FROM "ApiToken" WHERE "revokedAt" IS NOT NULL'),
  },
};

const STAFF_WORK: readonly Caller[] = ['admin', 'staff'];
const REVIEW_WORK: readonly Caller[] = ['admin', 'reviewer'];
const PLAN = 'luquan-2021-2025';

async function indicatorId(ctx: Ctx, sequence: number): Promise<number> {
  return (await count(ctx, `SELECT i.id FROM "Indicator" i JOIN "Plan" p ON p.id = i."planId" WHERE p.slug = $1 AND i.sequence = $2`, [PLAN, sequence])).id;
}

/** A figure of its own for each case (a distinct indicator and year per run), submitted or approved. */
async function figureFor(ctx: Ctx, status: 'submitted' | 'approved') {
  const setupActor = { id: ctx.userIds.admin, name: '准备数据' };
  const saved = await saveFigure(
    { indicatorId: await indicatorId(ctx, (ctx.run % 16) + 1), year: 2022 + (Math.floor(ctx.run / 16) % 4), value: '50', source: null, quality: null, note: null, baseVersion: 0, submit: true },
    setupActor,
  );
  if (!saved.ok) throw new Error(`could not prepare a figure: ${JSON.stringify(saved)}`);
  if (status === 'submitted') return saved.figure;
  const approved = await transitionFigure({ id: saved.figure.id, version: saved.figure.version, action: 'approve' }, setupActor);
  if (!approved.ok) throw new Error('could not approve the prepared figure');
  return approved.figure;
}

const statusOf = (ctx: Ctx) => count(ctx, 'SELECT string_agg(status::text || version::text, \',\' ORDER BY id) AS s FROM "Observation"');

ACTIONS['_actions/figures.ts#saveYearFigures'] = {
  allowed: STAFF_WORK,
  input: async (ctx) => {
    const id = await indicatorId(ctx, 6);
    const version = (await count(ctx, 'SELECT COALESCE(MAX(version), 0)::int AS v FROM "Observation" WHERE "indicatorId" = $1 AND year = 2021', [id])).v;
    return form({ planSlug: PLAN, year: '2021', intent: 'draft', [`value.${id}`]: String(240 + ctx.run), [`version.${id}`]: String(version), [`source.${id}`]: '统计年鉴', [`quality.${id}`]: 'final', [`note.${id}`]: '' });
  },
  effect: (ctx) => count(ctx, 'SELECT count(*)::int AS n FROM "FigureEvent"'),
};
ACTIONS['_actions/figures.ts#saveGridFigures'] = {
  allowed: STAFF_WORK,
  input: async (ctx) => {
    const id = await indicatorId(ctx, 7);
    const version = (await count(ctx, 'SELECT COALESCE(MAX(version), 0)::int AS v FROM "Observation" WHERE "indicatorId" = $1 AND year = 2021', [id])).v;
    return form({ planSlug: PLAN, [`value.${id}.2021`]: String(900 + ctx.run), [`version.${id}.2021`]: String(version), [`confirm.${id}.2021`]: 'on' });
  },
  effect: (ctx) => count(ctx, 'SELECT count(*)::int AS n FROM "FigureEvent"'),
};
ACTIONS['_actions/figures.ts#reviewFigure'] = {
  allowed: REVIEW_WORK,
  input: async (ctx) => {
    const figure = await figureFor(ctx, 'submitted');
    return form({ id: String(figure.id), version: String(figure.version), decision: 'approve', reason: '' });
  },
  effect: statusOf,
};
ACTIONS['_actions/review.ts#approveFigureBatch'] = {
  allowed: REVIEW_WORK,
  input: async (ctx) => {
    const figure = await figureFor(ctx, 'submitted');
    return form({ item: [`${figure.id}:${figure.version}`], confirm: [String(figure.id)] });
  },
  effect: statusOf,
};
ACTIONS['_actions/figures.ts#unlockFigure'] = {
  allowed: ADMIN,
  input: async (ctx) => {
    const figure = await figureFor(ctx, 'approved');
    return form({ id: String(figure.id), version: String(figure.version), reason: '统计局修订' });
  },
  effect: statusOf,
};
ACTIONS['_actions/figures.ts#importFigureWorkbook'] = {
  allowed: STAFF_WORK,
  input: async (ctx) => {
    const id = await indicatorId(ctx, 5);
    const template = await buildFigureTemplate({
      planSlug: PLAN, planName: '十四五', year: 2021,
      indicators: [{ id, sequence: 5, category: '创新能力', name: '创新型(试点)企业数量', unit: '家', kind: 'cumulative', decimals: 0, previous: null }],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as never);
    const value = 23 + (ctx.run % 5);
    workbook.getWorksheet('填报')!.getCell(4, 5).value = value;
    // the confirmation of a preview: the token names the figure's current version (lib/views/import-preview)
    const version = (await count(ctx, 'SELECT version FROM "Observation" WHERE "indicatorId" = $1 AND year = 2021', [id]))?.version ?? 0;
    const data = form({ planSlug: PLAN, year: '2021', intent: 'confirm', token: `${id}:${version}:${value}` });
    data.append('file', new File([await workbook.xlsx.writeBuffer()], 'template.xlsx'));
    return data;
  },
  effect: (ctx) => count(ctx, 'SELECT count(*)::int AS n FROM "FigureEvent"'),
};


// Benchmarks (对标值, 县域评价, 核对): staff enter, reviewers review, admins set the 主口径 and tolerance.
// Each case writes a record of its own (a distinct year per run: the forms take 2000–2100, records prepared
// through lib/data use years before 2000).
const benchmarkEvents = (ctx: Ctx) => count(ctx, 'SELECT count(*)::int AS n FROM "BenchmarkEvent"');
ACTIONS['_actions/benchmarks.ts#saveReferenceValueAction'] = {
  allowed: STAFF_WORK,
  input: async (ctx) => form({ planSlug: PLAN, subject: `indicator:${await indicatorId(ctx, 6)}`, kind: 'cityAverage', year: String(2000 + (ctx.run % 100)), value: '120', source: '市科技局通报', note: '', baseVersion: '0', intent: 'draft' }),
  effect: benchmarkEvents,
};
ACTIONS['_actions/benchmarks.ts#saveSeriesFigureAction'] = {
  allowed: STAFF_WORK,
  input: async (ctx) => {
    const series = (await count(ctx, `SELECT s.id FROM "SupplementarySeries" s JOIN "Plan" p ON p.id = s."planId" WHERE p.slug = $1 AND s.key = 'fiscalStiSpending'`, [PLAN])).id;
    return form({ planSlug: PLAN, seriesId: String(series), year: String(2000 + (ctx.run % 100)), value: '12000', source: '财政局决算', note: '', baseVersion: '0', intent: 'draft' });
  },
  effect: benchmarkEvents,
};
ACTIONS['_actions/benchmarks.ts#saveCountyEvaluationAction'] = {
  allowed: STAFF_WORK,
  input: (ctx) => form({ planSlug: PLAN, year: String(2000 + (ctx.run % 100)), provinceRank: '2', grade: 'A', score: '', source: '省科技厅通报', note: '', baseVersion: '0', intent: 'submit' }),
  effect: benchmarkEvents,
};
ACTIONS['_actions/benchmarks.ts#reviewBenchmarkAction'] = {
  allowed: REVIEW_WORK,
  input: async (ctx) => {
    const { saveCountyEvaluation } = await import('@/lib/data/benchmark-writes');
    const planId = (await count(ctx, 'SELECT id FROM "Plan" WHERE slug = $1', [PLAN])).id;
    const saved = await saveCountyEvaluation({ planId, year: 1000 + ctx.run, provinceRank: 3, grade: null, score: null, source: '通报', note: null, baseVersion: 0, submit: true }, { id: ctx.userIds.admin, name: '准备数据' });
    if (!saved.ok) throw new Error('could not prepare an evaluation');
    return form({ entity: 'countyEvaluation', id: String(saved.record.id), version: String(saved.record.version), decision: 'approve', reason: '' });
  },
  effect: benchmarkEvents,
};
ACTIONS['_actions/benchmarks.ts#importReferenceValuesAction'] = {
  allowed: STAFF_WORK,
  input: async (ctx) => {
    const id = await indicatorId(ctx, 6);
    const { buildBenchmarkTemplate, KIND_COLUMNS } = await import('@/lib/import/benchmark-workbook');
    const template = await buildBenchmarkTemplate({ planSlug: PLAN, planName: '十四五', year: 2022, subjects: [{ type: 'indicator', id, number: 6, name: '高新技术企业数量', unit: '家', stored: {} }] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as never);
    const value = 100 + ctx.run;
    const column = KIND_COLUMNS.find((c) => c.kind === 'provinceAverage')!.column;
    workbook.getWorksheet('对标值')!.getCell(4, column).value = value;
    workbook.getWorksheet('对标值')!.getCell(5, column).value = '省科技厅通报';
    // the confirmation of a preview: the token names the value's current version (lib/views/benchmark-import)
    const version = (await count(ctx, `SELECT version FROM "ReferenceValue" WHERE "subjectKey" = $1 AND kind = 'provinceAverage' AND year = 2022`, [`indicator:${id}`]))?.version ?? 0;
    const data = form({ planSlug: PLAN, year: '2022', intent: 'confirm', token: `indicator:${id}:provinceAverage:${version}:${value}` });
    data.append('file', new File([await workbook.xlsx.writeBuffer()], 'template.xlsx'));
    return data;
  },
  effect: benchmarkEvents,
};
/** A submitted figure (of its own) to attach further sources to. */
async function figureWithSource(ctx: Ctx) {
  const figure = await figureFor(ctx, 'submitted');
  const { saveFigureSourceValue } = await import('@/lib/data/benchmark-writes');
  const added = await saveFigureSourceValue({ observationId: figure.id, figureVersion: figure.version, sourceName: '税务部门', value: '48', source: null, note: null }, { id: ctx.userIds.admin, name: '准备数据' });
  if (!added.ok) throw new Error('could not prepare a source value');
  return { ...figure, version: added.figureVersion };
}
const sourceValues = (ctx: Ctx) => count(ctx, 'SELECT count(*)::int AS n, string_agg(value::text, \',\' ORDER BY id) AS v FROM "FigureSourceValue"');
ACTIONS['_actions/benchmarks.ts#saveSourceValueAction'] = {
  allowed: STAFF_WORK,
  input: async (ctx) => {
    const figure = await figureFor(ctx, 'submitted');
    return form({ planSlug: PLAN, observationId: String(figure.id), figureVersion: String(figure.version), sourceName: '税务部门', value: '47', source: '加计扣除口径', note: '' });
  },
  effect: sourceValues,
};
ACTIONS['_actions/benchmarks.ts#removeSourceValueAction'] = {
  allowed: STAFF_WORK,
  input: async (ctx) => {
    const figure = await figureWithSource(ctx);
    return form({ planSlug: PLAN, observationId: String(figure.id), figureVersion: String(figure.version), sourceName: '税务部门' });
  },
  effect: sourceValues,
};
ACTIONS['_actions/benchmarks.ts#saveSourceRuleAction'] = {
  allowed: ADMIN,
  input: async (ctx) => form({ indicatorId: String(await indicatorId(ctx, 3)), primarySource: '统计部门', toleranceMode: 'relative', tolerance: String(1 + ctx.run) }),
  effect: (ctx) => count(ctx, 'SELECT string_agg(tolerance::text, \',\') AS t FROM "SourceCheckRule"'),
};

// Plan management: admins only. Each case works on a plan of its own (十四五 stays as it is, except that
// setCurrent re-marks it as the current plan and copy/import read it).
const definitionEvents = (ctx: Ctx) => count(ctx, 'SELECT count(*)::int AS n FROM "DefinitionEvent"');
const planForm = (run: number, extra: Record<string, string> = {}) => ({
  name: `矩阵测试规划${run}`, shortName: `测试${run}`, region: '鹿泉区', baseYear: '2030', firstYear: '2031', lastYear: '2035', sourceDocument: '测试文件', ...extra,
});
const TEST_INDICATOR = {
  sequence: '1', category: '创新投入', name: '测试指标', unit: '%', kind: 'growthRate', baseline: '', target: '', annualRate: '10', cumulativeIncrease: '',
  attribute: 'expected', direction: 'up', decimals: '1', responsibleUnit: '', contact: '', definition: '',
};
/** A plan of the case's own, with `indicators` growth-rate indicators; returns its slug and indicator ids. */
async function freshPlan(ctx: Ctx, indicators = 0): Promise<{ slug: string; ids: number[] }> {
  const { createPlan, saveIndicator } = await import('@/lib/data/plan-writes');
  const { indicatorFieldsSchema, planFieldsSchema } = await import('@/lib/schemas/plan');
  const actor = { id: ctx.userIds.admin, name: '准备数据' };
  const slug = `matrix-plan-${ctx.run}`;
  const created = await createPlan(slug, planFieldsSchema.parse(planForm(ctx.run)), { categories: ['创新投入'] }, actor);
  if (!created.ok) throw new Error(`could not prepare a plan: ${created.reason}`);
  const ids: number[] = [];
  for (let n = 1; n <= indicators; n++) {
    const saved = await saveIndicator(slug, null, indicatorFieldsSchema.parse({ ...TEST_INDICATOR, sequence: String(n), name: `测试指标${n}` }), actor, null);
    if (!saved.ok) throw new Error('could not prepare an indicator');
    ids.push(saved.value.id);
  }
  return { slug, ids };
}
ACTIONS['_actions/evaluation.ts#saveEvaluationPrefaceAction'] = {
  allowed: ADMIN,
  input: async (ctx) => {
    const row = await count(ctx, `SELECT coalesce(max(e.version), 0)::int AS v FROM "EvaluationPreface" e JOIN "Plan" p ON p.id = e."planId" WHERE p.slug = $1 AND e.year = 2023`, [PLAN]);
    return form({ slug: PLAN, year: '2023', version: String(row.v), text: `评估说明 ${ctx.run}` });
  },
  effect: (ctx) => count(ctx, 'SELECT count(*)::int AS n, coalesce(sum(version), 0)::int AS v FROM "EvaluationPreface"'),
};
ACTIONS['_actions/next-plan.ts#createNextPlanAction'] = {
  allowed: ADMIN,
  input: (ctx) => form({ ...planForm(ctx.run, { baseYear: '2025', firstYear: '2026', lastYear: '2030' }), slug: `matrix-next-${ctx.run}`, sourceSlug: PLAN }),
  effect: definitionEvents,
};
ACTIONS['_actions/plans.ts#createPlanAction'] = {
  allowed: ADMIN,
  input: (ctx) => form({ ...planForm(ctx.run), slug: `matrix-new-${ctx.run}`, categories: '创新投入\n创新产出' }),
  effect: definitionEvents,
};
ACTIONS['_actions/plans.ts#copyPlanAction'] = {
  allowed: ADMIN,
  input: (ctx) => form({ ...planForm(ctx.run), slug: `matrix-copy-${ctx.run}`, sourceSlug: PLAN }),
  effect: definitionEvents,
};
ACTIONS['_actions/plans.ts#importPlanAction'] = {
  allowed: ADMIN,
  input: async (ctx) => {
    const { getPlanDetail } = await import('@/lib/data/plans');
    const { buildPlanTableWorkbook } = await import('@/lib/import/plan-table-workbook');
    const bytes = await buildPlanTableWorkbook((await getPlanDetail(PLAN))!);
    const data = form({ ...planForm(ctx.run, { baseYear: '2020', firstYear: '2021', lastYear: '2025' }), slug: `matrix-import-${ctx.run}` });
    data.append('file', new File([bytes.slice().buffer as ArrayBuffer], '表1.xlsx'));
    return data;
  },
  effect: definitionEvents,
};
ACTIONS['_actions/plans.ts#updatePlanAction'] = {
  allowed: ADMIN,
  input: async (ctx) => form({ ...planForm(ctx.run, { name: '改过的名称' }), slug: (await freshPlan(ctx)).slug }),
  effect: definitionEvents,
};
ACTIONS['_actions/plans.ts#setCurrentPlanAction'] = {
  allowed: ADMIN,
  input: () => form({ slug: PLAN }),
  effect: definitionEvents,
};
ACTIONS['_actions/plans.ts#archivePlanAction'] = {
  allowed: ADMIN,
  input: async (ctx) => form({ slug: (await freshPlan(ctx)).slug }),
  effect: definitionEvents,
};
ACTIONS['_actions/plans.ts#setDueDatesAction'] = {
  allowed: ADMIN,
  input: async (ctx) => form({ slug: (await freshPlan(ctx)).slug, 'dueDate.2031': '2032-03-31', 'dueDate.2032': '' }),
  effect: definitionEvents,
};
ACTIONS['_actions/plans.ts#setSignOffAction'] = {
  allowed: ADMIN,
  input: async (ctx) => form({ slug: (await freshPlan(ctx)).slug, unit: '鹿泉区科学技术局', head: '张三', reviewer: '', preparer: '', phone: '0311-12345678', date: '' }),
  effect: (ctx) => count(ctx, 'SELECT count(*)::int AS n FROM "PlanSignOff"'),
};
ACTIONS['_actions/plans.ts#saveIndicatorAction'] = {
  allowed: ADMIN,
  input: async (ctx) => form({ ...TEST_INDICATOR, planSlug: (await freshPlan(ctx)).slug, id: '' }),
  effect: definitionEvents,
};
ACTIONS['_actions/plans.ts#removeIndicatorAction'] = {
  allowed: ADMIN,
  input: async (ctx) => {
    const { slug, ids } = await freshPlan(ctx, 1);
    return form({ planSlug: slug, id: String(ids[0]) });
  },
  effect: definitionEvents,
};
ACTIONS['_actions/plans.ts#archiveIndicatorAction'] = {
  allowed: ADMIN,
  input: async (ctx) => {
    const { slug, ids } = await freshPlan(ctx, 1);
    return form({ planSlug: slug, id: String(ids[0]) });
  },
  effect: definitionEvents,
};
ACTIONS['_actions/plans.ts#moveIndicatorAction'] = {
  allowed: ADMIN,
  input: async (ctx) => {
    const { slug, ids } = await freshPlan(ctx, 2);
    return form({ planSlug: slug, id: String(ids[1]), direction: 'up' });
  },
  effect: definitionEvents,
};

// Key tasks (issue 16): staff and admins report, reviewers and admins review, admins unlock and manage.
// Each case works on a report slot of its own (an action × period not used by another case).
let taskSlot = 0;
async function taskSlotFor(ctx: Ctx): Promise<{ actionId: number; year: number; half: 'H1' | 'FY' }> {
  const { rows } = await ctx.db.query<{ id: number }>(
    `SELECT a.id FROM "TaskAction" a JOIN "TaskProgramme" p ON p.id = a."programmeId" JOIN "Plan" pl ON pl.id = p."planId" WHERE pl.slug = $1 ORDER BY p.number, a.number`,
    [PLAN],
  );
  const slot = taskSlot++;
  return { actionId: rows[slot % rows.length]!.id, year: 2021 + (Math.floor(slot / rows.length) % 5), half: Math.floor(slot / (rows.length * 5)) % 2 ? 'FY' : 'H1' };
}
async function taskReportFor(ctx: Ctx, state: 'draft' | 'submitted' | 'approved', evidence = false) {
  const { saveTaskReport, transitionTaskReport } = await import('@/lib/data/task-writes');
  const setupActor = { id: ctx.userIds.admin, name: '准备数据' };
  const slot = await taskSlotFor(ctx);
  const saved = await saveTaskReport(
    {
      ...slot, status: 'inProgress', percent: null, progress: '准备', problems: null, nextSteps: null, values: [], baseVersion: 0, submit: state !== 'draft',
      evidence: evidence ? [{ fileName: 'a.pdf', contentType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4') }] : [],
    },
    setupActor,
  );
  if (!saved.ok) throw new Error(`could not prepare a task report: ${saved.reason}`);
  if (state !== 'approved') return saved.report;
  const approved = await transitionTaskReport({ id: saved.report.id, version: saved.report.version, action: 'approve' }, setupActor);
  if (!approved.ok) throw new Error('could not approve the prepared task report');
  return approved.report;
}
const taskStates = (ctx: Ctx) => count(ctx, `SELECT string_agg(state::text || version::text, ',' ORDER BY id) AS s FROM "TaskReport"`);
ACTIONS['_actions/tasks.ts#saveTaskReportAction'] = {
  allowed: STAFF_WORK,
  input: async (ctx) => {
    const slot = await taskSlotFor(ctx);
    return form({ planSlug: PLAN, actionId: String(slot.actionId), year: String(slot.year), half: slot.half, status: 'inProgress', percent: '30', progress: `进展${ctx.run}`, problems: '', nextSteps: '', baseVersion: '0', intent: 'draft' });
  },
  effect: (ctx) => count(ctx, 'SELECT count(*)::int AS n FROM "TaskReportEvent"'),
};
ACTIONS['_actions/tasks.ts#importTaskReportWorkbook'] = {
  allowed: STAFF_WORK,
  input: async (ctx) => {
    const { buildTaskReportTemplate } = await import('@/lib/import/task-report-workbook');
    const { taskImportToken } = await import('@/lib/views/task-import-preview');
    const slot = await taskSlotFor(ctx);
    const action = await count(ctx, `SELECT a.name, a.number, p.number AS programme FROM "TaskAction" a JOIN "TaskProgramme" p ON p.id = a."programmeId" WHERE a.id = $1`, [slot.actionId]);
    const template = await buildTaskReportTemplate({ planSlug: PLAN, planName: '十四五', year: slot.year, half: slot.half, actions: [{ id: slot.actionId, programme: action.programme, number: action.number, name: action.name, targets: [] }] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as never);
    const progress = `导入${ctx.run}`;
    workbook.getWorksheet('任务填报')!.getCell(4, 4).value = '推进中';
    workbook.getWorksheet('任务填报')!.getCell(4, 6).value = progress;
    const token = taskImportToken({ writes: [{ actionId: slot.actionId, baseVersion: 0, status: 'inProgress', percent: null, progress, problems: null, nextSteps: null, values: [] }] });
    const data = form({ planSlug: PLAN, year: String(slot.year), half: slot.half, intent: 'confirm', token });
    data.append('file', new File([await workbook.xlsx.writeBuffer()], 'template.xlsx'));
    return data;
  },
  effect: (ctx) => count(ctx, 'SELECT count(*)::int AS n FROM "TaskReportEvent"'),
};
ACTIONS['_actions/tasks.ts#importTaskProgrammesAction'] = {
  allowed: ['admin'],
  input: async (ctx) => {
    // a fresh plan without key tasks per run, so the admin's import succeeds every time
    const { createPlan } = await import('@/lib/data/plan-writes');
    const { buildTaskProgrammeTemplate, PROGRAMME_SHEET, readTaskProgrammeWorkbook } = await import('@/lib/import/task-programme-workbook');
    const { taskProgrammeImportToken } = await import('@/lib/views/task-programme-preview');
    const slug = `tasks-import-${ctx.run}-${Math.floor(Math.random() * 1e6)}`;
    const created = await createPlan(slug, { name: '新规划', shortName: '十五五', region: '鹿泉区', baseYear: 2025, firstYear: 2026, lastYear: 2030, sourceDocument: '—' }, { categories: ['创新投入'] }, { id: ctx.userIds.admin, name: '准备数据' });
    if (!created.ok) throw new Error('could not prepare a plan');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildTaskProgrammeTemplate('新规划')) as never);
    workbook.getWorksheet(PROGRAMME_SHEET)!.getRow(3).values = [1, '企业创新', 1, '开展某某行动', '原文'];
    const bytes = await workbook.xlsx.writeBuffer();
    // the confirmation of a preview: the token names the content read (lib/views/task-programme-preview)
    const reading = await readTaskProgrammeWorkbook(bytes as never);
    if (!reading.ok) throw new Error('could not prepare the table');
    const data = form({ planSlug: slug, intent: 'confirm', token: taskProgrammeImportToken(reading.programmes) });
    data.append('file', new File([bytes], 'tasks.xlsx'));
    return data;
  },
  effect: (ctx) => count(ctx, 'SELECT count(*)::int AS n FROM "TaskAction"'),
};
ACTIONS['_actions/tasks.ts#submitTaskReportAction'] = {
  allowed: STAFF_WORK,
  input: async (ctx) => {
    const report = await taskReportFor(ctx, 'draft');
    return form({ id: String(report.id), version: String(report.version), actionId: String(report.actionId) });
  },
  effect: taskStates,
};
ACTIONS['_actions/tasks.ts#reviewTaskReportAction'] = {
  allowed: REVIEW_WORK,
  input: async (ctx) => {
    const report = await taskReportFor(ctx, 'submitted');
    return form({ id: String(report.id), version: String(report.version), decision: 'return', reason: '请补充' });
  },
  effect: taskStates,
};
ACTIONS['_actions/tasks.ts#unlockTaskReportAction'] = {
  allowed: ADMIN,
  input: async (ctx) => {
    const report = await taskReportFor(ctx, 'approved');
    return form({ id: String(report.id), version: String(report.version), reason: '更正' });
  },
  effect: taskStates,
};
ACTIONS['_actions/tasks.ts#removeTaskEvidenceAction'] = {
  allowed: STAFF_WORK,
  input: async (ctx) => {
    const report = await taskReportFor(ctx, 'draft', true);
    return form({ evidenceId: String(report.evidence[0]!.id), version: String(report.version) });
  },
  effect: (ctx) => count(ctx, 'SELECT count(*)::int AS n FROM "TaskEvidence"'),
};
ACTIONS['_actions/tasks.ts#saveMilestoneAction'] = {
  allowed: STAFF_WORK,
  input: async (ctx) => {
    const m = (await count(ctx, `SELECT m.id, m.version FROM "TaskMilestone" m ORDER BY m.id LIMIT 1`)) as { id: number; version: number };
    return form({ planSlug: PLAN, milestoneId: String(m.id), version: String(m.version), name: '立项', plannedDate: `2022-03-${String((ctx.run % 27) + 1).padStart(2, '0')}`, actualDate: '' });
  },
  effect: (ctx) => count(ctx, 'SELECT sum(version)::int AS n FROM "TaskMilestone"'),
};
ACTIONS['_actions/tasks.ts#addMilestoneAction'] = {
  allowed: ADMIN,
  input: async (ctx) => {
    const p = (await count(ctx, `SELECT id FROM "TaskProject" ORDER BY id DESC LIMIT 1`)) as { id: number };
    return form({ planSlug: PLAN, projectId: String(p.id), name: `验收${ctx.run}` });
  },
  effect: (ctx) => count(ctx, 'SELECT count(*)::int AS n FROM "TaskMilestone"'),
};
ACTIONS['_actions/tasks.ts#removeMilestoneAction'] = {
  allowed: ADMIN,
  input: async (ctx) => {
    // a milestone of its own for each call, at the end of the first project's list
    const m = (await count(
      ctx,
      `INSERT INTO "TaskMilestone" ("projectId", position, name, "updatedAt")
       SELECT p.id, COALESCE(max(m.position), 0) + 1, '待删除', now() FROM "TaskProject" p LEFT JOIN "TaskMilestone" m ON m."projectId" = p.id
       WHERE p.id = (SELECT min(id) FROM "TaskProject") GROUP BY p.id RETURNING id, version`,
    )) as { id: number; version: number };
    return form({ planSlug: PLAN, milestoneId: String(m.id), version: String(m.version) });
  },
  effect: (ctx) => count(ctx, 'SELECT count(*)::int AS n FROM "TaskMilestone"'),
};
ACTIONS['_actions/tasks.ts#setTaskDueDatesAction'] = {
  allowed: ADMIN,
  input: (ctx) => form({ planSlug: PLAN, year: '2024', h1: `2024-07-${String((ctx.run % 27) + 1).padStart(2, '0')}`, fy: '2025-01-31' }),
  effect: (ctx) => count(ctx, `SELECT string_agg("dueDate"::text, ',' ORDER BY year, half) AS s FROM "TaskPeriod"`),
};
ACTIONS['_actions/tasks.ts#setActionUnitsAction'] = {
  allowed: ADMIN,
  input: async (ctx) => {
    const { actionId } = await taskSlotFor(ctx);
    return form({ planSlug: PLAN, actionId: String(actionId), leadUnit: `区科技局${ctx.run}`, cooperatingUnits: '' });
  },
  effect: (ctx) => count(ctx, `SELECT string_agg(COALESCE("leadUnit", '-'), ',' ORDER BY id) AS s FROM "TaskAction"`),
};
ACTIONS['_actions/tasks.ts#setProgrammeTitleAction'] = {
  allowed: ADMIN,
  input: async (ctx) => {
    const p = (await count(ctx, `SELECT id FROM "TaskProgramme" WHERE number = 1 ORDER BY id LIMIT 1`)) as { id: number };
    return form({ planSlug: PLAN, programmeId: String(p.id), title: `标题${ctx.run}` });
  },
  effect: (ctx) => count(ctx, `SELECT string_agg(COALESCE(title, '-'), ',' ORDER BY id) AS s FROM "TaskProgramme"`),
};

// Mutating route handlers (POST/PUT/PATCH/DELETE exports of app/**/route.ts). None exist yet; a new
// one fails the enumeration test until it has a row here and a case below.
const ROUTES: Record<string, { allowed: readonly Caller[] }> = {};

/** A fresh account the call can act on (never one of the signed-in callers). */
async function targetUser(ctx: Ctx): Promise<string> {
  return createAccount({ username: `target_${ctx.run}`, name: '目标用户', role: 'leader', password: TEST_PASSWORD });
}

function relative(file: string): string {
  return path.relative(appDir, file).split(path.sep).join('/');
}

let setup: Awaited<ReturnType<typeof setUpAccountsDatabase>>;
let db: pg.Client;
const sessions = new Map<Role, Map<string, string>>();
let run = 0;

beforeAll(async () => {
  setup = await setUpAccountsDatabase('auth_matrix');
  db = await connectClient(setup.database.url);
  for (const role of Object.keys(ROLE_USERS) as Role[]) sessions.set(role, await signInWith(ROLE_USERS[role]));
});
afterAll(async () => {
  await db?.end();
  await setup?.database.drop();
});

describe('the matrix covers every server action and mutating route handler', () => {
  it('finds the server action modules by scanning app/', () => {
    expect(serverActionFiles.map(relative)).toEqual(expect.arrayContaining(['_actions/session.ts', '_actions/users.ts', '_actions/tokens.ts']));
  });

  it('has exactly one row per exported function of every "use server" module', async () => {
    const exported: string[] = [];
    for (const file of serverActionFiles) {
      const exports = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exports)) if (typeof value === 'function') exported.push(`${relative(file)}#${name}`);
    }
    expect(exported.sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  it('has no inline "use server" outside the app/_actions modules (every action is enumerable)', () => {
    const inline = sourceFiles(appDir).filter((file) => !serverActionFiles.includes(file) && /['"]use server['"]/.test(readFileSync(file, 'utf8')));
    expect(inline.map(relative)).toEqual([]);
    expect(serverActionFiles.map(relative).every((file) => file.startsWith('_actions/'))).toBe(true);
  });

  it('has a row for every mutating route handler', async () => {
    const mutating: string[] = [];
    for (const file of routeFiles) {
      const exports = (await import(file)) as Record<string, unknown>;
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) if (typeof exports[method] === 'function') mutating.push(`${relative(file)}#${method}`);
    }
    expect(mutating.sort()).toEqual(Object.keys(ROUTES).sort());
  });
});

describe.each(Object.entries(ACTIONS))('%s', (key, row) => {
  it.each(CALLERS)('%s', async (caller) => {
    const [file, name] = key.split('#') as [string, string];
    const action = ((await import(path.join(appDir, file))) as Record<string, (...args: unknown[]) => Promise<unknown>>)[name]!;
    const ctx: Ctx = { db, userIds: setup.userIds, run: ++run };
    const input = await row.input(ctx);
    const before = await row.effect?.(ctx);
    useCookies(caller === 'anonymous' ? null : sessions.get(caller)!);
    const outcome = await runAction(() => (action.length >= 2 ? action({}, input) : action(input)));
    const after = await row.effect?.(ctx);
    const refused = (outcome.returned as { refused?: string } | undefined)?.refused;

    if (row.allowed.includes(caller)) {
      expect(refused).toBeUndefined();
      if (outcome.returned && typeof outcome.returned === 'object' && 'ok' in outcome.returned) expect(outcome.returned).toMatchObject({ ok: true });
      if (row.effect) expect(after).not.toEqual(before);
    } else {
      expect(refused).toBe(caller === 'anonymous' ? 'unauthenticated' : 'forbidden');
      expect(outcome.redirectedTo).toBeUndefined();
      if (row.effect) expect(after).toEqual(before);
    }
    // signing out (or in) changes the caller's session: give the next case a fresh one
    if (name === 'signOut' || name === 'signIn') {
      for (const role of Object.keys(ROLE_USERS) as Role[]) if (caller === role) sessions.set(role, await signInWith(ROLE_USERS[role]));
    }
  });
});

describe('a role change takes effect with the next request', () => {
  it('a staff member made admin may manage users at once, and loses it when made leader again', async () => {
    const { updateUserAccess, createUser } = await import('@/app/_actions/users');
    const id = await createAccount({ username: 'promoted', name: '晋升', role: 'staff', password: TEST_PASSWORD });
    const cookies = await signInWith('promoted');
    useCookies(sessions.get('admin')!);
    expect(await updateUserAccess({}, form({ userId: id, role: 'admin', scope: 'all' }))).toMatchObject({ ok: true });
    useCookies(cookies);
    expect(await createUser({}, form({ username: 'by_promoted', name: '甲', role: 'leader', password: 'a-good-password' }))).toMatchObject({ ok: true });
    useCookies(sessions.get('admin')!);
    await updateUserAccess({}, form({ userId: id, role: 'leader', scope: 'all' }));
    useCookies(cookies);
    expect(await createUser({}, form({ username: 'by_demoted', name: '乙', role: 'leader', password: 'a-good-password' }))).toMatchObject({ refused: 'forbidden' });
  });
});
