#!/usr/bin/env node
// Stand-in for Prisma's native schema engine binary (PostgreSQL only).
//
// Why: the Prisma CLI downloads a native `schema-engine` from Prisma's binaries host, which this network
// cannot reach, so `prisma migrate …`, `db push|pull` and even `prisma --version` fail. The CLI runs any
// executable named by PRISMA_SCHEMA_ENGINE_BINARY and speaks to it over stdin/stdout; this script speaks
// that protocol and forwards every call to the same engine compiled to WebAssembly (schema-engine-wasm.mjs).
//
// Protocol (as prisma/build/cli.js uses it):
//   schema-engine --version                            → "schema-engine-cli <commit>"
//   schema-engine --datasource JSON cli can-connect-to-database | create-database
//                                                      → exit 0, or exit 1 with a JSON log line on stderr
//                                                        { level: "ERROR", target: "schema_engine::logger",
//                                                          fields: { message, error_code } }
//   schema-engine [--datamodels PATH]… [--datasource JSON] → JSON-RPC 2.0, one message per line; errors are
//     { code: 4466, message, data: { is_panic, message, error_code, meta } }; `diff` output goes to the CLI
//     as a `print` request, as the native engine does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { openSchemaEngine, wasmEngineVersion, withClient } from './schema-engine-wasm.mjs';

console.log = console.info = console.error; // stdout carries the protocol only

const args = process.argv.slice(2);
const opt = { datamodels: [], datasource: {}, rest: [] };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--version' || a === '-V') opt.version = true;
  else if (a === '--datamodels') opt.datamodels.push(resolve(args[++i]));
  else if (a === '--datasource') opt.datasource = JSON.parse(args[++i]);
  else if (a === '--enabled-preview-features' || a === '--extension-types') i++; // nothing to do for PostgreSQL
  else opt.rest.push(a);
}
const defaultUrl = opt.datasource.url ?? process.env.DATABASE_URL;

const log = (level, fields, target = 'schema_engine::logger') =>
  process.stderr.write(JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target }) + '\n');

if (opt.version) {
  process.stdout.write(`schema-engine-cli ${wasmEngineVersion}\n`);
  process.exit(0);
}
if (opt.rest[0] === 'cli') process.exit(await cliCommand(opt.rest[1]));
await rpcServer();

// ---- `cli …` subcommands -----------------------------------------------------------------------------

function hostOf(url) { const u = new URL(url); return `${u.hostname}:${u.port || 5432}`; }
function dbNameOf(url) { return decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres'; }

// The native engine's user-facing error for a failed connection.
function connectionError(err, url) {
  const db = dbNameOf(url);
  if (err.code === '3D000') return { error_code: 'P1003', message: `Database \`${db}\` does not exist on the database server at \`${hostOf(url)}\`.` };
  if (err.code === '28P01' || err.code === '28000') return { error_code: 'P1000', message: `Authentication failed against database server, the provided database credentials for \`${new URL(url).username}\` are not valid.` };
  return { error_code: 'P1001', message: `Can't reach database server at \`${hostOf(url)}\`\n\nPlease make sure your database server is running at \`${hostOf(url)}\`.` };
}

async function createDatabase(url) {
  const name = dbNameOf(url);
  await withClient(url, (c) => c.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`), { database: 'postgres' });
  return name;
}

async function cliCommand(name) {
  log('INFO', { message: `schema-engine-wasm ${wasmEngineVersion} (stand-in)` }); // the CLI skips stderr's first line
  try {
    if (!defaultUrl) throw Object.assign(new Error('No datasource URL given (--datasource or DATABASE_URL).'), { userFacing: { message: 'No datasource URL given.' } });
    if (name === 'can-connect-to-database') {
      await withClient(defaultUrl, () => {}).catch((e) => { throw Object.assign(e, { userFacing: connectionError(e, defaultUrl) }); });
      process.stdout.write('Connection successful\n');
    } else if (name === 'create-database') {
      const db = await createDatabase(defaultUrl).catch((e) => { throw Object.assign(e, { userFacing: e.code === '42P04' ? { error_code: 'P1009', message: `Database \`${dbNameOf(defaultUrl)}\` already exists on the database server at \`${hostOf(defaultUrl)}\`` } : connectionError(e, defaultUrl) }); });
      process.stdout.write(`Database '${db}' was successfully created.\n`);
    } else {
      throw Object.assign(new Error(`Unknown cli command: ${name}`), { userFacing: { message: `Unknown cli command: ${name}` } });
    }
    return 0;
  } catch (e) {
    log('ERROR', e.userFacing ?? { message: e.message });
    return 1;
  }
}

// ---- JSON-RPC server --------------------------------------------------------------------------------

async function rpcServer() {
  const datamodels = opt.datamodels.map((p) => [p, readFileSync(p, 'utf8')]);
  const engines = new Map(); // url → openSchemaEngine() promise; the wasm engine talks to one database
  const engineFor = (url = defaultUrl) => {
    if (!url) throw Object.assign(new Error('No datasource URL given (--datasource or DATABASE_URL).'), { code: 'P1012' });
    if (!engines.has(url)) {
      engines.set(url, openSchemaEngine({
        connectionString: url,
        shadowDatabaseUrl: url === defaultUrl ? opt.datasource.shadowDatabaseUrl : undefined,
        datamodels,
        onLog: (line) => process.stderr.write(line.endsWith('\n') ? line : line + '\n'),
      }));
    }
    return engines.get(url).then((se) => se.engine);
  };
  const urlIn = (p) => (p?.datasource?.tag === 'ConnectionString' && p.datasource.url) || (p?.datasourceType?.tag === 'url' && p.datasourceType.url) || p?.url || undefined;

  const send = (msg) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...msg }) + '\n');
  const pending = new Map(); // our own requests to the CLI (print)
  let nextId = 1;
  const request = (method, params) => new Promise((res) => { const id = nextId++; pending.set(id, res); send({ id, method, params }); });

  const methods = {
    getDatabaseVersion: async (p) => (await engineFor(urlIn(p))).version(p),
    createDatabase: async (p) => ({ databaseName: await createDatabase(urlIn(p) ?? defaultUrl) }),
    async diff(p) {
      const { exitCode, stdout } = await (await engineFor()).diff(p);
      if (stdout != null) await request('print', { content: stdout });
      return { exitCode };
    },
  };
  const call = async (method, params) => {
    if (methods[method]) return methods[method](params);
    const engine = await engineFor(urlIn(params));
    if (typeof engine[method] !== 'function' || method === 'free') throw new Error(`Method not supported by the WebAssembly schema engine: ${method}`);
    return (await engine[method](params)) ?? {};
  };

  const toRpcError = (e) => {
    const panic = e instanceof WebAssembly.RuntimeError;
    const message = (panic && globalThis.PRISMA_WASM_PANIC_REGISTRY.get()) || e?.message || String(e);
    return {
      code: 4466,
      message: panic ? message : 'An error happened. Check the data field for details.', // the CLI shows this one for panics
      data: panic ? { is_panic: true, message, backtrace: e.stack } : { is_panic: false, message, error_code: e?.code ?? undefined, meta: e?.meta ?? {} },
    };
  };

  // Requests run one at a time, in order, as the native engine handles them.
  let queue = Promise.resolve();
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', (line) => {
    if (!line.trim()) return;
    let msg;
    try { msg = JSON.parse(line); } catch { return send({ id: null, error: { code: -32700, message: 'Parse error' } }); }
    if (msg.method === undefined) { pending.get(msg.id)?.(msg); pending.delete(msg.id); return; } // answer to our print
    queue = queue.then(async () => {
      try { send({ id: msg.id, result: await call(msg.method, msg.params) }); } catch (e) { send({ id: msg.id, error: toRpcError(e) }); }
    });
  });
  // The CLI ends stdin when done. Close pools and exit explicitly: the wasm engine leaves a timer behind.
  rl.on('close', async () => {
    await queue;
    await Promise.all([...engines.values()].map((p) => p.then((se) => se.close(), () => {})));
    process.exit(0);
  });
}
