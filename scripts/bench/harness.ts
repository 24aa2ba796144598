/**
 * What the bench and the load test share: a fresh proof_ database on the local PostgreSQL with the
 * seeded plan (and its 示例数据) plus generated plans of any size, the production server started on it,
 * and a signed-in session cookie.
 *
 * Sign-in: the bench account is made with lib/auth/accounts.ts createAccount; the session comes from
 * better-auth's own signInUsername (the call the login form's server action makes), run in this
 * process against the same database and secret, and its Set-Cookie is sent to the server. So the
 * server sees an ordinary session row and signed cookie.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createAccount } from '@/lib/auth/accounts';
import type { Role } from '@/lib/auth/permissions';
import { createPrisma } from '@/lib/db';
import { LUQUAN_2021_2025 } from '@/lib/plans/luquan-2021-2025';
import { LUQUAN_2021_2025_SAMPLE, SAMPLE_SOURCE } from '@/lib/plans/luquan-2021-2025-sample';
import { seedDatabase } from '@/prisma/seed';
import { createTestDatabase, migrate, type TestDatabase } from '@/tests/helpers/test-database';
import { buildIsStale } from '../build-freshness';
import { nextServerArgs } from '@/scripts/next-server';

export const root = path.resolve(import.meta.dirname, '../..');
export const BENCH_PASSWORD = 'bench-password-123';

export async function createBenchDatabase(prefix: string): Promise<TestDatabase> {
  const database = await createTestDatabase(prefix);
  migrate(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.BETTER_AUTH_SECRET ??= randomBytes(32).toString('base64url');
  await seedDatabase(database.url, { sample: true });
  return database;
}

/**
 * A generated plan: indicator i repeats 表1's row ((i − 1) mod 16) + 1 under a new sequence, with that
 * row's sample figures (approved, marked 示例数据), unless `figures` is false. With `years` > 5 the plan
 * runs longer and the sample years repeat every five years.
 */
export async function createGeneratedPlan(url: string, options: { slug: string; indicators: number; years: number; figures?: boolean }): Promise<void> {
  const prisma = createPrisma(url);
  try {
    const lastYear = LUQUAN_2021_2025.lastYear;
    const firstYear = lastYear - options.years + 1;
    const plan = await prisma.plan.create({
      data: {
        slug: options.slug,
        name: `生成的测试规划（${options.indicators} 项指标 × ${options.years} 年）`,
        shortName: `测试${options.indicators}`,
        region: LUQUAN_2021_2025.region,
        baseYear: firstYear - 1,
        firstYear,
        lastYear,
        sourceDocument: 'npm run bench',
      },
    });
    await prisma.category.createMany({ data: LUQUAN_2021_2025.categories.map((name, index) => ({ planId: plan.id, name, position: index + 1 })) });
    const categoryIds = new Map((await prisma.category.findMany({ where: { planId: plan.id } })).map((c) => [c.name, c.id]));
    const rows = LUQUAN_2021_2025.indicators;
    await prisma.indicator.createMany({
      data: Array.from({ length: options.indicators }, (_, index) => {
        const { category, ...row } = rows[index % rows.length]!;
        return { ...row, sequence: index + 1, name: `${row.name}（${index + 1}）`, planId: plan.id, categoryId: categoryIds.get(category)! };
      }),
    });
    if (options.figures === false) return;
    const indicators = await prisma.indicator.findMany({ where: { planId: plan.id }, select: { id: true, sequence: true } });
    const figures = indicators.flatMap(({ id, sequence }) => {
      const sourceSequence = ((sequence - 1) % rows.length) + 1;
      const samples = LUQUAN_2021_2025_SAMPLE.filter((f) => f.sequence === sourceSequence);
      return Array.from({ length: options.years }, (_, offset) => firstYear + offset).flatMap((year) => {
        const sample = samples.find((f) => (f.year - year) % 5 === 0);
        return sample ? [{ indicatorId: id, year, value: sample.value, status: 'approved' as const, source: SAMPLE_SOURCE, isSample: true }] : [];
      });
    });
    for (let start = 0; start < figures.length; start += 5_000) await prisma.figure.createMany({ data: figures.slice(start, start + 5_000) });
  } finally {
    await prisma.$disconnect();
  }
}

export function buildIfStale(log: (line: string) => void): void {
  if (!buildIsStale(root)) return log('the production build is up to date');
  log('building the app (next build, about a minute)…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build failed');
}

export interface ProductionServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function waitForHealth(url: string, timeoutMs: number, expectStatus = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).status === expectStatus) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url}/api/health did not answer ${expectStatus} within ${timeoutMs} ms`);
}

/** `next start` on the built app; its output is kept and printed only when it fails to come up. */
export async function startProductionServer(options: { port: number; databaseUrl: string; secret: string }): Promise<ProductionServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, nextServerArgs('start', ['-p', String(options.port), '-H', '127.0.0.1']), {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      BETTER_AUTH_SECRET: options.secret,
      BETTER_AUTH_URL: url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  try {
    await waitForHealth(url, 60_000);
  } catch (error) {
    await stop();
    process.stderr.write(output);
    throw error;
  }
  return { url, process: child, stop, get output() { return output; } } as ProductionServer;
}

/** An account of the role, signed in; returns the Cookie header value for the server. */
export async function signedInCookie(username: string, role: Role): Promise<string> {
  await createAccount({ username, name: `压测${role}`, role, password: BENCH_PASSWORD });
  const { getAuth } = await import('@/lib/auth/auth');
  const { headers } = await getAuth().api.signInUsername({
    body: { username, password: BENCH_PASSWORD, rememberMe: true },
    headers: new Headers({ 'x-forwarded-for': '127.0.0.1' }),
    returnHeaders: true,
  });
  const cookies = headers.getSetCookie().map((line) => line.split(';')[0]!);
  if (cookies.length === 0) throw new Error(`signing in as ${username} gave no session cookie`);
  return cookies.join('; ');
}
