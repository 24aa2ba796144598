/**
 * `npm run load` (also `npm run test:slow`): a bounded load test on loopback that stops by itself.
 * The production server on a fresh proof_load_ database (local PostgreSQL), then for LOAD_SECONDS (30):
 *   - LOAD_CLIENTS (200) concurrent clients, signed in, each requesting the overview again as soon as the
 *     last answer came; a request started before the end is waited for and counted, so a slow answer is
 *     a latency, not a silently dropped request;
 *   - at the same time LOAD_STAFF (20) staff accounts saving figures through lib/data/figure-writes.ts
 *     saveFigure, each its own indicator, one save after the other with the version it got back.
 * Prints requests, errors and p50/p99 of both. Figures, not a timing test: it fails (exit 1) only when a
 * request or a save failed, never because something was slow.
 */
import http from 'node:http';
import { createAccount } from '@/lib/auth/accounts';
import { saveFigure } from '@/lib/data/figure-writes';
import { buildIfStale, createBenchDatabase, createGeneratedPlan, signedInCookie, startProductionServer } from './bench/harness';
import { getPlanDetail } from '@/lib/data/plans';

const log = (line: string) => console.log(`[load] ${line}`);
const port = Number(process.env.LOAD_PORT ?? 3704);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200);
const STAFF = Number(process.env.LOAD_STAFF ?? 20);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const ENTRY_PLAN = 'load-entry';

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);

/** One GET on a kept-alive connection; resolves with the status once the whole body has arrived. */
function get(url: string, cookie: string, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { cookie } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

async function overviewClients(url: string, cookie: string, until: number): Promise<{ requests: number; errors: string[]; latencies: number[] }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const errors: string[] = [];
  const latencies: number[] = [];
  let requests = 0;
  const clients = Array.from({ length: CLIENTS }, async () => {
    while (Date.now() < until) {
      const started = performance.now();
      requests += 1;
      try {
        const status = await get(url, cookie, agent);
        latencies.push(performance.now() - started);
        if (status !== 200) errors.push(`HTTP ${status}`);
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  });
  await Promise.all(clients);
  agent.destroy();
  return { requests, errors, latencies: latencies.sort((a, b) => a - b) };
}

async function staffSaving(until: number): Promise<{ saves: number; errors: string[]; latencies: number[] }> {
  const plan = (await getPlanDetail(ENTRY_PLAN))!;
  const errors: string[] = [];
  const latencies: number[] = [];
  const workers = Array.from({ length: STAFF }, async (_, index) => {
    const indicator = plan.indicators[index]!;
    const actor = { id: await createAccount({ username: `load_staff_${index}`, name: `录入员${index}`, role: 'staff', password: 'load-password-123' }), name: `录入员${index}` };
    const versions = new Map<number, number>();
    for (let round = 0; Date.now() < until; round++) {
      const year = plan.firstYear + (round % (plan.lastYear - plan.firstYear + 1));
      const value = String((round % 50) + 1);
      const started = performance.now();
      try {
        const result = await saveFigure({ indicatorId: indicator.id, year, value, source: '部门报送', quality: 'preliminary', note: null, baseVersion: versions.get(year) ?? 0, submit: false }, actor);
        latencies.push(performance.now() - started);
        if (result.ok) versions.set(year, result.figure.version);
        else errors.push(`staff ${index}: ${result.reason}`);
      } catch (error) {
        errors.push(`staff ${index}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  });
  await Promise.all(workers);
  return { saves: latencies.length, errors, latencies: latencies.sort((a, b) => a - b) };
}

async function main(): Promise<void> {
  buildIfStale(log);
  const database = await createBenchDatabase('proof_load');
  let server: Awaited<ReturnType<typeof startProductionServer>> | undefined;
  try {
    await createGeneratedPlan(database.url, { slug: ENTRY_PLAN, indicators: STAFF, years: 5, figures: false });
    const cookie = await signedInCookie('load_leader', 'leader');
    server = await startProductionServer({ port, databaseUrl: database.url, secret: process.env.BETTER_AUTH_SECRET! });
    for (let i = 0; i < 3; i++) await fetch(`${server.url}/`, { headers: { cookie } }).then((r) => r.text());
    log(`${CLIENTS} clients on / and ${STAFF} staff saving figures, ${SECONDS} s, server ${server.url}, database ${database.name}`);

    const started = Date.now();
    const until = started + SECONDS * 1000;
    const [overview, saving] = await Promise.all([overviewClients(`${server.url}/`, cookie, until), staffSaving(until)]);
    const elapsed = (Date.now() - started) / 1000;
    const overviewErrors = overview.errors.length;
    const rows: [string, string][] = [
      [`overview, ${CLIENTS} clients`, `${overview.requests} requests in ${elapsed.toFixed(0)} s (${(overview.requests / elapsed).toFixed(1)}/s), ${overviewErrors} errors, p50 ${Math.round(percentile(overview.latencies, 50))} ms, p99 ${Math.round(percentile(overview.latencies, 99))} ms`],
      [`saveFigure, ${STAFF} staff`, `${saving.saves} saves, ${saving.errors.length} errors, p50 ${Math.round(percentile(saving.latencies, 50))} ms, p99 ${Math.round(percentile(saving.latencies, 99))} ms`],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    console.log('');
    for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
    for (const error of [...new Set(overview.errors)].slice(0, 10)) console.log(`  overview error: ${error}`);
    for (const error of [...new Set(saving.errors)].slice(0, 10)) console.log(`  save error: ${error}`);
    const failed = overviewErrors > 0 || saving.errors.length > 0;
    console.log(failed ? '\n[load] FAILED: requests or saves failed (see above)' : '\n[load] no errors');
    process.exitCode = failed ? 1 : 0;
  } finally {
    await server?.stop();
    await database.drop().catch(() => {});
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(`[load] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
