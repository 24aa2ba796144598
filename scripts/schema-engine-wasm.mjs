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
  // Pitfall 6: the engine leaves a ~10 s timer behind, which keeps a finished script alive. Its timers are
  // timeouts racing real I/O (which holds the process open by itself), so unref them.
  const imports = { ...bg };
  for (const k of Object.keys(bg).filter((k) => k.startsWith('__wbg_setTimeout_'))) {
    imports[k] = (...args) => { const t = bg[k](...args); t?.unref?.(); return t; };
  }
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), { './schema_engine_bg.js': imports });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
}

export const wasmEngineVersion = bg.version();
export const noFilters = { externalTables: [], externalEnums: [] };

// Pitfalls 3 and 5 are defects of adapter-pg's classes, so fix their prototypes once (covers the main
// adapter, the shadow adapter and transactions alike).
let patched = false;
let lastScriptError; // the pg error of the last failed script, for P3018 below (one migration runs at a time)
function patchAdapterClasses(adapter) {
  if (patched) return;
  patched = true;
  const adapterProto = Object.getPrototypeOf(adapter);
  const queryableProto = Object.getPrototypeOf(adapterProto);

  // Pitfall 3: executeScript() splits on every ';' (breaks $$ bodies and string literals, and leaves a failed
  // migration half-applied). One simple-protocol query runs the script whole, as one implicit transaction.
  adapterProto.executeScript = async function (script) {
    try { await this.client.query(script); } catch (e) { lastScriptError = e; this.onError(e); }
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
// `?schema=` is Prisma's, not pg's: the native engine puts it on the search_path, where unqualified names
// in migration.sql then land; adapter-pg only uses it to qualify the engine's own queries.
function makePool(connectionString) {
  const schema = schemaOf(connectionString);
  const pool = new pg.Pool({ connectionString, max: 4, ...(schema && { options: `-c search_path="${schema.replaceAll('"', '""')}"` }) });
  pool.on('error', () => {}); // an idle client dying must not crash the process
  return pool;
}

function adapterFactory(connectionString, shadowDatabaseUrl, onLog) {
  const pools = [];
  const ownPool = (url) => { const p = makePool(url); pools.push(p); return p; };
  const factory = new PrismaPg(ownPool(connectionString), { schema: schemaOf(connectionString) });

  const connect = factory.connect.bind(factory);
  factory.connect = async () => { const a = await connect(); patchAdapterClasses(a); return a; };

  // Pitfall 4: adapter-pg's shadow database is really the main database (pg lets connectionString win over
  // `database`). Use the configured shadow URL, or create a throwaway database and connect by its own URL.
  factory.connectToShadowDb = async () => {
    if (shadowDatabaseUrl) {
      // As the native engine does: refuse the main database, and start from an empty schema.
      const where = (u) => { const x = new URL(u); return `${x.hostname}:${x.port || 5432}${x.pathname}`; };
      if (where(shadowDatabaseUrl) === where(connectionString)) throw new Error('The shadow database you configured appears to be the same as the main database. Please specify another shadow database.');
      const q = `"${(schemaOf(shadowDatabaseUrl) ?? 'public').replaceAll('"', '""')}"`;
      await withClient(shadowDatabaseUrl, (c) => c.query(`DROP SCHEMA IF EXISTS ${q} CASCADE; CREATE SCHEMA ${q}`));
      const a = await new PrismaPg(ownPool(shadowDatabaseUrl), { schema: schemaOf(shadowDatabaseUrl) }).connect();
      patchAdapterClasses(a);
      return a;
    }
    const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replaceAll('-', '')}`;
    await withClient(connectionString, (c) => c.query(`CREATE DATABASE "${name}"`));
    onLog(JSON.stringify({ level: 'INFO', fields: { message: `Created shadow database ${name}` }, target: 'prisma_shim' }));
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

/** Runs fn with a one-off pg client on `url`, or on another `database` of the same server. */
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
  const { factory, close: closePools } = adapterFactory(connectionString, shadowDatabaseUrl, onLog);
  // Pitfall 2: no schema means `undefined`, never [] (an empty list makes a diff from a database panic).
  const engine = await bg.SchemaEngine.new({ datamodels: datamodels?.length ? datamodels : undefined }, onLog, factory);

  // Fixes for behaviour found here (not in the notes), applied to every engine method:
  const P3018 = 'A migration failed to apply. New migrations cannot be applied before the error is recovered from. '
    + 'Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve';
  for (const method of Object.getOwnPropertyNames(bg.SchemaEngine.prototype)) {
    if (['constructor', 'free', 'debugPanic'].includes(method) || typeof engine[method] !== 'function') continue;
    const original = engine[method].bind(engine);
    engine[method] = async (input) => {
      lastScriptError = undefined;
      try {
        return await original(input);
      } catch (e) {
        // 1. evaluateDataLoss and createMigration get no shadow database: they only read the migrations'
        //    schema from a cache that devDiagnostic fills. When `migrate dev` first applied pending migrations,
        //    that cache holds only the applied prefix ("shadow DB must be provided through an external
        //    factory"). devDiagnostic again, now that the database is up to date, fills it for the full list.
        if (input?.migrationsList && method !== 'devDiagnostic' && /shadow DB must be provided through an external factory/.test(e?.message)) {
          await engine.devDiagnostic({ migrationsList: input.migrationsList, filters: input.filters ?? noFilters });
          return original(input);
        }
        // 2. A migration that fails to apply is P3018 for the native engine (CI scripts look for it); the wasm
        //    engine only says "external connector error". Rebuild the native error from the pg error.
        const name = /apply_script\s+with migration_name="([^"]+)"/.exec(e?.message)?.[1];
        if (name && !e.code && lastScriptError) {
          const meta = { migration_name: name, database_error_code: lastScriptError.code ?? '', database_error: `ERROR: ${lastScriptError.message}` };
          throw Object.assign(new Error(`${P3018}\n\nMigration name: ${name}\n\nDatabase error code: ${meta.database_error_code}\n\nDatabase error:\n${meta.database_error}\n`), { code: 'P3018', meta });
        }
        // 3. Errors thrown by our adapter code reach the engine as "External error id#N": put the message back.
        if (e instanceof Error) {
          e.message = e.message.replace(/External error id#(\d+)/g, (m, id) => factory.errorRegistry.consumeError(Number(id))?.error?.message ?? m);
        }
        throw e;
      }
    };
  }

  let closed = false;
  return {
    engine,
    async applyMigrations(dir, { filters = noFilters } = {}) {
      const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: await readMigrationsList(dir), filters });
      return appliedMigrationNames;
    },
    // Pitfall 6: free the engine and end our pools ourselves (engine.free() never disposes the adapter).
    async close() {
      if (closed) return;
      closed = true;
      try { engine.free(); } catch {}
      await closePools();
    },
  };
}
