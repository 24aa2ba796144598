// The key-task server actions as a signed-in person calls them: staff with assigned indicators report only
// their assigned actions; bad input is refused beside its field with what was typed kept; evidence files are
// checked by type and first bytes.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectClient, type TestDatabase } from '@/tests/helpers/test-database';

vi.mock('next/headers', async () => (await import('../helpers/next-request')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../helpers/next-request')).nextCacheMock);

const { form, runAction } = await import('../helpers/next-request');
const { setUpAccountsDatabase, signInWith, useCookies, TEST_PASSWORD } = await import('../helpers/accounts');
const { createAccount } = await import('@/lib/auth/accounts');
const { updateUserAccess } = await import('@/lib/data/users');
const { saveTaskReportAction } = await import('@/app/_actions/tasks');

let database: TestDatabase;
let db: pg.Client;
let actions: { id: number; programme: number; number: number }[];
const PLAN = 'luquan-2021-2025';

beforeAll(async () => {
  ({ database } = await setUpAccountsDatabase('task_actions'));
  db = await connectClient(database.url);
  actions = (await db.query(`SELECT a.id, p.number AS programme, a.number FROM "TaskAction" a JOIN "TaskProgramme" p ON p.id = a."programmeId" ORDER BY p.number, a.number`)).rows;
}, 120_000);
afterAll(async () => {
  await db?.end();
  await database?.drop();
});

const reportForm = (actionId: number, extra: Record<string, string> = {}) =>
  form({ planSlug: PLAN, actionId: String(actionId), year: '2024', half: 'H1', status: 'inProgress', percent: '', progress: '已开展。', problems: '', nextSteps: '', baseVersion: '0', intent: 'draft', ...extra });
const call = async (data: FormData) => (await runAction(() => saveTaskReportAction({}, data))).returned as { ok?: boolean; message?: string; errors?: Record<string, string[]>; values?: Record<string, string> };

describe('key-task report action', () => {
  it('a staff member limited to assigned indicators reports only the assigned actions', async () => {
    const id = await createAccount({ username: 'scoped_staff', name: '限定录入员', role: 'staff', password: TEST_PASSWORD });
    const [assigned, other] = [actions[0]!, actions[1]!];
    expect(await updateUserAccess(id, { role: 'staff', allIndicators: false, indicatorIds: [], actionIds: [assigned.id] })).toEqual({ ok: true });
    useCookies(await signInWith('scoped_staff'));
    expect(await call(reportForm(other.id))).toMatchObject({ message: 'notAssigned' });
    expect(await call(reportForm(assigned.id))).toMatchObject({ ok: true, message: 'saved' });
    expect((await db.query('SELECT count(*)::int AS n FROM "TaskReport" WHERE "actionId" = $1', [other.id])).rows[0].n).toBe(0);
  });

  it('refuses bad fields beside each field and keeps what was typed; checks evidence by its first bytes', async () => {
    useCookies(await signInWith('matrix_staff'));
    const action = actions.find((a) => a.programme === 2 && a.number === 1)!;
    const target = (await db.query('SELECT id FROM "TaskTarget" WHERE "actionId" = $1', [action.id])).rows[0].id as number;
    const data = reportForm(action.id, { status: '', percent: '101', progress: ' ', [`target.${target}`]: '-3' });
    data.append('evidence', new File([new TextEncoder().encode('MZ not a pdf')], '清单.pdf'));
    const refused = await call(data);
    expect(refused.message).toBe('checkFields');
    expect(refused.errors).toMatchObject({ status: ['statusRequired'], percent: ['percentInvalid'], progress: ['progressRequired'], [`target.${target}`]: ['valueInvalid'], evidence: ['evidenceBadType'] });
    expect(refused.values).toMatchObject({ percent: '101', [`target.${target}`]: '-3' });

    const ok = reportForm(action.id, { [`target.${target}`]: '２' });
    ok.append('evidence', new File([new TextEncoder().encode('%PDF-1.7 ok')], 'C:\\材料\\清单.pdf'));
    expect(await call(ok)).toMatchObject({ ok: true });
    const stored = (await db.query('SELECT e."fileName", e."contentType", v.value::text FROM "TaskEvidence" e JOIN "TaskReport" r ON r.id = e."reportId" JOIN "TaskTargetValue" v ON v."reportId" = r.id WHERE r."actionId" = $1', [action.id])).rows;
    expect(stored).toEqual([{ fileName: '清单.pdf', contentType: 'application/pdf', value: '2.000000' }]);
  });
});
