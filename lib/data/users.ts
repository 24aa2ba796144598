import { getPrisma } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { advisoryLock, inTransaction, LOCK, Refused, type Tx } from './transaction';
import type { SessionRecord, UserRole, UserSummary } from './types';

const userInclude = {
  assignments: { select: { indicatorId: true }, orderBy: { indicatorId: 'asc' } },
  taskAssignments: { select: { actionId: true }, orderBy: { actionId: 'asc' } },
} satisfies Prisma.UserInclude;
type UserRow = Prisma.UserGetPayload<{ include: typeof userInclude }>;

function toUserSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    username: row.username ?? '',
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    allIndicators: row.allIndicators,
    indicatorIds: row.assignments.map((a) => a.indicatorId),
    actionIds: row.taskAssignments.map((a) => a.actionId),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function countUsers(): Promise<number> {
  return getPrisma().user.count();
}

export async function listUsers(): Promise<UserSummary[]> {
  const rows = await getPrisma().user.findMany({ include: userInclude, orderBy: [{ disabled: 'asc' }, { role: 'asc' }, { username: 'asc' }] });
  return rows.map(toUserSummary);
}

export async function getUser(id: string): Promise<UserSummary | null> {
  const row = await getPrisma().user.findUnique({ where: { id }, include: userInclude });
  return row ? toUserSummary(row) : null;
}

export async function findUserByUsername(username: string): Promise<UserSummary | null> {
  const row = await getPrisma().user.findUnique({ where: { username: username.toLowerCase() }, include: userInclude });
  return row ? toUserSummary(row) : null;
}

export async function isUserActive(id: string): Promise<boolean> {
  const row = await getPrisma().user.findUnique({ where: { id }, select: { disabled: true } });
  return row !== null && !row.disabled;
}

/** What sign-in needs to know before it asks better-auth: is the account disabled, and its password hash. */
export async function findSignInAccount(username: string): Promise<{ disabled: boolean; passwordHash: string | null } | null> {
  const row = await getPrisma().user.findUnique({
    where: { username: username.toLowerCase() },
    select: { disabled: true, accounts: { where: { providerId: 'credential' }, select: { password: true }, take: 1 } },
  });
  return row ? { disabled: row.disabled, passwordHash: row.accounts[0]?.password ?? null } : null;
}

export async function countActiveAdmins(): Promise<number> {
  return getPrisma().user.count({ where: { role: 'admin', disabled: false } });
}

export type AccountChangeRefusal = 'notFound' | 'lastAdmin' | 'actorNotAdmin';
export type AccountChangeResult = { ok: true } | { ok: false; reason: AccountChangeRefusal };

/**
 * Changes of role and of the disabled flag run one at a time (an advisory lock) and are checked inside
 * their transaction, after the lock: the acting admin (when given) must still be an active admin, and
 * at least one active admin must remain. So two admins demoting or disabling each other at once leave
 * one admin, never none.
 */
async function changeAccount(id: string, actorId: string | undefined, change: (tx: Tx) => Promise<void>): Promise<AccountChangeResult> {
  const result = await inTransaction<null, AccountChangeRefusal>(async (tx) => {
    await advisoryLock(tx, LOCK.adminAccounts, 'admins');
    if (actorId !== undefined) {
      const actor = await tx.user.findUnique({ where: { id: actorId }, select: { role: true, disabled: true } });
      if (!actor || actor.role !== 'admin' || actor.disabled) throw new Refused<AccountChangeRefusal>('actorNotAdmin');
    }
    if (!(await tx.user.findUnique({ where: { id }, select: { id: true } }))) throw new Refused<AccountChangeRefusal>('notFound');
    await change(tx);
    if ((await tx.user.count({ where: { role: 'admin', disabled: false } })) === 0) throw new Refused<AccountChangeRefusal>('lastAdmin');
    return null;
  });
  return result.ok ? { ok: true } : { ok: false, reason: result.refusal };
}

/** Role and, for staff, the indicator scope and the key-task actions; ids that are not indicators (actions) are ignored. */
export async function updateUserAccess(
  id: string,
  access: { role: UserRole; allIndicators: boolean; indicatorIds: number[]; actionIds?: number[] },
  actorId?: string,
): Promise<AccountChangeResult> {
  return changeAccount(id, actorId, async (tx) => {
    await tx.user.update({ where: { id }, data: { role: access.role, allIndicators: access.allIndicators } });
    await tx.userIndicator.deleteMany({ where: { userId: id } });
    if (access.role === 'staff' && !access.allIndicators && access.indicatorIds.length > 0) {
      const existing = await tx.indicator.findMany({ where: { id: { in: access.indicatorIds } }, select: { id: true } });
      await tx.userIndicator.createMany({ data: existing.map((i) => ({ userId: id, indicatorId: i.id })) });
    }
    await tx.userTaskAction.deleteMany({ where: { userId: id } });
    const actionIds = access.actionIds ?? [];
    if (access.role === 'staff' && !access.allIndicators && actionIds.length > 0) {
      const existing = await tx.taskAction.findMany({ where: { id: { in: actionIds } }, select: { id: true } });
      await tx.userTaskAction.createMany({ data: existing.map((a) => ({ userId: id, actionId: a.id })) });
    }
  });
}

export async function updateUserName(id: string, name: string): Promise<void> {
  await getPrisma().user.update({ where: { id }, data: { name } });
}

/** Disabling also ends the user's sessions at once; the account and everything it entered stay. */
export async function setUserDisabled(id: string, disabled: boolean, actorId?: string): Promise<AccountChangeResult> {
  return changeAccount(id, actorId, async (tx) => {
    await tx.user.update({ where: { id }, data: { disabled } });
    if (disabled) await tx.session.deleteMany({ where: { userId: id } });
  });
}

export async function deleteUserSessions(userId: string): Promise<void> {
  await getPrisma().session.deleteMany({ where: { userId } });
}

interface SessionRow {
  sessionId: string;
  lastActiveMs: number;
  expiresMs: number;
  id: string;
  username: string | null;
  name: string;
  role: UserRole;
  disabled: boolean;
  allIndicators: boolean;
  createdMs: number;
  indicatorIds: number[];
  actionIds: number[];
}

/**
 * The session behind a token with its account and the account's assigned indicators, in ONE statement:
 * every request of a signed-in user runs it (Prisma's include would send three). Timestamps come back as
 * epoch milliseconds (the columns hold UTC without a zone).
 */
export async function findSession(token: string): Promise<SessionRecord | null> {
  const [row] = await getPrisma().$queryRaw<SessionRow[]>`-- findSession
    SELECT s.id AS "sessionId",
           (extract(epoch FROM s."updatedAt") * 1000)::float8 AS "lastActiveMs",
           (extract(epoch FROM s."expiresAt") * 1000)::float8 AS "expiresMs",
           u.id, u.username, u.name, u.role::text AS role, u.disabled, u."allIndicators",
           (extract(epoch FROM u."createdAt") * 1000)::float8 AS "createdMs",
           COALESCE((SELECT array_agg(ui."indicatorId" ORDER BY ui."indicatorId") FROM "UserIndicator" ui WHERE ui."userId" = u.id), '{}') AS "indicatorIds",
           COALESCE((SELECT array_agg(ua."actionId" ORDER BY ua."actionId") FROM "UserTaskAction" ua WHERE ua."userId" = u.id), '{}') AS "actionIds"
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s.token = ${token}`;
  if (!row) return null;
  return {
    sessionId: row.sessionId,
    lastActiveAt: new Date(row.lastActiveMs).toISOString(),
    expiresAt: new Date(row.expiresMs).toISOString(),
    user: {
      id: row.id,
      username: row.username ?? '',
      name: row.name,
      role: row.role,
      disabled: row.disabled,
      allIndicators: row.allIndicators,
      indicatorIds: row.indicatorIds.map(Number),
      actionIds: row.actionIds.map(Number),
      createdAt: new Date(row.createdMs).toISOString(),
    },
  };
}

export async function touchSession(sessionId: string): Promise<void> {
  await getPrisma().session.updateMany({ where: { id: sessionId }, data: { updatedAt: new Date() } });
}

export async function deleteSession(sessionId: string): Promise<void> {
  await getPrisma().session.deleteMany({ where: { id: sessionId } });
}
