// The roles an account can have, declared once: the account forms parse them here, and
// lib/auth/permissions (what each role may do) builds on them.
export const ROLES = ['admin', 'staff', 'reviewer', 'leader'] as const;
export type Role = (typeof ROLES)[number];
