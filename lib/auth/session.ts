// The session check every page, server action and route handler runs on the server.
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { attributeToDatabase } from '@/lib/data/health';
import { deleteSession, findSession, touchSession } from '@/lib/data/users';
import { authSecret, secureCookiesEnabled, SESSION_IDLE_SECONDS, SESSION_TOUCH_SECONDS } from './config';
import { AuthorizationError } from './errors';
import { can, type Permission, type SessionUser } from './permissions';
import { safeNextPath } from './next-path';
import { verifiedSessionToken } from './session-cookie';

export type { SessionUser } from './permissions';

/** Header the proxy sets to the requested path, so a page can send the reader back after sign-in. */
export const PATHNAME_HEADER = 'x-pathname';

/**
 * The signed-in user, or null: no or invalid cookie, unknown or expired session (absolute lifetime or
 * SESSION_IDLE_SECONDS without a request), or a disabled account. Reads the database every time
 * (no cookie cache), so a role change or a disabled account takes effect with the next request: the
 * cookie's signature is checked here (./session-cookie.ts), then one statement reads the session, its
 * account and assignments (findSession).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  try {
    return await lookUpSessionUser();
  } catch (error) {
    // say "database unreachable" on the error page only when it is
    throw await attributeToDatabase(error);
  }
});

async function lookUpSessionUser(): Promise<SessionUser | null> {
  const token = verifiedSessionToken((await headers()).get('cookie'), authSecret(), secureCookiesEnabled());
  if (!token) return null;
  const record = await findSession(token);
  if (!record) return null;
  const now = Date.now();
  const idleFor = now - Date.parse(record.lastActiveAt);
  if (idleFor > SESSION_IDLE_SECONDS * 1000 || Date.parse(record.expiresAt) <= now) {
    await deleteSession(record.sessionId);
    return null;
  }
  if (record.user.disabled) return null;
  if (idleFor > SESSION_TOUCH_SECONDS * 1000) await touchSession(record.sessionId);
  const { user } = record;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    indicatorIds: user.role === 'staff' && !user.allIndicators ? user.indicatorIds : null,
    actionIds: user.role === 'staff' && !user.allIndicators ? user.actionIds : null,
  };
}

/** For pages: anonymous → /login?next=<this page>; signed in without the permission → the 403 page. */
export async function requirePageUser(permission?: Permission): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    const path = safeNextPath((await headers()).get(PATHNAME_HEADER));
    redirect(path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`);
  }
  if (permission && !can(user, permission)) forbidden();
  return user;
}

/** For server actions: throws AuthorizationError('unauthenticated' | 'forbidden'). */
export async function requireActionUser(permission: Permission): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AuthorizationError('unauthenticated');
  if (!can(user, permission)) throw new AuthorizationError('forbidden');
  return user;
}
