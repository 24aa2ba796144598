/**
 * `npm run bench`: figures, not a pass/fail test. Builds when stale, starts the production server on a
 * fresh proof_bench_ database of the local PostgreSQL (127.0.0.1:5432) holding the seeded plan with its
 * 示例数据 and generated plans, signs in, and measures:
 *   - overview and indicator page vs /api/ping (autocannon, same connections and duration): p50, p99, req/s, ratios
 *   - first-load gzipped JS of the overview and an indicator page (the chunks the HTML references, without
 *     the noModule polyfills that browsers with ES modules never fetch)
 *   - database statements per overview request with 16, 160 and 1,600 indicators (scripts/bench/query-counter.ts),
 *     each statement of one overview request listed with what it is for
 *   - server render time and HTML size of the overview with 1,000 indicators × 10 years: warm (the plan's
 *     data version unchanged, what nearly every request meets) and cold (the first request after a write)
 *   - xlsx export time (buildReport + buildXlsx) for 16 and 1,000 indicators
 *   - assessIndicator throughput
 * Ends with the table of issue 19 — every figure with its goal and ✓/✗ — and the load average, since the
 * figures mean little on a machine busy with other work. Writes it all to artifacts/bench/<timestamp>.json.
 * Ports: BENCH_PORT (default 3700) and BENCH_PORT + 1 for the counter.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { getPlanFigures } from '@/lib/data/figures';
import { getPlanDetail } from '@/lib/data/plans';
import { buildXlsx } from '@/lib/export/xlsx';
import { assessIndicator } from '@/lib/progress';
import { indicatorPlanOf, visibleFigures } from '@/lib/views/plan-progress';
import { loadReport } from '@/lib/loaders';
import { buildIfStale, createBenchDatabase, createGeneratedPlan, root, signedInCookie, startProductionServer } from './bench/harness';
import { startQueryCounter } from './bench/query-counter';
import { connectClient } from '@/tests/helpers/test-database';

const log = (line: string) => console.log(`[bench] ${line}`);
const port = Number(process.env.BENCH_PORT ?? 3700);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 8);
const SEEDED = 'luquan-2021-2025';
const QUERY_SIZES = [16, 160, 1600] as const;
const slugFor = (indicators: number) => (indicators === 16 ? SEEDED : `bench-${indicators}`);
const LARGE = 'bench-1000x10';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function fetchOk(url: string, cookie: string): Promise<string> {
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return body;
}

async function loadTest(url: string, cookie: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_SECONDS, headers: { cookie } });
  const non2xx = result.non2xx + result.errors + result.timeouts;
  return { p50Ms: result.latency.p50, p99Ms: result.latency.p99, requestsPerSecond: round(result.requests.average), requests: result.requests.total, failures: non2xx };
}

async function firstLoadJs(baseUrl: string, pagePath: string, cookie: string) {
  const html = await fetchOk(`${baseUrl}${pagePath}`, cookie);
  // <script noModule> (Next's polyfills) is skipped by every browser that runs ES modules: not first-load JS
  const tags = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js[^"]*)"[^>]*>/g)];
  const sources = [...new Set(tags.filter((m) => !/\snoModule/i.test(m[0])).map((m) => m[1]!.replaceAll('&amp;', '&')))];
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const source of sources) {
    const bytes = Buffer.from(await (await fetch(new URL(source, baseUrl))).arrayBuffer());
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { chunks: sources.length, rawKiB: round(rawBytes / 1024), gzipKiB: round(gzipBytes / 1024) };
}

async function main(): Promise<void> {
  const started = Date.now();
  buildIfStale(log);
  const database = await createBenchDatabase('proof_bench');
  log(`database ${database.name}`);
  const counter = await startQueryCounter({ listenPort: port + 1, targetHost: '127.0.0.1', targetPort: Number(new URL(database.url).port || 5432) });
  let server: Awaited<ReturnType<typeof startProductionServer>> | undefined;
  try {
    for (const indicators of QUERY_SIZES.filter((n) => n !== 16)) await createGeneratedPlan(database.url, { slug: slugFor(indicators), indicators, years: 5 });
    await createGeneratedPlan(database.url, { slug: LARGE, indicators: 1000, years: 10 });
    log('generated plans: 160 and 1,600 indicators × 5 years, 1,000 indicators × 10 years');
    const cookie = await signedInCookie('bench_leader', 'leader');

    const proxied = new URL(database.url);
    proxied.host = `127.0.0.1:${counter.port}`;
    server = await startProductionServer({ port, databaseUrl: proxied.toString(), secret: process.env.BETTER_AUTH_SECRET! });
    const base = server.url;
    log(`production server on ${base} (its database connections go through the statement counter)`);

    const seeded = (await getPlanDetail(SEEDED))!;
    const indicatorPath = `/plans/${SEEDED}/indicators/${seeded.indicators[0]!.id}`;
    const pages = { overview: '/', indicator: indicatorPath, ping: '/api/ping' };
    for (const pagePath of Object.values(pages)) for (let i = 0; i < 3; i++) await fetchOk(`${base}${pagePath}`, cookie); // warm up

    // 1. latency and throughput, one route after the other with the same settings
    const latency: Record<string, Awaited<ReturnType<typeof loadTest>>> = {};
    for (const [name, pagePath] of Object.entries(pages)) {
      log(`autocannon ${pagePath}: ${CONNECTIONS} connections, ${DURATION_SECONDS} s`);
      latency[name] = await loadTest(`${base}${pagePath}`, cookie);
    }
    const ratios = Object.fromEntries(
      (['overview', 'indicator'] as const).map((name) => [
        name,
        {
          p50: round(latency[name]!.p50Ms / Math.max(latency.ping!.p50Ms, 1)),
          p99: round(latency[name]!.p99Ms / Math.max(latency.ping!.p99Ms, 1)),
          requestsPerSecond: round(latency.ping!.requestsPerSecond / latency[name]!.requestsPerSecond),
        },
      ]),
    );

    // 2. first-load JavaScript
    const javascript = { overview: await firstLoadJs(base, '/', cookie), indicator: await firstLoadJs(base, indicatorPath, cookie) };

    // 3. statements per overview request; the lowest of three (a session touch adds one now and then)
    const queries: Record<string, number> = {};
    for (const indicators of QUERY_SIZES) {
      const pagePath = `/plans/${slugFor(indicators)}`;
      await fetchOk(`${base}${pagePath}`, cookie);
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        counter.reset();
        await fetchOk(`${base}${pagePath}`, cookie);
        counts.push(counter.count());
      }
      queries[String(indicators)] = Math.min(...counts);
    }
    // what each statement of one (warm) overview request of the seeded plan is for
    let explained: { sql: string; purpose: string }[] = [];
    for (let i = 0; i < 3; i++) {
      counter.reset();
      await fetchOk(`${base}/plans/${SEEDED}`, cookie);
      const listed = counter.statements().map((sql) => ({ sql: sql.replace(/\s+/g, ' ').slice(0, 110), purpose: purposeOf(sql) }));
      if (i === 0 || listed.length < explained.length) explained = listed;
    }
    counter.reset();
    await fetchOk(`${base}/api/ping`, cookie);
    queries.ping = counter.count();

    // 4. server render time of the overview with 1,000 indicators × 10 years (whole response on loopback):
    //    warm (the data version unchanged) and cold (its data version bumped before each request, as a write does)
    const largePath = `/plans/${LARGE}`;
    const largeHtml = await fetchOk(`${base}${largePath}`, cookie);
    const renders: number[] = [];
    for (let i = 0; i < 5; i++) renders.push((await timed(() => fetchOk(`${base}${largePath}`, cookie))).ms);
    const coldRenders: number[] = [];
    const admin = await connectClient(database.url);
    try {
      for (let i = 0; i < 3; i++) {
        await admin.query('UPDATE "Plan" SET "dataVersion" = "dataVersion" + 1, "updatedAt" = clock_timestamp() WHERE slug = $1', [LARGE]);
        coldRenders.push((await timed(() => fetchOk(`${base}${largePath}`, cookie))).ms);
      }
    } finally {
      await admin.end();
    }
    const render = {
      medianMs: round(median(renders)),
      minMs: round(Math.min(...renders)),
      maxMs: round(Math.max(...renders)),
      coldMedianMs: round(median(coldRenders)),
      htmlKiB: round(Buffer.byteLength(largeHtml) / 1024),
    };

    // 5. xlsx export in this process: loading + assessing + buildReport, then buildXlsx
    const xlsx: Record<string, { loadAndBuildReportMs: number; buildXlsxMs: number; totalMs: number; kiB: number }> = {};
    for (const [label, slug, year] of [['16', SEEDED, '2023'], ['1000', LARGE, '2025']] as const) {
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const load = await timed(() => loadReport(slug, { year, includeUnapproved: null }));
        if (!load.value.ok) throw new Error(`report of ${slug} failed: ${load.value.message}`);
        const report = load.value.report;
        const file = await timed(() => buildXlsx(report));
        runs.push({ loadAndBuildReportMs: load.ms, buildXlsxMs: file.ms, totalMs: load.ms + file.ms, kiB: file.value.length / 1024 });
      }
      const best = runs.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
      xlsx[label] = { loadAndBuildReportMs: round(best.loadAndBuildReportMs), buildXlsxMs: round(best.buildXlsxMs), totalMs: round(best.totalMs), kiB: round(best.kiB) };
    }

    // 6. assessIndicator throughput over the 16 indicators of 表1 with their sample figures
    const figures = visibleFigures(await getPlanFigures(seeded.id), false);
    const inputs = seeded.indicators.map((indicator) => ({ plan: indicatorPlanOf(indicator, seeded), figures: figures.filter((f) => f.indicatorId === indicator.id) }));
    let assessments = 0;
    const assessStart = performance.now();
    while (performance.now() - assessStart < 2_000) {
      for (const input of inputs) assessIndicator(input.plan, input.figures, 2023);
      assessments += inputs.length;
    }
    const assessPerSecond = Math.round(assessments / ((performance.now() - assessStart) / 1000));

    const goals = issueGoals({ latency, javascript, queries, render, xlsx });
    const load = loadavg().map((l) => round(l, 2));
    const result = {
      at: new Date().toISOString(),
      machine: { node: process.version, cpus: (await import('node:os')).cpus().length, loadAverage: { '1m': load[0], '5m': load[1], '15m': load[2] } },
      goals,
      statementsOfOneOverviewRequest: explained,
      settings: { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS },
      latency,
      ratiosToPing: ratios,
      firstLoadJs: javascript,
      statementsPerOverviewRequest: queries,
      overviewRender1000x10: render,
      xlsxExport: xlsx,
      assessIndicatorPerSecond: assessPerSecond,
      runSeconds: Math.round((Date.now() - started) / 1000),
    };
    const dir = path.join(root, 'artifacts/bench');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${result.at.replaceAll(':', '-').replace(/\..+$/, '')}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);

    const rows: [string, string][] = [
      [`latency, ${CONNECTIONS} connections × ${DURATION_SECONDS} s`, 'p50 ms / p99 ms / req/s'],
      ...Object.entries(latency).map(([name, l]): [string, string] => [`  ${name} (${pages[name as keyof typeof pages]})`, `${l.p50Ms} / ${l.p99Ms} / ${l.requestsPerSecond}${l.failures ? `  (${l.failures} failed)` : ''}`]),
      ...Object.entries(ratios).map(([name, r]): [string, string] => [`  ${name} ÷ ping`, `p50 ×${r.p50}, p99 ×${r.p99}, req/s ÷${r.requestsPerSecond}`]),
      ['first-load JS, gzip', `overview ${javascript.overview.gzipKiB} KiB (${javascript.overview.chunks} chunks), indicator ${javascript.indicator.gzipKiB} KiB (${javascript.indicator.chunks} chunks)`],
      ['statements per overview request', `16: ${queries['16']}, 160: ${queries['160']}, 1,600: ${queries['1600']} (ping: ${queries.ping})`],
      ['overview render, 1,000 × 10 years', `median ${render.medianMs} ms (min ${render.minMs}, max ${render.maxMs}; after a write ${render.coldMedianMs}), ${render.htmlKiB} KiB HTML`],
      ['xlsx export (load+report / xlsx)', Object.entries(xlsx).map(([n, x]) => `${n}: ${x.loadAndBuildReportMs} + ${x.buildXlsxMs} = ${x.totalMs} ms`).join(', ')],
      ['assessIndicator', `${assessPerSecond.toLocaleString('en')} per second`],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    console.log('');
    for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
    console.log(`\nstatements of one overview request (${SEEDED}, data version unchanged):`);
    for (const [i, { purpose, sql }] of explained.entries()) console.log(`  ${i + 1}. ${purpose.padEnd(44)} ${sql}`);
    console.log(`\nissue 19 goals (load average ${load.join(' / ')} over 1 / 5 / 15 min on ${result.machine.cpus} cores; req/s ratios want a quiet machine)`);
    const table = [['figure', 'measured', 'goal', ''], ...goals.map((g) => [g.figure, g.measured, g.goal, g.met ? '✓' : '✗'])];
    const widths = [0, 1, 2].map((c) => Math.max(...table.map((row) => row[c]!.length)));
    for (const row of table) console.log(`  ${row.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell)).join('  ')}`);
    console.log(`\n[bench] ${path.relative(root, file)} (${result.runSeconds} s)`);
  } finally {
    await server?.stop();
    await counter.close();
    await database.drop().catch(() => {});
  }
}

/** What a statement the app sent is for, from its SQL (the tables are Prisma's and better-auth's). */
function purposeOf(sql: string): string {
  if (/^\s*(BEGIN|COMMIT|ROLLBACK)/i.test(sql)) return 'transaction control';
  if (/^\s*UPDATE "public"\."Session"/i.test(sql)) return 'session: keep alive (at most once a minute)';
  if (/-- findSession/.test(sql)) return 'session: the session, its account and assignments (the cookie\'s signature is checked without a statement)';
  if (/"public"\."Session"/.test(sql)) return 'session: better-auth checks the signed cookie';
  if (/"UserIndicator"/.test(sql)) return 'session: the account\'s assigned indicators';
  if (/"User"/.test(sql)) return 'session: better-auth reads the account';
  if (/FROM "public"\."Plan"/.test(sql) && /"baseYear" DESC/.test(sql)) return 'plans with their data versions (cache keys)';
  if (/"Observation"/.test(sql)) return 'figures (only when the version changed)';
  if (/"Plan"|"Category"|"Indicator"|"PlanYear"/.test(sql)) return 'plan content (only when the version changed)';
  if (/"FigureEvent"/.test(sql)) return 'figure history (only when the version changed)';
  return 'other';
}

interface Goal {
  figure: string;
  measured: string;
  goal: string;
  met: boolean;
  value: number;
  limit: number;
}

/** The table of issue 19: every figure with its goal. Ratios to ping are req/s of the page ÷ req/s of /api/ping. */
function issueGoals(m: {
  latency: Record<string, { requestsPerSecond: number; p50Ms: number }>;
  javascript: Record<'overview' | 'indicator', { gzipKiB: number }>;
  queries: Record<string, number>;
  render: { medianMs: number; htmlKiB: number };
  xlsx: Record<string, { totalMs: number }>;
}): Goal[] {
  const ping = m.latency.ping!.requestsPerSecond;
  const ratio = (name: string) => m.latency[name]!.requestsPerSecond / ping;
  const fraction = (r: number) => (r > 0 ? `1/${round(1 / r)}` : '0');
  const atLeast = (figure: string, value: number, limit: number, measured: string, goal: string): Goal => ({ figure, measured, goal, met: value >= limit, value: round(value, 3), limit });
  const atMost = (figure: string, value: number, limit: number, measured: string, goal: string): Goal => ({ figure, measured, goal, met: value <= limit, value, limit });
  const htmlMB = m.render.htmlKiB / 1024;
  const statements = Math.max(...QUERY_SIZES.map((n) => m.queries[String(n)]!));
  return [
    atLeast('overview req/s ÷ /api/ping req/s', ratio('overview'), 0.25, `${m.latency.overview!.requestsPerSecond} ÷ ${ping} = ${fraction(ratio('overview'))} (p50 ${m.latency.overview!.p50Ms} vs ${m.latency.ping!.p50Ms} ms)`, '≥ 1/4'),
    atLeast('indicator page req/s ÷ ping', ratio('indicator'), 0.25, `${m.latency.indicator!.requestsPerSecond} ÷ ${ping} = ${fraction(ratio('indicator'))}`, '≥ 1/4'),
    atMost('database statements per overview request', statements, 6, `${statements} (16 / 160 / 1,600 indicators: ${QUERY_SIZES.map((n) => m.queries[String(n)]).join(' / ')})`, '≤ 6'),
    atMost('first-load JS, gzip: overview', m.javascript.overview.gzipKiB, 180, `${m.javascript.overview.gzipKiB} KiB`, '≤ 180 KiB'),
    atMost('first-load JS, gzip: indicator page', m.javascript.indicator.gzipKiB, 200, `${m.javascript.indicator.gzipKiB} KiB`, '≤ 200 KiB'),
    atMost('overview of 1,000 × 10 years: render', m.render.medianMs, 250, `${m.render.medianMs} ms`, '≤ 250 ms'),
    atMost('overview of 1,000 × 10 years: HTML', round(htmlMB, 2), 1.5, `${round(htmlMB, 2)} MB`, '≤ 1.5 MB'),
    atMost('xlsx for 1,000 indicators', m.xlsx['1000']!.totalMs, 300, `${m.xlsx['1000']!.totalMs} ms`, '≤ 300 ms'),
  ];
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
