// The error pages say "database unreachable" only when the database is the cause: lib/db.ts gives every
// error a query throws a digest the browser receives (production hides the message); other errors keep
// Next's own digest and get the plain "something went wrong".
import { describe, expect, it } from 'vitest';
import { createPrisma, DatabaseNotConfiguredError, markDatabaseError } from '@/lib/db';
import { attributeToDatabase } from '@/lib/data/health';
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

describe('an error a library wrapped around the database’s', () => {
  it('is attributed to the database through its cause, or when the database does not answer', async () => {
    const wrapped = new Error('Failed to get session', { cause: markDatabaseError(new Error('connect ECONNREFUSED')) });
    expect(isDatabaseError(await attributeToDatabase(wrapped))).toBe(true);
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/none';
    try {
      expect(isDatabaseError(await attributeToDatabase(new Error('Failed to get session')))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
    const redirect = Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/login;307;' });
    expect(await attributeToDatabase(redirect)).toBe(redirect);
    expect(redirect.digest).toBe('NEXT_REDIRECT;replace;/login;307;');
  });
});
