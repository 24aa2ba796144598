/** findSession reads a session, its account and the account's assignments in one statement, exactly. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPrisma } from '@/lib/db';
import { findSession, getUser, updateUserAccess } from '@/lib/data/users';
import { getPlanDetail } from '@/lib/data/plans';
import { seedDatabase } from '@/prisma/seed';
import { createTestDatabase, migrate, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('session_lookup');
  migrate(database.url);
  await seedDatabase(database.url);
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => database?.drop());

it('returns the session with its times and the account as getUser shows it, assignments in order', async () => {
  const prisma = createPrisma(database.url);
  try {
    const [a, b] = (await getPlanDetail())!.indicators;
    await prisma.user.create({ data: { id: 'u-admin', name: '管理员', email: 'u-admin@example.invalid', username: 'admin1', role: 'admin' } });
    await prisma.user.create({ data: { id: 'u-staff', name: '王璐', email: 'u-staff@example.invalid', username: 'wanglu', role: 'staff', createdAt: new Date('2026-11-30T23:59:58.123Z') } });
    expect((await updateUserAccess('u-staff', { role: 'staff', allIndicators: false, indicatorIds: [b!.id, a!.id] })).ok).toBe(true);
    const updatedAt = new Date('2026-12-01T08:00:01.250Z');
    const expiresAt = new Date('2026-12-01T20:00:00.999Z');
    await prisma.session.create({ data: { id: 's-1', token: 'token-1', userId: 'u-staff', expiresAt, updatedAt } });
    await prisma.session.update({ where: { id: 's-1' }, data: { updatedAt } });

    const found = await findSession('token-1');
    expect(found).toEqual({ sessionId: 's-1', lastActiveAt: updatedAt.toISOString(), expiresAt: expiresAt.toISOString(), user: await getUser('u-staff') });
    expect(found!.user.indicatorIds).toEqual([a!.id, b!.id].sort((x, y) => x - y));
    expect(found!.user.createdAt).toBe('2026-11-30T23:59:58.123Z');

    await prisma.user.create({ data: { id: 'u-leader', name: '领导', email: 'u-leader@example.invalid', username: 'leader1', role: 'leader' } });
    await prisma.session.create({ data: { id: 's-2', token: 'token-2', userId: 'u-leader', expiresAt } });
    expect((await findSession('token-2'))!.user).toEqual(await getUser('u-leader'));
    expect(await findSession('no-such-token')).toBeNull();
  } finally {
    await prisma.$disconnect();
  }
});
