import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { DATABASE_ERROR_DIGEST } from '@/lib/http/error-digest';

/** Thrown when no database is configured; pages render it as a clear message, not a stack trace. */
export class DatabaseNotConfiguredError extends Error {
  readonly digest = `${DATABASE_ERROR_DIGEST}:not-configured`;
  constructor() {
    super('DATABASE_URL is not set');
  }
}

/** Marks an error thrown by the database (or its driver) for the error pages: see lib/http/error-digest.ts. */
export function markDatabaseError(error: unknown): unknown {
  if (error instanceof Error && !('digest' in error)) {
    Object.defineProperty(error, 'digest', { value: `${DATABASE_ERROR_DIGEST}:${error.name}`, configurable: true, writable: true });
  }
  return error;
}

// One client per process and URL; Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: { url: string; client: PrismaClient } };

export function createPrisma(connectionString: string): PrismaClient {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString, connectionTimeoutMillis: 5_000, max: 10 }),
  });
  // Every query (model operations and raw SQL, inside transactions too) marks what it throws.
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw markDatabaseError(error);
        }
      },
    },
  }) as unknown as PrismaClient;
}

export function getPrisma(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new DatabaseNotConfiguredError();
  if (globalForPrisma.prisma?.url !== url) {
    void globalForPrisma.prisma?.client.$disconnect();
    globalForPrisma.prisma = { url, client: createPrisma(url) };
  }
  return globalForPrisma.prisma.client;
}
