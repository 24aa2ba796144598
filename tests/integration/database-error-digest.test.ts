// The error pages say "database unreachable" only when the database is the cause: lib/db.ts gives every
// error a query throws a digest the browser receives (production hides the message); other errors keep
// Next's own digest and get the plain "something went wrong".
import { describe, expect, it } from 'vitest';
import { createPrisma, DatabaseNotConfiguredError, markDatabaseError } from '@/lib/db';
import { isDatabaseError } from '@/lib/http/error-digest';

describe('database errors carry a database digest', () => {
  it('a query against an unreachable server throws an error marked as the database’s', async () => {
    const prisma = createPrisma('postgresql://postgres@127.0.0.1:1/none');
    try {
      const failure = await prisma.plan.findMany().then(
        () => null,
        (error: unknown) => error as Error & { digest?: string },
      );
      expect(failure).toBeInstanceOf(Error);
      expect(isDatabaseError(failure)).toBe(true);
      const raw = await prisma.$queryRaw`SELECT 1`.then(
        () => null,
        (error: unknown) => error as Error & { digest?: string },
      );
      expect(isDatabaseError(raw)).toBe(true);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('a missing DATABASE_URL is the database’s too; any other error is not', () => {
    expect(isDatabaseError(new DatabaseNotConfiguredError())).toBe(true);
    expect(isDatabaseError(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseError({ digest: '2817394857' })).toBe(false);
    expect(isDatabaseError(markDatabaseError(new Error('connection refused')) as Error)).toBe(true);
  });
});
