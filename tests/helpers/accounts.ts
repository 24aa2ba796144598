// A migrated, seeded test database with one account per role, and real sign-ins through the app's
// own signIn action (better-auth issues the session; the cookie lands in the jar).
import { signIn } from '@/app/_actions/session';
import { createAccount } from '@/lib/auth/accounts';
import type { Role } from '@/lib/auth/permissions';
import { seedDatabase } from '@/prisma/seed';
import { jar, form, runAction } from './next-request';
import { createTestDatabase, migrate, type TestDatabase } from './test-database';

export const TEST_PASSWORD = 'correct-horse-9';
export const ROLE_USERS: Record<Role, string> = { admin: 'matrix_admin', staff: 'matrix_staff', reviewer: 'matrix_reviewer', leader: 'matrix_leader' };

export async function setUpAccountsDatabase(prefix: string): Promise<{ database: TestDatabase; userIds: Record<Role, string> }> {
  const database = await createTestDatabase(prefix);
  migrate(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.BETTER_AUTH_SECRET = 'test-secret-0123456789-0123456789-abcdef';
  await seedDatabase(database.url);
  const userIds = {} as Record<Role, string>;
  for (const [role, username] of Object.entries(ROLE_USERS) as [Role, string][]) {
    userIds[role] = await createAccount({ username, name: `测试${role}`, role, password: TEST_PASSWORD });
  }
  return { database, userIds };
}

/** Signs in through the sign-in action; returns the session cookies (also left in the jar). */
export async function signInWith(username: string, password = TEST_PASSWORD): Promise<Map<string, string>> {
  jar.clear();
  const outcome = await runAction(() => signIn({}, form({ username, password, next: '/' })));
  if (outcome.redirectedTo === undefined) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(outcome.returned)}`);
  return new Map(jar);
}

export function useCookies(cookies: Map<string, string> | null): void {
  jar.clear();
  for (const [name, value] of cookies ?? []) jar.set(name, value);
}
