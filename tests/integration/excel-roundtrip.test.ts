// The Excel round trip (issue 15) on a real database with real sessions: the template carries the stored
// figures (approved ones locked); an upload answers a preview and writes nothing; the preview lists every
// row's stored → new figure, warnings, a submitted figure going back to draft, and every error at once
// (format errors and locked rows together) named by indicator; blank cells keep the stored fields; the
// confirmation re-reads and re-checks on the server and is refused, all or nothing, when a figure changed
// after the preview — also when the change races the confirmation itself.
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('../helpers/next-request')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../helpers/next-request')).nextCacheMock);

const { form } = await import('../helpers/next-request');
const { setUpAccountsDatabase, signInWith, useCookies, ROLE_USERS } = await import('../helpers/accounts');
const actions = await import('@/app/_actions/figures');
const { GET: downloadTemplate } = await import('@/app/plans/[slug]/entry/[year]/template/route');
const { getPlanDetail } = await import('@/lib/data/plans');
const { importFigureDrafts, saveFigure, transitionFigure } = await import('@/lib/data/figure-writes');
const { LUQUAN_2021_2025 } = await import('@/lib/plans/luquan-2021-2025');

let setup: Awaited<ReturnType<typeof setUpAccountsDatabase>>;
let db: pg.Client;
let staffCookies: Map<string, string>;
const slug = LUQUAN_2021_2025.slug;
const YEAR = 2023;
const rowOf = (sequence: number) => 3 + sequence;

beforeAll(async () => {
  setup = await setUpAccountsDatabase('excel_roundtrip');
  db = new pg.Client({ connectionString: setup.database.url });
  await db.connect();
  staffCookies = await signInWith(ROLE_USERS.staff);
});
afterAll(async () => {
  await db?.end();
  await setup?.database.drop();
});

const staff = () => ({ id: setup.userIds.staff, name: '测试staff' });
const admin = () => ({ id: setup.userIds.admin, name: '测试admin' });
const indicatorOf = async (sequence: number) => (await getPlanDetail(slug))!.indicators.find((i) => i.sequence === sequence)!;
const figureOf = async (indicatorId: number, year = YEAR) =>
  (await db.query('SELECT value::float8 AS value, quality, source, note, status, version FROM "Observation" WHERE "indicatorId" = $1 AND year = $2', [indicatorId, year])).rows[0];
const snapshotAll = async () => (await db.query('SELECT "indicatorId", year, value::text, status, version, source, quality, note FROM "Observation" ORDER BY id')).rows;

// Callers sign in first (useCookies(staffCookies) in the test body).
async function downloadFilledTemplate(): Promise<ExcelJS.Workbook> {
  const response = await downloadTemplate(new Request(`http://localhost:3000/plans/${slug}/entry/${YEAR}/template`), { params: Promise.resolve({ slug, year: String(YEAR) }) });
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  return workbook;
}
async function fileOf(workbook: ExcelJS.Workbook): Promise<File> {
  return new File([new Uint8Array(await workbook.xlsx.writeBuffer())], 'template.xlsx');
}
function importForm(file: File, extra: Record<string, string> = {}) {
  const data = form({ planSlug: slug, year: String(YEAR), ...extra });
  data.append('file', file);
  return data;
}

describe('Excel round trip: template, preview, confirm', () => {
  let ids: Record<number, number>;

  beforeAll(async () => {
    ids = Object.fromEntries(await Promise.all([6, 7, 8, 9, 10].map(async (s) => [s, (await indicatorOf(s)).id])));
    // 6: submitted; 7: approved (locked); 8: draft with source, quality and note; 9, 10: none yet.
    expect((await saveFigure({ indicatorId: ids[6]!, year: YEAR, value: '300', source: '部门报送', quality: 'final', note: null, baseVersion: 0, submit: true }, staff())).ok).toBe(true);
    const seven = await saveFigure({ indicatorId: ids[7]!, year: YEAR, value: '1050', source: '统计年鉴', quality: 'final', note: null, baseVersion: 0, submit: true }, staff());
    expect(seven.ok && (await transitionFigure({ id: seven.figure.id, version: seven.figure.version, action: 'approve' }, admin())).ok).toBe(true);
    expect((await saveFigure({ indicatorId: ids[8]!, year: YEAR, value: '70', source: '区科技局台账', quality: 'preliminary', note: '待核', baseVersion: 0, submit: false }, staff())).ok).toBe(true);
  });

  it('the template is pre-filled with value, source, quality, note and status; the approved row is locked', async () => {
    useCookies(staffCookies);
    const sheet = (await downloadFilledTemplate()).getWorksheet('填报')!;
    expect([5, 6, 7, 8, 9].map((c) => sheet.getCell(rowOf(8), c).value)).toEqual([70, '区科技局台账', '初步', '待核', '草稿']);
    expect(sheet.getCell(rowOf(6), 9).value).toBe('已提交（待审核）');
    expect(sheet.getCell(rowOf(7), 9).value).toBe('已审核（锁定）');
    expect(sheet.getCell(rowOf(7), 5).protection?.locked ?? true).toBe(true);
    expect(sheet.getCell(rowOf(8), 5).protection?.locked).toBe(false);
    expect(String(sheet.getCell(2, 1).value)).toContain('留空的单元格不会改变系统中已存的内容');
  });

  it('an upload answers a preview and writes nothing; all errors at once, each named by its indicator', async () => {
    useCookies(staffCookies);
    const workbook = await downloadFilledTemplate();
    const sheet = workbook.getWorksheet('填报')!;
    sheet.getCell(rowOf(7), 5).value = 1100; // approved: locked
    sheet.getCell(rowOf(9), 5).value = 'abc'; // format error
    sheet.getCell(rowOf(10), 5).value = 170;
    const before = await snapshotAll();
    useCookies(staffCookies);
    const state = await actions.importFigureWorkbook({}, importForm(await fileOf(workbook)));
    expect(state.message).toBe('import.rejected');
    expect(state.importErrors!.map((e) => [e.row, e.indicator?.sequence, e.column])).toEqual([
      [rowOf(7), 7, '本年数值'],
      [rowOf(9), 9, '本年数值'],
    ]);
    expect(state.importErrors![0]!.indicator!.name).toBe((await indicatorOf(7)).name);
    expect(state.importErrors![0]!.message).toContain('已审核锁定');
    expect(await snapshotAll()).toEqual(before);
  });

  it('the preview shows stored → new, unchanged rows, warnings, and a submitted figure going back to draft; blank cells keep the stored fields', async () => {
    useCookies(staffCookies);
    const workbook = await downloadFilledTemplate();
    const sheet = workbook.getWorksheet('填报')!;
    sheet.getCell(rowOf(6), 5).value = 320; // submitted → goes back to draft
    sheet.getCell(rowOf(8), 5).value = 72;
    for (const c of [6, 7, 8]) sheet.getCell(rowOf(8), c).value = null; // blank: keep source, quality, note
    sheet.getCell(rowOf(10), 5).value = 400; // far beyond the plan's change: a warning
    const file = await fileOf(workbook);
    const before = await snapshotAll();
    useCookies(staffCookies);
    const state = await actions.importFigureWorkbook({}, importForm(file));
    expect(state).toMatchObject({ message: 'import.preview', preview: { writes: 3 } });
    expect(await snapshotAll()).toEqual(before);
    const rows = new Map(state.preview!.rows.map((r) => [r.sequence, r]));
    expect(rows.get(6)).toMatchObject({ change: 'update', before: { value: '300', status: 'submitted' }, after: { value: '320' }, backToDraft: 'submitted' });
    expect(rows.get(7)).toMatchObject({ change: 'unchanged', backToDraft: null });
    expect(rows.get(8)).toMatchObject({ change: 'update', after: { value: '72', source: '区科技局台账', quality: 'preliminary', note: '待核' }, backToDraft: null });
    expect(rows.get(10)).toMatchObject({ change: 'create', before: null });
    expect(rows.get(10)!.warnings.map((w) => w.code)).toContain('farBeyondTarget');

    // Confirm: re-read and re-checked, then written as drafts; the approved row is untouched.
    const confirmed = await actions.importFigureWorkbook({}, importForm(file, { intent: 'confirm', token: state.preview!.token }));
    expect(confirmed).toMatchObject({ ok: true, message: 'import.done', created: 1, updated: 2 });
    expect(await figureOf(ids[6]!)).toMatchObject({ value: 320, status: 'draft' });
    expect(await figureOf(ids[7]!)).toMatchObject({ value: 1050, status: 'approved' });
    expect(await figureOf(ids[8]!)).toMatchObject({ value: 72, source: '区科技局台账', quality: 'preliminary', note: '待核', status: 'draft' });
    expect(await figureOf(ids[10]!)).toMatchObject({ value: 400, status: 'draft' });
  });

  it('a figure changed between preview and confirm: refused with a clear message and the fresh preview, nothing written', async () => {
    useCookies(staffCookies);
    const workbook = await downloadFilledTemplate();
    const sheet = workbook.getWorksheet('填报')!;
    sheet.getCell(rowOf(8), 5).value = 75;
    sheet.getCell(rowOf(9), 5).value = 40;
    const file = await fileOf(workbook);
    useCookies(staffCookies);
    const state = await actions.importFigureWorkbook({}, importForm(file));
    expect(state).toMatchObject({ message: 'import.preview', preview: { writes: 2 } });
    // someone else saves indicator 8 meanwhile
    const current = await figureOf(ids[8]!);
    expect((await saveFigure({ indicatorId: ids[8]!, year: YEAR, value: '73', source: '区科技局台账', quality: 'final', note: null, baseVersion: current.version, submit: true }, admin())).ok).toBe(true);
    const before = await snapshotAll();
    const refused = await actions.importFigureWorkbook({}, importForm(file, { intent: 'confirm', token: state.preview!.token }));
    expect(refused.message).toBe('import.changedSincePreview');
    expect(refused.ok).toBeUndefined();
    expect(refused.preview!.rows.find((r) => r.sequence === 8)).toMatchObject({ before: { value: '73', status: 'submitted' }, backToDraft: 'submitted' });
    expect(await snapshotAll()).toEqual(before);
  });

  it('the write repeats the previewed versions under the lock: a save racing the confirmation makes it stale, all or nothing', async () => {
    const nine = await figureOf(ids[9]!);
    const eight = await figureOf(ids[8]!);
    const base = (v: { version: number } | undefined) => v?.version ?? 0;
    const figures = [
      { row: rowOf(8), indicatorId: ids[8]!, sequence: 8, year: YEAR, value: '80', source: null, quality: null, note: null, baseVersion: base(eight) },
      { row: rowOf(9), indicatorId: ids[9]!, sequence: 9, year: YEAR, value: '41', source: null, quality: null, note: null, baseVersion: base(nine) },
    ];
    const [racing, imported] = await Promise.all([
      saveFigure({ indicatorId: ids[9]!, year: YEAR, value: '39', source: null, quality: null, note: null, baseVersion: base(nine), submit: false }, admin()),
      importFigureDrafts(figures, staff()),
    ]);
    // exactly one wins; when the save won, the import is refused as stale and wrote nothing
    if (racing.ok) {
      expect(imported).toMatchObject({ ok: false });
      expect(['stale', 'conflict']).toContain((imported as { reason: string }).reason);
      expect(await figureOf(ids[8]!)).toMatchObject({ value: eight.value, version: eight.version });
      expect(await figureOf(ids[9]!)).toMatchObject({ value: 39 });
    } else {
      expect(imported).toMatchObject({ ok: true, updated: 1, created: 1 });
      expect(await figureOf(ids[9]!)).toMatchObject({ value: 41 });
    }
  });
});
