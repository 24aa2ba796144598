// The role table as the issue specifies it, written out (not derived from ROLE_PERMISSIONS).
import { describe, expect, it } from 'vitest';
import { can, canEnterIndicator, canReportAction, PERMISSIONS, ROLES, type Permission, type Role, type SessionUser } from '@/lib/auth/permissions';

const EXPECTED: Record<Permission, readonly Role[]> = {
  'plans.read': ['admin', 'staff', 'reviewer', 'leader'],
  'reports.export': ['admin', 'staff', 'reviewer', 'leader'],
  'figures.enter': ['admin', 'staff'],
  'figures.review': ['admin', 'reviewer'],
  'figures.unlock': ['admin'],
  'plans.manage': ['admin'],
  'users.manage': ['admin'],
  'tokens.manage': ['admin'],
  'tasks.report': ['admin', 'staff'],
  'tasks.review': ['admin', 'reviewer'],
  'tasks.unlock': ['admin'],
  'tasks.manage': ['admin'],
};

const user = (role: Role, extra: Partial<SessionUser> = {}): SessionUser => ({ id: 'u', username: 'u', name: 'U', role, disabled: false, indicatorIds: null, ...extra });

describe('permissions', () => {
  it.each(PERMISSIONS)('%s is granted exactly to the specified roles', (permission) => {
    expect(ROLES.filter((role) => can({ role }, permission))).toEqual(EXPECTED[permission]);
  });

  it('grants nothing to anonymous or disabled users', () => {
    for (const permission of PERMISSIONS) {
      expect(can(null, permission)).toBe(false);
      expect(can(user('admin', { disabled: true }), permission)).toBe(false);
    }
  });

  it('limits staff to their assigned indicators, and lets a leader enter none', () => {
    expect(canEnterIndicator(user('staff'), 7)).toBe(true);
    expect(canEnterIndicator(user('staff', { indicatorIds: [3, 7] }), 7)).toBe(true);
    expect(canEnterIndicator(user('staff', { indicatorIds: [3] }), 7)).toBe(false);
    expect(canEnterIndicator(user('admin'), 7)).toBe(true);
    expect(canEnterIndicator(user('leader'), 7)).toBe(false);
    expect(canEnterIndicator(user('reviewer'), 7)).toBe(false);
    expect(canEnterIndicator(null, 7)).toBe(false);
  });

  it('limits staff with a limited scope to their assigned key-task actions; reviewers and leaders report none', () => {
    expect(canReportAction(user('staff'), 4)).toBe(true);
    expect(canReportAction(user('staff', { indicatorIds: [3], actionIds: [4] }), 4)).toBe(true);
    expect(canReportAction(user('staff', { indicatorIds: [3], actionIds: [5] }), 4)).toBe(false);
    expect(canReportAction(user('staff', { indicatorIds: [3] }), 4)).toBe(false);
    expect(canReportAction(user('admin', { indicatorIds: [3], actionIds: [] }), 4)).toBe(true);
    expect(canReportAction(user('reviewer'), 4)).toBe(false);
    expect(canReportAction(user('leader'), 4)).toBe(false);
    expect(canReportAction(null, 4)).toBe(false);
  });
});
