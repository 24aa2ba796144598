// The entry page's server actions on a real database with a real staff session (issue 13):
// item 12 — a save that changes nothing writes and records nothing; 初步/正式 changes are recorded;
// item 5 — an import for a year outside the plan is refused with the entry page's message;
// item 6 — the server answers an oversize upload with 文件过大（上限 N MB）;
// item 8 — an import with too many rows is refused clearly, nothing written.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('../helpers/next-request')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../helpers/next-request')).nextCacheMock);

const { form } = await import('../helpers/next-request');
const { setUpAccountsDatabase, signInWith, useCookies, ROLE_USERS } = await import('../helpers/accounts');
const actions = await import('@/app/_actions/figures');
const { getPlanDetail } = await import('@/lib/data/plans');
const { getIndicatorHistory, saveFigure } = await import('@/lib/data/figure-writes');
const { buildFigureTemplate } = await import('@/lib/import/figure-workbook');
const { LUQUAN_2021_2025 } = await import('@/lib/plans/luquan-2021-2025');
const zhMessages = (await import('@/messages/zh-CN/entry.json')).default;

let setup: Awaited<ReturnType<typeof setUpAccountsDatabase>>;
let db: pg.Client;
let staffCookies: Map<string, string>;
const slug = LUQUAN_2021_2025.slug;

beforeAll(async () => {
  setup = await setUpAccountsDatabase('figure_entry_actions');
  db = new pg.Client({ connectionString: setup.database.url });
  await db.connect();
  staffCookies = await signInWith(ROLE_USERS.staff);
});
afterAll(async () => {
  await db?.end();
  await setup?.database.drop();
});

const indicatorOf = async (sequence: number) => (await getPlanDetail(slug))!.indicators.find((i) => i.sequence === sequence)!;
const eventsOf = async (indicatorId: number, year: number) =>
  (await db.query('SELECT e.* FROM "FigureEvent" e JOIN "Observation" o ON o.id = e."observationId" WHERE o."indicatorId" = $1 AND o.year = $2 ORDER BY e.id', [indicatorId, year])).rows;
const figureOf = async (indicatorId: number, year: number) =>
  (await db.query('SELECT value::text, quality, source, note, status, version FROM "Observation" WHERE "indicatorId" = $1 AND year = $2', [indicatorId, year])).rows[0];

function entryForm(indicatorId: number, fields: { value: string; source?: string; quality?: string; note?: string; version: number }, intent = 'draft') {
  return form({
    planSlug: slug, year: '2023', intent,
    [`value.${indicatorId}`]: fields.value, [`source.${indicatorId}`]: fields.source ?? '', [`quality.${indicatorId}`]: fields.quality ?? '',
    [`note.${indicatorId}`]: fields.note ?? '', [`version.${indicatorId}`]: String(fields.version),
  });
}

describe('初步/正式 lost on the entry page: quality is recorded, a save that changes nothing is not', () => {
  it('records a quality change; an identical save writes no version and no event and says so', async () => {
    useCookies(staffCookies);
    const indicator = await indicatorOf(16); // no figure in 2023 in the seed
    expect(await actions.saveYearFigures({}, entryForm(indicator.id, { value: '5', source: '部门报送', quality: 'preliminary', version: 0 }))).toMatchObject({ ok: true, message: 'entry.saved', saved: 1 });
    expect(await figureOf(indicator.id, 2023)).toMatchObject({ quality: 'preliminary', version: 1 });

    // Only 初步 → 正式: a new version and an event that says so.
    expect(await actions.saveYearFigures({}, entryForm(indicator.id, { value: '5', source: '部门报送', quality: 'final', version: 1 }))).toMatchObject({ ok: true, saved: 1 });
    expect(await figureOf(indicator.id, 2023)).toMatchObject({ quality: 'final', version: 2 });
    const events = await eventsOf(indicator.id, 2023);
    expect(events.map((e) => [e.action, e.oldQuality, e.newQuality])).toEqual([['create', null, 'preliminary'], ['edit', 'preliminary', 'final']]);
    const history = await getIndicatorHistory(indicator.id);
    expect(history[0]).toMatchObject({ action: 'edit', oldQuality: 'preliminary', newQuality: 'final' });

    // The same again, through the action and straight to the data layer (a replayed request): nothing written.
    expect(await actions.saveYearFigures({}, entryForm(indicator.id, { value: '０５', source: '部门报送', quality: 'final', version: 2 }))).toEqual({ ok: true, message: 'entry.nothingChanged' });
    const staff = { id: setup.userIds.staff, name: '测试staff' };
    const replay = await saveFigure({ indicatorId: indicator.id, year: 2023, value: '5', source: '部门报送', quality: 'final', note: null, baseVersion: 2, submit: false }, staff);
    expect(replay).toMatchObject({ ok: true, unchanged: true, figure: { version: 2 } });
    expect(await figureOf(indicator.id, 2023)).toMatchObject({ version: 2 });
    expect(await eventsOf(indicator.id, 2023)).toHaveLength(2);

    // Parallel identical replays: still nothing written.
    const replays = await Promise.all(Array.from({ length: 20 }, () => saveFigure({ indicatorId: indicator.id, year: 2023, value: '5', source: '部门报送', quality: 'final', note: null, baseVersion: 2, submit: false }, staff)));
    expect(replays.every((r) => r.ok && r.unchanged)).toBe(true);
    expect(await eventsOf(indicator.id, 2023)).toHaveLength(2);

    // A changed note is a change.
    expect(await saveFigure({ indicatorId: indicator.id, year: 2023, value: '5', source: '部门报送', quality: 'final', note: '已核对', baseVersion: 2, submit: false }, staff)).toMatchObject({ ok: true, figure: { version: 3 } });
    expect((await saveFigure({ indicatorId: indicator.id, year: 2023, value: '5', source: '部门报送', quality: 'final', note: '已核对', baseVersion: 3, submit: false }, staff)).ok).toBe(true);
    expect(await eventsOf(indicator.id, 2023)).toHaveLength(3);
  });
});

async function filledTemplate(year: number, sequence: number, value: number): Promise<File> {
  const plan = (await getPlanDetail(slug))!;
  const bytes = await buildFigureTemplate({ planSlug: slug, planName: plan.name, year, indicators: plan.indicators.map((i) => ({ ...i, category: i.category.name, previous: null })) });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  workbook.getWorksheet('填报')!.getCell(3 + sequence, 5).value = value;
  return new File([new Uint8Array(await workbook.xlsx.writeBuffer())], 'template.xlsx');
}
const importForm = (year: number, file: File) => {
  const data = form({ planSlug: slug, year: String(year) });
  data.append('file', file);
  return data;
};
const figuresIn = async (year: number) => (await db.query('SELECT count(*)::int AS n FROM "Observation" WHERE year = $1', [year])).rows[0].n as number;

describe('Imports accept years outside the plan: refused with the entry page’s message', () => {
  it.each([2099, 2020])('a %i template for the 2021–2025 plan creates nothing', async (year) => {
    useCookies(staffCookies);
    const state = await actions.importFigureWorkbook({}, importForm(year, await filledTemplate(year, 6, 345)));
    expect(state).toEqual({ message: 'import.rejected', importErrors: [{ row: 0, column: null, message: zhMessages.entryMessages.review.refused.outsidePlan }] });
    expect(await figuresIn(year)).toBe(0);
  });

  it('a year inside the plan still imports', async () => {
    useCookies(staffCookies);
    const indicator = await indicatorOf(16);
    const file = await filledTemplate(2022, 16, 4);
    const preview = await actions.importFigureWorkbook({}, importForm(2022, file));
    expect(preview).toMatchObject({ message: 'import.preview', preview: { writes: 1 } });
    expect(await figuresIn(2022)).toBe(0);
    const confirm = importForm(2022, file);
    confirm.set('intent', 'confirm');
    confirm.set('token', preview.preview!.token);
    expect(await actions.importFigureWorkbook({}, confirm)).toMatchObject({ ok: true, message: 'import.done', created: 1 });
    expect(await figureOf(indicator.id, 2022)).toMatchObject({ value: '4.000000', status: 'draft' });
  });
});

describe('Uploads over 1 MB crash the page: the server answers an oversize file itself', () => {
  it('3 MB: 文件过大（上限 2 MB）', async () => {
    useCookies(staffCookies);
    const state = await actions.importFigureWorkbook({}, importForm(2023, new File([new Uint8Array(3 * 1024 * 1024)], 'big.xlsx')));
    expect(state).toEqual({ message: 'import.tooLarge' });
    expect(zhMessages.entryMessages.import.tooLarge.replace('{max}', '2')).toContain('文件过大（上限 2 MB）');
  });
});

describe('Import exhausts memory: too many rows are refused clearly', () => {
  it('a template with 20,000 junk rows: 行数过多, nothing written', async () => {
    useCookies(staffCookies);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
    const sheet = writer.addWorksheet('填报');
    for (const row of [['title'], ['hint'], ['序号', '指标名称']]) sheet.addRow(row).commit();
    for (let i = 0; i < 20_000; i++) sheet.addRow([16, `junk ${i}`, '', '', 1]).commit();
    sheet.commit();
    const meta = writer.addWorksheet('_meta', { state: 'veryHidden' });
    for (const row of [['plan', slug], ['year', 2024], ['version', '1']]) meta.addRow(row).commit();
    meta.commit();
    await writer.commit();
    const before = await figuresIn(2024);
    const state = await actions.importFigureWorkbook({}, importForm(2024, new File([Buffer.concat(chunks)], 'junk.xlsx')));
    expect(state).toEqual({ message: 'import.rejected', importErrors: [{ row: 0, column: null, message: '行数过多（上限 1000 行），请使用本系统的模板，删除多余的行后重新上传' }] });
    expect(await figuresIn(2024)).toBe(before);
  });
});
