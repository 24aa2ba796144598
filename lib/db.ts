import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

/** Thrown when no database is configured; pages render it as a clear message, not a stack trace. */
export class DatabaseNotConfiguredError extends Error {
  constructor() {
    super('DATABASE_URL is not set');
  }
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
  return new PrismaClient({
    adapter: new PrismaPg(
      { connectionString, connectionTimeoutMillis: 5_000, max: 10 },
      { onPoolError: logConnectionError, onConnectionError: logConnectionError },
    ),
  });
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
