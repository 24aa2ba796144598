// Prisma's schema engine (migrations, introspection, diff) as WebAssembly, driving PostgreSQL through
// @prisma/adapter-pg, with the adapter's known defects worked around (see shared/notes/database.md).
// Used by prisma-schema-engine.mjs (the CLI stand-in) and usable directly, e.g. to migrate at app start:
//
//   const se = await openSchemaEngine({ connectionString });
//   try { await se.applyMigrations('prisma/migrations'); } finally { await se.close(); }
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';

// Pitfall 1: the wasm glue reports Rust panics through this global; without it a panic becomes a TypeError.
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  message: undefined,
  set_message(m) { this.message = m; },
  get() { return this.message; },
};

const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
{
  // The package's default entry imports the .wasm as an ES module, which Node 20 refuses: instantiate it
  // ourselves. Prefer the engine build that ships inside `prisma` (exactly the CLI's engine commit); it has
  // the same wasm-bindgen imports/exports as the package's, whose JS glue it needs (prisma ships no glue).
  const glue = fileURLToPath(import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  let wasmPath = glue.replace(/schema_engine_bg\.js$/, 'schema_engine_bg.wasm');
  try {
    const shipped = join(createRequire(import.meta.url).resolve('prisma/package.json'), '../build/schema_engine_bg.wasm');
    if (existsSync(shipped) && !process.env.PRISMA_SHIM_PACKAGE_WASM) wasmPath = shipped;
  } catch {}
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
}

export const wasmEngineVersion = bg.version();
export const noFilters = { externalTables: [], externalEnums: [] };

// Pitfalls 3 and 5 are defects of adapter-pg's classes, so fix their prototypes once (covers the main
// adapter, the shadow adapter and transactions alike).
let patched = false;
function patchAdapterClasses(adapter) {
  if (patched) return;
  patched = true;
  const adapterProto = Object.getPrototypeOf(adapter);
  const queryableProto = Object.getPrototypeOf(adapterProto);

  // Pitfall 3: executeScript() splits on every ';' (breaks $$ bodies and string literals, and leaves a failed
  // migration half-applied). One simple-protocol query runs the script whole, as one implicit transaction.
  adapterProto.executeScript = async function (script) {
    try { await this.client.query(script); } catch (e) { this.onError(e); }
  };

  // Pitfall 5: columns of type "char" (OID 18, all over pg_catalog) are rejected as unsupported; the engine
  // needs them typed as Character. Present them as text to the original code, then correct the type.
  const queryRaw = queryableProto.queryRaw;
  queryableProto.queryRaw = async function (query) {
    const res = await this.performIO(query);
    const charCols = [];
    res.fields.forEach((f, i) => { if (f.dataTypeID === 18) { charCols.push(i); f.dataTypeID = 25; } });
    const out = await queryRaw.call({ pgOptions: this.pgOptions, performIO: async () => res }, query);
    for (const i of charCols) out.columnTypes[i] = ColumnTypeEnum.Character;
    return out;
  };
}

function schemaOf(connectionString) {
  try { return new URL(connectionString).searchParams.get('schema') ?? undefined; } catch { return undefined; }
}

// A pg.Pool we own, so we can end it (pitfall 6: engine.free() never disposes the adapter).
function makePool(connectionString) {
  const pool = new pg.Pool({ connectionString, max: 4 });
  pool.on('error', () => {}); // an idle client dying must not crash the process
  return pool;
}

function adapterFactory(connectionString, shadowDatabaseUrl) {
  const pools = [];
  const ownPool = (url) => { const p = makePool(url); pools.push(p); return p; };
  const factory = new PrismaPg(ownPool(connectionString), { schema: schemaOf(connectionString) });

  const connect = factory.connect.bind(factory);
  factory.connect = async () => { const a = await connect(); patchAdapterClasses(a); return a; };

  // Pitfall 4: adapter-pg's shadow database is really the main database (pg lets connectionString win over
  // `database`). Use the configured shadow URL, or create a throwaway database and connect by its own URL.
  factory.connectToShadowDb = async () => {
    if (shadowDatabaseUrl) {
      const a = await new PrismaPg(ownPool(shadowDatabaseUrl), { schema: schemaOf(shadowDatabaseUrl) }).connect();
      patchAdapterClasses(a);
      return a;
    }
    const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replaceAll('-', '')}`;
    await withClient(connectionString, (c) => c.query(`CREATE DATABASE "${name}"`));
    const url = new URL(connectionString);
    url.pathname = `/${name}`;
    const pool = makePool(url.toString());
    const a = await new PrismaPg(pool, { schema: schemaOf(connectionString) }).connect();
    patchAdapterClasses(a);
    a.dispose = async () => {
      await pool.end(); // close first, then drop (adapter-pg did it the other way round)
      await withClient(connectionString, (c) => c.query(`DROP DATABASE IF EXISTS "${name}"`));
    };
    return a;
  };

  return { factory: bindMigrationAwareSqlAdapterFactory(factory), close: () => Promise.all(pools.map((p) => p.end().catch(() => {}))) };
}

/** Runs fn with a one-off client on the maintenance database `postgres` of the server in `url` (or `url` itself). */
export async function withClient(url, fn, { database } = {}) {
  const u = new URL(url);
  if (database !== undefined) u.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: u.toString() });
  client.on('error', () => {});
  await client.connect();
  try { return await fn(client); } finally { await client.end().catch(() => {}); }
}

/** The migrations folder in the shape the engine takes (same as the CLI builds it). */
export async function readMigrationsList(dir, shadowDbInitScript = '') {
  const baseDir = resolve(dir);
  const lockfile = { path: 'migration_lock.toml', content: await readFile(join(baseDir, 'migration_lock.toml'), 'utf8').catch(() => null) };
  let entries = [];
  try { entries = readdirSync(baseDir, { withFileTypes: true }); } catch {}
  const migrationDirectories = await Promise.all(entries.filter((e) => e.isDirectory()).map(async (e) => ({
    path: e.name,
    migrationFile: {
      path: 'migration.sql',
      content: await readFile(join(baseDir, e.name, 'migration.sql'), 'utf8')
        .then((value) => ({ tag: 'ok', value }), (err) => ({ tag: 'error', value: err.message })),
    },
  })));
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir, lockfile, migrationDirectories, shadowDbInitScript };
}

/**
 * Opens the engine on a PostgreSQL database.
 * - datamodels: [[path, content], …]; or schemaPath (one file) — both optional.
 * - onLog(line): the engine's JSON log lines (default: dropped).
 * Returns { engine (the raw wasm SchemaEngine), applyMigrations(dir) → applied names, close() }.
 */
export async function openSchemaEngine({ connectionString, shadowDatabaseUrl, schemaPath, datamodels, onLog = () => {} }) {
  if (!connectionString) throw new Error('openSchemaEngine: connectionString is required');
  if (!datamodels && schemaPath) datamodels = [[schemaPath, readFileSync(schemaPath, 'utf8')]];
  const { factory, close: closePools } = adapterFactory(connectionString, shadowDatabaseUrl);
  // Pitfall 2: no schema means `undefined`, never [] (an empty list makes a diff from a database panic).
  const engine = await bg.SchemaEngine.new({ datamodels: datamodels?.length ? datamodels : undefined }, onLog, factory);
  let closed = false;
  return {
    engine,
    async applyMigrations(dir, { filters = noFilters } = {}) {
      const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: await readMigrationsList(dir), filters });
      return appliedMigrationNames;
    },
    // Pitfall 6: free the engine and end our pools ourselves. The engine still leaves a ~10 s timer behind,
    // so a short-lived script should exit explicitly afterwards (the CLI stand-in does).
    async close() {
      if (closed) return;
      closed = true;
      try { engine.free(); } catch {}
      await closePools();
    },
  };
}
