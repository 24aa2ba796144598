// The data API and the downloads on a real database, calling the route handlers with Request objects
// that carry a read-only API token an admin issued (as the statistics office's tools do).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAccount } from '@/lib/auth/accounts';
import { generateApiToken } from '@/lib/auth/api-tokens';
import { createApiToken } from '@/lib/data/api-tokens';
import { GET as getFiguresCsv } from '@/app/api/plans/[slug]/figures.csv/route';
import { GET as getReport } from '@/app/api/plans/[slug]/report/route';
import { GET as download } from '@/app/reports/[slug]/[year]/export/[format]/route';
import { getPlanFigures } from '@/lib/data/figures';
import { getPlanDetail } from '@/lib/data/plans';
import { assessPlan } from '@/lib/views/plan-progress';
import { LUQUAN_2021_2025_SAMPLE } from '@/lib/plans/luquan-2021-2025-sample';
import { formatNumber } from '@/lib/progress';
import { seedDatabase } from '@/prisma/seed';
import { createTestDatabase, migrate, type TestDatabase } from '../helpers/test-database';

// No session: the request scope's cookies are empty (tests/helpers/next-request.ts).
vi.mock('next/headers', async () => (await import('../helpers/next-request')).nextHeadersMock);

let database: TestDatabase;
const slug = 'luquan-2021-2025';

beforeAll(async () => {
  database = await createTestDatabase('exp_report');
  migrate(database.url);
  await seedDatabase(database.url, { sample: true });
  process.env.DATABASE_URL = database.url;
  process.env.BETTER_AUTH_SECRET ??= 'test-secret-0123456789-0123456789-abcdef';
  const adminId = await createAccount({ username: 'report_admin', name: '管理员', role: 'admin', password: 'correct-horse-9' });
  const issued = generateApiToken();
  await createApiToken({ name: '统计局', tokenHash: issued.tokenHash, prefix: issued.prefix, createdById: adminId });
  token = issued.token;
});

let token = '';
const authed = (url: string) => new Request(url, { headers: { authorization: `Bearer ${token}` } });
afterAll(async () => {
  await database?.drop();
});

const reportRequest = (plan: string, query: string) =>
  getReport(authed(`http://test/api/plans/${plan}/report${query}`), { params: Promise.resolve({ slug: plan }) });

describe('GET /api/plans/[slug]/report', () => {
  it('answers 401 without an account or token', async () => {
    const response = await getReport(new Request(`http://test/api/plans/${slug}/report?year=2023`), { params: Promise.resolve({ slug }) });
    expect(response.status).toBe(401);
  });

  it('answers the report of a year as JSON with texts and raw numbers, assessed like lib/plan-progress', async () => {
    const response = await reportRequest(slug, '?year=2023');
    expect(response.status).toBe(200);
    const body = await response.json();
    const plan = (await getPlanDetail(slug))!;
    const progress = assessPlan(plan, await getPlanFigures(plan.id), 2023);
    expect(body.report.title).toBe('鹿泉区科技创新“十四五”规划主要指标监测表（2023年）');
    expect(body.report.rows).toHaveLength(16);
    expect(body.report.summary.startsWith(progress.summaryZh)).toBe(true);
    expect(body.report.includeUnapproved).toBe(false);
    for (const [i, item] of progress.indicators.entries()) {
      expect(body.indicators[i].assessment).toEqual(JSON.parse(JSON.stringify(item.assessment)));
      expect(body.report.rows[i].cells.actual.value).toBe(item.assessment.latestValue);
      expect(body.report.rows[i].cells.actual.text.startsWith(formatNumber(item.assessment.latestValue, item.indicator.decimals))).toBe(true);
    }
  });

  it('includes figures awaiting review only when asked, and marks them', async () => {
    const approved = await (await reportRequest(slug, '?year=2025')).json();
    const all = await (await reportRequest(slug, '?year=2025&includeUnapproved=1')).json();
    const row13 = (body: { report: { rows: { sequence: number; unapproved: boolean; figureYear: number }[] } }) => body.report.rows.find((r) => r.sequence === 13)!;
    expect(row13(approved)).toMatchObject({ unapproved: false, figureYear: 2024 });
    expect(row13(all)).toMatchObject({ unapproved: true, figureYear: 2025 });
    expect(all.report.dataStatus).toBe('数据状态：含未审核数据。');
  });

  it.each([
    ['?year=abc', 400],
    ['?year=2019', 400],
    ['?year=2026', 400],
    ['?year=2023.5', 400],
    ['', 400],
    ['?year=2023&includeUnapproved=yes', 400],
  ])('rejects %s with %i and a Chinese message', async (query, status) => {
    const response = await reportRequest(slug, query);
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body.error.message).toMatch(/年份|includeUnapproved/);
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(['no-such-plan', 'Bad Slug!', '..'])('answers 404 for an unknown plan (%s)', async (plan) => {
    const response = await reportRequest(plan, '?year=2023');
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe('找不到这个规划。');
  });
});

function parseCsvLines(text: string): string[][] {
  // The figures CSV has no quoted line breaks; fields may be quoted.
  return text.trimEnd().split('\r\n').map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')));
}

describe('GET /api/plans/[slug]/figures.csv', () => {
  it('lists every yearly figure of the plan with its status and sample flag, BOM first', async () => {
    const response = await getFiguresCsv(authed(`http://test/api/plans/${slug}/figures.csv`), { params: Promise.resolve({ slug }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('鹿泉区科技创新十四五规划年度数据_2021-2025年.csv')}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsvLines(new TextDecoder().decode(bytes.slice(3)));
    expect(header).toEqual(['indicator_sequence', 'indicator_name', 'unit', 'year', 'value', 'status', 'quality', 'source', 'note', 'is_sample']);
    expect(rows).toHaveLength(LUQUAN_2021_2025_SAMPLE.length);
    for (const figure of LUQUAN_2021_2025_SAMPLE) {
      const row = rows.find((r) => r[0] === String(figure.sequence) && r[3] === String(figure.year));
      expect(row, `${figure.sequence}/${figure.year}`).toBeDefined();
      expect(Number(row![4])).toBe(Number(figure.value));
      expect(row![5]).toBe(figure.status);
      expect(row![6]).toBe(figure.quality);
      expect(row![9]).toBe('true');
    }
  });

  it('answers 404 for an unknown plan', async () => {
    const response = await getFiguresCsv(authed('http://test/api/plans/nope/figures.csv'), { params: Promise.resolve({ slug: 'nope' }) });
    expect(response.status).toBe(404);
  });
});

describe('GET /reports/[slug]/[year]/export/[format]', () => {
  it.each(['xlsx', 'docx', 'csv'])('serves %s with the Chinese file name (RFC 5987) and an ASCII fallback', async (format) => {
    const response = await download(authed(`http://test/reports/${slug}/2023/export/${format}`), { params: Promise.resolve({ slug, year: '2023', format }) });
    expect(response.status).toBe(200);
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toBe(
      `attachment; filename="${slug}_2023.${format}"; filename*=UTF-8''${encodeURIComponent(`鹿泉区科技创新十四五规划指标监测表_2023年.${format}`)}`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.byteLength).toBe(Number(response.headers.get('content-length')));
    if (format === 'csv') expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    else expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK'); // a zip container
  });

  it('answers 400 for a bad year and 404 for an unknown format or plan', async () => {
    const call = (plan: string, year: string, format: string) =>
      download(authed(`http://test/reports/${plan}/${year}/export/${format}`), { params: Promise.resolve({ slug: plan, year, format }) });
    expect((await call(slug, '20x3', 'xlsx')).status).toBe(400);
    expect((await call(slug, '2023', 'pdf')).status).toBe(404);
    expect((await call('nope', '2023', 'xlsx')).status).toBe(404);
  });
});
