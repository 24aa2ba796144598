// One account per role for the end-to-end tests. These passwords exist only in the e2e database that
// scripts/e2e-server.ts creates and drops; no normal start ever creates them.
import type { Role } from '../../../lib/auth/permissions';

export const E2E_USERS: Record<Role, { username: string; name: string; password: string }> = {
  admin: { username: 'e2e_admin', name: '测试管理员', password: 'e2e-only-admin-pw' },
  staff: { username: 'e2e_staff', name: '测试录入员', password: 'e2e-only-staff-pw' },
  reviewer: { username: 'e2e_reviewer', name: '测试审核员', password: 'e2e-only-reviewer-pw' },
  leader: { username: 'e2e_leader', name: '测试领导', password: 'e2e-only-leader-pw' },
};
