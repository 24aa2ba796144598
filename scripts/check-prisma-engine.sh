#!/usr/bin/env bash
# Smoke test: ordinary Prisma CLI commands through the WebAssembly stand-in (scripts/prisma-schema-engine.mjs),
# against the PostgreSQL at $PGHOST_URL (default postgresql://postgres@127.0.0.1:5432). Creates its own
# databases (shim_test_<random>*) and a throwaway project folder, and removes both at the end.
# Usage: bash scripts/check-prisma-engine.sh        (prints 'N passed, N failed'; exit 1 on any failure)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVER=${PGHOST_URL:-postgresql://postgres@127.0.0.1:5432}
ID=shim_test_$(date +%s)_$RANDOM
WORK=$(mktemp -d "$ROOT/.smoke-XXXX")   # inside the package, so `prisma/config` and the CLI resolve
unset PRISMA_SCHEMA_ENGINE_BINARY        # the project's prisma.config.ts must be enough
export DATABASE_URL=$SERVER/$ID
pass=0 fail=0
ok() { echo "  ok   $1"; pass=$((pass + 1)); }
ko() { echo "  FAIL $1"; fail=$((fail + 1)); sed 's/^/       | /' "$WORK/out" | tail -25; }
# run NAME EXPECTED_RC CMD... — runs CMD in the project, output in $WORK/out; checks rc and time (< 30 s)
run() {
  local name=$1 want=$2 start rc; shift 2
  start=$(date +%s%N)
  (cd "$WORK" && timeout 60 "$@") >"$WORK/out" 2>&1; rc=$?
  local ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [[ $rc == "$want" && $ms -lt 30000 ]]; then ok "$name (rc $rc, ${ms} ms)"; else ko "$name (rc $rc, want $want, ${ms} ms)"; fi
}
has() { if grep -q -- "$2" "$WORK/out"; then ok "$1"; else ko "$1: no '$2'"; fi; }
sql() { psql "${2:-$DATABASE_URL}" -XAtqc "$1" 2>&1; }
cleanup() {
  for db in $(psql "$SERVER/postgres" -XAtc "select datname from pg_database where datname like '${ID}%'"); do
    psql "$SERVER/postgres" -Xqc "drop database if exists \"$db\" with (force)" >/dev/null
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$WORK/prisma"
cat >"$WORK/prisma.config.ts" <<EOF
import { defineConfig, env } from 'prisma/config';
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= '$ROOT/scripts/prisma-schema-engine.mjs';
export default defineConfig({ schema: 'prisma/schema.prisma', migrations: { path: 'prisma/migrations' }, datasource: { url: env('DATABASE_URL') } });
EOF
schema() { # schema EXTRA_USER_FIELD
  cat >"$WORK/prisma/schema.prisma" <<EOF
generator client {
  provider = "prisma-client"
  output   = "../lib/generated/prisma"
}

datasource db {
  provider = "postgresql"
}

enum Role {
  ADMIN
  MEMBER
}

model User {
  id     Int     @id @default(autoincrement())
  email  String  @unique
  role   Role    @default(MEMBER)
  orders Order[]
  $1
}

model Order {
  id       Int     @id @default(autoincrement())
  userId   Int
  user     User    @relation(fields: [userId], references: [id])
  amount   Decimal @db.Decimal(12, 2)
  currency String  @db.Char(3)

  @@unique([userId, currency])
}
EOF
}
schema ""
M=prisma/migrations

echo "== version, generate"
run "prisma --version" 0 npx prisma --version;                      has "--version names the stand-in" "schema-engine-cli .*PRISMA_SCHEMA_ENGINE_BINARY"
run "prisma generate" 0 npx prisma generate;                        [[ -f $WORK/lib/generated/prisma/client.ts ]] && ok "client generated" || ko "client generated"

echo "== migrate dev"
run "migrate dev --create-only --name init (creates the database)" 0 npx prisma migrate dev --create-only --name init
[[ -f $(ls "$WORK"/$M/*_init/migration.sql 2>/dev/null) && -f $WORK/$M/migration_lock.toml ]] && ok "init/migration.sql + migration_lock.toml written" || ko "migration files"
schema "name String?"
DEBUG=prisma:schemaEngine:stderr run "migrate dev --name x (shadow database)" 0 npx prisma migrate dev --name x
has "x applied" "_x/"
shadows=$(grep -o 'Created shadow database [a-z0-9_]*' "$WORK/out" | awk '{print "\x27" $4 "\x27"}' | paste -sd,)
[[ -n $shadows && $(sql "select count(*) from pg_database where datname in ($shadows)" "$SERVER/postgres") == 0 ]] && ok "shadow database ($shadows) created and dropped" || ko "shadow database: '$shadows'"
[[ $(sql "select count(*) from _prisma_migrations") == 2 ]] && ok "2 rows in _prisma_migrations" || ko "rows in _prisma_migrations"

echo "== migrate deploy on an empty database"
export DATABASE_URL=$SERVER/${ID}_deploy; sql "create database ${ID}_deploy" "$SERVER/postgres" >/dev/null
run "migrate deploy" 0 npx prisma migrate deploy;                   has "deploy applied" "All migrations have been successfully applied"
run "migrate deploy again" 0 npx prisma migrate deploy;             has "second deploy: nothing" "No pending migrations to apply"
rows=$(sql "select migration_name, checksum, finished_at is not null, logs is null, rolled_back_at is null, applied_steps_count from _prisma_migrations order by 1" | tr '\n' ' ')
want=$(cd "$WORK/$M" && for d in */; do d=${d%/}; echo "$d|$(sha256sum "$d/migration.sql" | cut -d' ' -f1)|t|t|t|1"; done | tr '\n' ' ')
[[ $rows == "$want" ]] && ok "_prisma_migrations rows as native (sha256 checksum, finished, 1 step)" || { echo "$rows / $want" >"$WORK/out"; ko "_prisma_migrations rows"; }
run "migrate status" 0 npx prisma migrate status;                   has "status up to date" "Database schema is up to date"

echo "== drift check"
run "diff --from-migrations --to-schema --exit-code (in sync)" 0 npx prisma migrate diff --from-migrations $M --to-schema prisma/schema.prisma --exit-code
schema "name String?
  age  Int?"
run "diff --from-migrations --to-schema --exit-code (changed)" 2 npx prisma migrate diff --from-migrations $M --to-schema prisma/schema.prisma --exit-code
has "diff names the change" "Added column \`age\`"
run "diff --from-config-datasource --to-schema --script" 2 npx prisma migrate diff --from-config-datasource --to-schema prisma/schema.prisma --script --exit-code
has "diff script" 'ALTER TABLE "User" ADD COLUMN     "age" INTEGER'
schema "name String?"

echo "== configured shadowDatabaseUrl (reset before use, as native)"
sql "create database ${ID}_shadow" "$SERVER/postgres" >/dev/null; sql 'create table "User" (id int)' "$SERVER/${ID}_shadow" >/dev/null
sed "s#datasource: {#datasource: { shadowDatabaseUrl: '$SERVER/${ID}_shadow',#" "$WORK/prisma.config.ts" >"$WORK/shadow.config.ts"
run "diff --from-migrations with shadowDatabaseUrl" 0 npx prisma migrate diff --config shadow.config.ts --from-migrations $M --to-schema prisma/schema.prisma --exit-code
sed "s#datasource: {#datasource: { shadowDatabaseUrl: env('DATABASE_URL'),#" "$WORK/prisma.config.ts" >"$WORK/shadow.config.ts"
run "shadowDatabaseUrl = main database is refused" 1 npx prisma migrate diff --config shadow.config.ts --from-migrations $M --to-schema prisma/schema.prisma --exit-code
has "refusal message" "same as the main database"

echo "== \$\$ bodies and ';' in strings apply whole"
mkdir -p "$WORK/$M/20990101000000_plpgsql"
cat >"$WORK/$M/20990101000000_plpgsql/migration.sql" <<'EOF'
CREATE FUNCTION shim_greet(who text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN 'hello; ' || who || ';';
END;
$$;
INSERT INTO "User" (email) VALUES ('semi;colon@example.com');
EOF
run "deploy plpgsql migration" 0 npx prisma migrate deploy
[[ $(sql "select shim_greet('x') || (select email from \"User\")") == "hello; x;semi;colon@example.com" ]] && ok "function and string intact" || { sql "select shim_greet('x')" >"$WORK/out"; ko "function and string intact"; }

echo "== a failing migration"
mkdir -p "$WORK/$M/20990102000000_broken"
printf 'CREATE TABLE "Half" (id int);\nSELECT 1/0;\n' >"$WORK/$M/20990102000000_broken/migration.sql"
run "deploy broken migration fails" 1 npx prisma migrate deploy;    has "P3018 as native" "P3018"; has "error shown" "division by zero"
[[ $(sql "select finished_at is null and logs is not null from _prisma_migrations where migration_name = '20990102000000_broken'") == t ]] && ok "recorded as failed" || ko "recorded as failed"
[[ $(sql "select to_regclass('\"Half\"') is null") == t ]] && ok "rolled back whole (no table Half)" || ko "rolled back"
run "next deploy refuses" 1 npx prisma migrate deploy;              has "P3009" "P3009"
run "migrate resolve --rolled-back" 0 npx prisma migrate resolve --rolled-back 20990102000000_broken
rm -r "$WORK/$M/20990102000000_broken"
run "deploy after resolve" 0 npx prisma migrate deploy

echo "== db push, db pull, db execute"
export DATABASE_URL=$SERVER/${ID}_push
run "db push (creates the database)" 0 npx prisma db push;          has "push in sync" "in sync with your Prisma schema"
printf 'CREATE TABLE "Flags" (id int PRIMARY KEY, kind "char" NOT NULL);\n' >"$WORK/flags.sql"
run "db execute --file" 0 npx prisma db execute --file flags.sql
run "db pull --print" 0 npx prisma db pull --print;                 has "pulled model Order" "currency String  @db.Char(3)"; has "pulled \"char\" table" "model Flags"
run "db pull (writes schema)" 0 npx prisma db pull;                 grep -q "model Flags" "$WORK/prisma/schema.prisma" && ok "schema rewritten" || ko "schema rewritten"
schema "name String?"

echo "== migrate reset"
export DATABASE_URL=$SERVER/${ID}_deploy
run "migrate reset --force" 0 npx prisma migrate reset --force
[[ $(sql "select count(*) from _prisma_migrations")/$(sql "select count(*) from \"User\"") == 3/1 ]] && ok "reset re-applied 3 migrations (1 seeded row from plpgsql migration)" || ko "after reset"

echo "== errors"
DATABASE_URL=postgresql://postgres@127.0.0.1:1/x run "unreachable server → P1001" 1 npx prisma migrate deploy; has "P1001" "P1001"

echo "== programmatic openSchemaEngine().applyMigrations()"
export DATABASE_URL=$SERVER/${ID}_api; sql "create database ${ID}_api" "$SERVER/postgres" >/dev/null
run "applyMigrations(dir)" 0 node --input-type=module -e "
  import { openSchemaEngine } from '$ROOT/scripts/schema-engine-wasm.mjs';
  const se = await openSchemaEngine({ connectionString: process.env.DATABASE_URL });
  try { console.log(JSON.stringify(await se.applyMigrations('$M'))); console.log(JSON.stringify(await se.applyMigrations('$M'))); }
  finally { await se.close(); }
  process.exit(0);"
has "first call applies 3" '_plpgsql"\]$'; has "second call applies none" '^\[\]$'

echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
