// Who may do what. Pure: no I/O, so pages, actions, route handlers and tests share one table.

import { ROLES, type Role } from '@/lib/schemas/roles';

// declared in lib/schemas/roles (the account forms parse them there); re-exported for the permission table's users
export { ROLES, type Role };

export type Permission =
  | 'plans.read'
  | 'figures.enter'
  | 'figures.review'
  | 'figures.unlock'
  | 'plans.manage'
  | 'users.manage'
  | 'tokens.manage'
  | 'reports.export'
  | 'tasks.report'
  | 'tasks.review'
  | 'tasks.unlock'
  | 'tasks.manage';

export const PERMISSIONS: readonly Permission[] = [
  'plans.read',
  'figures.enter',
  'figures.review',
  'figures.unlock',
  'plans.manage',
  'users.manage',
  'tokens.manage',
  'reports.export',
  'tasks.report',
  'tasks.review',
  'tasks.unlock',
  'tasks.manage',
];

/** Permissions an API token may carry: read-only, whoever issued it. */
export const TOKEN_PERMISSIONS: readonly Permission[] = ['plans.read', 'reports.export'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // 管理员: everything the others may do, plus users, plans, indicator definitions and unlocking
  admin: PERMISSIONS,
  // 录入员: enter and submit figures (for all indicators or only the assigned ones, see canEnterIndicator)
  // and report progress on key tasks (all actions, or only the assigned ones, see canReportAction)
  staff: ['plans.read', 'figures.enter', 'reports.export', 'tasks.report'],
  // 审核员: approve or return submitted figures
  // and approve or return submitted key-task reports
  reviewer: ['plans.read', 'figures.review', 'reports.export', 'tasks.review'],
  // 领导: read everything, change nothing
  leader: ['plans.read', 'reports.export'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(user: { role: Role; disabled?: boolean } | null, permission: Permission): boolean {
  if (!user || user.disabled) return false;
  return ROLE_PERMISSIONS[user.role].includes(permission);
}

/** The signed-in person as every check sees it (the shape lives here so this module stays pure). */
export interface SessionUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  disabled: boolean;
  /** staff with a limited scope: the indicators they may enter; null = all */
  indicatorIds: number[] | null;
  /** staff with a limited scope: the key-task actions they may report; null (or absent) = all */
  actionIds?: number[] | null;
}

/** May this user enter figures for this indicator? Staff are limited to their assignment when they have one. */
export function canEnterIndicator(user: SessionUser | null, indicatorId: number): boolean {
  if (!can(user, 'figures.enter')) return false;
  if (user!.role !== 'staff' || user!.indicatorIds === null) return true;
  return user!.indicatorIds.includes(indicatorId);
}

/**
 * May this user report progress on this key-task action? The figures' rule: a staff member whose scope is
 * limited (an admin assigned indicators) reports only the actions assigned to them; otherwise every action.
 */
export function canReportAction(user: SessionUser | null, actionId: number): boolean {
  if (!can(user, 'tasks.report')) return false;
  if (user!.role !== 'staff' || user!.indicatorIds === null) return true;
  return (user!.actionIds ?? []).includes(actionId);
}
