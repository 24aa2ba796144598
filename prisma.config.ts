import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// Prisma's native schema engine cannot be downloaded on every network (government networks often
// reach only an npm mirror). This stand-in speaks the native engine's protocol and forwards to the
// WebAssembly build of the same engine, so the ordinary `prisma migrate …` / `db …` commands work.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL('./scripts/prisma-schema-engine.mjs', import.meta.url));

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
