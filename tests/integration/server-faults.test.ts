// The production server while its PostgreSQL goes away and comes back: pages say so in Chinese
// (app/error.tsx), /api/health answers 503, the process keeps running, and once PostgreSQL is back the
// same process serves again. The PostgreSQL is an embedded one this test starts and stops itself,
// never the machine's shared server. Builds the app first when the build is stale (as npm start does).
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LUQUAN_2021_2025 } from '@/lib/plans/luquan-2021-2025';
import { seedDatabase } from '@/prisma/seed';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/scripts/embedded-db';
import { freePort } from '@/scripts/free-port';
import { buildIfStale, signedInCookie, startProductionServer, waitForHealth, type ProductionServer } from '@/scripts/bench/harness';
import { migrate } from '../helpers/test-database';

// Ports: FAULT_DB_PORT / FAULT_APP_PORT, or ones the operating system reports free.
const databasePort = process.env.FAULT_DB_PORT ? Number(process.env.FAULT_DB_PORT) : await freePort();
const appPort = process.env.FAULT_APP_PORT ? Number(process.env.FAULT_APP_PORT) : await freePort();

let dataDir: string;
let database: EmbeddedDatabase | undefined;
let server: ProductionServer | undefined;
let browser: Browser | undefined;
let cookie: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'proof-faults-'));
  await chmod(dataDir, 0o755);
  database = await startEmbeddedDatabase({ dataDir, port: databasePort });
  migrate(database.url);
  await seedDatabase(database.url, { sample: true });
  process.env.DATABASE_URL = database.url;
  process.env.BETTER_AUTH_SECRET = 'fault-test-secret-0123456789-0123456789';
  cookie = await signedInCookie('fault_leader', 'leader');
  buildIfStale(() => {});
  server = await startProductionServer({ port: appPort, databaseUrl: database.url, secret: process.env.BETTER_AUTH_SECRET });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await database?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

async function overviewText(): Promise<string> {
  const context = await browser!.newContext({ locale: 'zh-CN' });
  const [name, ...value] = cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('=').split(';')[0]!, url: server!.url }]);
  const page = await context.newPage();
  try {
    await page.goto(`${server!.url}/`);
    await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0 && document.querySelector('main')?.textContent);
    // either the overview or the error page has replaced the streamed skeleton
    await page.locator('h1').first().waitFor();
    return await page.locator('main').innerText();
  } finally {
    await context.close();
  }
}

const health = async () => (await fetch(`${server!.url}/api/health`)).status;
const alive = () => server!.process.exitCode === null && server!.process.signalCode === null;

describe('the production server without its database', () => {
  it('serves the overview while PostgreSQL runs', async () => {
    expect(await health()).toBe(200);
    const text = await overviewText();
    expect(text).toContain(LUQUAN_2021_2025.shortName);
    expect(text).not.toContain('无法连接数据库');
  });

  it('says so in Chinese, answers 503 on /api/health and keeps running while PostgreSQL is stopped', async () => {
    const pid = server!.process.pid;
    await database!.stop();
    await waitForHealth(server!.url, 30_000, 503);
    const body = (await (await fetch(`${server!.url}/api/health`)).json()) as { database: { message: string } };
    expect(body.database.message).toBe('数据库无法连接');

    const text = await overviewText();
    expect(text).toContain('页面暂时无法显示');
    expect(text).toContain('无法连接数据库，请稍后再试');

    // several more requests, then still the same process
    for (let i = 0; i < 5; i++) expect(await health()).toBe(503);
    expect(alive()).toBe(true);
    expect(server!.process.pid).toBe(pid);
  });

  it('serves again once PostgreSQL is back, without a restart', async () => {
    const pid = server!.process.pid;
    database = await startEmbeddedDatabase({ dataDir, port: databasePort });
    await waitForHealth(server!.url, 30_000, 200);
    const text = await overviewText();
    expect(text).toContain(LUQUAN_2021_2025.shortName);
    expect(text).not.toContain('无法连接数据库');
    expect(alive()).toBe(true);
    expect(server!.process.pid).toBe(pid);
  });
});
