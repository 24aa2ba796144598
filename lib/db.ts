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

/**
 * A connection the server closed (a restart, a failover, `pg_terminate_backend`) must never end the
 * process: pg emits 'error' on an idle pooled client or a client inside a transaction, and an 'error'
 * event without a listener is thrown. The pool drops the dead client and opens a new one on the next
 * query; we log one line so operators see the restart. (tests/integration/database-faults.test.ts)
 */
function logConnectionError(error: Error): void {
  const code = (error as { code?: string }).code;
  console.error(`[db] a database connection was closed${code ? ` (${code})` : ''}: ${error.message}`);
}

export function createPrisma(connectionString: string): PrismaClient {
  const client = new PrismaClient({
    adapter: new PrismaPg(
      { connectionString, connectionTimeoutMillis: 5_000, max: 10 },
      { onPoolError: logConnectionError, onConnectionError: logConnectionError },
    ),
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
